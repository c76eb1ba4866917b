package dev.sqllint.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.sqllint.engine.AnalysisConfig;
import dev.sqllint.engine.AnalysisResult;
import dev.sqllint.engine.Analyzer;
import dev.sqllint.engine.Finding;
import dev.sqllint.rules.Rule;
import dev.sqllint.rules.Rules;
import dev.sqllint.schema.NamingConventions;
import dev.sqllint.sql.Dialect;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Error Prone's CompilationTestHelper, for sqllint: add realistic Java sources whose expected findings sit
 * in a comment on the line above, then {@link #doTest()}.
 *
 * <pre>
 * // BUG: DistinctOnHistoryScan at DISTINCT
 * "SELECT DISTINCT ON (r.published_run_id) ..."
 * </pre>
 * ({@code -- BUG:} inside SQL text blocks, {@code <!-- BUG: Rule at TOKEN -->} in a MyBatis mapper XML, added as a
 * source or a resource) expects exactly one finding of that rule on the next line, at the column where {@code DISTINCT} first
 * appears on it. Every finding of the rules under test must be expected, and every expectation met.
 */
public final class LintTestHelper {

    private static final Pattern BUG = Pattern.compile("(?://|--)\\s*BUG:\\s*(\\w+)(?:\\s+at\\s+(.+?))?\\s*(?:-->)?\\s*$");

    private final List<Rule> rules;
    private final Map<String, String> sources = new TreeMap<>();
    private final Map<String, String> resources = new TreeMap<>();
    private boolean projectSchema;
    private List<String> historyTables = List.of();
    private Dialect dialect = Dialect.POSTGRESQL;
    private AnalysisResult result;

    private LintTestHelper(List<Rule> rules) {
        this.rules = rules;
    }

    public static LintTestHelper forRule(Class<? extends Rule> rule) {
        return new LintTestHelper(Rules.all().stream().filter(rule::isInstance).toList());
    }

    public static LintTestHelper forAllRules() {
        return new LintTestHelper(Rules.all());
    }

    public LintTestHelper addSourceLines(String path, String... lines) {
        sources.put(path, String.join("\n", lines) + "\n");
        return this;
    }

    /**
     * A resource file ({@code db/migration/V1__init.sql}, a Liquibase changelog); implies {@link #withProjectSchema()}.
     */
    public LintTestHelper addResource(String path, String text) {
        resources.put(path, text);
        projectSchema = true;
        return this;
    }

    /** The {@code historyTables} configuration. */
    public LintTestHelper withHistoryTables(String... globs) {
        historyTables = List.of(globs);
        projectSchema = true;
        return this;
    }

    /** The project's database ({@code sqllint.dialect}); PostgreSQL unless set. */
    public LintTestHelper withDialect(Dialect d) {
        dialect = d;
        return this;
    }

    /** Judge keys by the schema the sources declare (migrations, JPA entities), as the plugin does. */
    public LintTestHelper withProjectSchema() {
        projectSchema = true;
        return this;
    }

    /** A whole source file as one text block. */
    public LintTestHelper addSource(String path, String text) {
        sources.put(path, text.endsWith("\n") ? text : text + "\n");
        return this;
    }

    /** Asserts that the rules under test find nothing in the sources, whose statements all parsed. */
    public AnalysisResult expectNoFindings(int statements) {
        AnalysisResult r = run();
        assertEverythingParsed(r);
        assertEquals(statements, r.statementsParsed(), "statements analysed");
        assertEquals("", String.join("\n", r.findings().stream().map(f -> f.line() + " " + f.rule() + " " + f.message()).toList()));
        return r;
    }

    /** Runs the analysis and checks findings against the BUG comments. */
    public AnalysisResult doTest() {
        AnalysisResult r = run();
        assertEverythingParsed(r);
        List<String> expected = new ArrayList<>();
        for (Map.Entry<String, String> source : markedFiles().entrySet()) {
            String[] lines = source.getValue().split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                Matcher m = BUG.matcher(lines[i].trim());
                if (!m.find()) continue;
                int line = i + 2;
                String next = i + 1 < lines.length ? lines[i + 1] : "";
                String column = "?";
                if (m.group(2) != null) {
                    int idx = next.indexOf(m.group(2).trim());
                    if (idx < 0) fail("marker '" + m.group(2) + "' not on line " + line + " of " + source.getKey());
                    column = String.valueOf(idx + 1);
                }
                expected.add(source.getKey() + ":" + line + ":" + column + " " + m.group(1));
            }
        }
        List<String> actual = new ArrayList<>();
        for (Finding f : r.findings()) {
            String rel = (f.file().startsWith(resourceRoot) ? resourceRoot : root).relativize(f.file()).toString().replace('\\', '/');
            String key = rel + ":" + f.line() + ":" + f.column() + " " + f.rule();
            boolean columnFree = expected.contains(rel + ":" + f.line() + ":? " + f.rule());
            actual.add(columnFree ? rel + ":" + f.line() + ":? " + f.rule() : key);
        }
        expected.sort(null);
        actual.sort(null);
        assertEquals(String.join("\n", expected), String.join("\n", actual),
                "findings differ; messages:\n" + messages(r));
        return r;
    }

    /** The files whose BUG comments are expectations: the sources, and the XML resources (MyBatis mappers). */
    private Map<String, String> markedFiles() {
        Map<String, String> out = new TreeMap<>(sources);
        resources.forEach(out::putIfAbsent); // XML mappers and Jdbi .sql files carry BUG markers too
        return out;
    }

    /** A negative test means nothing if its SQL never reached the rules. */
    private static void assertEverythingParsed(AnalysisResult r) {
        if (r.sqlSites() == 0) fail("no SQL sites found in the test sources");
        assertEquals(0, r.statementsNotParsed(), "statements not parsed:\n" + messages(r));
        assertEquals(0, r.diagnostics().size(), "diagnostics:\n" + messages(r));
    }

    private static String messages(AnalysisResult r) {
        StringBuilder sb = new StringBuilder();
        for (Finding f : r.findings()) sb.append(f.line()).append(':').append(f.column()).append(' ').append(f.message()).append('\n');
        r.diagnostics().forEach(d -> sb.append("diag ").append(d).append('\n'));
        return sb.toString();
    }

    private Path root;

    /** Runs without checking expectations, for tests that look at counts and diagnostics. */
    public AnalysisResult run() {
        return run(c -> c);
    }

    /** Runs with a configuration adjusted by {@code adjust} (a time budget, a cache). */
    public AnalysisResult run(java.util.function.UnaryOperator<AnalysisConfig> adjust) {
        if (result != null) return result;
        try {
            root = Files.createTempDirectory("sqllint-test");
            resourceRoot = Files.createTempDirectory("sqllint-test-resources");
            write(root, sources);
            write(resourceRoot, resources);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        AnalysisConfig config = AnalysisConfig.of(root, List.of(root))
                .withSchema(List.of(resourceRoot), List.of(), historyTables, "spring")
                .withDialect(dialect, "configured");
        result = new Analyzer(rules, projectSchema ? null : new NamingConventions()).analyze(adjust.apply(config));
        return result;
    }

    private Path resourceRoot;

    private static void write(Path dir, Map<String, String> files) throws IOException {
        for (Map.Entry<String, String> s : files.entrySet()) {
            Path p = dir.resolve(s.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, s.getValue(), StandardCharsets.UTF_8);
        }
    }

    public Path root() {
        return root;
    }

    /** The folder the resources were written to (schema scripts, mappers), once the analysis ran. */
    public Path resourceRoot() {
        return resourceRoot;
    }
}
