package dev.sqllint.extract.java;

import com.github.javaparser.ast.DataKey;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.WhileStmt;
import dev.sqllint.sql.Placeholders;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads an {@code if} condition on one path, so that branches the code cannot take together are not
 * combined: a condition written twice ({@code if (balanceRequired)} ... {@code if (balanceRequired)}),
 * a boolean flag the code set ({@code whereAdded = true}), the emptiness of the string being built itself
 * ({@code if (sql.length() > 0) sql.append(" and ")}), and {@code &&}, {@code ||} and {@code !} over them.
 * Conditions that call something with a visible side effect ({@code it.next()}) or create objects are
 * never treated as repeatable. Getters are taken to return the same value twice, as code that tests one
 * twice to build one statement relies on.
 */
final class Conditions {

    /** Calls whose value changes from one call to the next; a condition holding one is not a repeatable fact. */
    private static final Set<String> IMPURE = Set.of("next", "hasNext", "poll", "pop", "push", "remove", "add", "put",
            "read", "readLine", "incrementAndGet", "getAndIncrement", "decrementAndGet", "compareAndSet", "nextInt",
            "nextLong", "random", "currentTimeMillis", "nanoTime", "now", "offer", "take");
    /** The library spellings of "is not empty" and the positive test each negates. */
    private static final Map<String, String> NEGATED_TESTS = Map.of("isNotBlank", "isBlank", "isNotEmpty", "isEmpty",
            "nonNull", "isNull");

    private final String tracked;
    /** Index variables (and iterators) of the loops whose body is being read as its one pass. */
    private final Set<String> onePass = new HashSet<>();

    /** {@code tracked}: the string or builder being followed; its emptiness is read from each path's text. */
    Conditions(String tracked) {
        this.tracked = tracked;
    }

    /**
     * A loop's body is read as one pass, standing for a list of one item: that item is the first and the
     * last, so {@code if (i > 0) sql.append(", ")} and {@code if (i < n - 1) sql.append(" AND ")} do not
     * add their separator (a list of two would be the same shape with the separator in between).
     */
    void enterPass(Statement loop) {
        onePass.addAll(passNames(loop));
    }

    void leavePass(Statement loop) {
        onePass.removeAll(passNames(loop));
    }

    /** {@code i} of {@code for (int i = 0; ...)}; {@code it} of {@code while (it.hasNext())}. */
    private static Set<String> passNames(Statement loop) {
        Set<String> out = new HashSet<>();
        if (loop instanceof ForStmt f) {
            for (Expression init : f.getInitialization()) {
                if (init instanceof VariableDeclarationExpr v) {
                    for (VariableDeclarator d : v.getVariables()) {
                        if (d.getInitializer().filter(i -> i.toString().equals("0")).isPresent()) out.add(d.getNameAsString());
                    }
                } else if (init instanceof AssignExpr a && a.getTarget() instanceof NameExpr n && a.getValue().toString().equals("0")) {
                    out.add(n.getNameAsString());
                }
            }
        } else if (loop instanceof WhileStmt w && unwrap(w.getCondition()) instanceof MethodCallExpr m
                && m.getNameAsString().equals("hasNext") && m.getScope().isPresent()) {
            out.add(key(m.getScope().get()) + ".hasNext()");
        }
        // int idx = 0; for (X x : xs) { ...; idx++; }: a counter kept by hand is an index too
        for (UnaryExpr u : loop.findAll(UnaryExpr.class)) {
            if ((u.getOperator() == UnaryExpr.Operator.POSTFIX_INCREMENT || u.getOperator() == UnaryExpr.Operator.PREFIX_INCREMENT)
                    && u.getExpression() instanceof NameExpr n && initializedTo(n, "0")) {
                out.add(n.getNameAsString());
            }
        }
        return out;
    }

    /** Whether {@code n} names a local declared with that initializer (spaces ignored). */
    private static boolean initializedTo(NameExpr n, String init) {
        Declarations.Resolved r = Declarations.resolve(n.getNameAsString(), n);
        return r != null && r.kind() == Declarations.Resolved.Kind.LOCAL
                && r.local().getInitializer().map(i -> i.toString().replaceAll("\\s+", "")).filter(i -> i.equals(init)
                        || init.equals("-1") && i.endsWith("-1")).isPresent();
    }

