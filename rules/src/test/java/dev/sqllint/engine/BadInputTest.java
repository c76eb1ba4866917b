package dev.sqllint.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqllint.testing.LintTestHelper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input is reported with the file and the reason, skipped, and never stops the rest of the run. */
class BadInputTest {

    private static final String GOOD_DAO = """
            package com.acme;
            import org.springframework.jdbc.core.JdbcTemplate;
            class TrackDao {
              JdbcTemplate jdbc;
              Object tracks(long u) {
                // BUG: OrAcrossAccessPaths at OR
                return jdbc.queryForList("SELECT t.* FROM tracks t WHERE t.owner_id = ? OR t.track_id IN "
                    + "(SELECT c.track_id FROM track_collaborators c WHERE c.user_id = ?)", u, u);
              }
            }
            """;

    @Test
    void javaThatDoesNotParseIsSkippedAndOtherFilesStillReport() {
        LintTestHelper helper = LintTestHelper.forAllRules()
                .addSource("com/acme/TrackDao.java", GOOD_DAO)
                .addSource("com/acme/Broken.java",
                        "package com.acme;\nclass Broken {\n  void m( {\n  @@\n  jdbc.update(\"delete from t\");\n");
        AnalysisResult r = helper.run();
        assertEquals(1, r.findings().size());
        assertEquals("OrAcrossAccessPaths", r.findings().get(0).rule());
        Diagnostic d = r.diagnostics().get(0);
        assertEquals(Diagnostic.Kind.JAVA_NOT_PARSED, d.kind());
        assertTrue(d.file().endsWith("Broken.java"));
        assertTrue(d.reason().startsWith("Java does not parse"), d.reason());
        assertEquals(2, r.filesScanned());
    }

    @Test
    void skippedJavaFileIsReportedAtTheParsersLineAndColumnInASingularSummary() {
        AnalysisResult r = LintTestHelper.forAllRules()
                .addSource("com/acme/TrackDao.java", GOOD_DAO)
                .addSource("com/acme/Broken.java", "package com.acme;\nimport org.springframework.jdbc.core.JdbcTemplate;\n"
                        + "class Broken {\n  JdbcTemplate jdbc;\n  void m() { jdbc.update(\"DELETE FROM t\" +* 2); }\n}\n")
                .run();
        Diagnostic d = r.diagnostics().get(0);
        assertEquals(Diagnostic.Kind.JAVA_NOT_PARSED, d.kind());
        assertEquals("5:43", d.line() + ":" + d.column(), d.reason());
        String line = dev.sqllint.report.ConsoleReport.diagnostic(d);
        assertTrue(line.contains("Broken.java:[5,43] skipped (java not parsed): Java does not parse: "), line);
        String summary = dev.sqllint.report.ConsoleReport.summary(r).get(0);
        assertTrue(summary.matches("sqllint: 2 files scanned, 1 SQL site found, 1 statement parsed, 0 not parsed, "
                + "1 file skipped, 1 finding \\(\\d+ ms\\)"), summary);
    }

    @Test
    void proseThatStartsLikeSqlIsNotASite() {
        AnalysisResult r = LintTestHelper.forAllRules().addSource("com/acme/UploadPage.java", """
                package com.acme;
                class UploadPage {
                  Model model;
                  void render() {
                    model.update("Select a file to upload");
                    model.query("Update your profile settings here");
                  }
                }
                """).run();
        assertEquals(0, r.sqlSites());
        assertEquals(List.of(), r.diagnostics());
    }

    @Test
    void sqlTheParserRejectsIsCountedWithItsReason() {
        AnalysisResult r = LintTestHelper.forAllRules().addSource("com/acme/LegacyDao.java", """
                package com.acme;
                import java.sql.Statement;
                class LegacyDao {
                  void run(Statement statement) throws Exception {
                    statement.executeQuery("SELEC * FORM invoices WHERE");
                    statement.executeQuery("SELECT i.id FROM invoices i");
                  }
                }
                """).run();
        assertEquals(2, r.sqlSites());
        assertEquals(1, r.statementsParsed());
        assertEquals(1, r.statementsNotParsed());
        Diagnostic d = r.diagnostics().get(0);
        assertEquals(Diagnostic.Kind.SQL_NOT_PARSED, d.kind());
        assertEquals(5, d.line());
        assertTrue(d.reason().contains("Statement.executeQuery"), d.reason());
    }

