package dev.sqllint.report;

import dev.sqllint.engine.AnalysisResult;
import dev.sqllint.engine.SourceCounts;
import dev.sqllint.extract.SourceKind;
import dev.sqllint.extract.UnresolvedSite;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The coverage lines: which sources of SQL the run read and how much of their SQL parsed. One summary line
 * for every build, the listing per source kind and every unresolved site under {@code -X}.
 */
public final class SourcesReport {

    private SourcesReport() {
    }

    /**
     * {@code sqllint: sources: Spring JDBC 600, JPA/Hibernate 90; 1138 variants analysed, 909 parsed (79.9%);
     * 12 sites unresolved (per kind and reasons under -X): 10 entirely dynamic argument, 2 ...}; empty when no SQL
     * was found.
     */
    public static String summaryLine(AnalysisResult r) {
        SourceCounts s = r.sources();
        if (s.perKind().isEmpty() && s.unresolved().isEmpty()) return "";
        List<String> kinds = new ArrayList<>();
        s.perKind().forEach((k, c) -> kinds.add(k.label() + " " + c.sites()));
        String line = "sqllint: sources: " + (kinds.isEmpty() ? "none" : String.join(", ", kinds))
                + String.format("; %d variants analysed, %d parsed (%s)", s.variants(), s.parsed(), percent(s.parsed(), s.variants()));
        if (!s.unresolved().isEmpty()) {
            List<String> reasons = new ArrayList<>();
            s.unresolvedPerReason().forEach((reason, n) -> reasons.add(n + " " + reason));
            line += "; " + s.unresolved().size() + (s.unresolved().size() == 1 ? " site" : " sites") + " unresolved (per kind and reasons under -X): " + String.join(", ", reasons);
        }
        return line;
    }

    /** Per kind: sites, variants, parsed; the unresolved sites per reason, then each one. */
    public static List<String> listing(AnalysisResult r) {
        SourceCounts s = r.sources();
        List<String> lines = new ArrayList<>();
        lines.add("sqllint: SQL per source kind (sites, statement variants, parsed):");
        for (Map.Entry<SourceKind, SourceCounts.Count> e : s.perKind().entrySet()) {
            SourceCounts.Count c = e.getValue();
            lines.add(String.format("  %-26s %5d sites %6d variants %6d parsed (%s)", e.getKey().label(), c.sites(), c.variants(),
                    c.parsed(), percent(c.parsed(), c.variants())));
        }
        lines.addAll(NotParsedReasons.listing(r));
        if (s.unresolved().isEmpty()) return lines;
        lines.add("sqllint: sites whose SQL was not read, per reason:");
        s.unresolvedPerReason().forEach((reason, n) -> lines.add(String.format("  %5d  %s", n, reason)));
        for (UnresolvedSite u : s.unresolved()) {
            lines.add("  " + u.file().toAbsolutePath() + ":[" + u.line() + "," + u.column() + "] " + u.api() + ": " + u.reason()
                    + (u.detail().isEmpty() ? "" : " (" + u.detail() + ")"));
        }
        return lines;
    }

    private static String percent(int part, int whole) {
        return whole == 0 ? "-" : String.format("%.1f%%", 100.0 * part / whole);
    }
}
