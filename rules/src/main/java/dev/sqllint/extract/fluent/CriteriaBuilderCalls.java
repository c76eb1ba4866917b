package dev.sqllint.extract.fluent;

import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import dev.sqllint.extract.fluent.CriteriaValue.Bind;
import dev.sqllint.extract.fluent.CriteriaValue.EntityClass;
import dev.sqllint.extract.fluent.CriteriaValue.Expr;
import dev.sqllint.extract.fluent.CriteriaValue.InValues;
import dev.sqllint.extract.fluent.CriteriaValue.Order;
import dev.sqllint.extract.fluent.CriteriaValue.Pred;
import dev.sqllint.extract.fluent.CriteriaValue.Unknown;
import dev.sqllint.extract.fluent.CriteriaValue.Values;
import dev.sqllint.extract.fluent.JooqValue.Cond;
import dev.sqllint.sql.Origin;
import dev.sqllint.sql.SqlText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The methods of {@code CriteriaBuilder}: queries ({@code createQuery}), predicates ({@code and}, {@code or},
 * {@code not}, comparisons, {@code like}, {@code between}, {@code isNull}, {@code exists}, {@code in}),
 * aggregates ({@code count}, {@code countDistinct}), functions by their JPQL name, literals and parameters,
 * {@code asc}/{@code desc}, and {@code construct}/{@code tuple} selections.
 */
final class CriteriaBuilderCalls {

    private static final Map<String, String> COMPARISONS = Map.ofEntries(Map.entry("equal", "="),
            Map.entry("notEqual", "<>"), Map.entry("greaterThan", ">"), Map.entry("gt", ">"),
            Map.entry("greaterThanOrEqualTo", ">="), Map.entry("ge", ">="), Map.entry("lessThan", "<"),
            Map.entry("lt", "<"), Map.entry("lessThanOrEqualTo", "<="), Map.entry("le", "<="),
            Map.entry("like", "LIKE"), Map.entry("notLike", "NOT LIKE"));
    private static final Map<String, String> ARITHMETIC = Map.of("sum", "+", "diff", "-", "prod", "*", "quot", "/");
    /** Functions that keep their name in JPQL; {@code greatest}/{@code least} are the aggregates max/min. */
    private static final Map<String, String> FUNCTIONS = Map.ofEntries(Map.entry("sum", "sum"), Map.entry("avg", "avg"),
            Map.entry("max", "max"), Map.entry("min", "min"), Map.entry("greatest", "max"), Map.entry("least", "min"),
            Map.entry("sumAsLong", "sum"), Map.entry("sumAsDouble", "sum"), Map.entry("abs", "abs"),
            Map.entry("sqrt", "sqrt"), Map.entry("mod", "mod"), Map.entry("lower", "lower"), Map.entry("upper", "upper"),
            Map.entry("trim", "trim"), Map.entry("length", "length"), Map.entry("concat", "concat"),
            Map.entry("substring", "substring"), Map.entry("locate", "locate"), Map.entry("coalesce", "coalesce"),
            Map.entry("nullif", "nullif"), Map.entry("size", "size"));
    private static final Map<String, String> NOW = Map.of("currentDate", "CURRENT_DATE", "currentTime", "CURRENT_TIME",
            "currentTimestamp", "CURRENT_TIMESTAMP", "localDate", "CURRENT_DATE", "localDateTime", "CURRENT_TIMESTAMP",
            "localTime", "CURRENT_TIME");

    private final CriteriaInterpreter in;

    CriteriaBuilderCalls(CriteriaInterpreter in) {
        this.in = in;
    }

