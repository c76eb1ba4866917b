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
        // one pass: the text before the scan is what it wrote (the checks that look back read that), the text after
        // it the input's (the checks that look ahead read that); a replace per placeholder copied the whole text
        // and its origins each time, which made a MyBatis statement with many #{...} quadratic
        String s = sql.text();
        Written out = new Written(s.length());
        boolean changed = false;
        int j = 0;
        while (j < s.length()) {
            char c = s.charAt(j);
            int end;
            String repl = null;
            if (c == '\'' || c == '"' || c == '`') {
                end = skipQuoted(s, j, c);
                out.copy(sql, j, end);
                j = end;
                continue;
            } else if (c == '-' && next(s, j) == '-') {
                end = lineEnd(s, j);
                out.copy(sql, j, end);
                j = end;
                continue;
            } else if (c == '/' && next(s, j) == '*') {
                int close = s.indexOf("*/", j + 2);
                end = close < 0 ? s.length() : close + 2;
                out.copy(sql, j, end);
                j = end;
                continue;
            } else if ((c == '#' || c == '$') && next(s, j) == '{') {
                end = matchingBrace(s, j + 1);
                String inner = s.substring(j + 2, Math.max(j + 2, end - 1)).trim();
                if (c == '$') repl = Placeholders.DYNAMIC;
                else if (inner.equals("#entityName")) repl = entityName != null ? entityName : Placeholders.ENTITY;
                else repl = "?";
            } else if ((c == ':' || c == '?') && next(s, j) == '#' && j + 2 < s.length() && s.charAt(j + 2) == '{') {
                end = matchingBrace(s, j + 2); // Spring Data SpEL parameter :#{...} or ?#{...}
                repl = "?";
            } else if (c == '?' && Character.isDigit(next(s, j))) {
                end = digitsEnd(s, j + 1);
                repl = "?";
            } else if (c == '$' && Character.isDigit(next(s, j)) && !isIdentPart(out.last())) {
                end = digitsEnd(s, j + 1);
                repl = "?";
            } else if (c == ':' && Character.isJavaIdentifierStart(next(s, j)) && out.last() != ':'
                    && !isIdentPart(out.last())) {
                end = j + 1;
                while (end < s.length() && isIdentPart(s.charAt(end))) end++;
                repl = "?";
            } else if (c == '\t' || c == '\r' || c == '\f') {
                end = j + 1;
                repl = " ";
            } else if (c == '\n' && followsBlankLine(out.text, out.text.length())) {
                end = j + 1; // JSqlParser ends a statement at a run of blank lines, which a dynamic tag left out leaves
                repl = " ";
            } else {
                out.copy(sql, j, j + 1);
                j++;
                continue;
            }
            if (repl.equals("?") && followsBareIn(out.text, out.text.length())) repl = "(?)"; // JPQL: x IN :ids
            out.put(repl, sql.originAt(j));
            changed = true;
            j = end;
        }
        return unwrapCallEscape(changed ? out.done(sql.isComplete()) : sql);
    }

    /** The normalised text written so far, and the origin of each of its characters. */
    private static final class Written {
        final StringBuilder text;
        Origin[] origins;

        Written(int capacity) {
            text = new StringBuilder(capacity);
            origins = new Origin[Math.max(16, capacity)];
        }

        char last() {
            return text.length() > 0 ? text.charAt(text.length() - 1) : '\0';
        }

        void copy(SqlText from, int start, int end) {
            for (int k = start; k < end; k++) append(from.text().charAt(k), from.originAt(k));
        }

        void put(String replacement, Origin at) {
            for (int k = 0; k < replacement.length(); k++) append(replacement.charAt(k), at);
        }

        private void append(char c, Origin origin) {
            if (text.length() == origins.length) origins = java.util.Arrays.copyOf(origins, origins.length * 2);
            origins[text.length()] = origin;
            text.append(c);
        }

        SqlText done(boolean complete) {
            return SqlText.of(text.toString(), java.util.Arrays.copyOf(origins, text.length()), complete);
        }
    }

    /** Whether only spaces stand between {@code at} (a line break) and the line break before it. */
    private static boolean followsBlankLine(CharSequence s, int at) {
        int j = at - 1;
        while (j >= 0 && s.charAt(j) == ' ') j--;
        return j >= 0 && s.charAt(j) == '\n';
    }

    /** Whether the text before {@code at} ends with the keyword IN (a collection parameter without parentheses). */
    private static boolean followsBareIn(CharSequence s, int at) {
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
