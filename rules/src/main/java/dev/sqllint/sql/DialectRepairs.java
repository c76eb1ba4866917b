package dev.sqllint.sql;

import java.util.ArrayList;
import java.util.List;
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
 * <li>{@code uuid}, {@code map}, {@code script}, {@code settings}, {@code statement}, {@code output} as names:
 * plain identifiers in MySQL and PostgreSQL, keywords to JSqlParser; the word where the parser stops (or the one
 * before it) is quoted where it stands, unless SQL reserves it.</li>
 * <li>{@code ilike(a, b)}: a function the application registered (an HQL function, a database function)
 * under a name JSqlParser keeps for an operator; the function name is quoted.</li>
 * <li>{@code FROM t WITH (FORCESEEK)}: SQL Server table hints JSqlParser does not know are blanked.</li>
 * <li>{@code UPDATE t SET <unknown> WHERE}: the assignments come from a helper; the unknown part stands for
 * them ({@code <unknown> = ?}).</li>
 * <li>{@code DELETE FROM t USING t JOIN u ON ... WHERE}: MySQL's multiple-table DELETE in its USING form, the same
 * statement as {@code DELETE t FROM t JOIN u ON ... WHERE}, which JSqlParser takes.</li>
 * </ul>
 * Each keeps offsets as they were where it can (same length), so positions map back to the Java code.
 */
final class DialectRepairs {

    /** The words JSqlParser's grammar has a token for ({@code <K_SCRIPT>}, {@code <TYPE_UUID>}): the only ones quoting can help. */
    private static final Set<String> PARSER_WORDS = parserWords();

    /**
     * Words the databases reserve (PostgreSQL's reserved key words, and MySQL's, Oracle's and SQL Server's that
     * start or join clauses): never a bare column name, so never quoted to make a statement parse.
     */
    private static final Set<String> SQL_RESERVED = Set.of("all", "analyse", "analyze", "and", "any", "array", "as",
            "asc", "asymmetric", "authorization", "between", "binary", "both", "case", "cast", "check", "collate",
            "column", "concurrently", "connect", "constraint", "create", "cross", "current_date", "current_time",
            "current_timestamp", "current_user", "default", "deferrable", "delete", "desc", "distinct", "do", "else",
            "end", "escape", "except", "exists", "false", "fetch", "for", "force", "foreign", "freeze", "from", "full",
            "grant", "group", "having", "ignore", "ilike", "in", "index", "initially", "inner", "insert", "intersect",
            "interval", "into", "is", "isnull", "join", "key", "lateral", "leading", "left", "like", "limit", "minus",
            "natural", "not", "notnull", "null", "nulls", "of", "offset", "on", "only", "or", "order", "outer",
            "over", "overlaps", "partition", "placing", "primary", "prior", "qualify", "references", "returning",
            "right", "rownum", "select", "set", "similar", "some", "start", "straight_join", "symmetric", "table",
            "tablesample", "then", "to", "top", "trailing", "true", "union", "unique", "update", "use", "user", "using",
            "values", "variadic", "verbose", "when", "where", "window", "with");
    /** Words that are never a function's name: a failure next to one of them is the SQL's, not a name's. */
    private static final Set<String> GRAMMAR = Set.of("select", "from", "where", "and", "or", "not", "in", "exists",
            "values", "on", "join", "using", "group", "order", "by", "having", "union", "case", "when", "then", "else",
            "end", "as", "set", "into", "update", "delete", "insert", "with", "limit", "offset", "is", "null", "like",
            "between", "all", "any", "some", "distinct", "over", "partition", "filter", "within", "table", "lateral");
    private static final Pattern AT = Pattern.compile("at line (\\d+), column (\\d+)");
    private static final Set<String> CLAUSES = Set.of("select", "from", "where", "order", "having", "on", "join", "union",
            "limit", "window", "partition", "set", "values", "into", "by"); // by: of GROUP BY or ORDER BY

    private DialectRepairs() {
    }

