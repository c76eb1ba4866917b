package dev.sqllint.report;

import dev.sqllint.engine.AnalysisResult;
import dev.sqllint.engine.Diagnostic;
import dev.sqllint.engine.Finding;
import dev.sqllint.rules.Rules;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Console lines. A finding reads {@code /abs/Foo.java:[12,8] [RuleName] message}, the format IntelliJ and
 * most CI logs turn into a link (the build tool adds the level prefix). The summary counts what was read,
 * what was skipped and what was found.
 */
public final class ConsoleReport {

    private ConsoleReport() {
    }

    public static String finding(Finding f) {
        return f.file().toAbsolutePath() + ":[" + f.line() + "," + f.column() + "] [" + f.rule() + "] " + f.message();
    }

    /** A finding the code suppressed: the same clickable line, and how it was suppressed. */
    public static String suppressed(Finding f) {
        return finding(f) + " (suppressed by " + f.suppressedBy() + ")";
    }

    /** The rule's one-line fix, printed under the finding. */
    public static String fixHint(Finding f) {
        return Rules.named(f.rule()).map(r -> "  fix: " + r.info().fix()).orElse("");
    }

    /**
     * What was not read, or a suppression that names no rule, at the parser's line and column (column 1 when only
     * the line is known) so that the line is as clickable as a finding's.
     */
    public static String diagnostic(Diagnostic d) {
        String at = d.line() > 0 ? ":[" + d.line() + "," + Math.max(1, d.column()) + "]" : "";
        String kind = d.kind().name().toLowerCase().replace('_', ' ');
        return d.file().toAbsolutePath() + at + (d.kind().skips() ? " skipped (" + kind + "): " : " " + kind + ": ") + d.reason();
    }

    /** Which database a run read its SQL for, and why: {@code sqllint: dialect: PostgreSQL (configured)}. */
    public static String dialect(AnalysisResult.ReadFor readFor) {
        return "sqllint: dialect: " + readFor.dialect().displayName() + " (" + readFor.source() + ")";
    }

    public static List<String> summary(AnalysisResult r) {
        AnalysisResult.Memory memory = r.work().memory();
        if (memory != null && memory.abandoned()) return List.of(memory.summary());
        List<String> lines = new ArrayList<>();
        long suppressed = r.findings().stream().filter(Finding::isSuppressed).count();
        lines.add("sqllint: " + count(r.filesScanned(), "file") + " scanned, " + count(r.sqlSites(), "SQL site") + " found, "
                + count(r.statementsParsed(), "statement") + " parsed, " + r.statementsNotParsed() + " not parsed"
                + (r.statementsNotParsed() > 0 ? " (reasons under -X and in the SARIF report)" : "") + ", "
                + count(r.count(Diagnostic.Kind.FILE_SKIPPED) + r.count(Diagnostic.Kind.JAVA_NOT_PARSED), "file") + " skipped, "
                + count(r.findings().size(), "finding") + (suppressed > 0 ? ", " + suppressed + " of them suppressed" : "")
                + " (" + r.elapsedMillis() + " ms)");
        String notParsed = NotParsedReasons.summary(r);
        if (!notParsed.isEmpty()) lines.add("sqllint: not analysed, per reason: " + notParsed);
        AnalysisResult.Work work = r.work();
        if (work.javaFiles() > 0) {
            lines.add(String.format("sqllint: %d of %s SQL-relevant, %d parsed (%d on demand), %s",
                    work.roots(), count(work.javaFiles(), "Java file"), work.parsed(), work.parsedOnDemand(),
                    work.cacheOn() ? work.cached() + " reused from the cache" : "cache off"));
        }
        if (work.memory() != null) lines.add(work.memory().summary());
        if (suppressed > 0) {
            lines.add(String.format("sqllint: %d suppressed in the code (@SuppressWarnings, // sqllint:ignore), %d not suppressed",
                    suppressed, r.findings().size() - suppressed));
        }
        AnalysisResult.SchemaSummary schema = r.schema();
        lines.add(schema.tables() == 0
                ? "sqllint: no schema found (migrations, changelogs, JPA entities): keys judged by naming conventions"
                : String.format("sqllint: schema: %d tables, %d keys, %d foreign keys, %d indexes from %s",
                        schema.tables(), schema.keys(), schema.foreignKeys(), schema.indexes(), String.join(", ", schema.sources())));
        undeclaredTables(schema).ifPresent(lines::add);
        String sources = SourcesReport.summaryLine(r);
        if (!sources.isEmpty()) lines.add(sources);
        Map<String, Integer> perRule = r.findingsPerRule();
        for (var rule : Rules.all()) {
            String name = rule.info().name();
            lines.add(String.format("  %-24s %d", name, perRule.getOrDefault(name, 0)));
        }
        return lines;
    }

    /** How many names the summary line and SARIF list. */
    public static final int UNDECLARED_NAMES_SHOWN = 5;

    /** The hint SARIF and the summary give for tables no schema declares. */
    public static final String SCHEMA_LOCATIONS_HINT =
            "point sqllint at their DDL with <schemaLocations> or -Dsqllint.schemaLocations=<folder or file>";

    /**
     * "sqllint: 3 tables the SQL uses are declared by no schema source (orders, ...): ...": judged by naming
     * conventions only, so the user knows which DDL would make the findings proved.
     */
    static java.util.Optional<String> undeclaredTables(AnalysisResult.SchemaSummary schema) {
        List<String> names = schema.undeclaredTables();
        if (names.isEmpty()) return java.util.Optional.empty();
        List<String> shown = names.subList(0, Math.min(UNDECLARED_NAMES_SHOWN, names.size()));
        String more = names.size() > shown.size() ? ", and " + (names.size() - shown.size()) + " more" : "";
        return java.util.Optional.of(String.format("sqllint: %d %s the SQL uses %s declared by no schema source (%s%s), "
                        + "so naming conventions stand in for their keys; %s",
                names.size(), names.size() == 1 ? "table" : "tables", names.size() == 1 ? "is" : "are",
                String.join(", ", shown), more, SCHEMA_LOCATIONS_HINT));
    }

    /** {@code 1 file}, {@code 2 files}. */
    public static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
