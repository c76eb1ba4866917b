package dev.sqllint.extract.java;

import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import dev.sqllint.sql.Placeholders;
import dev.sqllint.sql.SqlText;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The ways code takes back the separator a loop appended last, on a local StringBuilder:
 * {@code sql.replace(sql.lastIndexOf(" union "), sql.length(), "")}, {@code sb.setLength(sb.length() - 5)},
 * {@code sb.delete(sb.length() - 2, sb.length())} and {@code sb.deleteCharAt(sb.length() - 1)}. Applied to every variant, so {@code "a union b union "}
 * ends as {@code "a union b"} rather than with a dangling {@code union} the parser rejects.
 */
final class BuilderTrims {

    private BuilderTrims() {
    }

    /** The variants after the call, or empty when the call is not one of these shapes. */
    static Optional<List<SqlText>> apply(MethodCallExpr m, List<SqlText> state, StringFolder folder, int depth) {
        String method = m.getNameAsString();
        if (method.equals("replace") && m.getArguments().size() == 3 && isCall(m.getArgument(0), "lastIndexOf", 1)
                && isCall(m.getArgument(1), "length", 0) && m.getArgument(2) instanceof StringLiteralExpr s && s.getValue().isEmpty()) {
            List<SqlText> separator = folder.fold(((MethodCallExpr) m.getArgument(0)).getArgument(0), depth);
            if (separator.size() != 1 || !separator.get(0).isComplete() || separator.get(0).length() == 0) return Optional.empty();
            String sep = separator.get(0).text();
            return Optional.of(map(state, v -> {
                int at = v.text().lastIndexOf(sep);
                return at < 0 ? v : cut(v, at);
            }));
        }
        if ((method.equals("setLength") || method.equals("deleteCharAt")) && m.getArguments().size() == 1) {
            Optional<Integer> back = lengthMinus(m.getArgument(0));
            if (back.isEmpty()) return Optional.empty();
            int n = method.equals("setLength") ? back.get() : 1; // deleteCharAt(len - 1) drops one character
            if (method.equals("deleteCharAt") && back.get() != 1) return Optional.empty();
            return Optional.of(map(state, v -> cut(v, Math.max(0, v.length() - n))));
        }
        if (method.equals("delete") && m.getArguments().size() == 2 && isCall(m.getArgument(1), "length", 0)) {
            Optional<Integer> back = lengthMinus(m.getArgument(0)); // sb.delete(sb.length() - 2, sb.length())
            if (back.isEmpty()) return Optional.empty();
            return Optional.of(map(state, v -> cut(v, Math.max(0, v.length() - back.get()))));
        }
        return Optional.empty();
    }

    /**
     * The text without its end from {@code from}. When the end is an unknown part, the characters taken back
     * are taken from it (the separator a helper appended is inside what it appended), so it stays whole.
     */
    private static SqlText cut(SqlText v, int from) {
        if (from >= v.length() || v.length() == 0) return v;
        String unknown = Placeholders.DYNAMIC + " ";
        if (v.text().endsWith(unknown) && from > v.length() - unknown.length() - 1) return v;
        return v.replace(from, v.length(), "");
    }

    private static List<SqlText> map(List<SqlText> state, java.util.function.UnaryOperator<SqlText> f) {
        List<SqlText> out = new ArrayList<>();
        for (SqlText v : state) out.add(f.apply(v));
        return Variants.distinct(out);
    }

    /** {@code x.length() - k}: k. */
    private static Optional<Integer> lengthMinus(Expression e) {
        if (e instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.MINUS && isCall(b.getLeft(), "length", 0)
                && b.getRight() instanceof IntegerLiteralExpr k) {
            return Optional.of(k.asNumber().intValue());
        }
        return Optional.empty();
    }

    private static boolean isCall(Expression e, String name, int args) {
        return e instanceof MethodCallExpr c && c.getNameAsString().equals(name) && c.getArguments().size() == args;
    }
}
