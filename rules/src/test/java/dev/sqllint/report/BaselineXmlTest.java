package dev.sqllint.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqllint.engine.Finding;
import dev.sqllint.rules.Severity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The baseline file: what it looks like, that it is stable bytes, and that reading it is safe. */
class BaselineXmlTest {

    @TempDir
    Path project;

    @Test
    void oneSortedLinePerEntryWithAFixedAttributeOrder() throws IOException {
        Baseline baseline = Baseline.of(List.of(
                finding("OrAcrossAccessPaths", "src/main/java/com/acme/TrackDao.java", 40, "TrackDao.tracks",
                        "SELECT t.* FROM tracks t WHERE t.owner_id = ? OR t.id IN (SELECT c.track_id FROM c)"),
                finding("ExistsWhereJoinFits", "src/main/java/com/acme/InvoiceDao.java", 12, "InvoiceDao.open",
                        "SELECT i.* FROM invoices i WHERE EXISTS (SELECT 1 FROM customers c WHERE c.\"Name\" = 'O''Brien & <Co>')"),
                finding("OrAcrossAccessPaths", "src/main/java/com/acme/TrackDao.java", 52, "TrackDao.tracks",
                        "SELECT t.* FROM tracks t WHERE t.owner_id = ? OR t.id IN (SELECT c.track_id FROM c)")), project);
        Path file = project.resolve(Baseline.FILE_NAME);
        baseline.write(file);

        List<String> entries = Files.readAllLines(file).stream().filter(l -> l.startsWith("  <finding ")).toList();
        assertEquals(List.of(
                "  <finding rule=\"ExistsWhereJoinFits\" file=\"src/main/java/com/acme/InvoiceDao.java\" owner=\"InvoiceDao.open\""
                        + " sqlHash=\"" + SqlFingerprint.of("SELECT i.* FROM invoices i WHERE EXISTS (SELECT 1 FROM customers c WHERE"
                        + " c.\"Name\" = 'O''Brien & <Co>')") + "\" count=\"1\""
                        + " sql=\"SELECT i.* FROM invoices i WHERE EXISTS (SELECT 1 FROM customers c WHERE c.&quot;Name&quot;"
                        + " = 'O''Brien &amp; &lt;Co&gt;')\"/>",
                "  <finding rule=\"OrAcrossAccessPaths\" file=\"src/main/java/com/acme/TrackDao.java\" owner=\"TrackDao.tracks\""
                        + " sqlHash=\"" + SqlFingerprint.of("SELECT t.* FROM tracks t WHERE t.owner_id = ? OR t.id IN (SELECT c.track_id FROM c)")
                        + "\" count=\"2\" sql=\"SELECT t.* FROM tracks t WHERE t.owner_id = ? OR t.id IN (SELECT c.track_id FROM c)\"/>"),
                entries);
        String text = Files.readString(file);
        assertTrue(text.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"));
        assertTrue(text.contains("<sqllint-baseline version=\"1\">\n"));
        assertTrue(text.contains("Regenerate with: mvn sqllint:baseline"));
        assertFalse(text.contains("\r"), "the same line endings on every machine");
        assertFalse(text.contains(":40") || text.contains("\"40\""), "no line numbers");
    }

    @Test
    void theSameFindingsInAnyOrderWriteTheSameBytes() throws IOException {
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            findings.add(finding(i % 2 == 0 ? "OrAcrossAccessPaths" : "JoinForScalarOnly",
                    "src/main/java/com/acme/Dao" + (i % 5) + ".java", 10 + i, "Dao" + (i % 5) + ".query" + (i % 3),
                    "SELECT * FROM t" + (i % 7)));
        }
        Path first = project.resolve("first.xml");
        Path second = project.resolve("second.xml");
        Baseline.of(findings, project).write(first);
        Collections.shuffle(findings, new java.util.Random(42));
        Baseline.of(findings, project).write(second);
        assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second));

        Baseline.of(findings, project).write(first); // again over the existing file
        assertArrayEquals(Files.readAllBytes(second), Files.readAllBytes(first));
    }

    @Test
    void whatIsWrittenIsWhatIsRead() throws IOException {
        Baseline written = Baseline.of(List.of(
                finding("OrAcrossAccessPaths", "src/main/java/A.java", 3, "A.a", "SELECT 'tab\there', \"quoted\" FROM t WHERE x < 1 & y > 2"),
                finding("OrAcrossAccessPaths", "src/main/java/A.java", 9, "A.a", "SELECT 'tab\there', \"quoted\" FROM t WHERE x < 1 & y > 2"),
                finding("JoinForScalarOnly", "src/main/java/B.java", 7, "", "SELECT 'snowman ☃ and 𝄞' FROM t")), project);
        Path file = project.resolve(Baseline.FILE_NAME);
        written.write(file);
        assertEquals(written.entries(), Baseline.read(file).entries());
    }

    @Test
    void theWriteReplacesTheFileInOneMoveAndLeavesNoTemporaryFile() throws IOException {
        Path file = project.resolve("config/sqllint/" + Baseline.FILE_NAME);
        Baseline.of(List.of(finding("OrAcrossAccessPaths", "src/main/java/A.java", 3, "A.a", "SELECT 1")), project).write(file);
        Baseline.of(List.of(), project).write(file);

        assertEquals(List.of(), Baseline.read(file).entries());
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertEquals(List.of(file), files.toList(), "only the baseline itself in its folder");
        }
    }

    @Test
    void anExternalEntityIsRefusedNotFetched() throws IOException {
        Path secret = Files.writeString(project.resolve("secret.txt"), "s3cr3t");
        Path file = Files.writeString(project.resolve(Baseline.FILE_NAME), """
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE sqllint-baseline [ <!ENTITY leak SYSTEM "%s"> ]>
                <sqllint-baseline version="1">
                  <finding rule="OrAcrossAccessPaths" file="A.java" owner="A.a" sqlHash="0123456789abcdef" sql="&leak;"/>
                </sqllint-baseline>
                """.formatted(secret.toUri()));
        IOException e = assertThrows(IOException.class, () -> Baseline.read(file));
        assertTrue(e.getMessage().contains("DOCTYPE"), e.getMessage());
        assertFalse(e.getMessage().contains("s3cr3t"));
    }

    @Test
    void entityExpansionIsRefused() throws IOException {
        Path file = Files.writeString(project.resolve(Baseline.FILE_NAME), """
                <?xml version="1.0"?>
                <!DOCTYPE sqllint-baseline [
                  <!ENTITY a "aaaaaaaaaa">
                  <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
                  <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
                ]>
                <sqllint-baseline version="1"><finding rule="R" file="F" owner="O" sqlHash="H" sql="&c;"/></sqllint-baseline>
                """);
        assertThrows(IOException.class, () -> Baseline.read(file));
    }

    @Test
    void aMalformedFileSaysWhatIsWrong() throws IOException {
        assertMalformed("this is not XML", "line 1");
        assertMalformed("<baseline/>", "the root element is <baseline>, not <sqllint-baseline>");
        assertMalformed("<sqllint-baseline version=\"2\"/>", "version 2 is not supported");
        assertMalformed("<sqllint-baseline><suppress rule=\"R\"/></sqllint-baseline>", "entry 1 is <suppress>, not <finding>");
        assertMalformed("<sqllint-baseline><finding file=\"F\" owner=\"O\" sqlHash=\"H\"/></sqllint-baseline>",
                "entry 1 has no rule attribute");
        assertMalformed("<sqllint-baseline><finding rule=\"R\" file=\"F\" owner=\"O\" sqlHash=\"H\"/>"
                + "<finding rule=\"R\" file=\"F\" owner=\"O\" sqlHash=\"H2\" count=\"0\"/></sqllint-baseline>",
                "entry 2 has count=\"0\"; a count is a whole number of at least 1");
        assertMalformed("<sqllint-baseline><finding rule=\"R\" file=\"F\" owner=\"O\" sqlHash=\"H\" count=\"two\"/></sqllint-baseline>",
                "count=\"two\"");
    }

    @Test
    void countAndSqlMayBeLeftOutByHand() throws IOException {
        Path file = Files.writeString(project.resolve(Baseline.FILE_NAME),
                "<sqllint-baseline><finding rule=\"R\" file=\"F\" owner=\"\" sqlHash=\"H\"/></sqllint-baseline>");
        assertEquals(List.of(new Baseline.Entry(new BaselineKey("R", "F", "", "H"), 1, "")), Baseline.read(file).entries());
    }

    private void assertMalformed(String xml, String reason) throws IOException {
        Path file = Files.writeString(project.resolve("malformed.xml"), xml, StandardCharsets.UTF_8);
        IOException e = assertThrows(IOException.class, () -> Baseline.read(file));
        assertTrue(e.getMessage().startsWith("not a valid sqllint baseline ("), e.getMessage());
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }

    private Finding finding(String rule, String file, int line, String owner, String sql) {
        return new Finding(rule, Severity.WARNING, project.resolve(file), line, 5, "message", "JdbcTemplate.query",
                owner, sql, false, null);
    }
}
