package dev.sqllint.extract.java;

import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import dev.sqllint.sql.Placeholders;
import dev.sqllint.sql.SqlText;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code String.format("select * from (%s) a where %s", inner, where)} and {@code "...".formatted(...)}:
 * the format's text with each {@code %s} replaced by its argument, folded; other conversions ({@code %d},
 * {@code %x}) are values, so unknown parts. A format that is not known text is not read.
 */
final class FormatCalls {

    private static final Pattern SPECIFIER = Pattern.compile("%(\\d+\\$)?([-#+ 0,(<]*)(\\d+)?(\\.\\d+)?([a-zA-Z%])");

    private FormatCalls() {
    }

    static Optional<List<SqlText>> fold(MethodCallExpr m, StringFolder folder, int depth) {
        Expression format;
        List<Expression> args;
        String method = m.getNameAsString();
        if (method.equals("format") && m.getScope().map(s -> s.toString().equals("String")).orElse(false) && !m.getArguments().isEmpty()) {
            int first = m.getArgument(0).toString().contains("Locale") && m.getArguments().size() > 1 ? 1 : 0;
            format = m.getArgument(first);
            args = m.getArguments().subList(first + 1, m.getArguments().size());
        } else if (method.equals("formatted") && m.getScope().isPresent()) {
            format = m.getScope().get();
            args = m.getArguments();
        } else if (method.equals("format") && !m.getArguments().isEmpty()
                && m.getScope().map(s -> s.toString().endsWith("MessageFormat")).orElse(false)) {
            return MessageFormats.fold(m, folder, depth);
        } else {
            return Optional.empty();
        }
        List<SqlText> out = new ArrayList<>();
        for (SqlText f : folder.fold(format, depth + 1)) {
            if (!MessageFormats.hasText(f)) return Optional.empty(); // the format itself is unknown: nothing to fill in
            out = Variants.union(out, fill(f, args, m, folder, depth));
        }
        return Optional.of(out);
    }

    private static boolean startsSpecifier(String text, int at) {
        Matcher m = SPECIFIER.matcher(text);
        return m.find(at) && m.start() == at && m.group(5).charAt(0) != '%' && m.group(5).charAt(0) != 'n';
    }

    private static List<SqlText> fill(SqlText format, List<Expression> args, MethodCallExpr call, StringFolder folder, int depth) {
        String text = format.text();
        Matcher s = SPECIFIER.matcher(text);
        List<SqlText> out = List.of(SqlText.empty());
        int last = 0;
        int next = 0;
        int previousEnd = -1;
        while (s.find()) {
            out = Variants.concat(out, List.of(slice(format, last, s.start())));
            last = s.end();
            char conversion = s.group(5).charAt(0);
            if (conversion == '%') {
                out = Variants.concat(out, List.of(slice(format, s.start(), s.start() + 1)));
                continue;
            }
            if (conversion == 'n') {
                out = Variants.concat(out, List.of(SqlText.of("\n", format.originAt(s.start()))));
                continue;
            }
            int index = s.group(1) != null ? Integer.parseInt(s.group(1).substring(0, s.group(1).length() - 1)) - 1
                    : s.group(2).contains("<") ? next - 1 : next++;
            Expression arg = index >= 0 && index < args.size() ? args.get(index) : null;
            boolean text1 = conversion == 's' || conversion == 'S';
            // a neighbouring specifier (%s%s) is another value, not a name written against this one
            char before = s.start() == previousEnd || s.start() == 0 ? ' ' : text.charAt(s.start() - 1);
            char after = startsSpecifier(text, s.end()) || s.end() == text.length() ? ' ' : text.charAt(s.end());
            out = Variants.concat(out, arg != null && text1 ? glued(folder.fold(arg, depth + 1), before, after)
                    : folder.valuePlaceholder(arg != null ? arg : call)); // %d, %x, %f: a number
            previousEnd = s.end();
        }
        return Variants.concat(out, List.of(slice(format, last, text.length())));
    }

    /**
     * An unknown value written against a name ({@code "FROM %sjob_details"}, {@code "{0}TRIGGERS"}) is a
     * prefix of that name: the placeholder is glued to it, unpadded, so the name stays one identifier
     * that the schema lookup can recognise ({@link dev.sqllint.schema.Schema#table}).
     */
    static List<SqlText> glued(List<SqlText> value, String text, int start, int end) {
        return glued(value, start > 0 ? text.charAt(start - 1) : ' ', end < text.length() ? text.charAt(end) : ' ');
    }

    /** As above, {@code before} and {@code after} being the text written on either side (a blank: none). */
    private static List<SqlText> glued(List<SqlText> value, char before, char after) {
        if (!Character.isJavaIdentifierPart(before) && !Character.isJavaIdentifierPart(after)) return value;
        String padded = " " + Placeholders.DYNAMIC + " ";
        List<SqlText> out = new ArrayList<>();
        for (SqlText v : value) {
            if (!v.isComplete() && v.text().equals(padded)) {
                if (closes(after)) v = v.replace(padded.length() - 1, padded.length(), "");
                if (closes(before)) v = v.replace(0, 1, "");
            }
            out.add(v);
        }
        return out;
    }

    /** The placeholder's pad is not needed next to this character: a name it continues, a blank, a quote. */
    private static boolean closes(char c) {
        return Character.isJavaIdentifierPart(c) || Character.isWhitespace(c) || c == '\'' || c == '"';
    }

    static SqlText slice(SqlText t, int from, int to) {
        if (from >= to) return SqlText.empty();
        return t.replace(to, t.length(), "").replace(0, from, "");
    }
}