    /** The text repaired at the failure's position, or empty when none of these applies there. */
    static Optional<SqlText> repair(SqlText sql, String failure) {
        int at = failureOffset(sql.text(), failure);
        if (at < 0) return Optional.empty();
        return groupByDirection(sql, at)
                .or(() -> dropForeignKey(sql, at))
                .or(() -> failure.contains("<K_") ? functionName(sql, at) : Optional.empty())
                .or(() -> unknownAssignments(sql, at))
                .or(() -> tableHints(sql, at))
                .or(() -> deleteUsingJoin(sql, at))
                .or(() -> reservedName(sql, at));
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
        int found = SqlKeywords.nearestBefore(s, at, CLAUSES);
        return found >= 0 && wordAt(s, found).equalsIgnoreCase("by") && previousWord(s, found - 1).equals("group");
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

    /**
     * The parser stopped on a name, or on the token after it ({@code SELECT uuid FROM t} stops at FROM: JSqlParser
     * 5.4 reads {@code uuid} as the start of a typed literal), that it keeps as a keyword while the database takes
     * it as a plain name: that word is quoted where it stands and the statement parsed again. Words SQL itself
     * reserves are never quoted, so a statement that is wrong stays wrong.
     */
    private static Optional<SqlText> reservedName(SqlText sql, int at) {
        String s = sql.text();
        int start = at;
        if (start < s.length() && !isWordChar(s.charAt(start)) && start > 0) start--; // stopped just after it: "map.id"
        while (start > 0 && isWordChar(s.charAt(start - 1))) start--;
        Optional<SqlText> here = quoteName(sql, start);
        if (here.isPresent()) return here;
        int before = start - 1; // the word before the one the parser stopped on: "SELECT uuid FROM" stops at FROM
        while (before >= 0 && Character.isWhitespace(s.charAt(before))) before--;
        if (before >= 0 && isWordChar(s.charAt(before))) {
            while (before > 0 && isWordChar(s.charAt(before - 1))) before--;
            Optional<SqlText> previous = quoteName(sql, before);
            if (previous.isPresent()) return previous;
        }
        int after = at; // the word after it: "SELECT id, script, name" stops at the comma, "r.script" at the dot
        while (after < s.length() && isWordChar(s.charAt(after))) after++;
        while (after < s.length() && (Character.isWhitespace(s.charAt(after)) || s.charAt(after) == ',' || s.charAt(after) == '.')) {
            after++;
        }
        return after > at ? quoteName(sql, after) : Optional.empty();
    }

    private static Optional<SqlText> quoteName(SqlText sql, int start) {
        String s = sql.text();
        int end = start;
        while (end < s.length() && isWordChar(s.charAt(end))) end++;
        if (end == start || !Character.isLetter(s.charAt(start))) return Optional.empty();
        String word = s.substring(start, end);
        String lower = word.toLowerCase(Locale.ROOT);
        if (!PARSER_WORDS.contains(lower) || SQL_RESERVED.contains(lower) || GRAMMAR.contains(lower)) return Optional.empty();
        if (start > 0 && "\"`:[@$".indexOf(s.charAt(start - 1)) >= 0) return Optional.empty(); // quoted, a parameter
        int next = end;
        while (next < s.length() && Character.isWhitespace(s.charAt(next))) next++;
        if (next < s.length() && (s.charAt(next) == '(' || s.charAt(next) == '\'')) {
            return Optional.empty(); // a call, a typed literal: not a bare name
        }
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
                return Optional.of(quoteCalls(sql, word, start));
            }
            start = end; // "... w WHERE ilike(...)": the parser may stop on the word before the call
        }
        return Optional.empty();
    }

    /**
     * Quotes the call of {@code word} at {@code first} and every later call of it outside literals: the parser would
     * stop on each in turn, and each stop is a failed parse of the whole statement, twice (JSqlParser retries with
     * complex parsing). On ThingsBoard, 124 statements call {@code ilike(...)} 206 times.
     */
    private static SqlText quoteCalls(SqlText sql, String word, int first) {
        String s = sql.text();
        List<Integer> calls = new ArrayList<>();
        calls.add(first);
        for (int i = first + word.length(); i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\'') i = PlaceholderNormalizer.skipQuoted(s, i, c) - 1; // past the literal
            else if (s.startsWith(word, i) && i + word.length() < s.length() && s.charAt(i + word.length()) == '('
                    && !isWordChar(s.charAt(i - 1)) && "\"`.".indexOf(s.charAt(i - 1)) < 0) {
                calls.add(i);
                i += word.length();
            }
        }
        SqlText out = sql;
        for (int k = calls.size() - 1; k >= 0; k--) {
            int at = calls.get(k);
            out = out.replace(at, at + word.length(), "\"" + word + "\"");
        }
        return out;
    }

    /**
     * SQL Server's table hints JSqlParser does not know ({@code FROM t WITH (FORCESEEK)}, {@code WITH (UPDLOCK, ROWLOCK)}):
     * they steer locking and plans, not what the statement reads, so the hint list is blanked.
     */
    private static Optional<SqlText> tableHints(SqlText sql, int at) {
        String s = sql.text();
        Matcher m = Pattern.compile("(?i)\\bwith\\s*\\(\\s*[A-Za-z_][A-Za-z_0-9]*(?:\\s*,\\s*[A-Za-z_][A-Za-z_0-9]*)*\\s*\\)").matcher(s);
        while (m.find()) {
            if (m.start() > at) return Optional.empty();
            if (at < m.end() && s.indexOf('(', m.start()) < at) {
                return Optional.of(sql.replace(m.start(), m.end(), " ".repeat(m.end() - m.start())));
            }
        }
        return Optional.empty();
    }

    /** {@code DELETE FROM t USING t JOIN u ...}, stopped after USING: written as {@code DELETE t FROM t JOIN u ...}. */
    private static Optional<SqlText> deleteUsingJoin(SqlText sql, int at) {
        Matcher m = Pattern.compile("(?is)^\\s*delete\\s+(from\\s+([\\w.`\"]+(?:\\s*,\\s*[\\w.`\"]+)*)\\s+using)\\s")
                .matcher(sql.text());
        if (!m.find() || at < m.end(1)) return Optional.empty();
        String moved = m.group(2) + " from";
        // the same length, so the positions after it stay where they were
        return Optional.of(sql.replace(m.start(1), m.end(1), moved + " ".repeat(m.end(1) - m.start(1) - moved.length())));
    }

    private static Optional<SqlText> unknownAssignments(SqlText sql, int at) {
        String before = sql.text().substring(0, at);
        Matcher m = Pattern.compile("(?is)\\bset\\s+" + Placeholders.DYNAMIC + "(\\s*)$").matcher(before);
        if (!m.find()) return Optional.empty();
        int end = m.start(1);
        return Optional.of(sql.replace(end, end, " = ?"));
    }

    private static Set<String> parserWords() {
        Set<String> out = new java.util.HashSet<>();
        Matcher m = Pattern.compile("<(?:K|TYPE)_([A-Z0-9_]+)>").matcher("");
        for (String image : net.sf.jsqlparser.parser.CCJSqlParserConstants.tokenImage) {
            if (m.reset(image).matches()) out.add(m.group(1).toLowerCase(Locale.ROOT));
        }
        return Set.copyOf(out);
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
