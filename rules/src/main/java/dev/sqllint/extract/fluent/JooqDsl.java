package dev.sqllint.extract.fluent;

import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import dev.sqllint.extract.fluent.JooqValue.Bind;
import dev.sqllint.extract.fluent.JooqValue.Cond;
import dev.sqllint.extract.fluent.JooqValue.Dsl;
import dev.sqllint.extract.fluent.JooqValue.Field;
import dev.sqllint.extract.fluent.JooqValue.Table;
import dev.sqllint.extract.fluent.JooqValue.TableRef;
import dev.sqllint.extract.fluent.JooqValue.Unknown;
import dev.sqllint.sql.Origin;
import dev.sqllint.sql.Placeholders;
import dev.sqllint.sql.SqlText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The static methods of {@code DSL} (statically imported or not) and the select entry points of a
 * {@code DSLContext}: selects, {@code exists}, {@code and}/{@code or}/{@code not}, {@code count()},
 * {@code countDistinct}, bind values, plain-SQL conditions, fields and tables, and other SQL functions by
 * their name.
 */
final class JooqDsl {

    private static final Set<String> NOW = Set.of("currentTimestamp", "now", "currentLocalDateTime",
            "currentOffsetDateTime", "currentInstant", "localDateTime");
    private static final Set<String> TODAY = Set.of("currentDate", "currentLocalDate");
    private static final Set<String> UNREADABLE = Set.of("when", "case_", "choose", "decode", "any", "all", "values",
            "with", "withRecursive", "insertInto", "update", "deleteFrom", "mergeInto", "unnest", "array", "multisetAgg");

    private final JooqEvaluator ev;

    JooqDsl(JooqEvaluator ev) {
        this.ev = ev;
    }

    /** A method of {@code DSL}. */
    JooqValue staticCall(MethodCallExpr m) {
        String name = m.getNameAsString();
        Origin at = ev.cx.nameOrigin(m);
        if (JooqRoots.SELECTS.contains(name)) return select(m);
        switch (name) {
            case "using":
                return new Dsl();
            case "exists":
            case "notExists":
                return exists(m, name.equals("notExists"), at);
            case "and":
            case "or": {
                Cond out = Cond.NONE;
                for (JooqValue v : ev.arguments(m)) {
                    Cond c = ev.condition(v, m);
                    out = name.equals("and") ? Cond.and(out, c, at) : Cond.or(out, c, at);
                }
                return out;
            }
            case "not":
                return m.getArguments().size() == 1 ? Cond.not(ev.condition(ev.eval(m.getArgument(0)), m), at) : new Unknown(at);
            case "noCondition":
                return Cond.NONE;
            case "trueCondition":
                return new Cond(SqlText.of("1 = 1", at), Cond.ATOM);
            case "falseCondition":
                return new Cond(SqlText.of("1 = 0", at), Cond.ATOM);
            case "condition":
                return condition(m, at);
            case "field":
                return field(m, at);
            case "table":
                return table(m, at);
            case "name":
            case "quotedName":
            case "unquotedName":
                return new Field(SqlText.of(dotted(m), at));
            case "val":
            case "value":
            case "param":
                return new Field(SqlText.of("?", ev.cx.origin(m)));
            case "inline":
                return new Field(SqlText.of(inline(m), ev.cx.origin(m)));
            case "count":
                return count(m, at, false);
            case "countDistinct":
                return count(m, at, true);
            case "asterisk":
                return new Field(SqlText.of("*", at));
            case "one":
                return new Field(SqlText.of("1", at));
            case "zero":
                return new Field(SqlText.of("0", at));
            case "row":
                return new Field(JooqEvaluator.parenthesised(values(m)));
            case "cast":
            case "coerce":
            case "castNull":
                return m.getArguments().isEmpty() ? new Unknown(at) : asField(ev.eval(m.getArgument(0)), m.getArgument(0));
            case "lateral":
                return m.getArguments().size() == 1 ? ev.eval(m.getArgument(0)) : new Unknown(at);
            case "multiset":
                return field(m, at); // a nested collection: its select, as a subquery
            default:
                break;
        }
        if (NOW.contains(name)) return new Field(SqlText.of("CURRENT_TIMESTAMP", at));
        if (TODAY.contains(name)) return new Field(SqlText.of("CURRENT_DATE", at));
        if (UNREADABLE.contains(name)) return new Unknown(at);
        // JSON and XML functions have their own grammar: their arguments keep the columns they read
        if (name.startsWith("json") || name.startsWith("xml") || name.equals("key")) {
            return new Field(SqlText.of(Placeholders.DYNAMIC + "(", at).append(values(m)).append(SqlText.of(")", at)));
        }
        // max(f), coalesce(a, b), lower(f), greatest(...): a function of the same name
        return new Field(SqlText.of(JooqNames.sqlName(name).replaceAll("_+$", "") + "(", at).append(values(m))
                .append(SqlText.of(")", at)));
    }

    /** A method of a {@code DSLContext} other than the query-running ones the site finder reads. */
    JooqValue contextCall(MethodCallExpr m) {
        if (JooqRoots.SELECTS.contains(m.getNameAsString())) return select(m);
        if (m.getNameAsString().startsWith("fetch") || m.getNameAsString().startsWith("execute")) {
            return new Bind(ev.cx.origin(m), null); // a Java value read from the database
        }
        return new Unknown(ev.cx.origin(m));
    }

