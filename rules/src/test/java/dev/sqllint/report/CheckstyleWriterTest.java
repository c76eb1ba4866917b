package dev.sqllint.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqllint.engine.AnalysisResult;
import dev.sqllint.engine.Finding;
import dev.sqllint.rules.Severity;
import dev.sqllint.testing.LintTestHelper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The checkstyle XML that reviewdog and Jenkins warnings-ng read, parsed back as they would. */
class CheckstyleWriterTest {

    @Test
    void oneFileElementPerFileSortedWithAnErrorPerFinding() throws Exception {
        LintTestHelper project = ReportFixtures.project();
        AnalysisResult result = project.run();
        Path out = project.root().resolve("target/sqllint/checkstyle-result.xml");

        CheckstyleWriter.write(result, out);

        Document doc = parse(Files.readString(out, StandardCharsets.UTF_8));
        Element root = doc.getDocumentElement();
        assertEquals("checkstyle", root.getTagName());
        assertEquals("4.3", root.getAttribute("version"));
        List<String> files = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        NodeList fileNodes = root.getElementsByTagName("file");
        for (int i = 0; i < fileNodes.getLength(); i++) {
            Element file = (Element) fileNodes.item(i);
            files.add(file.getAttribute("name"));
            NodeList errorNodes = file.getElementsByTagName("error");
            for (int j = 0; j < errorNodes.getLength(); j++) {
                Element e = (Element) errorNodes.item(j);
                errors.add(Path.of(file.getAttribute("name")).getFileName() + ":" + e.getAttribute("line") + ":"
                        + e.getAttribute("column") + " " + e.getAttribute("severity") + " " + e.getAttribute("source"));
                assertTrue(e.getAttribute("message").contains(" Fix: "), e.getAttribute("message"));
            }
        }
        Path src = project.root().resolve("src/main/java/com/acme");
        assertEquals(List.of(src.resolve("stats/StatsDao.java").toString(), src.resolve("topics/TopicTrackingDao.java").toString(),
                src.resolve("tracks/TrackDao.java").toString()), files, "absolute paths, sorted");
        assertEquals(List.of("StatsDao.java:6:46 warning sqllint.DistinctOverFanOutJoin",
                "TopicTrackingDao.java:6:15 warning sqllint.JoinForScalarOnly",
                "TrackDao.java:6:77 warning sqllint.OrAcrossAccessPaths"), errors);
    }

    @Test
    void sameFindingsWriteTheSameBytes() {
        LintTestHelper project = ReportFixtures.project();
        List<Finding> findings = project.run().findings();
        List<Finding> reversed = new ArrayList<>(findings);
        java.util.Collections.reverse(reversed);

        assertEquals(CheckstyleWriter.xml(findings), CheckstyleWriter.xml(reversed));
    }

    @Test
    void quotesAnglesAndAmpersandsInMessagesSurviveTheRoundTrip() throws Exception {
        String message = "WHERE a.name = \"x\" AND a.total < 10 && b.id > 'y'\ton\nseveral lines\u0001";
        Finding f = new Finding("OrAcrossAccessPaths", Severity.ERROR, Path.of("/repo/src/A & B <1>.java"), 3, 5,
                message, "JdbcTemplate.query", "A.m", "SELECT 1", false, null);

        Element error = (Element) parse(CheckstyleWriter.xml(List.of(f))).getElementsByTagName("error").item(0);

        assertTrue(error.getAttribute("message").startsWith(
                "WHERE a.name = \"x\" AND a.total < 10 && b.id > 'y'\ton\nseveral lines\uFFFD Fix: "), error.getAttribute("message"));
        assertEquals("error", error.getAttribute("severity"));
        assertEquals("/repo/src/A & B <1>.java", ((Element) error.getParentNode()).getAttribute("name"));
    }

    @Test
    void suppressedFindingsAreLeftOutAndNoFindingsIsAnEmptyReport() throws Exception {
        Finding suppressed = new Finding("OrAcrossAccessPaths", Severity.WARNING, Path.of("/repo/A.java"), 3, 5,
                "m", "JdbcTemplate.query", "A.m", "SELECT 1", false, "@SuppressWarnings(\"sqllint:OrAcrossAccessPaths\")");

        String xml = CheckstyleWriter.xml(List.of(suppressed));

        assertEquals(0, parse(xml).getElementsByTagName("file").getLength());
        assertEquals("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"4.3\">\n</checkstyle>\n", xml);
    }

    @Test
    void severitiesMapToCheckstyles() {
        assertEquals("error", CheckstyleWriter.severity(Severity.ERROR));
        assertEquals("warning", CheckstyleWriter.severity(Severity.WARNING));
        assertEquals("info", CheckstyleWriter.severity(Severity.INFO));
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }
}
