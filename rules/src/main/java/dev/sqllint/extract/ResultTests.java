package dev.sqllint.extract;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LongLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * How the Java uses the value a query call returns, when all it does is test it against zero: {@code
 * jdbc.queryForObject(sql, Integer.class) > 0}, or a local {@code count} whose every use is {@code count > 0},
 * {@code count == 0}, {@code count >= 1} ... (null checks aside). A rule then knows the query's number is only a
 * yes/no. Anything else (returned, added, passed on, shown) is a use as a number, and gives nothing.
 */
final class ResultTests {

    /** Calls that only unwrap the value: {@code .single()}, {@code .intValue()}, {@code .getSingleResult()} ... */
    private static final Set<String> UNWRAPPING = Set.of("intValue", "longValue", "single", "singleValue", "optional",
            "orElse", "getSingleResult", "uniqueResult", "query", "one", "first", "findOne", "fetchOne");

    private ResultTests() {
    }

    /**
     * The zero test the result of {@code call} only feeds, as written with its line ({@code "count > 0" at line 12}),
     * or empty.
     */
    static Optional<String> zeroTestOf(MethodCallExpr call) {
        Expression value = call;
        // climb the chain that only unwraps the value: client.sql(q).query(Long.class).single(), ((Number) x).longValue()
        while (true) {
            Node parent = value.getParentNode().orElse(null);
            if (parent instanceof MethodCallExpr m && m.getScope().isPresent() && m.getScope().get() == value
                    && isUnwrapping(m)) {
                value = m; // em.createNativeQuery(sql).setParameter(1, x).getSingleResult()
            } else if (parent instanceof CastExpr || parent instanceof EnclosedExpr) {
                value = (Expression) parent;
            } else {
                break;
            }
        }
        Node parent = value.getParentNode().orElse(null);
        if (parent instanceof BinaryExpr b && isZeroTest(b, value)) return Optional.of(describe(b, value));
        String variable = null;
        if (parent instanceof VariableDeclarator v && v.getInitializer().isPresent() && v.getInitializer().get() == value) {
            variable = v.getNameAsString();
        } else if (parent instanceof AssignExpr a && a.getValue() == value && a.getTarget() instanceof NameExpr n
                && a.getOperator() == AssignExpr.Operator.ASSIGN) {
            variable = n.getNameAsString();
        }
        if (variable == null) return Optional.empty();
        return localOnlyZeroTested(variable, value);
    }

    private static boolean isUnwrapping(MethodCallExpr m) {
        String name = m.getNameAsString();
        return UNWRAPPING.contains(name) || name.startsWith("set") || name.equals("param") || name.equals("params");
    }

    /** Every use of the local in its method is a zero test or a null check, and there is at least one test. */
    private static Optional<String> localOnlyZeroTested(String variable, Node at) {
        Optional<CallableDeclaration> method = at.findAncestor(CallableDeclaration.class);
        if (method.isEmpty()) return Optional.empty();
        String first = null;
        List<NameExpr> uses = method.get().findAll(NameExpr.class, n -> n.getNameAsString().equals(variable));
        for (NameExpr use : uses) {
            Node parent = use.getParentNode().orElse(null);
            while (parent instanceof EnclosedExpr) parent = parent.getParentNode().orElse(null);
            if (parent instanceof AssignExpr a && a.getTarget() == use) return Optional.empty(); // assigned again
            if (!(parent instanceof BinaryExpr b)) return Optional.empty();
            Expression other = b.getLeft() == use || unwrap(b.getLeft()) == use ? b.getRight() : b.getLeft();
            if (other instanceof NullLiteralExpr) continue;
            if (!isZeroTest(b, other == b.getRight() ? b.getLeft() : b.getRight())) return Optional.empty();
            if (first == null) first = describe(b, use);
        }
        return Optional.ofNullable(first);
    }

    private static Expression unwrap(Expression e) {
        while (e instanceof EnclosedExpr en) e = en.getInner();
        return e;
    }

    /**
     * {@code value > 0}, {@code value != 0}, {@code value >= 1}, {@code value == 0}, {@code value < 1},
     * {@code value <= 0}, and the same with the sides swapped.
     */
    private static boolean isZeroTest(BinaryExpr b, Expression value) {
        boolean left = unwrap(b.getLeft()) == unwrap(value) || b.getLeft() == value;
        Expression other = left ? b.getRight() : b.getLeft();
        Long n = number(other);
        if (n == null) return false;
        BinaryExpr.Operator op = left ? b.getOperator() : flip(b.getOperator());
        return switch (op) {
            case GREATER, NOT_EQUALS, EQUALS, LESS_EQUALS -> n == 0;
            case GREATER_EQUALS, LESS -> n == 1;
            default -> false;
        };
    }

    private static BinaryExpr.Operator flip(BinaryExpr.Operator op) {
        return switch (op) {
            case GREATER -> BinaryExpr.Operator.LESS;
            case LESS -> BinaryExpr.Operator.GREATER;
            case GREATER_EQUALS -> BinaryExpr.Operator.LESS_EQUALS;
            case LESS_EQUALS -> BinaryExpr.Operator.GREATER_EQUALS;
            default -> op;
        };
    }

    private static Long number(Expression e) {
        e = unwrap(e);
        try {
            if (e instanceof IntegerLiteralExpr i) return i.asNumber().longValue();
            if (e instanceof LongLiteralExpr l) return l.asNumber().longValue();
        } catch (NumberFormatException ex) {
            return null;
        }
        return null;
    }

    /** {@code `count > 0` (line 12)}, or {@code `queryForObject(...) > 0` (line 12)} for the call itself. */
    private static String describe(BinaryExpr b, Expression value) {
        boolean left = unwrap(b.getLeft()) == unwrap(value) || b.getLeft() == value;
        String side = brief(value);
        String other = (left ? b.getRight() : b.getLeft()).toString();
        String text = left ? side + " " + b.getOperator().asString() + " " + other
                : other + " " + b.getOperator().asString() + " " + side;
        return "`" + text + "`" + b.getBegin().map(p -> " (line " + p.line + ")").orElse("");
    }

    private static String brief(Expression value) {
        Expression e = unwrap(value);
        while (e instanceof CastExpr c) e = unwrap(c.getExpression());
        if (e instanceof MethodCallExpr m) return m.getNameAsString() + "(...)";
        return e.toString();
    }
}