    /** On the one pass: is this a test of being first or last? TRUE, FALSE, or null when not such a test. */
    private Boolean passTest(Expression c) {
        if (onePass.isEmpty()) return null;
        if (c instanceof MethodCallExpr m && m.getNameAsString().equals("hasNext") && m.getScope().isPresent()
                && onePass.contains(key(m.getScope().get()) + ".hasNext()")) {
            return false; // the one item is the last
        }
        if (!(c instanceof BinaryExpr b)) return null;
        BinaryExpr.Operator op = b.getOperator();
        Expression left = unwrap(b.getLeft());
        Expression right = unwrap(b.getRight());
        if (isIndex(right) && !isIndex(left)) { // 0 < i: read as i > 0
            Expression t = left;
            left = right;
            right = t;
            op = mirror(op);
        }
        if (isIndex(left)) {
            String r = right.toString().replaceAll("\\s+", "");
            if (r.equals("0")) { // first: i == 0
                return switch (op) {
                    case EQUALS, LESS_EQUALS -> true;
                    case NOT_EQUALS, GREATER -> false;
                    default -> null;
                };
            }
            if (r.equals("1") && (op == BinaryExpr.Operator.GREATER_EQUALS || op == BinaryExpr.Operator.LESS)) {
                return op == BinaryExpr.Operator.LESS;
            }
            if (r.endsWith("-1") || right instanceof NameExpr last && initializedTo(last, "-1")) { // last: i == n - 1
                return switch (op) {
                    case EQUALS, GREATER_EQUALS -> true;
                    case NOT_EQUALS, LESS -> false;
                    default -> null;
                };
            }
        }
        if (left instanceof BinaryExpr plus && plus.getOperator() == BinaryExpr.Operator.PLUS && isIndex(unwrap(plus.getLeft()))
                && plus.getRight().toString().equals("1")) { // last: i + 1 == n
            return switch (op) {
                case EQUALS, GREATER_EQUALS -> true;
                case NOT_EQUALS, LESS -> false;
                default -> null;
            };
        }
        return null;
    }

    private boolean isIndex(Expression e) {
        return e instanceof NameExpr n && onePass.contains(n.getNameAsString());
    }

    /** TRUE or FALSE when the path decides the condition, null when it could go either way. */
    Boolean eval(Expression c, FlowPath p) {
        c = unwrap(c);
        if (c instanceof BooleanLiteralExpr b) return b.getValue();
        if (c instanceof UnaryExpr u && u.getOperator() == UnaryExpr.Operator.LOGICAL_COMPLEMENT) {
            Boolean v = eval(u.getExpression(), p);
            return v == null ? null : !v;
        }
        if (c instanceof BinaryExpr b && (b.getOperator() == BinaryExpr.Operator.AND || b.getOperator() == BinaryExpr.Operator.OR)) {
            boolean and = b.getOperator() == BinaryExpr.Operator.AND;
            Boolean l = eval(b.getLeft(), p);
            if (l != null && l != and) return l; // false && ..., true || ...
            Boolean r = eval(b.getRight(), p);
            if (r != null && r != and) return r;
            return l != null && r != null ? and : null;
        }
        Emptiness e = emptiness(c);
        if (e != null) return e.value(p);
        Boolean pass = passTest(c);
        if (pass != null) return pass;
        Facts.Literal l = literal(c);
        return l == null ? null : p.facts().value(l);
    }

    /** The path once the condition is known to be {@code value}, or null when the path cannot have it so. */
    FlowPath assume(Expression c, boolean value, FlowPath p) {
        if (p == null) return null;
        c = unwrap(c);
        Boolean now = eval(c, p);
        if (now != null) return now == value ? p : null;
        if (c instanceof UnaryExpr u && u.getOperator() == UnaryExpr.Operator.LOGICAL_COMPLEMENT) {
            return assume(u.getExpression(), !value, p);
        }
        if (c instanceof BinaryExpr b && (b.getOperator() == BinaryExpr.Operator.AND || b.getOperator() == BinaryExpr.Operator.OR)) {
            boolean and = b.getOperator() == BinaryExpr.Operator.AND;
            if (value == and) return assume(b.getRight(), value, assume(b.getLeft(), value, p)); // both operands decided
            // a || b is true, or a && b is false: one of the operands (negated for &&) holds
            List<Facts.Literal> any = new ArrayList<>();
            for (Expression operand : chain(b, b.getOperator())) {
                Facts.Literal l = literal(unwrap(operand));
                if (l == null) return p; // an operand that is not a plain condition: nothing is learnt
                any.add(value ? l : l.negated());
            }
            Facts f = p.facts().withClause(any);
            return f == null ? null : p.withFacts(f);
        }
        if (emptiness(c) != null) return p; // the text is what it is; an unknown part may or may not be empty
        Facts.Literal l = literal(c);
        if (l == null) return p;
        Facts f = p.facts().with(value ? l : l.negated());
        return f == null ? null : p.withFacts(f);
    }

