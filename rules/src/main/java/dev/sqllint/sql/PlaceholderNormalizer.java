package dev.sqllint.sql;

/**
 * Rewrites the bind-parameter dialects of the Java data-access world into what JSqlParser accepts, keeping
 * the origin map: {@code ?1}, {@code :name}, {@code $1}, {@code #{x}} become {@code ?}; MyBatis
 * {@code ${x}} (text substitution) becomes an identifier placeholder; Spring Data's {@code #{#entityName}}
 * becomes the entity name. Also blanks tabs, carriage returns and the line breaks of blank lines (same length: a
 * run of blank lines ends a statement for JSqlParser) so that the parser's
 * line/column arithmetic matches ours, and unwraps JDBC call escapes {@code {call p(?)}}.
 */
public final class PlaceholderNormalizer {

    private PlaceholderNormalizer() {
    }

    public static SqlText normalize(SqlText sql, String entityName) {
        SqlText out = sql;
        String s = out.text();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            int end;
            String repl = null;
            if (c == '\'' || c == '"' || c == '`') {
                i = skipQuoted(s, i, c);
                continue;
            } else if (c == '-' && next(s, i) == '-') {
                i = lineEnd(s, i);
                continue;
            } else if (c == '/' && next(s, i) == '*') {
                int close = s.indexOf("*/", i + 2);
                i = close < 0 ? s.length() : close + 2;
                continue;
            } else if ((c == '#' || c == '$') && next(s, i) == '{') {
                end = matchingBrace(s, i + 1);
                String inner = s.substring(i + 2, Math.max(i + 2, end - 1)).trim();
                if (c == '$') repl = Placeholders.DYNAMIC;
                else if (inner.equals("#entityName")) repl = entityName != null ? entityName : Placeholders.ENTITY;
                else repl = "?";
            } else if ((c == ':' || c == '?') && next(s, i) == '#' && i + 2 < s.length() && s.charAt(i + 2) == '{') {
                end = matchingBrace(s, i + 2); // Spring Data SpEL parameter :#{...} or ?#{...}
                repl = "?";
            } else if (c == '?' && Character.isDigit(next(s, i))) {
                end = digitsEnd(s, i + 1);
                repl = "?";
            } else if (c == '$' && Character.isDigit(next(s, i)) && !isIdentPart(prev(s, i))) {
                end = digitsEnd(s, i + 1);
                repl = "?";
            } else if (c == ':' && Character.isJavaIdentifierStart(next(s, i)) && prev(s, i) != ':'
                    && !isIdentPart(prev(s, i))) {
                end = i + 1;
                while (end < s.length() && isIdentPart(s.charAt(end))) end++;
                repl = "?";
            } else if (c == '\t' || c == '\r' || c == '\f') {
                end = i + 1;
                repl = " ";
            } else if (c == '\n' && followsBlankLine(s, i)) {
                end = i + 1; // JSqlParser ends a statement at a run of blank lines, which a dynamic tag left out leaves
                repl = " ";
            } else {
                i++;
                continue;
            }
            if (repl.equals("?") && followsBareIn(s, i)) repl = "(?)"; // JPQL: x IN :ids
            out = out.replace(i, end, repl);
            s = out.text();
            i += repl.length();
        }
        return unwrapCallEscape(out);
    }

    /** Whether only spaces stand between {@code at} (a line break) and the line break before it. */
    private static boolean followsBlankLine(String s, int at) {
        int j = at - 1;
        while (j >= 0 && s.charAt(j) == ' ') j--;
        return j >= 0 && s.charAt(j) == '\n';
    }

    /** Whether the text before {@code at} ends with the keyword IN (a collection parameter without parentheses). */
    private static boolean followsBareIn(String s, int at) {
        int j = at - 1;
        while (j >= 0 && Character.isWhitespace(s.charAt(j))) j--;
        return j >= 1 && (s.charAt(j) == 'n' || s.charAt(j) == 'N') && (s.charAt(j - 1) == 'i' || s.charAt(j - 1) == 'I')
                && (j < 2 || !isIdentPart(s.charAt(j - 2)));
    }

    /** {@code {call p(?)}} and {@code {? = call f(?)}} are JDBC escapes, not SQL. */
    private static SqlText unwrapCallEscape(SqlText sql) {
        String s = sql.text();
        int open = firstNonBlank(s);
        if (open < 0 || s.charAt(open) != '{') return sql;
        int close = s.lastIndexOf('}');
        if (close < open) return sql;
        SqlText out = sql.replace(close, close + 1, " ");
        String inner = out.text().substring(open + 1);
        String trimmed = inner.stripLeading();
        int start = open + 1 + (inner.length() - trimmed.length());
        if (trimmed.startsWith("?")) {
            int eq = out.text().indexOf('=', start);
            if (eq > 0) return out.replace(open, eq + 1, " ".repeat(eq + 1 - open));
        }
        return out.replace(open, open + 1, " ");
    }

    private static int firstNonBlank(String s) {
        for (int i = 0; i < s.length(); i++) if (!Character.isWhitespace(s.charAt(i))) return i;
        return -1;
    }

    private static char next(String s, int i) {
        return i + 1 < s.length() ? s.charAt(i + 1) : '\0';
    }

    private static char prev(String s, int i) {
        return i > 0 ? s.charAt(i - 1) : '\0';
    }

    private static boolean isIdentPart(char c) {
        return c != '\0' && (Character.isLetterOrDigit(c) || c == '_' || c == '$');
    }

    private static int digitsEnd(String s, int i) {
        while (i < s.length() && Character.isDigit(s.charAt(i))) i++;
        return i;
    }

    private static int lineEnd(String s, int i) {
        int nl = s.indexOf('\n', i);
        return nl < 0 ? s.length() : nl;
    }

    static int skipQuoted(String s, int i, char quote) {
        int j = i + 1;
        while (j < s.length()) {
            if (s.charAt(j) == quote) {
                if (j + 1 < s.length() && s.charAt(j + 1) == quote) {
                    j += 2;
                    continue;
                }
                return j + 1;
            }
            j++;
        }
        return s.length();
    }

    /** Index just past the brace that closes the one at {@code open}. */
    private static int matchingBrace(String s, int open) {
        int depth = 0;
        for (int j = open; j < s.length(); j++) {
            if (s.charAt(j) == '{') depth++;
            else if (s.charAt(j) == '}' && --depth == 0) return j + 1;
        }
        return s.length();
    }
}
