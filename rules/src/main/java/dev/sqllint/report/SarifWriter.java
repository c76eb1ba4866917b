package dev.sqllint.report;

import dev.sqllint.engine.AnalysisResult;
import dev.sqllint.engine.Diagnostic;
import dev.sqllint.engine.Finding;
import dev.sqllint.extract.IgnoreComment;
import dev.sqllint.rules.Rule;
import dev.sqllint.rules.RuleInfo;
import dev.sqllint.rules.Rules;
import dev.sqllint.rules.Severity;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
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
 * Writes SARIF 2.1.0: one result per finding (rule id, message, location relative to the top of the
 * reactor), the rules' metadata in {@code tool.driver.rules}, and the skipped inputs as tool execution
 * notifications. Written to a temporary file and moved, so a reader never sees half a report.
 *
 * <p>What GitHub code scanning reads: URIs are relative to {@code %SRCROOT%}, the top of the reactor (given
 * in {@code originalUriBaseIds}), so every module of a multi-module build names its files from the repository
 * root; each module's run has its own {@code automationDetails.id}, so the upload action accepts the
 * modules' SARIF files together; rules carry {@code problem.severity} and {@code precision}; results carry a
 * {@code primaryLocationLineHash} that survives line shifts ({@link SarifFingerprints}).
 */
public final class SarifWriter {

    private static final String BASE_ID = "%SRCROOT%";

    private SarifWriter() {
    }

    public static void write(AnalysisResult result, Path baseDir, Path out, String toolVersion) throws IOException {
        write(result, baseDir, baseDir, out, toolVersion, f -> null);
    }

    /**
     * Writes the report atomically (a temporary file, then a move), so a reader never sees half of it.
     *
     * @param projectDir    the module analysed
     * @param reactorRoot   the top of the build (repository root): {@code %SRCROOT%}, what URIs are relative to
     * @param baselineState each result's {@code baselineState} ({@code new} or {@code unchanged}) from the
     *                      comparison with the team's baseline; SARIF wants it on every result or none, so
     *                      without a baseline ({@code null} states) there is none
     */
    public static void write(AnalysisResult result, Path projectDir, Path reactorRoot, Path out, String toolVersion,
                             Function<Finding, String> baselineState) throws IOException {
        Map<String, Object> sarif = sarif(result, projectDir, reactorRoot, toolVersion);
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
        return sarif(result, baseDir, baseDir, toolVersion);
    }

    static Map<String, Object> sarif(AnalysisResult result, Path projectDir, Path reactorRoot, String toolVersion) {
        List<String> ruleIds = new ArrayList<>();
        List<Object> rules = new ArrayList<>();
        for (Rule r : Rules.all()) {
            ruleIds.add(r.info().name());
            rules.add(rule(r.info(), precision(r.info().name(), result.findings())));
        }
        Map<String, Object> driver = map("name", "sqllint", "version", toolVersion, "informationUri", RuleDocs.HOME,
                "rules", rules);
        List<Object> results = new ArrayList<>();
        List<String> fingerprints = SarifFingerprints.primaryLocationLineHashes(result.findings(), reactorRoot);
        for (int i = 0; i < result.findings().size(); i++) {
            Finding f = result.findings().get(i);
            Map<String, Object> r = result(f, ruleIds.indexOf(f.rule()), reactorRoot);
            r.put("partialFingerprints", map("primaryLocationLineHash", fingerprints.get(i)));
            results.add(r);
        }
        List<Object> notifications = new ArrayList<>();
        for (Diagnostic d : result.diagnostics()) notifications.add(notification(d, reactorRoot));
        Map<String, Object> invocation = map("executionSuccessful", true, "toolExecutionNotifications", notifications);
        Map<String, Object> run = map(
                "tool", map("driver", driver),
                "originalUriBaseIds", map(BASE_ID, map("uri", directoryUri(reactorRoot))),
                "invocations", List.of(invocation),
                "results", results);
        run.put("properties", schemaProperties(result.schema()));
        String module = relativeUri(projectDir, reactorRoot);
        if (!module.isEmpty() && !module.startsWith("/")) run.put("automationDetails", map("id", "sqllint/" + module + "/"));
        return map("$schema", "https://json.schemastore.org/sarif-2.1.0.json", "version", "2.1.0", "runs", List.of(run));
    }

