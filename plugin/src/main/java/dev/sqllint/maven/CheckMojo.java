package dev.sqllint.maven;

import dev.sqllint.engine.AnalysisResult;
import dev.sqllint.engine.ChangedFilesView;
import dev.sqllint.engine.Diagnostic;
import dev.sqllint.engine.Finding;
import dev.sqllint.report.BaselineMatch;
import dev.sqllint.report.BaselineReport;
import dev.sqllint.engine.InvalidConfigurationException;
import dev.sqllint.report.ConsoleReport;
import dev.sqllint.report.SourcesReport;
import dev.sqllint.report.Gate;
import dev.sqllint.source.ChangedFiles;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.sonatype.plexus.build.incremental.BuildContext;

/**
 * Finds the SQL the project's Java code issues and reports the query shapes that are slow in production.
 * Reads sources only: no compiled classes and no database are needed. Steps: analyse, print, write the
 * report files, then decide whether the build fails.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true, requiresProject = true)
public class CheckMojo extends AbstractSqllintMojo {

    /** Fail the build when the findings call for it (see failOnSeverity, maxAllowedViolations); false only reports. */
    @Parameter(property = "sqllint.failOnViolation", defaultValue = "true")
    private boolean failOnViolation;

    /**
     * Report only the findings in files changed since this git ref, e.g. a pull request's base branch
     * {@code origin/main}: changed on this branch since it left the ref, plus staged, unstaged and untracked
     * files. The whole tree is still analysed. Needs a git work tree.
     */
    @Parameter(property = "sqllint.changedSince")
    private String changedSince;

    /** m2e's build context in Eclipse (findings become problem markers); a no-op on the command line. */
    @Component
    private BuildContext buildContext;

    /** The run compared with the baseline: accepted findings are reported but do not fail the build. */
    private BaselineMatch baseline = BaselineMatch.NONE;

    /**
     * The least severity that fails the build: {@code error}, {@code warning} or {@code info} (every finding).
     * Findings below it are reported but do not fail.
     */
    @Parameter(property = "sqllint.failOnSeverity", defaultValue = "info")
    private String failOnSeverity;

    /** The build fails only when more findings than this are unsuppressed and at or above {@code failOnSeverity}. */
    @Parameter(property = "sqllint.maxAllowedViolations", defaultValue = "0")
    private int maxAllowedViolations;

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
        Gate gate = gateConfig();
        IdeMarkers markers = new IdeMarkers(buildContext);
        if (markers.active() && markers.inputsUnchanged(config(), new File(baseDir, "pom.xml"))) return;
        ChangedFiles changed = changedFiles(); // before the analysis: a bad ref fails at once
        AnalysisResult result = analyze();
        // as the run chose it (asking Analyzer.effective would discover the schema sources again); none when the
        // heap ran out before the run could say
        if (result.dialect() != null) getLog().info(ConsoleReport.dialect(result.dialect()));
        List<Path> scanned = changed != null || markers.active() ? scannedFiles() : List.of();
        ChangedFilesView view = changed == null ? null : ChangedFilesView.of(result, changed, scanned);
        if (view != null) result = view.result();
        baseline = CheckBaseline.compare(result, baselinePath(), baselineFile != null, baseDir.toPath());
        print(result);
        if (view != null) getLog().info(view.summary());
        markers.show(result.findings(), scanned);
        writeReports(result);
        gate(result, gate);
    }

    /** The files changed since {@link #changedSince}, or null when every finding is reported. */
    private ChangedFiles changedFiles() throws MojoExecutionException {
        if (changedSince == null || changedSince.isBlank()) return null;
        try {
            return ChangedFiles.since(changedSince.strip(), baseDir.toPath());
        } catch (ChangedFiles.GitProblem e) {
            throw new MojoExecutionException("sqllint.changedSince " + e.getMessage(), e);
        }
    }

    /** Console: one clickable line per finding with its fix hint, skipped inputs, notes under -X, the summary. */
    private void print(AnalysisResult result) {
        for (Finding f : result.findings()) {
            if (f.isSuppressed()) {
                getLog().info(ConsoleReport.suppressed(f));
                continue;
            }
            if (baseline.isBaselined(f)) {
                getLog().info(BaselineReport.baselined(f));
                continue;
            }
            getLog().warn(ConsoleReport.finding(f));
            getLog().warn(ConsoleReport.fixHint(f));
        }
        for (Diagnostic d : result.diagnostics()) {
            if (d.kind() == Diagnostic.Kind.SQL_NOT_PARSED) getLog().debug(ConsoleReport.diagnostic(d));
            else getLog().warn(ConsoleReport.diagnostic(d));
        }
        for (String note : result.notes()) getLog().debug("sqllint: " + note);
        for (String note : result.work().cacheNotes()) getLog().debug("sqllint: " + note);
        if (getLog().isDebugEnabled() && result.work().cacheOn()) {
            getLog().debug("sqllint: analysed (not from the cache): " + result.work().analysed().size()
                    + (result.work().analysed().size() == 1 ? " file" : " files")
                    + (result.work().analysed().isEmpty() ? "" : ", e.g. " + result.work().analysed().get(0)));
        }
        if (getLog().isDebugEnabled()) SourcesReport.listing(result).forEach(getLog()::debug);
        for (String line : ConsoleReport.summary(result)) getLog().info(line);
        printBaseline(result);
    }

    /** How many findings the baseline accepted and how many are new; its entries that match nothing any more. */
    private void printBaseline(AnalysisResult result) {
        if (!baseline.compared()) return;
        getLog().info(BaselineReport.summary(baseline, result.findings(), baselinePath()));
        for (String line : BaselineReport.stale(baseline, baselinePath())) getLog().warn(line);
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
        new ReportFiles(reportDirectory(), baseDir.toPath(), reactorRoot, toolVersion())
                .write(result, chosen, baseline::sarifState, getLog());
    }

    /** The failOnSeverity and maxAllowedViolations configuration, checked before the analysis runs. */
    private Gate gateConfig() throws MojoExecutionException {
        try {
            return Gate.of(failOnSeverity, maxAllowedViolations);
        } catch (InvalidConfigurationException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
    }

    /** Fails the build when configured to and the new (not baselined) findings call for it. */
    private void gate(AnalysisResult result, Gate gate) throws MojoFailureException {
        List<Finding> candidates = result.findings().stream().filter(f -> !baseline.isBaselined(f)).toList();
        Gate.Verdict verdict = gate.judge(candidates);
        getLog().info(gate.summary(verdict, failOnViolation));
        if (failOnViolation && verdict.fails()) {
            throw new MojoFailureException(failureMessage(verdict.failing(), gate)
                    + BaselineReport.failureNote(baseline, result.findings(), baselinePath()));
        }
    }

    private static String failureMessage(List<Finding> failing, Gate gate) {
        StringBuilder sb = new StringBuilder("sqllint found ").append(failing.size())
                .append(failing.size() == 1 ? " slow query shape" : " slow query shapes")
                .append(gate.maxAllowedViolations() > 0 ? ", more than the " + gate.maxAllowedViolations() + " allowed" : "")
                .append(" (set -Dsqllint.failOnViolation=false to report without failing):");
        for (Finding f : failing) {
            sb.append("\n  ").append(f.file().toAbsolutePath()).append(":[").append(f.line()).append(',')
                    .append(f.column()).append("] [").append(f.rule()).append(']');
        }
        return sb.toString();
    }
}