    @Test
    void aStatementThatTimesOutIsSkipped(@TempDir Path dir) throws IOException {
        StringBuilder deep = new StringBuilder("SELECT a FROM t WHERE x = ");
        deep.append("(".repeat(400)).append("1").append(")".repeat(400));
        Files.writeString(dir.resolve("Deep.java"), """
                import java.sql.Statement;
                class Deep {
                  void run(Statement s) throws Exception {
                    s.executeQuery("%s");
                    s.executeQuery("SELECT DISTINCT ON (r.flow_id) r.flow_id FROM flow_runs r ORDER BY r.flow_id, r.started_at DESC LIMIT 3");
                  }
                }
                """.formatted(deep));
        AnalysisResult r = new Analyzer().analyze(AnalysisConfig.of(dir, List.of(dir)).withStatementTimeout(Duration.ofMillis(1)));
        assertEquals(2, r.sqlSites());
        assertTrue(r.statementsNotParsed() >= 1, "the deep statement must not parse in 1 ms");
        assertTrue(r.diagnostics().stream().anyMatch(d -> d.kind() == Diagnostic.Kind.SQL_NOT_PARSED && d.line() == 4),
                r.diagnostics().toString());
    }

    @Test
    void binaryAndOversizedFilesAreSkippedWithAReason(@TempDir Path dir) throws IOException {
        Files.write(dir.resolve("Blob.java"), new byte[] {(byte) 0xCA, (byte) 0xFE, 0, 0, 1, 2});
        Files.writeString(dir.resolve("Generated.java"), "class Generated {}\n" + "// padding\n".repeat(2000));
        Files.writeString(dir.resolve("TrackDao.java"), GOOD_DAO);
        AnalysisResult r = new Analyzer().analyze(AnalysisConfig.of(dir, List.of(dir)).withMaxFileBytes(5_000));
        assertEquals(1, r.findings().size());
        assertEquals(2, r.count(Diagnostic.Kind.FILE_SKIPPED), r.diagnostics().toString());
        assertTrue(r.diagnostics().stream().anyMatch(d -> d.reason().startsWith("binary")));
        assertTrue(r.diagnostics().stream().anyMatch(d -> d.reason().startsWith("larger than the size limit")));
    }

    @Test
    void byteOrderMarkAndCrlfKeepLineNumbers(@TempDir Path dir) throws IOException {
        String crlf = "\uFEFF" + GOOD_DAO.replace("\n", "\r\n");
        Files.writeString(dir.resolve("TrackDao.java"), crlf);
        AnalysisResult r = new Analyzer().analyze(AnalysisConfig.of(dir, List.of(dir)));
        assertEquals(1, r.findings().size());
        assertEquals(7, r.findings().get(0).line());
    }

    @Test
    void includesAndExcludesSelectFiles(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("com/acme/generated"));
        Files.writeString(dir.resolve("com/acme/TrackDao.java"), GOOD_DAO);
        Files.writeString(dir.resolve("com/acme/generated/TrackDao2.java"), GOOD_DAO.replace("class TrackDao", "class TrackDao2"));
        AnalysisResult all = new Analyzer().analyze(AnalysisConfig.of(dir, List.of(dir)));
        AnalysisResult some = new Analyzer().analyze(AnalysisConfig.of(dir, List.of(dir))
                .withIncludes(List.of("com/**/*.java"), List.of("**/generated/**")));
        assertEquals(2, all.findings().size());
        assertEquals(1, some.findings().size());
        assertEquals(1, some.filesScanned());
    }

    @Test
    void unicodeEscapesStandingForAStringsOwnQuotesAreReadAsJavacReadsThem() {
        LintTestHelper.forAllRules()
                .addSource("com/acme/EscapedDao.java", """
                        package com.acme;
                        class EscapedDao {
                          java.util.List<?> visible(org.springframework.jdbc.core.JdbcTemplate jdbc, long u) {
                            return jdbc.queryForList(\\u0022SELECT t.* FROM tracks t WHERE t.owner_id = ? \\u0022
                                // BUG: OrAcrossAccessPaths
                                + "OR t.track_id IN (SELECT c.track_id FROM track_collaborators c WHERE c.user_id = ?)", u, u);
                          }
                        }
                        """)
                .doTest();
    }
}