    /** A condition as a fact to remember, or null when it cannot be one (it changes state, or is not stable). */
    static Facts.Literal literal(Expression c) {
        // read once per path through the method, the same few conditions over and over: the literal is kept on the
        // node (so it goes with its syntax tree), as printing the condition for its key is the costly part
        synchronized (c) { // a tree the project index shares may be read by two analyses at once
            // a clone carries a copy of its original's data and may then be changed (arguments bound when a call is
            // followed into its method): only a literal read from this very node counts
            if (c.containsData(LITERAL) && c.getData(LITERAL).node() == c) return c.getData(LITERAL).literal();
        }
        Facts.Literal l = readLiteral(c);
        synchronized (c) {
            c.setData(LITERAL, new Memo(c, l));
        }
        return l;
    }

    /** The literal read from {@code node} (null: not a repeatable fact). */
    private record Memo(Expression node, Facts.Literal literal) {
    }

    private static final DataKey<Memo> LITERAL = new DataKey<>() {
    };

    private static Facts.Literal readLiteral(Expression c) {
        c = unwrap(c);
        if (c instanceof UnaryExpr u && u.getOperator() == UnaryExpr.Operator.LOGICAL_COMPLEMENT) {
            Facts.Literal inner = literal(u.getExpression());
            return inner == null ? null : inner.negated();
        }
        if (!stable(c)) return null;
        if (c instanceof BinaryExpr b && (b.getOperator() == BinaryExpr.Operator.EQUALS || b.getOperator() == BinaryExpr.Operator.NOT_EQUALS)) {
            boolean equals = b.getOperator() == BinaryExpr.Operator.EQUALS;
            Expression other = b.getRight() instanceof NullLiteralExpr ? b.getLeft() : b.getLeft() instanceof NullLiteralExpr ? b.getRight() : null;
            String key = other != null ? key(other) + " == null" : key(b.getLeft()) + " == " + key(b.getRight());
            return new Facts.Literal(key, names(c), equals);
        }
        if (c instanceof MethodCallExpr m && NEGATED_TESTS.containsKey(m.getNameAsString())) {
            String positive = m.getScope().map(s -> key(s) + ".").orElse("") + NEGATED_TESTS.get(m.getNameAsString())
                    + "(" + String.join(", ", m.getArguments().stream().map(Conditions::key).toList()) + ")";
            return new Facts.Literal(positive, names(c), false);
        }
        return new Facts.Literal(key(c), names(c), true);
    }

    private static boolean stable(Expression c) {
        if (c instanceof LambdaExpr) return false;
        for (Node n : c.findAll(Node.class)) {
            if (n instanceof AssignExpr || n instanceof ObjectCreationExpr || n instanceof LambdaExpr) return false;
            if (n instanceof UnaryExpr u && (u.getOperator().isPostfix() || u.getOperator().isPrefix())
                    && u.getOperator() != UnaryExpr.Operator.LOGICAL_COMPLEMENT && u.getOperator() != UnaryExpr.Operator.MINUS
                    && u.getOperator() != UnaryExpr.Operator.PLUS) {
                return false;
            }
            if (n instanceof MethodCallExpr m && IMPURE.contains(m.getNameAsString())) return false;
        }
        return true;
    }

    /** The Java text of a condition, {@code this.} dropped and spaces collapsed: the same test reads the same. */
    static String key(Expression e) {
        return SPACES.matcher(THIS_DOT.matcher(e.toString()).replaceAll("")).replaceAll(" ");
    }

    /** Compiled once: String.replaceAll compiled both for every test of every path. */
    private static final java.util.regex.Pattern THIS_DOT = java.util.regex.Pattern.compile("\\bthis\\.");
    private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");

    /** The variables a condition reads ({@code this.flag} as {@code flag}): assigning one forgets the fact. */
    static Set<String> names(Expression c) {
        Set<String> out = new HashSet<>();
        for (NameExpr n : c.findAll(NameExpr.class)) out.add(n.getNameAsString());
        for (FieldAccessExpr f : c.findAll(FieldAccessExpr.class)) if (f.getScope() instanceof ThisExpr) out.add(f.getNameAsString());
        if (c instanceof NameExpr n) out.add(n.getNameAsString());
        return out;
    }

    private static List<Expression> chain(BinaryExpr b, BinaryExpr.Operator op) {
        List<Expression> out = new ArrayList<>();
        for (Expression side : List.of(b.getLeft(), b.getRight())) {
            Expression s = unwrap(side);
            if (s instanceof BinaryExpr inner && inner.getOperator() == op) out.addAll(chain(inner, op));
            else out.add(s);
        }
        return out;
    }

    private static Expression unwrap(Expression e) {
        while (e instanceof EnclosedExpr en) e = en.getInner();
        return e;
    }

