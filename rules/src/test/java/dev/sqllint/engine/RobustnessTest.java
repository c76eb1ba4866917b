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
        // the sources behind a link go unread: the run says so, with the file and why
        assertEquals(List.of(new Diagnostic(Diagnostic.Kind.FILE_SKIPPED, pkg.resolve("loop"), 0,
                "symbolic link to " + dir + " not followed: it leads back into its own folder (a loop)")), r.diagnostics());
    }

    @Test
    void linksToSourcesElsewhereAreReportedAndOtherLinksPassedOver(@TempDir Path dir) throws IOException {
        Path root = Files.createDirectories(dir.resolve("src"));
        Path shared = Files.createDirectories(dir.resolve("shared"));
        Files.writeString(shared.resolve("SharedDao.java"), "class SharedDao {}\n");
        try {
            Files.createSymbolicLink(root.resolve("shared"), Path.of("../shared"));
            Files.createSymbolicLink(root.resolve("Linked.java"), Path.of("../shared/SharedDao.java"));
            Files.createSymbolicLink(root.resolve("README.md"), Path.of("../README.md")); // dangling, not a source
            Files.createSymbolicLink(root.resolve("self"), Path.of("self"));
            Files.createSymbolicLink(root.resolve("generated"), Path.of("../shared")); // excluded below
        } catch (UnsupportedOperationException | IOException e) {
            return;
        }
        AnalysisResult r = new Analyzer().analyze(AnalysisConfig.of(dir, List.of(root))
                .withIncludes(List.of(), List.of("**/generated/**")));
        assertEquals(0, r.filesScanned());
        assertEquals(List.of(
                "Linked.java: symbolic link to ../shared/SharedDao.java not followed",
                "self: symbolic link to self not followed: it leads back into its own folder (a loop)",
                "shared: symbolic link to ../shared not followed"),
                r.diagnostics().stream().map(d -> d.file().getFileName() + ": " + d.reason()).toList());
    }

    @Test
    void anOrOfTenThousandTermsIsCheckedWithoutOverflowingTheStack(@TempDir Path dir) throws IOException {
        // generated SQL: JSqlParser nests a chain of ORs as deep as it is long
        String ids = "t.id = ? OR ".repeat(10_000);
        Files.writeString(dir.resolve("Generated.java"), """
                import java.sql.Statement;
                class Generated {
                  void run(Statement s) throws Exception {
                    s.executeQuery("SELECT t.* FROM tracks t WHERE %st.track_id IN (SELECT c.track_id FROM collaborators c)");
                  }
                }
                """.formatted(ids), StandardCharsets.UTF_8);
        AnalysisConfig config = AnalysisConfig.of(dir, List.of(dir)).withStatementTimeout(Duration.ofSeconds(60));
        AnalysisResult r = new Analyzer().analyze(config);
        assertEquals(List.of(), r.diagnostics());
        assertEquals(1, r.findings().size());
        Finding f = r.findings().get(0);
        assertEquals("OrAcrossAccessPaths", f.rule());
        assertEquals(4, f.line());
        assertEquals("    s.executeQuery(\"SELECT t.* FROM tracks t WHERE ".length() + ids.length() - "OR ".length() + 1, f.column());
    }

    @Test
    void anOrAfterTenThousandAndedTermsIsReportedWithItsMessage(@TempDir Path dir) throws IOException {
        // the message quotes the OR's first term, an AND chain JSqlParser would print recursing once per term
        String filters = " AND t.flag = ?".repeat(10_000);
        Files.writeString(dir.resolve("Generated.java"), """
                import java.sql.Statement;
                class Generated {
                  void run(Statement s) throws Exception {
                    s.executeQuery("SELECT t.* FROM tracks t WHERE t.owner_id = ?%s OR t.track_id IN (SELECT c.track_id FROM collaborators c)");
                  }
                }
                """.formatted(filters), StandardCharsets.UTF_8);
        AnalysisConfig config = AnalysisConfig.of(dir, List.of(dir)).withStatementTimeout(Duration.ofSeconds(60));
        AnalysisResult r = new Analyzer().analyze(config);
        assertEquals(List.of(), r.diagnostics());
        assertEquals(1, r.findings().size());
        assertTrue(r.findings().get(0).message().startsWith(
                "t.owner_id = ? AND t.flag = ? AND t.flag = ? AND t.flag = ?… OR "
                        + "t.track_id IN (SELECT c.track_id FROM collaborators c): an OR across two access paths"),
                r.findings().get(0).message());
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
