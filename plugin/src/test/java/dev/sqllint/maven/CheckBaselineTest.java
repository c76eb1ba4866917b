package dev.sqllint.maven;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqllint.engine.AnalysisResult;
import dev.sqllint.report.BaselineMatch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckBaselineTest {

    private static final AnalysisResult NOTHING_FOUND =
            new AnalysisResult(List.of(), List.of(), 0, 0, 0, 0, 0, AnalysisResult.SchemaSummary.NONE, List.of());

    @TempDir
    Path project;

    @Test
    void noBaselineAtTheDefaultPlaceMeansEveryFindingCounts() throws Exception {
        BaselineMatch match = CheckBaseline.compare(NOTHING_FOUND, project.resolve("sqllint-baseline.xml"), false, project);
        assertSame(BaselineMatch.NONE, match);
    }

    @Test
    void aConfiguredBaselineThatDoesNotExistIsAnError() {
        Path missing = project.resolve("config/sqllint-baseline.xml");
        MojoExecutionException e = assertThrows(MojoExecutionException.class,
                () -> CheckBaseline.compare(NOTHING_FOUND, missing, true, project));
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("mvn sqllint:baseline"), e.getMessage());
    }

    @Test
    void aMalformedBaselineIsAnErrorNamingTheFile() throws Exception {
        Path file = Files.writeString(project.resolve("sqllint-baseline.xml"), "<sqllint-baseline><finding rule=\"R\"/>");
        MojoExecutionException e = assertThrows(MojoExecutionException.class,
                () -> CheckBaseline.compare(NOTHING_FOUND, file, false, project));
        assertTrue(e.getMessage().startsWith("sqllint: cannot read the baseline " + file + ": not a valid sqllint baseline"),
                e.getMessage());
    }

    @Test
    void aBaselineThatIsThereIsCompared() throws Exception {
        Path file = Files.writeString(project.resolve("sqllint-baseline.xml"), "<sqllint-baseline version=\"1\"/>");
        BaselineMatch match = CheckBaseline.compare(NOTHING_FOUND, file, false, project);
        assertTrue(match.compared());
        assertFalse(match == BaselineMatch.NONE);
    }
}
