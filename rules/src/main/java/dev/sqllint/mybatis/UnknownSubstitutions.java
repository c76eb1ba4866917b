package dev.sqllint.mybatis;

import dev.sqllint.sql.Origin;
import dev.sqllint.sql.PlaceholderNormalizer;
import dev.sqllint.sql.SqlParser;
import dev.sqllint.sql.SqlText;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code ${name}} that no property, include property or {@code <bind>} defines is text the application hands
 * MyBatis at run time: a table prefix, a paging clause ({@code ${limitBefore}}), a keyword ({@code ${distinct}}),
 * a column. It is read where it stands, as MyBatis would splice it:
 * <ul>
 *   <li>glued to a name ({@code ${prefix}ACT_RU_TASK}, {@code T_${suffix}}, {@code ${prefix}${table}}), it is part
 *       of that name and empty text, so the table or column is still the one the schema knows;</li>
 *   <li>where the statement's first keyword must be, and none follows ({@code ${countDistinctStart} RES.ID_ FROM ...}),
 *       it is that keyword's place: read as SELECT;</li>
 *   <li>elsewhere it is first an unknown identifier (a column, an ORDER BY expression); when the statement does not
 *       parse, the substitution nearest before the place the parser stopped is read as empty text (a paging or
 *       keyword clause the database would get), then as an operator ({@code RES.PERMS_${bitand}#{perms}}), and a
 *       reading is kept if the parser then gets further. A name's part is tried as the operator too.</li>
 * </ul>
 * At most {@link #MAX_PARSES} parses per statement variant, so a statement with dozens of substitutions costs a
 * bounded time; what is still ambiguous stays an identifier, as before.
 */
final class UnknownSubstitutions {

    static final int MAX_PARSES = 12;
    private static final Path TRIAL = Path.of("trial");

    /**
     * A {@code ${...}} at {@code [start, end)}; {@code glued} when a name continues it on either side; {@code opens}
     * when it is where the statement's first keyword must be and no keyword follows it.
     */
    private record Substitution(int start, int end, boolean glued, boolean opens) {
    }

    private static final java.util.regex.Pattern STATEMENT_START = java.util.regex.Pattern.compile(
            "(?is)\\s*(?:\\$\\{[^}]*}\\s*)*(select|insert|update|delete|with|values|merge|call|exec|\\()\\b.*");

    /** Where a trial parse stopped, as an offset in the variant's text; {@code parsed} when it did not stop. */
    private record Trial(boolean parsed, int stoppedAt) {
        boolean betterThan(Trial o) {
            return parsed || (!o.parsed && stoppedAt > o.stoppedAt);
        }
    }

    private UnknownSubstitutions() {
    }

    /** The variant with each unknown substitution read as above; {@code parser} null: only the glued ones. */
    static SqlText resolve(SqlText sql, SqlParser parser) {
        List<Substitution> subs = find(sql.text());
        if (subs.isEmpty()) return sql;
        int[] reading = new int[subs.size()]; // index into readings(sub)
        int[] tried = new int[subs.size()]; // readings tried so far, the first included
        for (int i = 0; i < subs.size(); i++) tried[i] = 1;
        if (parser != null && anyUntried(subs, tried)) search(sql.text(), subs, reading, tried, parser);
        return apply(sql, subs, reading);
    }

    /**
     * The texts a substitution is tried as, in order: a name's part is empty text, or an operator between the name
     * and a value ({@code RES.PERMS_${bitand}#{perms}}); the statement's opening is SELECT; anything else an
     * identifier, empty text or an operator.
     */
    private static String[] readings(Substitution sub) {
        if (sub.opens()) return new String[] {"SELECT"};
        if (sub.glued()) return new String[] {"", " + "};
        return new String[] {null, "", " + "};
    }

    private static SqlText apply(SqlText sql, List<Substitution> subs, int[] reading) {
        SqlText out = sql;
        for (int i = subs.size() - 1; i >= 0; i--) {
            String text = readings(subs.get(i))[reading[i]];
            if (text != null) out = out.replace(subs.get(i).start(), subs.get(i).end(), text); // null: ${x} stays, an identifier
        }
        return out;
    }

    private static void search(String text, List<Substitution> subs, int[] reading, int[] tried, SqlParser parser) {
        // each character's origin is its own offset, so where the parser stops maps back through normalising
        Origin[] origins = new Origin[text.length()];
        for (int i = 0; i < origins.length; i++) origins[i] = Origin.at(TRIAL, 1, i + 1);
        SqlText positioned = SqlText.of(text, origins);
        Trial best = trial(apply(positioned, subs, reading), parser);
        for (int parses = 1; !best.parsed() && parses < MAX_PARSES; parses++) {
            int candidate = nearestBefore(subs, tried, best.stoppedAt());
            if (candidate < 0) return;
            int previous = reading[candidate];
            reading[candidate] = tried[candidate]++;
            Trial next = trial(apply(positioned, subs, reading), parser);
            if (next.betterThan(best)) best = next;
            else reading[candidate] = previous;
        }
    }

    private static Trial trial(SqlText withReadings, SqlParser parser) {
        SqlText normalized = PlaceholderNormalizer.normalize(withReadings, null);
        SqlParser.Result r = parser.parseAhead(normalized);
        if (r.ok()) return new Trial(true, Integer.MAX_VALUE);
        int at = SqlParser.failureOffset(normalized, r);
        if (at < 0) return new Trial(false, -1);
        return new Trial(false, normalized.originAt(at).column() - 1);
    }

    /** The substitution with a reading left to try that starts last at or before {@code offset}; -1 when there is none. */
    private static int nearestBefore(List<Substitution> subs, int[] tried, int offset) {
        for (int i = subs.size() - 1; i >= 0; i--) {
            if (tried[i] < readings(subs.get(i)).length && subs.get(i).start() <= offset) return i;
        }
        return -1;
    }

    private static boolean anyUntried(List<Substitution> subs, int[] tried) {
        for (int i = 0; i < subs.size(); i++) if (tried[i] < readings(subs.get(i)).length) return true;
        return false;
    }

    /** The {@code ${...}} outside quotes and comments. */
    static List<Substitution> find(String s) {
        List<Substitution> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                int close = s.indexOf(c, i + 1);
                i = close < 0 ? s.length() : close + 1;
            } else if (c == '-' && s.startsWith("--", i)) {
                int nl = s.indexOf('\n', i);
                i = nl < 0 ? s.length() : nl;
            } else if (c == '/' && s.startsWith("/*", i)) {
                int close = s.indexOf("*/", i + 2);
                i = close < 0 ? s.length() : close + 2;
            } else if (c == '$' && s.startsWith("${", i)) {
                int close = s.indexOf('}', i + 2);
                if (close < 0) return out;
                boolean glued = (i > 0 && isNamePart(s.charAt(i - 1)))
                        || (close + 1 < s.length() && (isNamePart(s.charAt(close + 1)) || s.startsWith("${", close + 1)));
                boolean opens = !glued && s.substring(0, i).isBlank() && !STATEMENT_START.matcher(s.substring(close + 1)).matches();
                out.add(new Substitution(i, close + 1, glued, opens));
                i = close + 1;
            } else {
                i++;
            }
        }
        return out;
    }

    /** A character that continues a name: {@code ${prefix}ACT_RU_TASK}, {@code T_${n}} (not {@code ${alias}.ID_}). */
    private static boolean isNamePart(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
