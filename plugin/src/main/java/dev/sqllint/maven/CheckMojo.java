package dev.sqllint.maven;

import dev.sqllint.engine.AnalysisConfig;
import dev.sqllint.engine.AnalysisResult;
import dev.sqllint.engine.Analyzer;
import dev.sqllint.engine.Diagnostic;
import dev.sqllint.engine.Finding;
import dev.sqllint.report.ConsoleReport;
import dev.sqllint.report.SarifWriter;
import java.io.File;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.model.Resource;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Finds the SQL the project's Java code issues and reports the query shapes that are slow in production.
 * Reads sources only: no compiled classes and no database are needed.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true, requiresProject = true)
public class CheckMojo extends AbstractMojo {

    /** Skip sqllint. */
    @Parameter(property = "sqllint.skip", defaultValue = "false")
    private boolean skip;

    /** Fail the build when there is at least one finding. */
    @Parameter(property = "sqllint.failOnViolation", defaultValue = "true")
    private boolean failOnViolation;

    /** Also scan the test source roots. */
    @Parameter(property = "sqllint.includeTests", defaultValue = "false")
    private boolean includeTests;

    /** Ant-style patterns, relative to a source root, of the files to scan. Default: all {@code .java} files. */
    @Parameter(property = "sqllint.includes")
    private List<String> includes;

    /** Ant-style patterns, relative to a source root, of files not to scan. */
    @Parameter(property = "sqllint.excludes")
    private List<String> excludes;

    /**
     * Extra schema sources: SQL migration files or folders, Liquibase changelogs. Flyway's
     * {@code db/migration}, Spring Boot's {@code schema.sql} and Liquibase's {@code db/changelog} master under
     * the resource roots are found without configuration.
     */
    @Parameter(property = "sqllint.schemaLocations")
    private List<File> schemaLocations;

    /** Table-name globs of append-only history tables, e.g. {@code *_events}, {@code audit_*}. */
    @Parameter(property = "sqllint.historyTables")
    private List<String> historyTables;

    /** Physical naming of JPA mappings: {@code spring} (camelCase to snake_case) or {@code jpa} (names as written). */
    @Parameter(property = "sqllint.jpaNaming", defaultValue = "spring")
    private String jpaNaming;

    /** Per-statement SQL parse time-out, in milliseconds. */
    @Parameter(property = "sqllint.statementTimeoutMillis", defaultValue = "5000")
    private long statementTimeoutMillis;

    /** Source files larger than this many bytes are skipped with a note (generated code). */
    @Parameter(property = "sqllint.maxFileBytes", defaultValue = "2097152")
    private long maxFileBytes;

    @Parameter(defaultValue = "${project.compileSourceRoots}", readonly = true, required = true)
    private List<String> compileSourceRoots;

    @Parameter(defaultValue = "${project.testCompileSourceRoots}", readonly = true, required = true)
    private List<String> testCompileSourceRoots;

    @Parameter(defaultValue = "${project.resources}", readonly = true, required = true)
    private List<Resource> resources;

    @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
    private File baseDir;

    @Parameter(defaultValue = "${project.build.directory}", readonly = true, required = true)
    private File buildDirectory;

    @Parameter(defaultValue = "${project.build.sourceEncoding}", readonly = true)
    private String sourceEncoding;

    @Parameter(defaultValue = "${plugin.version}", readonly = true)
    private String pluginVersion;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("sqllint: skipped (sqllint.skip)");
            return;
        }
        AnalysisResult result = new Analyzer().analyze(config());
        report(result);
        Path sarif = buildDirectory.toPath().resolve("sqllint").resolve("sqllint.sarif");
        try {
            SarifWriter.write(result, baseDir.toPath(), sarif, pluginVersion == null ? "dev" : pluginVersion);
        } catch (IOException e) {
            throw new MojoExecutionException("sqllint: cannot write " + sarif + ": " + e.getMessage(), e);
        }
        getLog().info("sqllint: SARIF report " + sarif);
        if (failOnViolation && !result.findings().isEmpty()) {
            throw new MojoFailureException(failureMessage(result));
        }
    }

    AnalysisConfig config() throws MojoExecutionException {
        List<Path> roots = new ArrayList<>();
        for (String r : compileSourceRoots) roots.add(Path.of(r));
        if (includeTests) for (String r : testCompileSourceRoots) roots.add(Path.of(r));
        List<Path> resourceRoots = new ArrayList<>();
        if (resources != null) for (Resource r : resources) resourceRoots.add(Path.of(r.getDirectory()));
        List<Path> locations = new ArrayList<>();
        if (schemaLocations != null) for (File f : schemaLocations) locations.add(f.toPath());
        if (!"spring".equals(jpaNaming) && !"jpa".equals(jpaNaming)) {
            throw new MojoExecutionException("sqllint: jpaNaming must be 'spring' or 'jpa', not '" + jpaNaming + "'");
        }
        return AnalysisConfig.of(baseDir.toPath(), roots)
                .withSchema(resourceRoots, locations, historyTables == null ? List.of() : historyTables, jpaNaming)
                .withIncludes(includes == null ? List.of() : includes, excludes == null ? List.of() : excludes)
                .withEncoding(encoding())
                .withStatementTimeout(Duration.ofMillis(statementTimeoutMillis))
                .withMaxFileBytes(maxFileBytes);
    }

    private Charset encoding() {
        if (sourceEncoding == null || sourceEncoding.isBlank()) return StandardCharsets.UTF_8;
        try {
            return Charset.forName(sourceEncoding);
        } catch (RuntimeException e) {
            getLog().warn("sqllint: unknown project.build.sourceEncoding '" + sourceEncoding + "', reading as UTF-8");
            return StandardCharsets.UTF_8;
        }
    }

    private void report(AnalysisResult result) {
        for (Finding f : result.findings()) {
            getLog().warn(ConsoleReport.finding(f));
            getLog().warn(ConsoleReport.fixHint(f));
        }
        for (Diagnostic d : result.diagnostics()) {
            if (d.kind() == Diagnostic.Kind.SQL_NOT_PARSED) getLog().debug(ConsoleReport.diagnostic(d));
            else getLog().warn(ConsoleReport.diagnostic(d));
        }
        for (String note : result.notes()) getLog().debug("sqllint: " + note);
        for (String line : ConsoleReport.summary(result)) getLog().info(line);
    }

    private static String failureMessage(AnalysisResult result) {
        StringBuilder sb = new StringBuilder("sqllint found ").append(result.findings().size())
                .append(result.findings().size() == 1 ? " slow query shape" : " slow query shapes")
                .append(" (set -Dsqllint.failOnViolation=false to report without failing):");
        for (Finding f : result.findings()) {
            sb.append("\n  ").append(f.file().toAbsolutePath()).append(":[").append(f.line()).append(',')
                    .append(f.column()).append("] [").append(f.rule()).append(']');
        }
        return sb.toString();
    }
}
