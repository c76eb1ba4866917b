package dev.sqllint.extract.java;

import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code if} tests of the same variables, written differently, decide together on one path:
 * {@code if (keys != null && !keys.isEmpty()) sql.append(" and k in (?")} and later
 * {@code if (keys != null && keys.size() > 0) sql.append(")")} both hold or both fail, so the parenthesis
 * one opens the other closes. A test is reduced to what it tests (the variable under {@code == null},
 * {@code isEmpty()}, {@code size() > 0}, {@code StringUtils.isNotBlank(x)}, ...); two tests with the same
 * subjects are twins. What the first decided is remembered as a fact on the path (forgotten when one of
 * its variables is assigned), and an undecided twin follows it.
 */
final class TwinTests {

    /** No-argument calls that test the size or emptiness of their receiver. */
    private static final Set<String> SIZE_TESTS = Set.of("isEmpty", "isBlank", "size", "length", "isPresent", "isNotEmpty");
    /** One-argument static tests of their argument ({@code StringUtils.isNotBlank(x)}, {@code Objects.nonNull(x)}). */
    private static final Set<String> ARGUMENT_TESTS = Set.of("isEmpty", "isNotEmpty", "isBlank", "isNotBlank", "hasText",
            "hasLength", "nonNull", "isNull", "isNotNull");

    private TwinTests() {
    }

    /** The decision an earlier twin of {@code c} took on this path, or null. */
    static Boolean earlier(Expression c, FlowPath p) {
        Facts.Literal l = literal(c);
        return l == null ? null : p.facts().value(l);
    }

    /** The path remembering that the test of {@code c}'s subjects went {@code value}. */
    static FlowPath remember(Expression c, boolean value, FlowPath p) {
        Facts.Literal l = literal(c);
        if (l == null) return p;
        Facts f = p.facts().with(value ? l : l.negated());
        return f == null ? p : p.withFacts(f);
    }

    private static Facts.Literal literal(Expression c) {
        Set<String> subjects = new TreeSet<>();
        if (!subjects(c, subjects) || subjects.isEmpty()) return null;
        Set<String> names = Conditions.names(c);
        if (names.isEmpty()) return null;
        return new Facts.Literal("twin " + subjects, names, true);
    }

    /** Adds what {@code c} tests; false when a part tests something that is not a variable's value. */
    private static boolean subjects(Expression c, Set<String> out) {
        while (c instanceof EnclosedExpr e) c = e.getInner();
        if (c instanceof UnaryExpr u && u.getOperator() == UnaryExpr.Operator.LOGICAL_COMPLEMENT) return subjects(u.getExpression(), out);
        if (c instanceof BinaryExpr b) {
            switch (b.getOperator()) {
                case AND, OR -> {
                    return subjects(b.getLeft(), out) && subjects(b.getRight(), out);
                }
                case EQUALS, NOT_EQUALS -> {
                    if (b.getRight() instanceof NullLiteralExpr) return subject(b.getLeft(), out);
                    if (b.getLeft() instanceof NullLiteralExpr) return subject(b.getRight(), out);
                    return sizeOf(b.getLeft(), out);
                }
                case GREATER, GREATER_EQUALS, LESS, LESS_EQUALS -> {
                    return sizeOf(b.getLeft(), out);
                }
                default -> {
                    return false;
                }
            }
        }
        if (c instanceof MethodCallExpr m) {
            if (m.getArguments().isEmpty() && m.getScope().isPresent() && SIZE_TESTS.contains(m.getNameAsString())) {
                return subject(m.getScope().get(), out);
            }
            if (m.getArguments().size() == 1 && m.getScope().isPresent() && ARGUMENT_TESTS.contains(m.getNameAsString())) {
                return subject(m.getArgument(0), out);
            }
        }
        return false;
    }

    /** {@code keys.size()} of {@code keys.size() > 0}: keys; a plain number {@code limit > 0}: limit. */
    private static boolean sizeOf(Expression e, Set<String> out) {
        while (e instanceof EnclosedExpr en) e = en.getInner();
        if (e instanceof MethodCallExpr m && m.getArguments().isEmpty() && m.getScope().isPresent()
                && SIZE_TESTS.contains(m.getNameAsString())) {
            return subject(m.getScope().get(), out);
        }
        return subject(e, out);
    }

    private static boolean subject(Expression e, Set<String> out) {
        while (e instanceof EnclosedExpr en) e = en.getInner();
        if (!(e instanceof com.github.javaparser.ast.expr.NameExpr) && !(e instanceof com.github.javaparser.ast.expr.FieldAccessExpr)) {
            return false; // a getter's value, a call: tested as written by Conditions, not tied to other tests
        }
        out.add(Conditions.key(e));
        return true;
    }
}
