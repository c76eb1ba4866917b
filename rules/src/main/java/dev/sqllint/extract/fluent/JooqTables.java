package dev.sqllint.extract.fluent;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import dev.sqllint.extract.fluent.JooqValue.Cond;
import dev.sqllint.extract.fluent.JooqValue.Field;
import dev.sqllint.extract.fluent.JooqValue.Join;
import dev.sqllint.extract.fluent.JooqValue.Table;
import dev.sqllint.extract.fluent.JooqValue.TableRef;
import dev.sqllint.extract.fluent.JooqValue.Unknown;
import dev.sqllint.sql.Origin;
import dev.sqllint.sql.SqlText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Tables: generated ones by name ({@code BOOK} is {@code book}), their columns, aliases
 * ({@code BOOK.as("b")}), and joins, whether written on a table ({@code BOOK.join(AUTHOR).on(...)}) or on a
 * select ({@code .from(BOOK).join(AUTHOR).onKey()}): the same steps, shared here.
 */
final class JooqTables {

    static final Map<String, String> JOINS = Map.ofEntries(
            Map.entry("join", "JOIN"), Map.entry("innerJoin", "JOIN"), Map.entry("leftJoin", "LEFT JOIN"),
            Map.entry("leftOuterJoin", "LEFT JOIN"), Map.entry("rightJoin", "RIGHT JOIN"),
            Map.entry("rightOuterJoin", "RIGHT JOIN"), Map.entry("fullJoin", "FULL JOIN"),
            Map.entry("fullOuterJoin", "FULL JOIN"), Map.entry("crossJoin", "CROSS JOIN"),
            Map.entry("naturalJoin", "NATURAL JOIN"), Map.entry("naturalLeftOuterJoin", "NATURAL LEFT JOIN"),
            Map.entry("straightJoin", "JOIN"));

    private final JooqEvaluator ev;

    JooqTables(JooqEvaluator ev) {
        this.ev = ev;
    }

    /** A generated table constant: {@code BOOK_STORE} is {@code book_store}. */
    Table generated(String constant, Node at) {
        String name = JooqNames.sqlName(constant);
        return new Table(new TableRef(name, null, SqlText.of(name, ev.cx.origin(at))));
    }

    /** {@code BOOK.AUTHOR_ID} is {@code book.author_id}; {@code b.AUTHOR_ID} is {@code b.author_id}. */
    Field column(Table t, String constant, Node at) {
        return new Field(SqlText.of(t.base().qualifier() + "." + JooqNames.sqlName(constant), ev.cx.origin(at)));
    }

    JooqValue apply(Table t, MethodCallExpr m) {
        String name = m.getNameAsString();
        Origin at = ev.cx.nameOrigin(m);
        int args = m.getArguments().size();
        String keyword = JOINS.get(name);
        if (keyword != null && args == 1) return join(t, keyword, ev.table(ev.eval(m.getArgument(0)), m.getArgument(0)), at);
        switch (name) {
            case "as":
            case "asTable":
                if (args >= 1 && t.joins().isEmpty()) {
                    String alias = ev.text(m.getArgument(0));
                    if (alias != null) return aliased(t.base(), JooqNames.alias(alias), at);
                }
                return t;
            case "on":
            case "onKey":
            case "using":
            case "and":
            case "or":
            case "andNot":
            case "orNot":
            case "andExists":
            case "orExists":
                return t.lastJoin() == null ? t : condition(t, m, t.refs().subList(0, t.refs().size() - t.lastJoin().right().refs().size()));
            case "field":
                if (args == 1) return field(t, m.getArgument(0), at);
                return new Unknown(at);
            case "asterisk":
            case "fields":
                return new Field(SqlText.of(t.base().qualifier() + ".*", at));
            default:
                // s.employee(): an implicit join path to another table, which sqllint does not model
                if (args == 0 && t.joins().isEmpty() && Character.isLowerCase(name.charAt(0)) && !name.startsWith("get")) {
                    return new Unknown(at);
                }
                return t; // where(...) on a table, rename(...), ...: the table
        }
    }

    /** {@code left JOIN right}, its condition still to come. */
    Table join(Table left, String keyword, Table right, Origin at) {
        return left.withJoin(new Join(keyword, at, right, null, null));
    }

    /**
     * The condition step of the last join: {@code .on(c)}, {@code .onKey()}, {@code .using(f)}, and
     * {@code .and(c)}/{@code .or(c)} after an {@code .on(...)}, which extend it. {@code earlier} are the tables
     * before the joined one, for {@code onKey()}.
     */
    Table condition(Table t, MethodCallExpr m, List<TableRef> earlier) {
        Join last = t.lastJoin();
        String name = m.getNameAsString();
        Origin at = ev.cx.nameOrigin(m);
        switch (name) {
            case "on":
                return t.withLastJoin(last.withOn(ev.fields.conditionArguments(m)));
            case "onKey":
                return t.withLastJoin(last.withOn(new JooqKeys(ev).withReferencesOf(m).onKey(last.right().base(), earlier, m)));
            case "using": {
                List<SqlText> cols = new ArrayList<>();
                for (Expression a : m.getArguments()) {
                    SqlText f = ev.value(ev.eval(a), a);
                    String text = f.text();
                    cols.add(SqlText.of(text.substring(text.lastIndexOf('.') + 1), f.originAt(0)));
                }
                return t.withLastJoin(last.withUsing(SqlText.of(" USING (", at).append(JooqQuery.list(cols, at)).append(SqlText.of(")", at))));
            }
            default: {
                Cond other = ev.fields.connectiveArgument(name, m, at);
                if (other == null || last.on() == null) return t;
                Cond on = name.startsWith("and") ? Cond.and(last.on(), other, at) : Cond.or(last.on(), other, at);
                return t.withLastJoin(last.withOn(on));
            }
        }
    }

    private Table aliased(TableRef base, String alias, Origin at) {
        SqlText sql = base.sql();
        if (base.name() != null && base.alias() != null) {
            sql = SqlText.of(base.name(), sql.originAt(0)); // BOOK.as("a").as("b")
        } else if (base.alias() != null && sql.text().endsWith(" AS " + base.alias())) {
            sql = sql.replace(sql.length() - (" AS " + base.alias()).length(), sql.length(), ""); // a derived table renamed
        }
        return new Table(new TableRef(base.name(), alias, sql.append(SqlText.of(" AS " + alias, at))));
    }

    /** {@code b.field(BOOK.AUTHOR_ID)} is {@code b.author_id}; {@code t.field("n")} is {@code t.n}. */
    private JooqValue field(Table t, Expression arg, Origin at) {
        JooqValue v = ev.eval(arg);
        String column;
        if (v instanceof Field f) {
            String text = f.sql().text();
            column = text.substring(text.lastIndexOf('.') + 1);
        } else {
            column = ev.text(arg);
        }
        if (column == null || !column.matches("[\\w$]+")) return new Unknown(at);
        return new Field(SqlText.of(t.base().qualifier() + "." + column, ev.cx.origin(arg)));
    }
}