    /** A test of the tracked text's emptiness: {@code sql.length() > 0}, {@code where.isEmpty()}, {@code StringUtils.isNotBlank(cond)}. */
    private record Emptiness(boolean blank, boolean holdsWhenEmpty) {
        Boolean value(FlowPath p) {
            String text = p.text().text();
            boolean empty;
            if (text.contains(Placeholders.DYNAMIC) || !p.text().isComplete()) {
                // an unknown part may be empty; known text around it is not
                if (text.replace(Placeholders.DYNAMIC, "").isBlank()) return null;
                empty = false;
            } else {
                empty = blank ? text.isBlank() : text.isEmpty();
            }
            return empty == holdsWhenEmpty;
        }
    }

    private Emptiness emptiness(Expression c) {
        if (c instanceof MethodCallExpr m && m.getArguments().isEmpty() && m.getScope().isPresent()) {
            String name = m.getNameAsString();
            Boolean trimmed = trackedRef(m.getScope().get());
            if (trimmed != null && name.equals("isEmpty")) return new Emptiness(trimmed, true);
            if (trimmed != null && name.equals("isBlank")) return new Emptiness(true, true);
        }
        if (c instanceof MethodCallExpr m && m.getArguments().size() == 1) {
            Boolean trimmed = trackedRef(m.getArgument(0));
            if (trimmed == null) return null;
            return switch (m.getNameAsString()) {
                case "isEmpty", "isNullOrEmpty" -> new Emptiness(trimmed, true);
                case "isBlank" -> new Emptiness(true, true);
                case "isNotEmpty", "hasLength" -> new Emptiness(trimmed, false);
                case "isNotBlank", "hasText" -> new Emptiness(true, false);
                default -> null;
            };
        }
        if (c instanceof BinaryExpr b) {
            boolean lengthLeft = isLengthCall(b.getLeft()) && isZeroOrOne(b.getRight());
            boolean lengthRight = isLengthCall(b.getRight()) && isZeroOrOne(b.getLeft());
            if (!lengthLeft && !lengthRight) return null;
            Expression call = lengthLeft ? b.getLeft() : b.getRight();
            int k = ((IntegerLiteralExpr) unwrap(lengthLeft ? b.getRight() : b.getLeft())).asNumber().intValue();
            Boolean trimmed = trackedRef(((MethodCallExpr) call).getScope().get());
            BinaryExpr.Operator op = b.getOperator();
            if (lengthRight) op = mirror(op);
            Boolean whenEmpty = switch (op) { // length() OP k, with length 0 when empty and at least 1 otherwise
                case EQUALS -> k == 0 ? Boolean.TRUE : null;
                case NOT_EQUALS, GREATER -> k == 0 ? Boolean.FALSE : null;
                case LESS -> k == 1 ? Boolean.TRUE : null;
                case GREATER_EQUALS -> k == 1 ? Boolean.FALSE : null;
                case LESS_EQUALS -> k == 0 ? Boolean.TRUE : null;
                default -> null;
            };
            return whenEmpty == null ? null : new Emptiness(trimmed, whenEmpty);
        }
        return null;
    }

    private static BinaryExpr.Operator mirror(BinaryExpr.Operator op) {
        return switch (op) {
            case GREATER -> BinaryExpr.Operator.LESS;
            case LESS -> BinaryExpr.Operator.GREATER;
            case GREATER_EQUALS -> BinaryExpr.Operator.LESS_EQUALS;
            case LESS_EQUALS -> BinaryExpr.Operator.GREATER_EQUALS;
            default -> op;
        };
    }

    private boolean isLengthCall(Expression e) {
        return unwrap(e) instanceof MethodCallExpr m && m.getNameAsString().equals("length") && m.getArguments().isEmpty()
                && m.getScope().isPresent() && trackedRef(m.getScope().get()) != null;
    }

    private static boolean isZeroOrOne(Expression e) {
        return unwrap(e) instanceof IntegerLiteralExpr i && (i.asNumber().intValue() == 0 || i.asNumber().intValue() == 1);
    }

    /** Whether {@code e} reads the tracked text: null if not, else whether it is trimmed first. */
    private Boolean trackedRef(Expression e) {
        e = unwrap(e);
        if (e instanceof NameExpr n) return n.getNameAsString().equals(tracked) ? Boolean.FALSE : null;
        if (e instanceof MethodCallExpr m && m.getArguments().isEmpty() && m.getScope().isPresent()) {
            String name = m.getNameAsString();
            Boolean inner = trackedRef(m.getScope().get());
            if (inner == null) return null;
            if (name.equals("toString")) return inner;
            if (name.equals("trim") || name.equals("strip")) return Boolean.TRUE;
        }
        return null;
    }
}
