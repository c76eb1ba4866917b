package dev.sqllint.report;

import dev.sqllint.engine.Finding;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Console lines for a run compared with a baseline: accepted findings still show (at a quieter level, so
 * the debt stays visible), the summary says how many were accepted and how many are new, and entries that
 * match nothing any more are listed with the command that tidies them.
 */
public final class BaselineReport {

    private BaselineReport() {
    }

    /** A finding the baseline accepts: the usual clickable line, marked. */
    public static String baselined(Finding f) {
        return ConsoleReport.finding(f) + " (baselined)";
    }

    /** {@code sqllint: 2 baselined, 1 new (baseline /abs/sqllint-baseline.xml)}. */
    public static String summary(BaselineMatch match, List<Finding> findings, Path baselineFile) {
        return "sqllint: " + match.baselinedFindings(findings).size() + " baselined, " + match.newFindings(findings).size()
                + " new (baseline " + baselineFile.toAbsolutePath() + ")";
    }

    /** Appended to the build failure: the findings listed are the new ones. Empty without a baseline. */
    public static String failureNote(BaselineMatch match, List<Finding> findings, Path baselineFile) {
        if (!match.compared()) return "";
        return "\n  (new: not in the baseline " + baselineFile.toAbsolutePath() + ", which accepts "
                + match.baselinedFindings(findings).size() + " more)";
    }

    /** The stale entries, after one line that says what to do about them; nothing when there are none. */
    public static List<String> stale(BaselineMatch match, Path baselineFile) {
        List<Baseline.Entry> stale = match.stale();
        List<String> lines = new ArrayList<>();
        if (stale.isEmpty()) return lines;
        lines.add("sqllint: " + stale.size() + (stale.size() == 1 ? " baseline entry matches" : " baseline entries match")
                + " no finding any more (fixed, suppressed or removed); run mvn sqllint:baseline to drop "
                + (stale.size() == 1 ? "it" : "them") + " from " + baselineFile.toAbsolutePath());
        for (Baseline.Entry e : stale) {
            lines.add("  stale: " + e.key() + (e.count() > 1 ? " (" + e.count() + " times)" : "") + " sql: " + e.sql());
        }
        return lines;
    }
}
