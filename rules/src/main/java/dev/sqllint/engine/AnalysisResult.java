package dev.sqllint.engine;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The outcome of a run: findings sorted by file, line, column and rule; the diagnostics; the counts the summary
 * prints; and the database the SQL was read for ({@code dialect}; null in results not made by a run).
 */
public record AnalysisResult(List<Finding> findings, List<Diagnostic> diagnostics, int filesScanned, int sqlSites,
                             int statementsParsed, int statementsNotParsed, long elapsedMillis, SchemaSummary schema,
                             List<String> notes, SourceCounts sources, Work work, ReadFor dialect) {

    /**
     * The database a run read the SQL for and why ({@link AnalysisConfig#dialectSource}): the configured one, or the
     * one its schema scripts name, which the run finds while discovering them.
     */
    public record ReadFor(dev.sqllint.sql.Dialect dialect, String source) {
        public static ReadFor of(AnalysisConfig config) {
            return new ReadFor(config.dialect(), config.dialectSource());
        }
    }

    public AnalysisResult(List<Finding> findings, List<Diagnostic> diagnostics, int filesScanned, int sqlSites,
                          int statementsParsed, int statementsNotParsed, long elapsedMillis, SchemaSummary schema,
                          List<String> notes, SourceCounts sources, Work work) {
        this(findings, diagnostics, filesScanned, sqlSites, statementsParsed, statementsNotParsed, elapsedMillis, schema,
                notes, sources, work, null);
    }

    /**
     * How much work the run did: Java files read, those the pre-filter chose to analyse (roots), how many of
     * those the cache answered, how many files were parsed up front and on demand, which were analysed, which
     * Java files were parsed ({@code parsedFiles}, in path order: what a run without the pre-filter's choice would
     * have parsed in full is the benchmark's reference), what a shortage of heap made the run give up
     * ({@code memory}; null when the heap sufficed), and where the time went ({@code phases}; see {@link Phases}).
     */
    public record Work(int javaFiles, int roots, int cached, int parsedUpFront, int parsedOnDemand, boolean cacheOn,
                       List<String> cacheNotes, List<java.nio.file.Path> analysed, List<java.nio.file.Path> parsedFiles,
                       Memory memory, Map<Phases.Phase, Phases.Spent> phases) {
        public static final Work NONE = new Work(0, 0, 0, 0, 0, false, List.of(), List.of(), List.of(), null, Map.of());

        public Work(int javaFiles, int roots, int cached, int parsedUpFront, int parsedOnDemand, boolean cacheOn,
                    List<String> cacheNotes, List<java.nio.file.Path> analysed) {
            this(javaFiles, roots, cached, parsedUpFront, parsedOnDemand, cacheOn, cacheNotes, analysed, List.of(), null,
                    Map.of());
        }

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

    /**
     * The heap ran short: the run stopped caching, dropped its memos and analysed the rest one file at a time;
     * {@code filesSkipped} files ran out of heap even so and were not analysed (each has a diagnostic).
     */
    public record Memory(long maxHeapMb, int filesSkipped, boolean abandoned) {
        public String summary() {
            if (abandoned) {
                return "sqllint: the heap ran out (" + maxHeapMb + " MB at most) before the analysis could degrade: it was"
                        + " abandoned and nothing is reported. More heap (MAVEN_OPTS=-Xmx...) analyses everything";
            }
            return "sqllint: the heap ran short (" + maxHeapMb + " MB at most): caching stopped, memos dropped, the rest"
                    + " analysed one file at a time; " + filesSkipped + (filesSkipped == 1 ? " file" : " files")
                    + " not analysed" + (filesSkipped == 0 ? "" : " (listed above)")
                    + ". More heap (MAVEN_OPTS=-Xmx...) analyses everything faster";
        }
    }

    /**
     * The last resort when an {@link OutOfMemoryError} escaped the analysis anyway: no findings, the summary says
     * why, and the build goes on (bad or big input never breaks it).
     */
    public static AnalysisResult heapExhausted() {
        Memory memory = new Memory(Runtime.getRuntime().maxMemory() / (1024 * 1024), 0, true);
        return new AnalysisResult(List.of(), List.of(), 0, 0, 0, 0, 0, SchemaSummary.NONE, List.of(), SourceCounts.NONE,
                new Work(0, 0, 0, 0, 0, false, List.of(), List.of(), List.of(), memory, Map.of()));
    }

    /**
     * What the schema sources yielded: counts for the summary line, where they came from, and the tables the SQL uses
     * that none of them declares (most used first), which the user may want to point sqllint at.
     */
    public record SchemaSummary(int tables, int keys, int foreignKeys, int indexes, List<String> sources,
                                List<String> undeclaredTables) {
        public static final SchemaSummary NONE = new SchemaSummary(0, 0, 0, 0, List.of());

        public SchemaSummary(int tables, int keys, int foreignKeys, int indexes, List<String> sources) {
            this(tables, keys, foreignKeys, indexes, sources, List.of());
        }

        public SchemaSummary withUndeclared(List<String> names) {
            return new SchemaSummary(tables, keys, foreignKeys, indexes, sources, List.copyOf(names));
        }
    }

    /** The same run reporting other findings (a subset: changed-files mode), every count kept. */
    public AnalysisResult withFindings(List<Finding> kept) {
        return new AnalysisResult(List.copyOf(kept), diagnostics, filesScanned, sqlSites, statementsParsed,
                statementsNotParsed, elapsedMillis, schema, notes, sources, work, dialect);
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
