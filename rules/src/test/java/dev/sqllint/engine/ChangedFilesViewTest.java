package dev.sqllint.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sqllint.testing.LintTestHelper;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Changed-files mode reports the changed files' findings and counts the rest; the analysis behind it still
 * read every file, so a changed DAO's SQL built from an unchanged constant is judged in full.
 */
class ChangedFilesViewTest {

    private static final String TABLES = """
            package com.acme;
            final class Tables {
              static final String COLLABORATORS = "track_collaborators";
            }
            """;

    /** Changed by the pull request: its SQL names a table through the unchanged Tables. */
    private static final String TRACK_DAO = """
            package com.acme;
            import org.springframework.jdbc.core.JdbcTemplate;
            class TrackDao {
              JdbcTemplate jdbc;
              Object tracks(long u) {
                return jdbc.queryForList("SELECT t.* FROM tracks t WHERE t.owner_id = ? OR t.track_id IN "
                    + "(SELECT c.track_id FROM " + Tables.COLLABORATORS + " c WHERE c.user_id = ?)", u, u);
              }
            }
            """;

    /** Unchanged, with a finding of its own that the pull request did not introduce. */
    private static final String REVIEW_DAO = """
            package com.acme;
            import org.springframework.jdbc.core.JdbcTemplate;
            class ReviewDao {
              JdbcTemplate jdbc;
              Object reviews(long u) {
                return jdbc.queryForList("SELECT r.* FROM reviews r WHERE r.author_id = ? OR r.id IN "
                    + "(SELECT a.review_id FROM review_assignees a WHERE a.user_id = ?)", u, u);
              }
            }
            """;

    private final LintTestHelper helper = LintTestHelper.forAllRules()
            .addSource("com/acme/Tables.java", TABLES)
            .addSource("com/acme/TrackDao.java", TRACK_DAO)
            .addSource("com/acme/ReviewDao.java", REVIEW_DAO);

    @Test
    void onlyTheChangedFilesFindingsAreReportedAndTheOthersCounted() {
        AnalysisResult full = helper.run();
        assertEquals(2, full.findings().size());

        ChangedFilesView view = ChangedFilesView.of(full, "main", named("TrackDao.java"), scanned());

        assertEquals(List.of("TrackDao.java"), view.result().findings().stream().map(f -> f.file().getFileName().toString()).toList());
        assertEquals(1, view.notReported());
        assertEquals("sqllint: 1 finding in 1 changed file (changedSince=main); 1 in unchanged files not reported", view.summary());
    }

    @Test
    void everyCountButTheFindingsIsTheWholeRunsOwn() {
        AnalysisResult full = helper.run();

        AnalysisResult changedOnly = ChangedFilesView.of(full, "main", named("TrackDao.java"), scanned()).result();

        assertEquals(full.filesScanned(), changedOnly.filesScanned());
        assertEquals(full.sqlSites(), changedOnly.sqlSites());
        assertEquals(full.statementsParsed(), changedOnly.statementsParsed());
        assertEquals(full.schema(), changedOnly.schema());
    }

    @Test
    void changedFilesWithoutFindingsStillCountAsChanged() {
        ChangedFilesView view = ChangedFilesView.of(helper.run(), "origin/main",
                named("Tables.java").or(named("Readme.md")), scanned());

        assertEquals(List.of(), view.result().findings());
        assertEquals("sqllint: 0 findings in 1 changed file (changedSince=origin/main); 2 in unchanged files not reported",
                view.summary());
    }

    @Test
    void nothingChangedReportsNothing() {
        ChangedFilesView view = ChangedFilesView.of(helper.run(), "HEAD", p -> false, scanned());

        assertEquals("sqllint: 0 findings in 0 changed files (changedSince=HEAD); 2 in unchanged files not reported",
                view.summary());
    }

    private List<Path> scanned() {
        Path root = helper.root();
        return List.of(root.resolve("com/acme/ReviewDao.java"), root.resolve("com/acme/Tables.java"),
                root.resolve("com/acme/TrackDao.java"));
    }

    private static Predicate<Path> named(String fileName) {
        return p -> p.getFileName().toString().equals(fileName);
    }
}
