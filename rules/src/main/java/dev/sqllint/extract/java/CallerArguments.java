package dev.sqllint.extract.java;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.stmt.ReturnStmt;
import dev.sqllint.sql.SqlText;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A project method folded for one call: its text parameters stand for what the caller passes. Only methods
 * whose body reads a text parameter, called with some known text, are folded per call; the rest
 * keep one folding for all callers (memory: a per-call folding is never cached). The bindings are per thread,
 * as one file is analysed on one thread.
 */
final class CallerArguments {

    private record Frame(MethodDeclaration method, Map<String, List<SqlText>> values) {
    }

    private static final ThreadLocal<Deque<Frame>> FRAMES = ThreadLocal.withInitial(ArrayDeque::new);
    private static final int MAX_FRAMES = 4;
    private static final Set<String> TEXT_TYPES = Set.of("String", "CharSequence", "Object", "StringBuilder", "StringBuffer");

    private CallerArguments() {
    }

    /** The caller's folded arguments by parameter name, when folding {@code d} per call is worth it. */
    static Optional<Map<String, List<SqlText>>> of(MethodDeclaration d, MethodCallExpr call,
                                                    Function<Expression, List<SqlText>> fold) {
        if (d.getParameters().size() != call.getArguments().size()) return Optional.empty();
        if (FRAMES.get().size() >= MAX_FRAMES) return Optional.empty();
        Set<String> read = parametersReadByReturns(d);
        if (read.isEmpty()) return Optional.empty();
        Map<String, List<SqlText>> out = new HashMap<>();
        boolean known = false;
        for (int i = 0; i < d.getParameters().size(); i++) {
            Parameter p = d.getParameter(i);
            if (!read.contains(p.getNameAsString()) || p.isVarArgs() || !TEXT_TYPES.contains(p.getType().asString())) continue;
            List<SqlText> value = fold.apply(call.getArgument(i));
            if (value.stream().anyMatch(CallerArguments::hasText)) known = true;
            out.put(p.getNameAsString(), value);
        }
        return known ? Optional.of(out) : Optional.empty();
    }

    /** Runs {@code work} with {@code values} standing for {@code d}'s parameters. */
    static List<SqlText> binding(MethodDeclaration d, Map<String, List<SqlText>> values, Supplier<List<SqlText>> work) {
        Deque<Frame> frames = FRAMES.get();
        frames.push(new Frame(d, values));
        try {
            return work.get();
        } finally {
            frames.pop();
        }
    }

    /** Whether no method is being folded for one caller on this thread (so a folding holds for every caller). */
    static boolean unbound() {
        return FRAMES.get().isEmpty();
    }

    /** What the caller passed for the parameter {@code use} names, or null when the method is not folded per call. */
    static List<SqlText> bound(NameExpr use) {
        Deque<Frame> frames = FRAMES.get();
        if (frames.isEmpty()) return null;
        Frame top = frames.peek();
        Node method = use.findAncestor(MethodDeclaration.class).orElse(null);
        return method == top.method() ? top.values().get(use.getNameAsString()) : null;
    }

    /**
     * The bound parameter's values where {@code use} reads it: what was passed, or, when the method appends to
     * it or assigns it first ({@code hql += " where ..."}, {@code sql.append(...)}), what that makes of it.
     */
    static List<SqlText> atUse(StringFolder folder, NameExpr use, List<SqlText> passed, int depth) {
        MethodDeclaration method = use.findAncestor(MethodDeclaration.class).orElse(null);
        if (method == null || method.getBody().isEmpty()) return passed;
        String name = use.getNameAsString();
        Parameter parameter = method.getParameterByName(name).orElse(null);
        if (parameter == null || !changedIn(method, name)) return passed;
        return LocalFlow.ofParameter(folder, method, parameter, passed, use, depth + 1);
    }

    private static boolean changedIn(MethodDeclaration method, String name) {
        for (com.github.javaparser.ast.expr.AssignExpr a : method.getBody().get().findAll(com.github.javaparser.ast.expr.AssignExpr.class)) {
            if (a.getTarget() instanceof NameExpr t && t.getNameAsString().equals(name)) return true;
        }
        for (MethodCallExpr m : method.getBody().get().findAll(MethodCallExpr.class)) {
            if (m.getScope().filter(s -> s instanceof NameExpr n && n.getNameAsString().equals(name)).isPresent()
                    && (m.getNameAsString().equals("append") || m.getNameAsString().equals("insert") || m.getNameAsString().equals("setLength"))) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> parametersReadByReturns(MethodDeclaration d) {
        Set<String> names = new HashSet<>();
        for (Parameter p : d.getParameters()) names.add(p.getNameAsString());
        Set<String> read = new HashSet<>();
        if (d.getBody().isEmpty() || d.getBody().get().findAll(ReturnStmt.class).isEmpty()) return read;
        // read anywhere in the body: String query = rtp(q); ...; return query; reads q on the way
        for (NameExpr n : d.getBody().get().findAll(NameExpr.class)) {
            if (names.contains(n.getNameAsString())) read.add(n.getNameAsString());
        }
        return read;
    }

    private static boolean hasText(SqlText t) {
        return !t.text().replace(dev.sqllint.sql.Placeholders.DYNAMIC, "").isBlank();
    }
}
