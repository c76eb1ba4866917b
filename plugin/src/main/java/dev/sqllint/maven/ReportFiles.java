package dev.sqllint.maven;

import dev.sqllint.engine.AnalysisResult;
import dev.sqllint.engine.Finding;
import dev.sqllint.report.CheckstyleWriter;
import dev.sqllint.report.SarifWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.function.Function;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.Log;

/** Writes the chosen report files into one directory and says where each went. */
final class ReportFiles {

    private final Path directory;
    private final Path projectDir;
    private final Path reactorRoot;
    private final String toolVersion;

    /**
     * @param reactorRoot what SARIF paths are relative to ({@link ReactorRoot})
     */
    ReportFiles(Path directory, Path projectDir, Path reactorRoot, String toolVersion) {
        this.directory = directory;
        this.projectDir = projectDir;
        this.reactorRoot = reactorRoot;
        this.toolVersion = toolVersion;
    }

    void write(AnalysisResult result, Set<ReportFormat> formats, Function<Finding, String> baselineState, Log log)
            throws MojoExecutionException {
        for (ReportFormat format : formats) {
            Path file = directory.resolve(format.fileName());
            try {
                switch (format) {
                    case SARIF -> SarifWriter.write(result, projectDir, reactorRoot, file, toolVersion, baselineState);
                    case CHECKSTYLE -> CheckstyleWriter.write(result, file);
                }
            } catch (IOException e) {
                throw new MojoExecutionException("sqllint: cannot write " + file + ": " + e.getMessage(), e);
            }
            log.info("sqllint: " + (format == ReportFormat.SARIF ? "SARIF" : "checkstyle") + " report " + file);
        }
    }
}
