package dev.sqllint.extract.fluent;

import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import dev.sqllint.extract.fluent.JooqValue.Between;
import dev.sqllint.extract.fluent.JooqValue.Bind;
import dev.sqllint.extract.fluent.JooqValue.Cond;
import dev.sqllint.extract.fluent.JooqValue.Field;
import dev.sqllint.extract.fluent.JooqValue.Sort;
import dev.sqllint.extract.fluent.JooqValue.Unknown;
import dev.sqllint.sql.Origin;
import dev.sqllint.sql.SqlText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Methods of jOOQ fields and conditions: comparisons ({@code eq}, {@code in}, {@code like},
 * {@code between(a).and(b)}, ...), sorting ({@code desc()}), aliases, arithmetic and functions on a field,
 * and the condition connectives {@code and}, {@code or}, {@code andNot}, {@code orNot}, {@code not},
 * {@code andExists}, {@code orExists}. The operator text carries the origin of its method name.
 */
final class JooqFields {

    private static final Map<String, String> COMPARISONS = Map.ofEntries(
            Map.entry("eq", "="), Map.entry("equal", "="), Map.entry("ne", "<>"), Map.entry("notEqual", "<>"),
            Map.entry("lt", "<"), Map.entry("lessThan", "<"), Map.entry("le", "<="), Map.entry("lessOrEqual", "<="),
            Map.entry("gt", ">"), Map.entry("greaterThan", ">"), Map.entry("ge", ">="), Map.entry("greaterOrEqual", ">="),
            Map.entry("like", "LIKE"), Map.entry("notLike", "NOT LIKE"), Map.entry("likeIgnoreCase", "ILIKE"),
            Map.entry("notLikeIgnoreCase", "NOT ILIKE"), Map.entry("contains", "LIKE"), Map.entry("startsWith", "LIKE"),
            Map.entry("endsWith", "LIKE"), Map.entry("containsIgnoreCase", "ILIKE"), Map.entry("startsWithIgnoreCase", "ILIKE"),
            Map.entry("endsWithIgnoreCase", "ILIKE"), Map.entry("notContains", "NOT LIKE"),
            Map.entry("isDistinctFrom", "IS DISTINCT FROM"), Map.entry("isNotDistinctFrom", "IS NOT DISTINCT FROM"),
            Map.entry("equalIgnoreCase", "ILIKE"), Map.entry("similarTo", "SIMILAR TO"));
    private static final Map<String, String> ARITHMETIC = Map.ofEntries(
            Map.entry("plus", "+"), Map.entry("add", "+"), Map.entry("minus", "-"), Map.entry("sub", "-"),
            Map.entry("subtract", "-"), Map.entry("mul", "*"), Map.entry("multiply", "*"), Map.entry("times", "*"),
            Map.entry("div", "/"), Map.entry("divide", "/"), Map.entry("mod", "%"), Map.entry("modulo", "%"),
            Map.entry("concat", "||"));
    private static final Set<String> FUNCTIONS = Set.of("lower", "upper", "trim", "ltrim", "rtrim", "length",
            "charLength", "abs", "ceil", "floor", "round", "sign", "sqrt", "md5", "reverse", "max", "min", "sum", "avg",
            "count");

    private final JooqEvaluator ev;

    JooqFields(JooqEvaluator ev) {
        this.ev = ev;
    }

    JooqValue apply(JooqValue receiver, MethodCallExpr m) {
        if (receiver instanceof Cond c) return onCondition(c, m);
        if (receiver instanceof Between b) return onBetween(b, m);
        if (receiver instanceof Sort s) return onSort(s, m);
        SqlText field = receiver instanceof Field f ? f.sql()
                : receiver instanceof Unknown u ? u.sql() : ev.value(receiver, m);
        return onField(receiver instanceof Field f ? f : new Field(field), m);
    }

    private JooqValue onField(Field f, MethodCallExpr m) {
        String name = m.getNameAsString();
        Origin at = ev.cx.nameOrigin(m);
        SqlText sql = f.sql();
        int args = m.getArguments().size();
        String op = COMPARISONS.get(name);
        if (op != null && args >= 1) return comparison(sql, op, m.getArgument(0), at);
        switch (name) {
            case "in":
            case "notIn":
                return in(sql, name.equals("notIn") ? "NOT IN" : "IN", m, at);
            case "isNull":
            case "isNotNull":
                return new Cond(sql.append(SqlText.of(name.equals("isNull") ? " IS NULL" : " IS NOT NULL", at)), Cond.ATOM);
            case "isTrue":
            case "isFalse":
                return new Cond(sql.append(SqlText.of(name.equals("isTrue") ? " = TRUE" : " = FALSE", at)), Cond.ATOM);
            case "between":
            case "notBetween":
            case "betweenSymmetric":
                if (args == 2) {
                    return between(new Between(sql, operand(m.getArgument(0)), name.equals("notBetween"), at), m.getArgument(1), at);
                }
                return args == 1 ? new Between(sql, operand(m.getArgument(0)), name.equals("notBetween"), at) : new Unknown(at);
            case "desc":
            case "asc":
                return new Sort(sql.append(SqlText.of(name.equals("desc") ? " DESC" : " ASC", at)));
            case "sortDefault":
                return new Sort(sql);
            case "sort":
                return new Sort(args == 1 && m.getArgument(0).toString().endsWith("DESC") ? sql.append(SqlText.of(" DESC", at)) : sql);
            case "as":
                if (args == 1) {
                    String alias = ev.text(m.getArgument(0));
                    return new Field(sql, alias == null ? null : SqlText.of(JooqNames.alias(alias), at));
                }
                return f;
            default:
                break;
        }
        String arithmetic = ARITHMETIC.get(name);
        if (arithmetic != null && args == 1) {
            return new Field(JooqEvaluator.parenthesised(sql.append(SqlText.of(" " + arithmetic + " ", at)).append(operand(m.getArgument(0)))));
        }
        if (FUNCTIONS.contains(name) && args == 0) {
            return new Field(SqlText.of(JooqNames.sqlName(name) + "(", at).append(sql).append(SqlText.of(")", at)));
        }
        if (name.equals("field") || name.equals("getName") || name.equals("getType")) return new Unknown(at);
        return f; // cast, coerce, collate, convert, ...: the same column as far as the rules go
    }

