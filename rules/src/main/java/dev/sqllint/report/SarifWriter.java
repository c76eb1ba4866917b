package dev.sqllint.report;

import dev.sqllint.engine.AnalysisResult;
import dev.sqllint.engine.Diagnostic;
import dev.sqllint.engine.Finding;
import dev.sqllint.extract.IgnoreComment;
import dev.sqllint.rules.Rule;
import dev.sqllint.rules.RuleInfo;
import dev.sqllint.rules.Rules;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Writes SARIF 2.1.0: one result per finding (rule id, message, location relative to the project base
 * directory), the rules' metadata in {@code tool.driver.rules}, and the skipped inputs as tool execution
 * notifications. Written to a temporary file and moved, so a reader never sees half a report.
 */
public final class SarifWriter {

    private static final String BASE_ID = "PROJECTROOT";

    private SarifWriter() {
    }

    public static void write(AnalysisResult result, Path baseDir, Path out, String toolVersion) throws IOException {
        Files.createDirectories(out.toAbsolutePath().getParent());
        Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
        Files.writeString(tmp, Json.write(sarif(result, baseDir, toolVersion)), StandardCharsets.UTF_8);
        Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * As {@link #write(AnalysisResult, Path, Path, String)}, with each result's {@code baselineState}
     * ({@code new} or {@code unchanged}) from the comparison with the team's baseline; SARIF wants it on
     * every result or none, so without a baseline ({@code null} states) there is none.
     */
    public static void write(AnalysisResult result, Path baseDir, Path out, String toolVersion,
                             Function<Finding, String> baselineState) throws IOException {
        Map<String, Object> sarif = sarif(result, baseDir, toolVersion);
        addBaselineStates(sarif, result.findings(), baselineState);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
        Files.writeString(tmp, Json.write(sarif), StandardCharsets.UTF_8);
        Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The results are the findings, in order; each gets its state. */
    @SuppressWarnings("unchecked")
    static void addBaselineStates(Map<String, Object> sarif, List<Finding> findings, Function<Finding, String> baselineState) {
        List<Object> results = (List<Object>) ((Map<String, Object>) ((List<?>) sarif.get("runs")).get(0)).get("results");
        if (results.size() != findings.size()) throw new IllegalStateException("SARIF results are not the findings");
        for (int i = 0; i < results.size(); i++) {
            String state = baselineState.apply(findings.get(i));
            if (state != null) ((Map<String, Object>) results.get(i)).put("baselineState", state);
        }
    }

    static Map<String, Object> sarif(AnalysisResult result, Path baseDir, String toolVersion) {
        List<String> ruleIds = new ArrayList<>();
        List<Object> rules = new ArrayList<>();
        for (Rule r : Rules.all()) {
            ruleIds.add(r.info().name());
            rules.add(rule(r.info()));
        }
        Map<String, Object> driver = map("name", "sqllint", "version", toolVersion, "rules", rules);
        List<Object> results = new ArrayList<>();
        for (Finding f : result.findings()) results.add(result(f, ruleIds.indexOf(f.rule()), baseDir));
        List<Object> notifications = new ArrayList<>();
        for (Diagnostic d : result.diagnostics()) notifications.add(notification(d, baseDir));
        Map<String, Object> invocation = map("executionSuccessful", true, "toolExecutionNotifications", notifications);
        Map<String, Object> run = map(
                "tool", map("driver", driver),
                "originalUriBaseIds", map(BASE_ID, map("uri", baseDir.toAbsolutePath().normalize().toUri().toString())),
                "invocations", List.of(invocation),
                "results", results);
        return map("$schema", "https://json.schemastore.org/sarif-2.1.0.json", "version", "2.1.0", "runs", List.of(run));
    }

    private static Map<String, Object> rule(RuleInfo i) {
        return map(
                "id", i.name(),
                "name", i.name(),
                "shortDescription", map("text", i.summary()),
                "fullDescription", map("text", i.explanation()),
                "help", map("text", RuleDocs.ruleText(i), "markdown", RuleDocs.ruleMarkdown(i, "##")),
                "defaultConfiguration", map("level", i.severity().sarifLevel()),
                "properties", map("tags", List.of("performance", "sql")));
    }

    private static Map<String, Object> result(Finding f, int ruleIndex, Path baseDir) {
        Map<String, Object> result = map(
                "ruleId", f.rule(),
                "ruleIndex", ruleIndex,
                "level", f.severity().sarifLevel(),
                "message", map("text", f.message()),
                "locations", List.of(location(f.file(), f.line(), f.column(), baseDir)),
                "properties", map(
                        "precision", f.proved() ? "very-high" : "medium",
                        "api", f.api(),
                        "owner", f.owner(),
                        "sql", f.sql().length() <= 500 ? f.sql() : f.sql().substring(0, 499) + "…"));
        if (f.isSuppressed()) result.put("suppressions", List.of(suppression(f)));
        return result;
    }

    /** SARIF's in-source suppression, with the reason an ignore comment gives; the properties say how. */
    private static Map<String, Object> suppression(Finding f) {
        Map<String, Object> s = map("kind", "inSource");
        IgnoreComment.reasonOf(f.suppressedBy()).ifPresent(reason -> s.put("justification", reason));
        s.put("properties", map("suppressedBy", f.suppressedBy()));
        return s;
    }

    private static Map<String, Object> notification(Diagnostic d, Path baseDir) {
        Map<String, Object> n = map("level", "warning",
                "message", map("text", d.kind().name().toLowerCase().replace('_', ' ') + ": " + d.reason()),
                "descriptor", map("id", d.kind().name()));
        n.put("locations", List.of(location(d.file(), Math.max(1, d.line()), 1, baseDir)));
        return n;
    }

    private static Map<String, Object> location(Path file, int line, int column, Path baseDir) {
        return map("physicalLocation", map(
                "artifactLocation", map("uri", relativeUri(file, baseDir), "uriBaseId", BASE_ID),
                "region", map("startLine", line, "startColumn", column)));
    }

    /** The path relative to the project base directory, with forward slashes (SARIF URIs). */
    static String relativeUri(Path file, Path baseDir) {
        Path abs = file.toAbsolutePath().normalize();
        Path base = baseDir.toAbsolutePath().normalize();
        Path rel = abs.startsWith(base) ? base.relativize(abs) : abs;
        return rel.toString().replace('\\', '/');
    }

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }
}
