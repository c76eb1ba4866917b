package dev.sqllint.extract.java;

import com.github.javaparser.ast.expr.ArrayCreationExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import dev.sqllint.sql.SqlText;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code MessageFormat.format(query, tablePrefix, schedName)}, the arguments given one by one or as
 * {@code new Object[]{...}}: the pattern's text with each {@code {n}} (or {@code {n,type}}) replaced by
 * argument n folded; an unknown argument written against a name is glued to it as its prefix
 * ({@code {0}JOB_DETAILS}). As MessageFormat does, {@code ''} is one quote and text between single quotes is
 * literal. A pattern that is not known text is not read.
 */
final class MessageFormats {

    private MessageFormats() {
    }

    static Optional<List<SqlText>> fold(MethodCallExpr m, StringFolder folder, int depth) {
        List<Expression> args = new ArrayList<>(m.getArguments().subList(1, m.getArguments().size()));
        if (args.size() == 1 && args.get(0) instanceof ArrayCreationExpr array && array.getInitializer().isPresent()) {
            args = new ArrayList<>(array.getInitializer().get().getValues());
        }
        List<SqlText> out = new ArrayList<>();
        for (SqlText pattern : folder.fold(m.getArgument(0), depth + 1)) {
            if (!hasText(pattern)) return Optional.empty(); // nothing of the pattern is known: nothing to fill in
            out = Variants.union(out, fill(pattern, args, m, folder, depth));
        }
        return Optional.of(out);
    }

    private static List<SqlText> fill(SqlText pattern, List<Expression> args, MethodCallExpr call, StringFolder folder, int depth) {
        String text = pattern.text();
        List<SqlText> out = List.of(SqlText.empty());
        int last = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\'') {
                out = Variants.concat(out, List.of(FormatCalls.slice(pattern, last, i)));
                int close = text.indexOf('\'', i + 1);
                if (close == i + 1) { // '' is one quote
                    out = Variants.concat(out, List.of(FormatCalls.slice(pattern, i, i + 1)));
                    last = i = i + 2;
                    continue;
                }
                int end = close < 0 ? text.length() : close;
                out = Variants.concat(out, List.of(FormatCalls.slice(pattern, i + 1, end)));
                last = i = Math.min(text.length(), end + 1);
                continue;
            }
            if (c == '{') {
                int close = text.indexOf('}', i);
                Integer index = close < 0 ? null : argumentIndex(text.substring(i + 1, close));
                if (index != null) {
                    out = Variants.concat(out, List.of(FormatCalls.slice(pattern, last, i)));
                    Expression arg = index < args.size() ? args.get(index) : null;
                    boolean plain = close == i + 1 + String.valueOf(index).length();
                    List<SqlText> value = arg == null ? List.of(FormatCalls.slice(pattern, i, close + 1))
                            : plain ? FormatCalls.glued(folder.fold(arg, depth + 1), text, i, close + 1)
                            : folder.valuePlaceholder(arg); // {0,number}, {1,date}: a value
                    out = Variants.concat(out, value);
                    last = i = close + 1;
                    continue;
                }
            }
            i++;
        }
        return Variants.concat(out, List.of(FormatCalls.slice(pattern, last, text.length())));
    }

    /** Some of the text is known, not only placeholders (a constant built with a number from elsewhere still is). */
    static boolean hasText(SqlText t) {
        return !t.text().replace(dev.sqllint.sql.Placeholders.DYNAMIC, "").isBlank();
    }

    private static Integer argumentIndex(String inside) {
        String n = inside.contains(",") ? inside.substring(0, inside.indexOf(',')) : inside;
        n = n.strip();
        if (n.isEmpty() || n.length() > 3 || !n.chars().allMatch(Character::isDigit)) return null;
        return Integer.parseInt(n);
    }
}
