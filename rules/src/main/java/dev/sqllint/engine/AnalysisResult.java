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
                             List<String> notes, SourceCounts sources, Work work) {

    /**
     * How much work the run did: Java files read, those the pre-filter chose to analyse (roots), how many of
     * those the cache answered, how many files were parsed up front and on demand, and which were analysed.
     */
    public record Work(int javaFiles, int roots, int cached, int parsedUpFront, int parsedOnDemand, boolean cacheOn,
                       List<String> cacheNotes, List<java.nio.file.Path> analysed) {
        public static final Work NONE = new Work(0, 0, 0, 0, 0, false, List.of(), List.of());

        public int parsed() {
            return parsedUpFront + parsedOnDemand;
        }
    }

    public AnalysisResult(List<Finding> findings, List<Diagnostic> diagnostics, int filesScanned, int sqlSites,
                          int statementsParsed, int statementsNotParsed, long elapsedMillis, SchemaSummary schema,
                          List<String> notes, SourceCounts sources) {
        this(findings, diagnostics, filesScanned, sqlSites, statementsParsed, statementsNotParsed, elapsedMillis, schema,
                notes, sources, Work.NONE);
    }

    /** A result without per-source counts (tests, reports built from findings alone). */
    public AnalysisResult(List<Finding> findings, List<Diagnostic> diagnostics, int filesScanned, int sqlSites,
                          int statementsParsed, int statementsNotParsed, long elapsedMillis, SchemaSummary schema,
                          List<String> notes) {
        this(findings, diagnostics, filesScanned, sqlSites, statementsParsed, statementsNotParsed, elapsedMillis, schema,
                notes, SourceCounts.NONE, Work.NONE);
    }

    /** What the schema sources yielded: counts for the summary line, and where they came from. */
    public record SchemaSummary(int tables, int keys, int foreignKeys, int indexes, List<String> sources) {
        public static final SchemaSummary NONE = new SchemaSummary(0, 0, 0, 0, List.of());
    }

    /** The same run reporting other findings (a subset: changed-files mode), every count kept. */
    public AnalysisResult withFindings(List<Finding> kept) {
        return new AnalysisResult(List.copyOf(kept), diagnostics, filesScanned, sqlSites, statementsParsed,
                statementsNotParsed, elapsedMillis, schema, notes, sources, work);
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
