package dev.sqllint.maven;

import dev.sqllint.engine.AnalysisResult;
import dev.sqllint.engine.Diagnostic;
import dev.sqllint.engine.Finding;
import dev.sqllint.report.ConsoleReport;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Finds the SQL the project's Java code issues and reports the query shapes that are slow in production.
 * Reads sources only: no compiled classes and no database are needed. Steps: analyse, print, write the
 * report files, then decide whether the build fails.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true, requiresProject = true)
public class CheckMojo extends AbstractSqllintMojo {

    /** Fail the build when there is at least one finding. */
    @Parameter(property = "sqllint.failOnViolation", defaultValue = "true")
    private boolean failOnViolation;

    /**
     * Report files to write under {@code target/sqllint}, a comma list: {@code sarif} ({@code sqllint.sarif},
     * for GitHub code scanning and IDEs), {@code checkstyle} ({@code checkstyle-result.xml}, for reviewdog and
     * Jenkins warnings-ng).
     */
    @Parameter(property = "sqllint.formats", defaultValue = "sarif")
    private String formats;

    /** The top of the build (nearest {@code .mvn}, else where Maven started): SARIF paths are relative to it. */
    @Parameter(defaultValue = "${maven.multiModuleProjectDirectory}", readonly = true)
    private File multiModuleProjectDirectory;

    /** Where the build was started; the top of the build when {@code maven.multiModuleProjectDirectory} is unset. */
    @Parameter(defaultValue = "${session.executionRootDirectory}", readonly = true)
    private File executionRootDirectory;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("sqllint: skipped (sqllint.skip)");
            return;
        }
        AnalysisResult result = analyze();
        print(result);
        writeReports(result);
        gate(result);
    }

    /** Console: one clickable line per finding with its fix hint, skipped inputs, notes under -X, the summary. */
    private void print(AnalysisResult result) {
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

    /** The report files under target/sqllint, in the chosen formats. */
    private void writeReports(AnalysisResult result) throws MojoExecutionException {
        Set<ReportFormat> chosen;
        try {
            chosen = ReportFormat.parse(formats);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("sqllint: formats: " + e.getMessage());
        }
        Path reactorRoot = ReactorRoot.of(multiModuleProjectDirectory, executionRootDirectory, baseDir);
        new ReportFiles(reportDirectory(), baseDir.toPath(), reactorRoot, toolVersion()).write(result, chosen, getLog());
    }

    /** Fails the build when configured to and the findings call for it. */
    private void gate(AnalysisResult result) throws MojoFailureException {
        List<Finding> failing = result.findings().stream().filter(f -> !f.isSuppressed()).toList();
        if (failOnViolation && !failing.isEmpty()) throw new MojoFailureException(failureMessage(failing));
    }

    private static String failureMessage(List<Finding> failing) {
        StringBuilder sb = new StringBuilder("sqllint found ").append(failing.size())
                .append(failing.size() == 1 ? " slow query shape" : " slow query shapes")
                .append(" (set -Dsqllint.failOnViolation=false to report without failing):");
        for (Finding f : failing) {
            sb.append("\n  ").append(f.file().toAbsolutePath()).append(":[").append(f.line()).append(',')
                    .append(f.column()).append("] [").append(f.rule()).append(']');
        }
        return sb.toString();
    }
}
