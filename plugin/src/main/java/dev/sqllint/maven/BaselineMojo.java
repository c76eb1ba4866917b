package dev.sqllint.maven;

import dev.sqllint.engine.AnalysisResult;
import dev.sqllint.report.Baseline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Accepts the project's current findings: writes them to {@code sqllint-baseline.xml} (or {@code baselineFile}),
 * to be committed, after which {@code check} fails only on findings that are not in it. For adopting sqllint
 * on a codebase that already has findings. Entries are keyed by rule, file, enclosing member and a hash of the
 * normalised SQL, so they survive moved lines and reformatting; the file is sorted and has no timestamps, so
 * re-running this goal changes only the entries whose findings changed.
 */
@Mojo(name = "baseline", threadSafe = true, requiresProject = true)
public class BaselineMojo extends AbstractSqllintMojo {

    @Override
    public void execute() throws MojoExecutionException {
        if (skip) {
            getLog().info("sqllint: skipped (sqllint.skip)");
            return;
        }
        AnalysisResult result = analyze();
        Baseline baseline = Baseline.of(result.findings(), baseDir.toPath());
        Path file = baselinePath();
        if (baseline.entries().isEmpty() && !Files.exists(file)) {
            // a module without findings needs no file; an existing one is emptied so its stale entries go
            getLog().info("sqllint: no findings to accept, so no baseline written (" + file.toAbsolutePath() + ")");
            return;
        }
        try {
            baseline.write(file);
        } catch (IOException e) {
            throw new MojoExecutionException("sqllint: cannot write the baseline " + file + ": " + e.getMessage(), e);
        }
        getLog().info("sqllint: baseline of " + baseline.findingCount() + (baseline.findingCount() == 1 ? " finding" : " findings")
                + " (" + baseline.entries().size() + (baseline.entries().size() == 1 ? " entry" : " entries") + ") written to "
                + file.toAbsolutePath() + "; commit it, and sqllint:check will fail only on new findings");
    }
}
