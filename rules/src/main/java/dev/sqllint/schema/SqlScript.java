package dev.sqllint.schema;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a migration script into statements, so that one statement the parser rejects costs only itself. We
 * split ourselves rather than hand JSqlParser the whole script because its multi-statement parse gives up
 * at the first error. Semicolons inside quotes, {@code --} and (nested) {@code /* *}{@code /} comments and
 * dollar-quoted bodies ({@code $$ ... $$}, {@code $fn$ ... $fn$}) do not end a statement; a line holding only
 * {@code /} or {@code GO} does (Oracle, SQL Server), and so does a MySQL {@code DELIMITER} directive's
 * delimiter.
 */
final class SqlScript {

    /** One statement: its text without the terminator, and the line its first token is on. */
    record Statement(String text, int line) { }

    private static final Pattern DELIMITER = Pattern.compile("(?i)\\s*DELIMITER\\s+(\\S+)\\s*");
    private static final Pattern DOLLAR_TAG = Pattern.compile("\\$(?:[A-Za-z_][A-Za-z_0-9]*)?\\$");

    private final String sql;
    private final int firstLine;
    private final int[] lineStarts;
    private final List<Statement> statements = new ArrayList<>();
    private String delimiter = ";";
    private int start = -1;

    private SqlScript(String sql, int firstLine) {
        this.sql = sql;
        this.firstLine = firstLine;
        this.lineStarts = lineStarts(sql);
    }

    /** The statements of {@code sql}, whose first line is line {@code firstLine} of its file. */
    static List<Statement> split(String sql, int firstLine) {
        SqlScript script = new SqlScript(sql, firstLine);
        script.run();
        return script.statements;
    }

    private void run() {
        int i = 0;
        int n = sql.length();
        while (i < n) {
            if (i == 0 || sql.charAt(i - 1) == '\n') {
                int skipped = lineDirective(i);
                if (skipped > i) {
                    i = skipped;
                    continue;
                }
            }
            char c = sql.charAt(i);
            if (!";".equals(delimiter) && sql.startsWith(delimiter, i)) {
                end(i);
                i += delimiter.length();
            } else if (c == ';' && ";".equals(delimiter)) {
                end(i);
                i++;
            } else if (c == '-' && sql.startsWith("--", i)) {
                i = lineEnd(i);
            } else if (c == '/' && sql.startsWith("/*", i)) {
                i = blockCommentEnd(i);
            } else if (Character.isWhitespace(c)) {
                i++;
            } else {
                if (start < 0) start = i;
                i = tokenEnd(i);
            }
        }
        end(n);
    }

    /** A line that is only {@code /} or {@code GO} ends the statement; {@code DELIMITER x} changes the terminator. */
    private int lineDirective(int at) {
        int end = lineEnd(at);
        String line = sql.substring(at, end).strip();
        if (line.equals("/") || line.equalsIgnoreCase("GO")) {
            end(at);
            return end;
        }
        if (start < 0) {
            Matcher m = DELIMITER.matcher(line);
            if (m.matches()) {
                delimiter = m.group(1);
                return end;
            }
        }
        return at;
    }

    /** Skips one quoted string, quoted identifier, dollar-quoted body or plain character. */
    private int tokenEnd(int i) {
        char c = sql.charAt(i);
        switch (c) {
            case '\'':
                return quoteEnd(i, '\'', escapeString(i));
            case '"':
                return quoteEnd(i, '"', false);
            case '`':
                return quoteEnd(i, '`', false);
            case '$': {
                if (i > 0 && isIdentifierPart(sql.charAt(i - 1))) return i + 1;
                Matcher m = DOLLAR_TAG.matcher(sql).region(i, sql.length());
                if (!m.lookingAt()) return i + 1;
                int close = sql.indexOf(m.group(), m.end());
                return close < 0 ? sql.length() : close + m.group().length();
            }
            default:
                return i + 1;
        }
    }

    /** PostgreSQL's {@code E'...'} strings are the ones where a backslash escapes the quote. */
    private boolean escapeString(int quote) {
        return quote > 0 && (sql.charAt(quote - 1) == 'E' || sql.charAt(quote - 1) == 'e')
                && (quote == 1 || !isIdentifierPart(sql.charAt(quote - 2)));
    }

    private int quoteEnd(int open, char quote, boolean backslashEscapes) {
        int i = open + 1;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (backslashEscapes && c == '\\') {
                i += 2;
            } else if (c == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        return sql.length();
    }

    private int blockCommentEnd(int open) {
        int depth = 0;
        int i = open;
        while (i < sql.length()) {
            if (sql.startsWith("/*", i)) {
                depth++;
                i += 2;
            } else if (sql.startsWith("*/", i)) {
                depth--;
                i += 2;
                if (depth == 0) return i;
            } else {
                i++;
            }
        }
        return sql.length();
    }

    private int lineEnd(int i) {
        int nl = sql.indexOf('\n', i);
        return nl < 0 ? sql.length() : nl + 1;
    }

    private void end(int at) {
        if (start >= 0) {
            String text = sql.substring(start, Math.max(start, at)).strip();
            if (!text.isEmpty()) statements.add(new Statement(text, firstLine + lineIndex(start)));
        }
        start = -1;
    }

    private int lineIndex(int offset) {
        int found = Arrays.binarySearch(lineStarts, offset);
        return found >= 0 ? found : -found - 2;
    }

    private static int[] lineStarts(String s) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) == '\n') starts.add(i + 1);
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    private static boolean isIdentifierPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }

    /** The first words of a statement on one line, to name it in a report. */
    static String head(String statement, int words) {
        String[] parts = statement.strip().split("\\s+", words + 1);
        String head = String.join(" ", Arrays.copyOf(parts, Math.min(words, parts.length)));
        return parts.length > words ? head + " ..." : head;
    }
}
