package dev.sqllint.engine;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The outcome of a run: findings sorted by file, line, column and rule; the diagnostics; and the counts
 * the summary prints.
 */
public record AnalysisResult(List<Finding> findings, List<Diagnostic> diagnostics, int filesScanned, int sqlSites,
                             int statementsParsed, int statementsNotParsed, long elapsedMillis, SchemaSummary schema,
                             List<String> notes) {

    /** What the schema sources yielded: counts for the summary line, and where they came from. */
    public record SchemaSummary(int tables, int keys, int foreignKeys, int indexes, List<String> sources) {
        public static final SchemaSummary NONE = new SchemaSummary(0, 0, 0, 0, List.of());
    }

    /** The same run with other findings: the configuration's severity overrides applied after the analysis. */
    public AnalysisResult withFindings(List<Finding> replaced) {
        return new AnalysisResult(List.copyOf(replaced), diagnostics, filesScanned, sqlSites, statementsParsed,
                statementsNotParsed, elapsedMillis, schema, notes);
    }

    public Map<String, Integer> findingsPerRule() {
        Map<String, Integer> out = new TreeMap<>();
        for (Finding f : findings) out.merge(f.rule(), 1, Integer::sum);
        return out;
    }

    public long count(Diagnostic.Kind kind) {
        return diagnostics.stream().filter(d -> d.kind() == kind).count();
    }
}