    private SqlText operand(Expression e) {
        return ev.value(ev.eval(e), e);
    }

    private Cond comparison(SqlText left, String op, Expression right, Origin at) {
        SqlText r = operand(right);
        return new Cond(left.append(SqlText.of(" " + op + " ", at)).append(r), Cond.ATOM);
    }

    private Cond in(SqlText left, String op, MethodCallExpr m, Origin at) {
        SqlText head = left.append(SqlText.of(" " + op + " (", at));
        List<JooqValue> values = ev.arguments(m);
        if (values.size() == 1 && values.get(0) instanceof JooqQuery q) {
            return new Cond(head.append(q.render()).append(SqlText.of(")", at)), Cond.ATOM);
        }
        List<SqlText> parts = new ArrayList<>();
        for (JooqValue v : values) parts.add(v instanceof Bind b ? SqlText.of("?", b.origin()) : ev.value(v, m));
        if (parts.isEmpty()) parts.add(SqlText.of("?", at));
        return new Cond(head.append(JooqQuery.list(parts, at)).append(SqlText.of(")", at)), Cond.ATOM);
    }

    private JooqValue onBetween(Between b, MethodCallExpr m) {
        if (m.getNameAsString().equals("and") && m.getArguments().size() == 1) return between(b, m.getArgument(0), b.origin());
        return new Unknown(ev.cx.nameOrigin(m));
    }

    private Cond between(Between b, Expression high, Origin at) {
        SqlText s = b.field().append(SqlText.of(b.not() ? " NOT BETWEEN " : " BETWEEN ", at)).append(b.low())
                .append(SqlText.of(" AND ", at)).append(operand(high));
        return new Cond(s, Cond.ATOM);
    }

    private JooqValue onSort(Sort s, MethodCallExpr m) {
        Origin at = ev.cx.nameOrigin(m);
        return switch (m.getNameAsString()) {
            case "nullsFirst" -> new Sort(s.sql().append(SqlText.of(" NULLS FIRST", at)));
            case "nullsLast" -> new Sort(s.sql().append(SqlText.of(" NULLS LAST", at)));
            default -> s;
        };
    }

    private JooqValue onCondition(Cond c, MethodCallExpr m) {
        String name = m.getNameAsString();
        Origin at = ev.cx.nameOrigin(m);
        if (name.equals("not") && m.getArguments().isEmpty()) return Cond.not(c, at);
        Cond other = connectiveArgument(name, m, at);
        if (other == null) return name.equals("as") ? c : new Field(c.sql()); // field(condition) and friends
        return switch (name) {
            case "and", "andNot", "andExists", "andNotExists" -> Cond.and(c, other, at);
            default -> Cond.or(c, other, at);
        };
    }

    /**
     * The right-hand condition of a connective: {@code c2} of {@code .and(c2)}, {@code NOT (c2)} of
     * {@code .andNot(c2)}, {@code EXISTS (...)} of {@code .orExists(select)}; null when {@code m} is none.
     */
    Cond connectiveArgument(String name, MethodCallExpr m, Origin at) {
        if (m.getArguments().isEmpty()) return null;
        switch (name) {
            case "and":
            case "or":
                return conditionArguments(m);
            case "andNot":
            case "orNot":
                return Cond.not(conditionArguments(m), at);
            case "andExists":
            case "orExists":
                return ev.dsl.existsCondition(ev.eval(m.getArgument(0)), false, at);
            case "andNotExists":
            case "orNotExists":
                return ev.dsl.existsCondition(ev.eval(m.getArgument(0)), true, at);
            default:
                return null;
        }
    }

    /**
     * The condition the arguments of {@code where}, {@code on}, {@code and}, ... stand for: plain SQL with its
     * template arguments ({@code .where("b.id > ?", 3)}), or the conditions, AND-ed (varargs or a collection).
     */
    Cond conditionArguments(MethodCallExpr m) {
        if (!m.getArguments().isEmpty() && isPlainSql(m.getArgument(0))) return new Cond(ev.plain.first(m, 0), Cond.ATOM);
        Cond out = Cond.NONE;
        for (JooqValue v : ev.arguments(m)) out = Cond.and(out, ev.condition(v, m), ev.cx.nameOrigin(m));
        return out;
    }

    /** A string (plain SQL) rather than a condition: {@code .and("x = ?", v)}. */
    boolean isPlainSql(Expression e) {
        JooqValue v = ev.eval(e);
        return v instanceof Bind && !(e.isIntegerLiteralExpr() || e.isLongLiteralExpr());
    }
}
