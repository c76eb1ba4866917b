package dev.sqllint.mybatis;

import dev.sqllint.sql.Origin;
import dev.sqllint.sql.SqlText;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The variants of a statement MyBatis can issue, each {@code <if>} body in at least one that parses where one can be
 * found. {@link DynamicSql}'s choices write every if of the fullest variant, but ifs on different variables can still
 * exclude each other in the application ({@code ${param} IN} and {@code EXISTS} before one subquery, each under its
 * own test): such a variant is one no caller produces, and it does not parse. When a variant does not parse, the if
 * written where the parser stopped (or, failing that, the nearest one written before) is turned the other way and the
 * variant tried again; then each if body no parsing variant holds is written and the ifs around it turned off the same
 * way. Before an if is blamed, the variant's unknown substitutions are read where they stand (a few parses more). A
 * variant still not parsing is kept as it is (it is reported), unless a parsing one takes each of its decisions. At most {@link #MAX_PARSES} trials per
 * statement, and {@link DynamicSql#MAX_VARIANTS} variants.
 */
final class ParsingVariants {

    static final int MAX_PARSES = 48;
    /** What reading a variant's unknown substitutions counts against that budget (up to a dozen parses, a few as a rule). */
    private static final int READ_COST = 4;
    private static final int MAX_REPAIRS = 8;

    /** Parses variants; where the parser stops is {@link #UNPLACED} when it does not say where. */
    interface Trial {
        /** The variant as it is (one parse): the text judged, and where it stops the parser (null when it parses). */
        Tried parse(SqlText variant);

        /** The variant with more of its text read where it stands (a few parses: see {@link UnknownSubstitutions}). */
        Tried read(SqlText variant);
    }

    record Tried(SqlText sql, Origin stop) {
    }

    static final Origin UNPLACED = Origin.at(Path.of(""), 1, 1);

    /** An if's extent in its file: from its start tag to the last character written inside it. */
    private record Extent(Path file, long start, long end) {
        boolean contains(long at) {
            return start <= at && at <= end;
        }
    }

    private record Outcome(SqlText sql, int[] choice, boolean parsed) {
    }

    private final XmlElement statement;
    private final DynamicSql dynamic;
    private final UnaryOperator<SqlText> finish;
    private final Trial trial;
    private final Map<XmlElement, Extent> extents = new IdentityHashMap<>();
    private int parses;

    private ParsingVariants(XmlElement statement, DynamicSql dynamic, UnaryOperator<SqlText> finish, Trial trial) {
        this.statement = statement;
        this.dynamic = dynamic;
        this.finish = finish;
        this.trial = trial;
        for (XmlElement anIf : dynamic.ifs()) extents.put(anIf, extent(anIf));
    }

    /**
     * The variants of {@code statement} (includes resolved), each passed through {@code finish} (which returns null for
     * a variant with no SQL of its own), those that do not parse repaired as above.
     */
    static List<SqlText> of(XmlElement statement, DatabaseIds databaseIds, UnaryOperator<SqlText> finish, Trial trial) {
        return new ParsingVariants(statement, DynamicSql.of(statement, databaseIds), finish, trial).variants();
    }

    private List<SqlText> variants() {
        Map<String, Outcome> parsed = new LinkedHashMap<>();
        Map<String, Outcome> failed = new LinkedHashMap<>();
        SqlText impossible = null;
        int[] fullest = null;
        for (int[] choice : dynamic.choices()) {
            if (fullest == null) fullest = choice;
            if (parsed.size() + failed.size() >= DynamicSql.MAX_VARIANTS) break;
            Outcome o = repaired(choice, pinned(fullest, choice));
            if (o == null) {
                if (impossible == null) impossible = dynamic.render(statement, choice).sql();
                continue;
            }
            keep(o, parsed, failed);
        }
        for (XmlElement anIf : dynamic.ifs()) {
            if (parsed.isEmpty() || parses >= MAX_PARSES || parsed.size() + failed.size() >= DynamicSql.MAX_VARIANTS) break;
            if (parsed.values().stream().anyMatch(p -> dynamic.written(anIf, p.choice()))) continue;
            Outcome o = repaired(dynamic.withBody(anIf, parsed.values().iterator().next().choice()), Set.of(anIf));
            if (o != null && o.parsed() && dynamic.written(anIf, o.choice())) keep(o, parsed, failed);
        }
        List<SqlText> out = new ArrayList<>();
        parsed.values().forEach(o -> out.add(o.sql()));
        for (Outcome o : failed.values()) {
            // a failing variant whose every decision a parsing one takes too holds nothing left unanalysed: it is a
            // combination the parser shows no caller writes; one with a decision of its own is reported
            if (!parsed.containsKey(o.sql().text()) && (parsed.isEmpty() || !dynamic.decidedAlike(o.choice(), choices(parsed)))) {
                out.add(o.sql());
            }
        }
        if (out.isEmpty() && impossible != null) {
            SqlText finished = finish.apply(impossible);
            if (finished != null) out.add(finished);
        }
        return out;
    }

    private static List<int[]> choices(Map<String, Outcome> outcomes) {
        return outcomes.values().stream().map(Outcome::choice).toList();
    }

    private static void keep(Outcome o, Map<String, Outcome> parsed, Map<String, Outcome> failed) {
        if (o.sql() == null) return;
        (o.parsed() ? parsed : failed).putIfAbsent(o.sql().text(), o);
    }

    /** The ifs a choice of the list writes that the fullest does not, or leaves out that it writes: what it is there to show. */
    private Set<XmlElement> pinned(int[] fullest, int[] choice) {
        Set<XmlElement> out = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (XmlElement anIf : dynamic.ifs()) {
            if (dynamic.written(anIf, fullest) != dynamic.written(anIf, choice)) out.add(anIf);
        }
        return out;
    }

    /** The choice rendered and tried, repaired while it does not parse; null when the choice is not one MyBatis issues. */
    private Outcome repaired(int[] start, Set<XmlElement> pinned) {
        int[] choice = start;
        Outcome last = null;
        for (int repairs = 0; repairs <= MAX_REPAIRS; repairs++) {
            DynamicSql.Rendered rendered = dynamic.render(statement, choice);
            if (rendered.impossible()) return last;
            SqlText sql = finish.apply(rendered.sql());
            if (sql == null) return last == null ? new Outcome(null, choice, false) : last;
            Tried tried = trial.parse(sql);
            if (tried.stop() == null) return new Outcome(tried.sql(), choice, true);
            if (parses >= MAX_PARSES) return last == null ? new Outcome(tried.sql(), choice, false) : last;
            parses++;
            // before an if is blamed, the unknown substitutions are read where they stand, as for any statement
            parses += READ_COST;
            tried = trial.read(sql);
            if (tried.stop() == null) return new Outcome(tried.sql(), choice, true);
            if (last == null) last = new Outcome(tried.sql(), choice, false); // a failure is reported as first written
            XmlElement culprit = culprit(choice, tried.stop(), pinned);
            if (culprit == null) return last;
            choice = dynamic.without(culprit, choice);
        }
        return last;
    }

    /** The unpinned if written under {@code choice} that holds the place the parser stopped at, else the nearest before it. */
    private XmlElement culprit(int[] choice, Origin stop, Set<XmlElement> pinned) {
        if (stop == UNPLACED || stop.file() == null) return null;
        long at = position(stop);
        XmlElement best = null;
        long bestScore = Long.MIN_VALUE;
        for (XmlElement anIf : dynamic.ifs()) {
            Extent e = extents.get(anIf);
            if (e == null || pinned.contains(anIf) || !stop.file().equals(e.file()) || !dynamic.written(anIf, choice)) continue;
            // holding the place beats ending before it; among those holding it the innermost, else the nearest
            long score = e.contains(at) ? Long.MAX_VALUE / 2 + e.start() : e.end() < at ? e.end() : Long.MIN_VALUE;
            if (score > bestScore) {
                bestScore = score;
                best = anIf;
            }
        }
        return bestScore == Long.MIN_VALUE ? null : best;
    }

    private static Extent extent(XmlElement anIf) {
        Path file = anIf.origin().file();
        long[] end = {position(anIf.origin())};
        last(anIf, file, end);
        return new Extent(file, position(anIf.origin()), end[0]);
    }

    private static void last(XmlNode node, Path file, long[] end) {
        if (node instanceof XmlText t) {
            for (int i = t.text().length() - 1; i >= 0; i--) {
                Origin o = t.text().originAt(i);
                if (file.equals(o.file())) {
                    end[0] = Math.max(end[0], position(o));
                    break;
                }
            }
        } else if (node instanceof XmlElement e) {
            if (file.equals(e.origin().file())) end[0] = Math.max(end[0], position(e.origin()));
            for (XmlNode child : e.children()) last(child, file, end);
        }
    }

    private static long position(Origin o) {
        return o.line() * 1_000_000L + o.column();
    }
}
