package dev.sqllint.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqllint.engine.AnalysisResult;
import dev.sqllint.engine.Finding;
import dev.sqllint.testing.LintTestHelper;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What Microsoft's SARIF Viewer for VS Code does with the report, written out (its {@code parseArtifactLocation}
 * in {@code src/shared/index.ts}): a result's {@code artifactLocation.uri} with a {@code uriBaseId} is joined onto
 * the open workspace folder, which takes precedence over {@code originalUriBaseIds}, and only without a workspace
 * onto the base the report gives. So the README says: open the top of the build as the workspace. Suppressed
 * results are hidden by the viewer's default filter ("Suppression: Not Suppressed").
 */
class SarifInVsCodeTest {

    @Test
    @SuppressWarnings("unchecked")
    void eachResultOpensItsFileAndLineFromTheBuildsTopFolderOrFromTheReportAlone() throws Exception {
        LintTestHelper project = ReportFixtures.project();
        AnalysisResult result = project.run();
        Path top = project.root().getParent();
        Map<String, Object> run = (Map<String, Object>) ((List<Object>) SarifWriter.sarif(result, project.root(), top, "1.2.3")
                .get("runs")).get(0);
        Map<String, Object> bases = (Map<String, Object>) run.get("originalUriBaseIds");
        List<Map<String, Object>> results = (List<Map<String, Object>>) run.get("results");
        assertEquals(result.findings().size(), results.size());
        for (int i = 0; i < results.size(); i++) {
            Map<String, Object> physical = (Map<String, Object>) ((Map<String, Object>) ((List<Object>) results.get(i)
                    .get("locations")).get(0)).get("physicalLocation");
            Map<String, Object> artifact = (Map<String, Object>) physical.get("artifactLocation");
            String uri = (String) artifact.get("uri");
            assertFalse(URI.create(uri).isAbsolute(), "relative to the top of the build: " + uri);
            Finding f = result.findings().get(i);

            Path fromWorkspace = Path.of(URI.create(urlJoin(top.toUri().toString(), uri)));
            String base = (String) ((Map<String, Object>) bases.get(artifact.get("uriBaseId"))).get("uri");
            Path fromReport = Path.of(URI.create(urlJoin(base, uri)));

            assertEquals(f.file().toRealPath(), fromWorkspace.toRealPath(), "with the build's top folder open");
            assertEquals(f.file().toRealPath(), fromReport.toRealPath(), "with no folder open");
            assertTrue(Files.isRegularFile(fromWorkspace));
            Map<String, Object> region = (Map<String, Object>) physical.get("region");
            assertEquals(f.line(), region.get("startLine"));
            assertEquals(f.column(), region.get("startColumn"));
        }
    }

    /** The url-join package's join of two parts, as the viewer calls it: one slash between them. */
    private static String urlJoin(String base, String relative) {
        return base.replaceAll("/+$", "") + "/" + relative.replaceAll("^/+", "");
    }
}
