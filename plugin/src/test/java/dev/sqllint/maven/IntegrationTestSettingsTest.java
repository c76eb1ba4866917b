package dev.sqllint.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.maven.model.io.xpp3.MavenXpp3Reader;
import org.apache.maven.settings.Repository;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.io.xpp3.SettingsXpp3Reader;
import org.codehaus.plexus.util.xml.pull.XmlPullParserException;
import org.junit.jupiter.api.Test;

/**
 * The integration tests' settings and projects are read the way Maven reads them, strictly: a tag Maven does not
 * know (a {@code checksumPolicy} directly under {@code repository} once) makes Maven print "Unrecognised tag" in
 * every IT build, where a test that compares logs trips over it. Paths are relative to this module, never to
 * the folder the repository was cloned into.
 */
class IntegrationTestSettingsTest {

    private static final Path IT = Path.of("..", "it");

    @Test
    void settingsHaveOnlyTagsMavenKnows() throws IOException, XmlPullParserException {
        Settings settings = readSettings(IT.resolve("src/it/settings.xml"));

        List<Repository> repositories = settings.getProfiles().get(0).getRepositories();
        assertEquals(1, repositories.size());
        Repository local = repositories.get(0);
        assertEquals("ignore", local.getReleases().getChecksumPolicy());
        assertEquals("ignore", local.getSnapshots().getChecksumPolicy());
        Repository pluginLocal = settings.getProfiles().get(0).getPluginRepositories().get(0);
        assertEquals("ignore", pluginLocal.getReleases().getChecksumPolicy());
        assertEquals("ignore", pluginLocal.getSnapshots().getChecksumPolicy());
    }

    @Test
    void misplacedChecksumPolicyIsCaught() {
        String misplaced = "<settings><profiles><profile><id>p</id><repositories><repository><id>r</id>"
                + "<url>file:///r</url><checksumPolicy>ignore</checksumPolicy></repository></repositories>"
                + "</profile></profiles></settings>";

        assertThrows(XmlPullParserException.class, () -> new SettingsXpp3Reader().read(new StringReader(misplaced), true));
    }

    @Test
    void everyItProjectPomHasOnlyTagsMavenKnows() throws IOException, XmlPullParserException {
        List<Path> poms;
        try (Stream<Path> files = Files.walk(IT.resolve("samples"))) {
            poms = files.filter(p -> p.getFileName().toString().equals("pom.xml")).sorted().toList();
        }
        assertTrue(poms.size() > 10, "the samples' poms were found: " + poms);
        for (Path pom : append(poms, IT.resolve("demo/pom.xml"), IT.resolve("pom.xml"))) {
            try (Reader in = Files.newBufferedReader(pom)) {
                new MavenXpp3Reader().read(in, true);
            } catch (XmlPullParserException e) {
                throw new AssertionError(pom + ": " + e.getMessage(), e);
            }
        }
    }

    private static Settings readSettings(Path file) throws IOException, XmlPullParserException {
        try (Reader in = Files.newBufferedReader(file)) {
            return new SettingsXpp3Reader().read(in, true);
        }
    }

    private static List<Path> append(List<Path> list, Path... more) {
        return Stream.concat(list.stream(), Stream.of(more)).toList();
    }
}
