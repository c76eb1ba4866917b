package dev.sqllint.report;

import dev.sqllint.engine.Finding;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A run's findings against a {@link Baseline}: each finding is {@link State#NEW} or {@link State#UNCHANGED},
 * and the entries no finding matched any more are stale, so the file can be tidied.
 *
 * <p>An entry with count {@code n} accepts up to {@code n} findings with its key; more are new. The
 * unsuppressed findings take the counts first: a suppressed copy of a statement must never push an
 * unsuppressed one out of the baseline and fail the build. Which of several findings with one key is the
 * new one cannot be known (they differ only in position); the later ones in the file are.
 */
public final class BaselineMatch {

    /** A finding's state with respect to the baseline, in SARIF's words ({@code result.baselineState}). */
    public enum State {
        NEW("new"), UNCHANGED("unchanged");

        private final String sarif;

        State(String sarif) {
            this.sarif = sarif;
        }

        public String sarif() {
            return sarif;
        }
    }

    /** No baseline: every finding is new, and reports carry no baseline state. */
    public static final BaselineMatch NONE = new BaselineMatch(false, Map.of(), List.of());

    private final boolean compared;
    private final Map<Finding, State> states;
    private final List<Baseline.Entry> stale;

    private BaselineMatch(boolean compared, Map<Finding, State> states, List<Baseline.Entry> stale) {
        this.compared = compared;
        this.states = states;
        this.stale = stale;
    }

    static BaselineMatch of(Baseline baseline, List<Finding> findings, Path baseDir) {
        Map<BaselineKey, Integer> remaining = new TreeMap<>();
        for (Baseline.Entry e : baseline.entries()) remaining.put(e.key(), e.count());
        Map<Finding, State> states = new HashMap<>();
        for (boolean suppressedPass : new boolean[] {false, true}) {
            for (Finding f : findings) {
                if (f.isSuppressed() != suppressedPass) continue;
                BaselineKey key = BaselineKey.of(f, baseDir);
                int left = remaining.getOrDefault(key, 0);
                if (left > 0) remaining.put(key, left - 1);
                states.put(f, left > 0 ? State.UNCHANGED : State.NEW);
            }
        }
        List<Baseline.Entry> stale = new ArrayList<>();
        for (Baseline.Entry e : baseline.entries()) {
            int unused = remaining.get(e.key());
            if (unused > 0) stale.add(new Baseline.Entry(e.key(), unused, e.sql()));
        }
        return new BaselineMatch(true, states, List.copyOf(stale));
    }

    /** True when there was a baseline to compare with. */
    public boolean compared() {
        return compared;
    }

    /** True when the baseline accepts this finding: it is reported, but does not fail the build. */
    public boolean isBaselined(Finding f) {
        return states.get(f) == State.UNCHANGED;
    }

    /** The finding's state; {@link State#NEW} without a baseline and for findings not in this comparison. */
    public State state(Finding f) {
        return states.getOrDefault(f, State.NEW);
    }

    /** SARIF's {@code baselineState} of the finding, or null when there was no baseline to compare with. */
    public String sarifState(Finding f) {
        return compared ? state(f).sarif() : null;
    }

    /** The unsuppressed findings the baseline accepts. */
    public List<Finding> baselinedFindings(List<Finding> findings) {
        return findings.stream().filter(f -> !f.isSuppressed() && isBaselined(f)).toList();
    }

    /** The unsuppressed findings the baseline does not accept: the ones that fail the build. */
    public List<Finding> newFindings(List<Finding> findings) {
        return findings.stream().filter(f -> !f.isSuppressed() && !isBaselined(f)).toList();
    }

    /** Entries no finding matches any more, each with the count left unmatched. */
    public List<Baseline.Entry> stale() {
        return stale;
    }
}