    CriteriaValue apply(MethodCallExpr m) {
        String name = m.getNameAsString();
        Origin at = in.cx.nameOrigin(m);
        List<Expression> args = m.getArguments();
        if (COMPARISONS.containsKey(name) && args.size() >= 2) return comparison(m, COMPARISONS.get(name), at);
        if (ARITHMETIC.containsKey(name) && args.size() == 2) return arithmetic(m, ARITHMETIC.get(name), at);
        if (FUNCTIONS.containsKey(name) && !args.isEmpty()) return function(FUNCTIONS.get(name), in.all(args), m, at);
        if (NOW.containsKey(name)) return new Expr(SqlText.of(NOW.get(name), at));
        switch (name) {
            case "createQuery", "createTupleQuery" -> {
                return new CriteriaSelect(null, at);
            }
            case "and", "or" -> {
                Cond out = Cond.NONE;
                for (CriteriaValue v : in.arguments(m)) {
                    Cond c = in.condition(v, m);
                    out = name.equals("and") ? Cond.and(out, c, at) : Cond.or(out, c, at);
                }
                return new Pred(out);
            }
            case "not" -> {
                return args.size() == 1 ? new Pred(Cond.not(in.condition(in.eval(args.get(0)), m), at)) : new Unknown(at);
            }
            case "conjunction", "disjunction" -> {
                return new Pred(Cond.NONE); // true or false: a start that the and/or around it absorbs
            }
            case "between" -> {
                if (args.size() != 3) return new Unknown(at);
                return atom(in.operand(in.eval(args.get(0)), m).append(SqlText.of(" BETWEEN ", at))
                        .append(in.operand(in.eval(args.get(1)), m)).append(SqlText.of(" AND ", at))
                        .append(in.operand(in.eval(args.get(2)), m)));
            }
            case "isNull", "isNotNull" -> {
                return args.size() == 1 ? atom(in.operand(in.eval(args.get(0)), m)
                        .append(SqlText.of(name.equals("isNull") ? " IS NULL" : " IS NOT NULL", at))) : new Unknown(at);
            }
            case "isTrue", "isFalse" -> {
                return args.size() == 1 ? atom(in.operand(in.eval(args.get(0)), m)
                        .append(SqlText.of(name.equals("isTrue") ? " = TRUE" : " = FALSE", at))) : new Unknown(at);
            }
            case "exists" -> {
                if (args.size() != 1 || !(in.eval(args.get(0)) instanceof CriteriaSelect q)) return atom(SqlText.placeholder(at));
                return atom(SqlText.of("EXISTS ", at).append(JooqEvaluator.parenthesised(q.render())));
            }
            case "in" -> {
                return args.size() == 1 ? new InValues(in.operand(in.eval(args.get(0)), m), at) : new Unknown(at);
            }
            case "count", "countDistinct" -> {
                if (args.size() != 1) return new Unknown(at);
                String distinct = name.equals("countDistinct") ? "DISTINCT " : "";
                return new Expr(SqlText.of("count(" + distinct, at).append(in.selectItem(in.eval(args.get(0)), m))
                        .append(SqlText.of(")", at)));
            }
            case "asc", "desc" -> {
                if (args.isEmpty()) return new Unknown(at);
                SqlText key = in.operand(in.eval(args.get(0)), m);
                return new Order(name.equals("desc") ? key.append(SqlText.of(" DESC", at)) : key);
            }
            case "neg" -> {
                return args.size() == 1 ? new Expr(SqlText.of("-", at).append(in.operand(in.eval(args.get(0)), m))) : new Unknown(at);
            }
            case "construct", "tuple", "array" -> {
                List<CriteriaValue> items = new ArrayList<>();
                for (CriteriaValue v : in.arguments(m)) if (!(v instanceof EntityClass)) items.add(v);
                return new Values(items);
            }
            case "literal" -> {
                return args.size() == 1 ? in.eval(args.get(0)) : new Unknown(at);
            }
            case "nullLiteral" -> {
                return new Expr(SqlText.of("NULL", at));
            }
            case "parameter" -> {
                return new Bind(at, null, null);
            }
            case "function" -> {
                String function = !args.isEmpty() && in.eval(args.get(0)) instanceof Bind b ? b.text() : null;
                if (function == null || !function.matches("\\w+")) return new Unknown(at);
                return function(function, in.all(args.subList(Math.min(2, args.size()), args.size())), m, at);
            }
            case "treat" -> {
                return args.isEmpty() ? new Unknown(at) : in.eval(args.get(0));
            }
            default -> {
                // isEmpty, isMember, selectCase, createCriteriaUpdate, ...: JPQL the parser does not take, or not read
                return new Unknown(at);
            }
        }
    }

    private CriteriaValue comparison(MethodCallExpr m, String operator, Origin at) {
        SqlText left = in.operand(in.eval(m.getArgument(0)), m.getArgument(0));
        SqlText right = in.operand(in.eval(m.getArgument(1)), m.getArgument(1));
        return atom(left.append(SqlText.of(" " + operator + " ", at)).append(right));
    }

    private CriteriaValue arithmetic(MethodCallExpr m, String operator, Origin at) {
        SqlText left = in.operand(in.eval(m.getArgument(0)), m.getArgument(0));
        SqlText right = in.operand(in.eval(m.getArgument(1)), m.getArgument(1));
        return new Expr(SqlText.of("(", at).append(left).append(SqlText.of(" " + operator + " ", at)).append(right)
                .append(SqlText.of(")", at)));
    }

    private CriteriaValue function(String function, List<CriteriaValue> args, MethodCallExpr m, Origin at) {
        List<SqlText> parts = new ArrayList<>();
        for (CriteriaValue v : args) parts.add(in.operand(v, m));
        return new Expr(SqlText.of(function + "(", at).append(JooqQuery.list(parts, at)).append(SqlText.of(")", at)));
    }

    private static Pred atom(SqlText sql) {
        return new Pred(new Cond(sql, Cond.ATOM));
    }
}