    /**
     * A rule's precision for GitHub: {@code very-high} when a schema proved the keys behind every finding of
     * the rule in this run, {@code medium} when naming conventions stood in for a schema (or nothing was found).
     */
    static String precision(String rule, List<Finding> findings) {
        List<Finding> own = findings.stream().filter(f -> f.rule().equals(rule)).toList();
        return !own.isEmpty() && own.stream().allMatch(Finding::proved) ? "very-high" : "medium";
    }

    /** GitHub's {@code problem.severity}: {@code error}, {@code warning} or {@code recommendation}. */
    static String problemSeverity(Severity severity) {
        return switch (severity) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "recommendation";
        };
    }

    private static Map<String, Object> rule(RuleInfo i, String precision) {
        return map(
                "id", i.name(),
                "name", RuleDocs.pascalCase(RuleDocs.title(i)),
                "shortDescription", map("text", i.summary()),
                "fullDescription", map("text", i.explanation()),
                "help", map("text", RuleDocs.ruleText(i), "markdown", RuleDocs.ruleMarkdown(i, "##")),
                "helpUri", RuleDocs.helpUri(i),
                "defaultConfiguration", map("level", i.severity().sarifLevel()),
                "properties", map("tags", List.of("performance", "sql"), "precision", precision,
                        "problem.severity", problemSeverity(i.severity())));
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

    /** What the schema held, and which tables the SQL uses that no schema source declares (up to five named). */
    private static Map<String, Object> schemaProperties(AnalysisResult.SchemaSummary schema) {
        List<String> names = schema.undeclaredTables();
        Map<String, Object> p = map("schemaTables", schema.tables(), "undeclaredTables", names.size(),
                "undeclaredTableNames", names.subList(0, Math.min(ConsoleReport.UNDECLARED_NAMES_SHOWN, names.size())));
        if (!names.isEmpty()) p.put("undeclaredTablesHint", ConsoleReport.SCHEMA_LOCATIONS_HINT);
        return p;
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
        n.put("locations", List.of(location(d.file(), Math.max(1, d.line()), Math.max(1, d.column()), baseDir)));
        return n;
    }

    private static Map<String, Object> location(Path file, int line, int column, Path baseDir) {
        return map("physicalLocation", map(
                "artifactLocation", map("uri", encodedUri(relativeUri(file, baseDir)), "uriBaseId", BASE_ID),
                "region", map("startLine", line, "startColumn", column)));
    }

    /** The path relative to the project base directory, with forward slashes (SARIF URIs). */
    static String relativeUri(Path file, Path baseDir) {
        Path abs = file.toAbsolutePath().normalize();
        Path base = baseDir.toAbsolutePath().normalize();
        Path rel = abs.startsWith(base) ? base.relativize(abs) : abs;
        return rel.toString().replace('\\', '/');
    }

    /** A relative path as a URI reference: each segment percent-encoded (spaces, {@code #}, non-ASCII). */
    static String encodedUri(String path) {
        if (plainPath(path)) return path; // what URI would give back unchanged, without parsing it (every location)
        try {
            return new URI(null, null, path, null).toASCIIString();
        } catch (URISyntaxException e) {
            return path;
        }
    }

    /** Letters, digits, {@code - . _ ~} and slashes, not starting with two slashes: nothing in it is encoded. */
    private static boolean plainPath(String path) {
        if (path.startsWith("//")) return false;
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'
                    || c == '.' || c == '_' || c == '~' || c == '/';
            if (!plain) return false;
        }
        return true;
    }

    /** A base URI must end in a slash, even when the directory does not exist (yet). */
    private static String directoryUri(Path dir) {
        String uri = dir.toAbsolutePath().normalize().toUri().toString();
        return uri.endsWith("/") ? uri : uri + "/";
    }

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }
}
