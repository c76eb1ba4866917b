package dev.sqllint.maven;

import dev.sqllint.engine.AnalysisResult;
import dev.sqllint.report.Baseline;
import dev.sqllint.report.BaselineMatch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoExecutionException;

/**
 * How {@code check} finds its baseline: the configured {@code baselineFile}, which must then exist, else
 * {@code sqllint-baseline.xml} in the project base directory when there is one. The file is the team's own
 * configuration, so one that cannot be read is an error naming it, never a silent "no baseline".
 */
final class CheckBaseline {

    private CheckBaseline() {
    }

    static BaselineMatch compare(AnalysisResult result, Path file, boolean configured, Path baseDir)
            throws MojoExecutionException {
        if (!Files.exists(file)) {
            if (!configured) return BaselineMatch.NONE;
            throw new MojoExecutionException("sqllint: the baselineFile " + file.toAbsolutePath()
                    + " does not exist; create it with mvn sqllint:baseline");
        }
        try {
            return Baseline.read(file).match(result.findings(), baseDir);
        } catch (IOException e) {
            throw new MojoExecutionException("sqllint: cannot read the baseline " + file.toAbsolutePath() + ": "
                    + e.getMessage() + "; fix it, or delete it and run mvn sqllint:baseline", e);
        }
    }
}
