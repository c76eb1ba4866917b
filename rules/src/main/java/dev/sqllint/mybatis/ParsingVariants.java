package dev.sqllint.mybatis;

import dev.sqllint.sql.Origin;
import dev.sqllint.sql.SqlText;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
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
 * own test; {@code checks.size == 1} and {@code checks.size > 1}): such a variant is one no caller produces, and it
 * does not parse. When a variant does not parse, an if written where the parser stopped (or, failing that, around the
 * nearest character before) is turned the other way and the variant tried again. The character is found in that very
 * copy of an included fragment (see {@link DynamicSql.Rendered}); of the ifs around it, the one whose decision writes
 * the least text is turned, and a decision turned is not turned back. The other variants start from the fullest as
 * its repair left it. Then each if body no parsing variant holds (in any copy) is written, with the ifs around it,
 * and the rest repaired around it. Before an if is blamed, the variant's unknown substitutions are read where they
 * stand (a few parses more), unless that did not move the parser from the same place before. A variant still not
 * parsing is kept as it is (it is reported), unless a parsing one takes each of its decisions. At most
 * {@link #MAX_PARSES} failed trials per statement, and {@link DynamicSql#MAX_VARIANTS} variants.
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

    private record Outcome(SqlText sql, int[] choice, boolean parsed) {
    }

    private final XmlElement statement;
    private final DynamicSql dynamic;
    private final UnaryOperator<SqlText> finish;
    private final Trial trial;
    private int parses;
    /** Places (in the mapper) where the parser stopped and reading the substitutions did not move it. */
    private final Set<Origin> unhelpfulReads = new HashSet<>();
    /** The last choice a repair tried: where the fullest variant's repair got to is where the other variants start. */
    private int[] reached;

    private ParsingVariants(XmlElement statement, DynamicSql dynamic, UnaryOperator<SqlText> finish, Trial trial) {
        this.statement = statement;
        this.dynamic = dynamic;
        this.finish = finish;
        this.trial = trial;
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
        int[] learned = null;
        for (int[] choice : dynamic.choices()) {
            if (parsed.size() + failed.size() >= DynamicSql.MAX_VARIANTS) break;
            boolean first = fullest == null;
            if (first) fullest = choice;
            // a variant shows what it differs in from the fullest; the rest it takes as the fullest's repair left it
            Outcome o = repaired(learned == null ? choice : overlay(learned, fullest, choice), pinned(fullest, choice));
            if (first) learned = reached;
            if (o == null) {
                if (impossible == null) impossible = dynamic.render(statement, choice).sql();
                continue;
            }
            keep(o, parsed, failed);
        }
        for (XmlElement anIf : dynamic.ifs()) {
            if (parsed.isEmpty() || parses >= MAX_PARSES || parsed.size() + failed.size() >= DynamicSql.MAX_VARIANTS) break;
            // a copy of a fragment's if is covered when another copy of it is (its text has been analysed)
            if (!dynamic.reachable(anIf) || covered(anIf.origin(), parsed)) continue;
            // the body with every if around it, which the repair may not turn either
            int[] choice = parsed.values().iterator().next().choice();
            Set<XmlElement> pinned = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
            for (XmlElement e = anIf; e != null; e = dynamic.enclosingIf(e)) {
                if (!dynamic.chosen(e)) continue;
                choice = dynamic.withBody(e, choice);
                pinned.add(e);
            }
            Outcome o = repaired(choice, pinned);
            if (o != null && o.parsed() && dynamic.bodyWritten(anIf, o.choice())) keep(o, parsed, failed);
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

    /** Whether a parsing variant writes the body of an if written at {@code origin} (any copy of it). */
    private boolean covered(Origin origin, Map<String, Outcome> parsed) {
        for (XmlElement anIf : dynamic.ifs()) {
            if (!anIf.origin().equals(origin)) continue;
            for (Outcome p : parsed.values()) if (dynamic.bodyWritten(anIf, p.choice())) return true;
        }
        return false;
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

    /** {@code base} with the decisions in which {@code choice} differs from {@code fullest}. */
    private static int[] overlay(int[] base, int[] fullest, int[] choice) {
        int[] out = base.clone();
        for (int p = 0; p < out.length; p++) if (choice[p] != fullest[p]) out[p] = choice[p];
        return out;
    }

    /**
     * The choice rendered and tried, repaired while it does not parse; null when the choice is not one MyBatis issues.
     * A decision the repair turned is not turned back: where the other way stops the parser too, the if around it is
     * blamed ({@code size == 1} and {@code size > 1} around a {@code disjunctive} / {@code !disjunctive} pair).
     */
    private Outcome repaired(int[] start, Set<XmlElement> pinned) {
        int[] choice = start;
        Outcome last = null;
        Set<Integer> turned = new HashSet<>();
        for (int repairs = 0; repairs <= MAX_REPAIRS; repairs++) {
            reached = choice;
            DynamicSql.Rendered rendered = dynamic.renderTracked(statement, choice);
            if (rendered.impossible()) return last;
            SqlText sql = finish.apply(rendered.sql());
            if (sql == null) return last == null ? new Outcome(null, choice, false) : last;
            Tried tried = trial.parse(sql);
            if (tried.stop() == null) return new Outcome(tried.sql(), choice, true);
            if (parses >= MAX_PARSES) return last == null ? new Outcome(tried.sql(), choice, false) : last;
            parses++;
            // before an if is blamed, the unknown substitutions are read where they stand, as for any statement, unless
            // reading them did not move the parser from this place before
            Origin plainStop = tried.stop();
            if (!unhelpfulReads.contains(plainStop)) {
                parses += READ_COST;
                tried = trial.read(sql);
                if (tried.stop() == null) return new Outcome(tried.sql(), choice, true);
                if (plainStop.equals(tried.stop())) unhelpfulReads.add(plainStop);
            }
            if (last == null) last = new Outcome(tried.sql(), choice, false); // a failure is reported as first written
            XmlElement culprit = culprit(rendered, tried, choice, pinned, turned);
            if (culprit == null) return last;
            turned.add(dynamic.point(culprit));
            choice = dynamic.without(culprit, choice);
        }
        return last;
    }

    /**
     * The if to turn: among those around the character the parser stopped at (that very copy, not another copy of the
     * same fragment; else around the nearest character before it), the one that may turn and whose turning leaves out
     * the least text (every copy of its decision counts), the innermost on a tie. A fragment included in two places
     * ({@code atomicChecks} on its own and inside {@code compositeChecks}) then loses the copy in the wrong place, not
     * both.
     */
    private XmlElement culprit(DynamicSql.Rendered rendered, Tried tried, int[] choice, Set<XmlElement> pinned, Set<Integer> turned) {
        if (tried.stop() == UNPLACED || tried.stop().file() == null) return null;
        int at = tried.sql().offsetOfIdentical(tried.stop());
        for (int i = at; i >= 0; i--) {
            XmlElement best = null;
            Map<Integer, Integer> written = null;
            for (XmlElement w = rendered.writer(tried.sql().originAt(i)); w != null; w = dynamic.enclosingIf(w)) {
                if (!mayTurn(w, choice, pinned, turned)) continue;
                if (best == null) {
                    best = w;
                    continue;
                }
                if (written == null) written = writtenPerPoint(rendered, tried.sql());
                if (written.getOrDefault(dynamic.point(w), 0) < written.getOrDefault(dynamic.point(best), 0)) best = w;
            }
            if (best != null) return best;
        }
        return null;
    }

    /** How many characters of the text each decision writes (a character inside two ifs of one decision counts once). */
    private Map<Integer, Integer> writtenPerPoint(DynamicSql.Rendered rendered, SqlText sql) {
        // the characters each if writes first, then each if's decisions once: a walk of the enclosing ifs per
        // character was a fifth of the MyBatis phase on Camunda, whose statements run to thousands of characters
        Map<XmlElement, Integer> perWriter = new IdentityHashMap<>();
        for (int i = 0; i < sql.length(); i++) {
            XmlElement w = rendered.writer(sql.originAt(i));
            if (w != null) perWriter.merge(w, 1, Integer::sum);
        }
        Map<Integer, Integer> out = new HashMap<>();
        Set<Integer> seen = new HashSet<>();
        perWriter.forEach((writer, characters) -> {
            seen.clear();
            for (XmlElement w = writer; w != null; w = dynamic.enclosingIf(w)) {
                if (dynamic.chosen(w) && seen.add(dynamic.point(w))) out.merge(dynamic.point(w), characters, Integer::sum);
            }
        });
        return out;
    }

    /** Decided by the choice, not pinned, not turned already, and not around a pinned if the choice writes. */
    private boolean mayTurn(XmlElement anIf, int[] choice, Set<XmlElement> pinned, Set<Integer> turned) {
        if (!dynamic.chosen(anIf) || turned.contains(dynamic.point(anIf))) return false;
        for (XmlElement p : pinned) {
            if (dynamic.point(p) == dynamic.point(anIf)) return false; // another copy of the if, or its twin
            if (!dynamic.written(p, choice)) continue;
            for (XmlElement e = dynamic.enclosingIf(p); e != null; e = dynamic.enclosingIf(e)) if (e == anIf) return false;
        }
        return true;
    }
}

