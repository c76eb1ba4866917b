package dev.sqllint.extract.jdbi.templates;

/**
 * Where a StringTemplate expression ends. Both readers of StringTemplate text need it: the group-file parser
 * ({@link TemplateNodes}) and the expansion of inline templates into their variants
 * ({@code extract.jdbi.StringTemplateVariants}); one scanner, so the two never disagree on where {@code <...>} ends.
 */
public final class TemplateExpressions {

    private TemplateExpressions() {
    }

    /**
     * Just past the {@code >} that closes the expression opened by the {@code <} at {@code start}, skipping nested
     * {@code {...}} and {@code (...)} and string literals, whose {@code \"} escapes do not close them
     * ({@code <ids; separator="\">">}); the text's end when nothing closes it.
     */
    public static int end(String s, int start) {
        int braces = 0;
        int parens = 0;
        for (int j = start + 1; j < s.length(); j++) {
            char c = s.charAt(j);
            if (c == '"') {
                int close = j + 1;
                while (close < s.length() && s.charAt(close) != '"') close += s.charAt(close) == '\\' ? 2 : 1;
                if (close >= s.length()) return s.length();
                j = close;
            } else if (c == '{') {
                braces++;
            } else if (c == '}') {
                braces = Math.max(0, braces - 1);
            } else if (c == '(') {
                parens++;
            } else if (c == ')') {
                parens = Math.max(0, parens - 1);
            } else if (c == '>' && braces == 0 && parens == 0) {
                return j + 1;
            }
        }
        return s.length();
    }
}
