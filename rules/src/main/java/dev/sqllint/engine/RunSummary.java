package dev.sqllint.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a run's outcomes add up to, as the report prints it: the findings (each rule and position once, sorted), the
 * diagnostics of the analysis (not those of finding and reading the files, which every run makes anew), the counts,
 * the notes and the schema's summary. {@link ResultCache} keeps it for the next run. A run that finds the same run
 * key and every Java file as this one read it ({@code javaSources}) would choose the same roots, take every outcome
 * from the cache and add them up to this again, so it answers from this alone: decoding the outcomes of
 * ThingsBoard's 521 roots, looking each up and adding them up was 15 % of such a run (344 to 292 ms, 11 fresh JVMs).
 *
 * @param total            the outcomes summed: sites, statements, findings, counts per source kind, the analysis's
 *                         diagnostics (the run's global ones first) and the tables no schema declares (most used first)
 * @param mapperFilesFound MyBatis mapper files the run found, counted among the files scanned
 */
record RunSummary(int roots, String javaSources, FileOutcome total, List<String> notes,
                  AnalysisResult.SchemaSummary schema, int mapperFilesFound) {

    /** The summary of a run with {@code roots} roots, whose outcomes (roots, then mappers) and global part these are. */
    static RunSummary of(int roots, String javaSources, List<FileOutcome> outcomes, ResultCache.Global global,
                         List<String> notes) {
        int sites = 0;
        int parsed = 0;
        int notParsed = 0;
        List<Diagnostic> diagnostics = new ArrayList<>(global.diagnostics());
        Map<String, Finding> unique = new LinkedHashMap<>();
        for (FileOutcome o : outcomes) {
            sites += o.sites();
            diagnostics.addAll(o.diagnostics());
            parsed += o.parsed();
            notParsed += o.notParsed();
            // variants of one statement share most findings: report each (rule, position) once
            for (Finding f : o.findings()) unique.putIfAbsent(f.rule() + "|" + f.file() + "|" + f.line() + "|" + f.column(), f);
        }
        List<Finding> findings = new ArrayList<>(unique.values());
        findings.sort(Comparator.comparing((Finding f) -> f.file().toString()).thenComparingInt(Finding::line)
                .thenComparingInt(Finding::column).thenComparing(Finding::rule));
        FileOutcome total = new FileOutcome(sites, parsed, notParsed, List.copyOf(findings),
                SourceCounts.merge(outcomes.stream().map(FileOutcome::sources).toList()), List.copyOf(diagnostics),
                FileOutcome.NO_DERIVED, List.copyOf(UsedTables.merge(outcomes)));
        return new RunSummary(roots, javaSources, total, List.copyOf(notes), global.schema(), global.mapperFilesFound());
    }

    /**
     * Whether this summary answers a run with these Java files (its run key being this run's): the same files,
     * outlines and settings choose the same roots.
     */
    boolean answers(String javaSources) {
        return this.javaSources.equals(javaSources);
    }

    /**
     * The run's result: {@code found}, the diagnostics of finding and reading its {@code javaFiles} Java files, and
     * this summary's.
     */
    AnalysisResult result(List<Diagnostic> found, int javaFiles, long started, AnalysisResult.Work work,
                          AnalysisResult.ReadFor dialect) {
        List<Diagnostic> diagnostics = new ArrayList<>(found);
        diagnostics.addAll(total.diagnostics());
        diagnostics.sort(Comparator.comparing((Diagnostic d) -> d.file().toString()).thenComparingInt(Diagnostic::line)
                .thenComparing(Diagnostic::reason));
        return new AnalysisResult(total.findings(), List.copyOf(diagnostics), javaFiles + mapperFilesFound, total.sites(),
                total.parsed(), total.notParsed(), (System.nanoTime() - started) / 1_000_000,
                schema.withUndeclared(total.undeclaredTables()), notes, total.sources(), work, dialect);
    }
}
