package dev.sqllint.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqllint.testing.LintTestHelper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Inputs from real trees that must never crash the run, and must not shift line numbers. */
class RobustnessTest {

    @Test
    void java21SyntaxAroundASink() {
        LintTestHelper.forAllRules().addSource("com/acme/Events.java", """
                package com.acme;
                import org.springframework.jdbc.core.JdbcTemplate;
                sealed interface Event permits Created, Deleted {}
                record Created(long id) implements Event {}
                record Deleted(long id) implements Event {}
                record EventDao(JdbcTemplate jdbc) {
                  Object latest(Event e) {
                    String label = switch (e) {
                      case Created c when c.id() > 0 -> "created";
                      case Created c -> "created-0";
                      case Deleted d -> "deleted";
                    };
                    if (e instanceof Created(long id)) label += id;
                    return jdbc.queryForList(\"""
                        SELECT DISTINCT ON (h.document_id) h.document_id, h.created_at
                        -- BUG: OrAcrossAccessPaths at OR
                        FROM document_history h WHERE h.tenant_id = ? OR h.id IN (SELECT s.doc_id FROM shares s)
                        ORDER BY h.document_id, h.created_at DESC
                        \""", label);
                  }
                }
                """).doTest();
    }

    @Test
    void unicodeEscapesInSourceKeepLinesAndColumns() {
        // "\\u0020" is a space written as a Unicode escape: javac reads it before tokenising
        LintTestHelper.forAllRules().addSource("com/acme/Tracks.java", """
                package com.acme;
                import org.springframework.jdbc.core.JdbcTemplate;
                class Tracks {
                  JdbcTemplate jdbc;
                  Object tracks() {
                    // caf\\u00e9 \\u2014 a comment with escapes
                    return jdbc.queryForList("SELECT t.* FROM tracks t WHERE t.owner_id = ?"
                        // BUG: OrAcrossAccessPaths at OR
                        + " OR t.id IN (SELECT c.track_id FROM collaborators c WHERE c.user_id = ?)\\u0020");
                  }
                }
                """).doTest();
    }

    @Test
    void aSymlinkLoopInASourceRootIsNotFollowed(@TempDir Path dir) throws IOException {
        Path pkg = Files.createDirectories(dir.resolve("com/acme"));
        Files.writeString(pkg.resolve("Dao.java"), "package com.acme; class Dao {}\n");
        try {
            Files.createSymbolicLink(pkg.resolve("loop"), dir);
        } catch (UnsupportedOperationException | IOException e) {
            return; // the file system has no symbolic links: nothing to loop over
        }
        AnalysisResult r = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> new Analyzer().analyze(AnalysisConfig.of(dir, List.of(dir))));
        assertEquals(1, r.filesScanned());
    }

    @Test
    void aMegabyteOfSqlAndFiveHundredNestedLevelsAreBoundedAndReported(@TempDir Path dir) throws IOException {
        StringBuilder huge = new StringBuilder("SELECT a FROM t WHERE x IN (");
        for (int i = 0; i < 120_000; i++) huge.append(i).append(", ");
        huge.append("0)");
        String nested = "SELECT a FROM t WHERE x = " + "(".repeat(500) + "1" + ")".repeat(500);
        Files.writeString(dir.resolve("Big.java"), """
                import java.sql.Statement;
                class Big {
                  static final String HUGE = "%s";
                  void run(Statement s) throws Exception {
                    s.executeQuery(HUGE);
                    s.executeQuery("%s");
                  }
                }
                """.formatted(huge, nested), StandardCharsets.UTF_8);
        AnalysisConfig config = AnalysisConfig.of(dir, List.of(dir)).withStatementTimeout(Duration.ofSeconds(2));
        AnalysisResult r = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> new Analyzer().analyze(config));
        assertEquals(2, r.sqlSites());
        assertEquals(2, r.statementsParsed() + r.statementsNotParsed());
        assertTrue(r.findings().isEmpty());
    }
}
