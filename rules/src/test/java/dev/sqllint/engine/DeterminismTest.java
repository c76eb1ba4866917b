package dev.sqllint.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqllint.testing.LintTestHelper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The output does not depend on the thread count; a file that runs over its time budget stops alone. */
class DeterminismTest {

    @Test
    void theDemoGivesTheSameOutputInTheSameOrderOnOneTwoOrEightThreads() {
        Path demo = Path.of("../it/demo").toAbsolutePath().normalize();
        AnalysisConfig config = AnalysisConfig.of(demo, List.of(demo.resolve("src/main/java")))
                .withSchema(List.of(demo.resolve("src/main/resources")), List.of(), List.of(), "spring");
        AnalysisResult one = new Analyzer().analyze(config.withThreads(1));
        for (int threads : new int[] {2, 8}) {
            AnalysisResult many = new Analyzer().analyze(config.withThreads(threads));
            assertEquals(one.findings(), many.findings());
            assertEquals(one.diagnostics(), many.diagnostics());
            assertEquals(one.sources(), many.sources());
            assertEquals(one.notes(), many.notes());
            assertEquals(one.statementsParsed(), many.statementsParsed());
        }
    }

    @Test
    void aFileOverItsTimeBudgetIsCutShortWithANoteAndOtherFilesStillReport() {
        StringBuilder many = new StringBuilder("package com.acme;\nclass Reports {\n  void run(java.sql.Statement st) throws Exception {\n");
        for (int i = 0; i < 200; i++) {
            many.append("    st.executeQuery(\"SELECT r.id FROM reports r WHERE r.kind = ").append(i).append("\");\n");
        }
        many.append("  }\n}\n");
        LintTestHelper helper = LintTestHelper.forAllRules()
                .addSource("com/acme/Reports.java", many.toString())
                .addSource("com/acme/TrackDao.java", """
                        package com.acme;
                        class TrackDao {
                          java.util.List<?> visible(org.springframework.jdbc.core.JdbcTemplate jdbc, long u) {
                            return jdbc.queryForList("SELECT t.* FROM tracks t WHERE t.owner_id = ? OR t.track_id IN "
                                + "(SELECT c.track_id FROM track_collaborators c WHERE c.user_id = ?)", u, u);
                          }
                        }
                        """);
        AnalysisResult r = helper.run(c -> c.withFileTimeBudget(Duration.ofNanos(1)));

        Diagnostic cut = r.diagnostics().stream().filter(d -> d.reason().contains("time budget")).findFirst().orElseThrow();
        assertTrue(cut.file().endsWith("Reports.java"), cut.toString());
        assertTrue(cut.reason().endsWith("199 of 200 statements not analysed"), cut.reason());
        assertEquals(Diagnostic.Kind.FILE_SKIPPED, cut.kind());
        assertEquals(List.of("OrAcrossAccessPaths"), r.findings().stream().map(Finding::rule).toList());
    }
}