    /** {@code select(...)}, {@code selectDistinct(...)}, {@code selectFrom(T)}, {@code selectOne()}, {@code selectCount()}. */
    private JooqQuery select(MethodCallExpr m) {
        Origin at = ev.cx.nameOrigin(m);
        JooqQuery q = new JooqQuery(at);
        switch (m.getNameAsString()) {
            case "selectDistinct":
                q.distinctOrigin = at;
                q.items = items(m);
                break;
            case "selectFrom":
                if (m.getArguments().size() == 1) {
                    Table t = ev.table(ev.eval(m.getArgument(0)), m.getArgument(0));
                    q.from = List.of(t);
                    q.fromOrigin = at;
                    q.items = List.of(SqlText.of(t.base().qualifier() + ".*", at));
                }
                break;
            case "selectOne":
                q.items = List.of(SqlText.of("1", at));
                break;
            case "selectZero":
                q.items = List.of(SqlText.of("0", at));
                break;
            case "selectCount":
                q.items = List.of(SqlText.of("count(*)", at));
                break;
            default:
                q.items = items(m);
        }
        return q;
    }

    private List<SqlText> items(MethodCallExpr m) {
        List<SqlText> out = new ArrayList<>();
        for (JooqValue v : ev.arguments(m)) out.add(ev.selectItem(v, m));
        return out;
    }

    private JooqValue asField(JooqValue v, Expression at) {
        return v instanceof Field f ? f : new Field(ev.value(v, at));
    }

    private JooqValue exists(MethodCallExpr m, boolean not, Origin at) {
        if (m.getArguments().size() != 1) return new Unknown(at);
        return existsCondition(ev.eval(m.getArgument(0)), not, at);
    }

    /** {@code EXISTS (SELECT ...)}, the keyword at {@code at}: {@code exists}, {@code whereExists}, {@code andExists}. */
    Cond existsCondition(JooqValue select, boolean not, Origin at) {
        SqlText sub = select instanceof JooqQuery q ? q.render() : SqlText.placeholder(at);
        SqlText kw = SqlText.of((not ? "NOT EXISTS" : "EXISTS") + " (", at);
        return new Cond(kw.append(sub).append(SqlText.of(")", at)), Cond.ATOM);
    }

    private JooqValue condition(MethodCallExpr m, Origin at) {
        if (m.getArguments().isEmpty()) return new Unknown(at);
        JooqValue first = ev.eval(m.getArgument(0));
        if (first instanceof Cond || first instanceof Field) return ev.condition(first, m);
        return new Cond(ev.plain.first(m, 0), Cond.ATOM);
    }

    private JooqValue field(MethodCallExpr m, Origin at) {
        if (m.getArguments().isEmpty()) return new Unknown(at);
        JooqValue first = ev.eval(m.getArgument(0));
        if (first instanceof JooqQuery q) return new Field(JooqEvaluator.parenthesised(q.render()));
        if (first instanceof Field f) return f; // field(name("b", "id"))
        if (first instanceof Cond c) return new Field(c.sql());
        return new Field(ev.plain.first(m, 0));
    }

    private JooqValue table(MethodCallExpr m, Origin at) {
        if (m.getArguments().isEmpty()) return new Unknown(at);
        JooqValue first = ev.eval(m.getArgument(0));
        if (first instanceof JooqQuery q) return ev.table(q, m);
        if (first instanceof Table t) return t;
        if (first instanceof Field f && isName(m.getArgument(0))) {
            String dotted = f.sql().text();
            String table = dotted.substring(dotted.lastIndexOf('.') + 1);
            return new Table(new TableRef(table, null, SqlText.of(table, ev.cx.origin(m.getArgument(0)))));
        }
        SqlText sql = ev.plain.first(m, 0);
        String text = sql.text().trim();
        // table("book"): a name; table("book b"): a name and an alias
        String[] words = text.split("\\s+");
        String name = words.length >= 1 && words[0].matches("[\\w.]+") ? words[0].substring(words[0].lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : null;
        String alias = words.length == 2 && name != null ? words[1] : words.length == 3 && words[1].equalsIgnoreCase("as") ? words[2] : null;
        return new Table(new TableRef(name, alias, sql));
    }

    private static boolean isName(Expression e) {
        return e instanceof MethodCallExpr m && m.getNameAsString().endsWith("ame");
    }

    private String dotted(MethodCallExpr m) {
        List<String> parts = new ArrayList<>();
        for (Expression a : m.getArguments()) {
            String t = ev.text(a);
            parts.add(t == null ? "sqllint_dyn" : t);
        }
        return String.join(".", parts);
    }

    private String inline(MethodCallExpr m) {
        if (m.getArguments().isEmpty()) return "?";
        Expression a = m.getArgument(0);
        if (a instanceof StringLiteralExpr s) return "'" + s.asString().replace("'", "''") + "'";
        if (a.isIntegerLiteralExpr() || a.isLongLiteralExpr() || a.isDoubleLiteralExpr() || a.isBooleanLiteralExpr()) {
            return a.toString().replaceAll("[lLdDfF_]$", "");
        }
        return "?";
    }

    private JooqValue count(MethodCallExpr m, Origin at, boolean distinct) {
        SqlText inner = m.getArguments().isEmpty() ? SqlText.of("*", at) : values(m);
        SqlText s = SqlText.of("count(", at);
        if (distinct) s = s.append(SqlText.of("DISTINCT ", at));
        return new Field(s.append(inner).append(SqlText.of(")", at)));
    }

    /** The arguments as operands, comma separated. */
    private SqlText values(MethodCallExpr m) {
        List<SqlText> parts = new ArrayList<>();
        for (Expression a : m.getArguments()) {
            JooqValue v = ev.eval(a);
            if (v instanceof JooqValue.ListOf l) {
                for (JooqValue item : l.items()) parts.add(ev.value(item, a));
            } else {
                parts.add(ev.value(v, a));
            }
        }
        return JooqQuery.list(parts, ev.cx.nameOrigin(m));
    }
}
