package dev.sqllint.sql;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MySQL and PostgreSQL syntax JSqlParser does not take, rewritten to what it does take with the same
 * meaning for the rules, only where the parser stopped (so SQL that parses is never touched, and SQL that is
 * wrong stays wrong):
 * <ul>
 * <li>{@code GROUP BY account_id DESC}: MySQL before 8 and MariaDB sort groups; the direction is blanked.</li>
 * <li>{@code ALTER TABLE t DROP FOREIGN KEY fk}: MySQL's spelling of {@code DROP CONSTRAINT fk}.</li>
 * <li>{@code map}, {@code script}, {@code settings} as names: plain identifiers in MySQL and PostgreSQL,
 * keywords to JSqlParser; the name is quoted where it stands.</li>
 * <li>{@code ilike(a, b)}: a function the application registered (an HQL function, a database function)
 * under a name JSqlParser keeps for an operator; the function name is quoted.</li>
 * <li>{@code UPDATE t SET <unknown> WHERE}: the assignments come from a helper; the unknown part stands for
 * them ({@code <unknown> = ?}).</li>
 * </ul>
 * Each keeps offsets as they were where it can (same length), so positions map back to the Java code.
 */
final class DialectRepairs {

    /** Words JSqlParser 5 reserves that the databases in use take as column or alias names. */
    private static final Set<String> RESERVED_HERE_ONLY = Set.of("map", "script", "settings");
    /** Words that are never a function's name: a failure next to one of them is the SQL's, not a name's. */
    private static final Set<String> GRAMMAR = Set.of("select", "from", "where", "and", "or", "not", "in", "exists",
            "values", "on", "join", "using", "group", "order", "by", "having", "union", "case", "when", "then", "else",
            "end", "as", "set", "into", "update", "delete", "insert", "with", "limit", "offset", "is", "null", "like",
            "between", "all", "any", "some", "distinct", "over", "partition", "filter", "within", "table", "lateral");
    private static final Pattern AT = Pattern.compile("at line (\\d+), column (\\d+)");
    private static final Set<String> CLAUSES = Set.of("select", "from", "where", "order", "having", "on", "join", "union",
            "limit", "window", "partition", "set", "values", "into");

    private DialectRepairs() {
    }

    /** The text repaired at the failure's position, or empty when none of these applies there. */
    static Optional<SqlText> repair(SqlText sql, String failure) {
        int at = failureOffset(sql.text(), failure);
        if (at < 0) return Optional.empty();
        return groupByDirection(sql, at)
                .or(() -> dropForeignKey(sql, at))
                .or(() -> reservedName(sql, at))
                .or(() -> failure.contains("<K_") ? functionName(sql, at) : Optional.empty())
                .or(() -> unknownAssignments(sql, at));
    }

    static int failureOffset(String text, String failure) {
        if (failure == null) return -1;
        Matcher m = AT.matcher(failure);
        if (!m.find()) return -1;
        return StrayPlaceholders.offset(text, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    private static Optional<SqlText> groupByDirection(SqlText sql, int at) {
        String word = wordAt(sql.text(), at).toLowerCase(Locale.ROOT);
        if (!word.equals("desc") && !word.equals("asc")) return Optional.empty();
        if (!inGroupBy(sql.text(), at)) return Optional.empty();
        return Optional.of(sql.replace(at, at + word.length(), " ".repeat(word.length())));
    }

    /** Whether the nearest clause keyword before {@code at}, at the same parenthesis depth, is GROUP BY. */
    private static boolean inGroupBy(String s, int at) {
        int depth = 0;
        int i = at - 1;
        while (i >= 0) {
            char c = s.charAt(i);
            if (c == ')') depth++;
            else if (c == '(' && --depth < 0) return false;
            if (depth == 0 && Character.isLetter(c)) {
                int end = i + 1;
                while (i >= 0 && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) i--;
                String w = s.substring(i + 1, end).toLowerCase(Locale.ROOT);
                if (w.equals("by")) return previousWord(s, i).equals("group");
                if (CLAUSES.contains(w)) return false;
                continue;
            }
            i--;
        }
        return false;
    }

    private static Optional<SqlText> dropForeignKey(SqlText sql, int at) {
        String before = sql.text().substring(0, at).toLowerCase(Locale.ROOT);
        Matcher m = Pattern.compile("drop\\s+(foreign\\s+key)\\s+$").matcher(before);
        if (!m.find()) return Optional.empty();
        int start = m.start(1);
        int end = m.end(1);
        String constraint = "constraint";
        return Optional.of(sql.replace(start, end, constraint + " ".repeat(Math.max(0, end - start - constraint.length()))));
    }

    private static Optional<SqlText> reservedName(SqlText sql, int at) {
        String s = sql.text();
        int start = at;
        if (start < s.length() && !isWordChar(s.charAt(start)) && start > 0) start--; // stopped just after it: "map.id"
        while (start > 0 && isWordChar(s.charAt(start - 1))) start--;
        int end = start;
        while (end < s.length() && isWordChar(s.charAt(end))) end++;
        String word = s.substring(start, end);
        if (!RESERVED_HERE_ONLY.contains(word.toLowerCase(Locale.ROOT))) return Optional.empty();
        if (start > 0 && (s.charAt(start - 1) == '"' || s.charAt(start - 1) == '`')) return Optional.empty();
        return Optional.of(sql.replace(start, end, "\"" + word + "\""));
    }

    /** The parser stopped on, or just before, {@code word(}: a call of a function whose name it reserves. */
    private static Optional<SqlText> functionName(SqlText sql, int at) {
        String s = sql.text();
        int start = at;
        for (int tries = 0; tries < 2 && start < s.length(); tries++) {
            while (start < s.length() && Character.isWhitespace(s.charAt(start))) start++;
            int end = start;
            while (end < s.length() && isWordChar(s.charAt(end))) end++;
            if (end == start) return Optional.empty();
            String word = s.substring(start, end);
            boolean call = end < s.length() && s.charAt(end) == '(';
            boolean quoted = start > 0 && (s.charAt(start - 1) == '"' || s.charAt(start - 1) == '`' || s.charAt(start - 1) == '.');
            if (call && !quoted && Character.isLetter(word.charAt(0)) && !GRAMMAR.contains(word.toLowerCase(Locale.ROOT))) {
                return Optional.of(sql.replace(start, end, "\"" + word + "\""));
            }
            start = end; // "... w WHERE ilike(...)": the parser may stop on the word before the call
        }
        return Optional.empty();
    }

    private static Optional<SqlText> unknownAssignments(SqlText sql, int at) {
        String before = sql.text().substring(0, at);
        Matcher m = Pattern.compile("(?is)\\bset\\s+" + Placeholders.DYNAMIC + "(\\s*)$").matcher(before);
        if (!m.find()) return Optional.empty();
        int end = m.start(1);
        return Optional.of(sql.replace(end, end, " = ?"));
    }

    private static String wordAt(String s, int at) {
        int end = at;
        while (end < s.length() && isWordChar(s.charAt(end))) end++;
        return s.substring(at, end);
    }

    private static String previousWord(String s, int from) {
        int i = from;
        while (i >= 0 && Character.isWhitespace(s.charAt(i))) i--;
        int end = i + 1;
        while (i >= 0 && isWordChar(s.charAt(i))) i--;
        return s.substring(i + 1, end).toLowerCase(Locale.ROOT);
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
