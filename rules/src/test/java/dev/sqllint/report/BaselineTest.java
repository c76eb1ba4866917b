package dev.sqllint.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqllint.engine.AnalysisResult;
import dev.sqllint.engine.Finding;
import dev.sqllint.report.BaselineMatch.State;
import dev.sqllint.testing.LintTestHelper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Baseline keys and matching, on findings of real analyses of code before and after an edit. */
class BaselineTest {

    private static final String DAO = "src/main/java/com/acme/TrackDao.java";

    private static final String BEFORE = """
            package com.acme;
            import org.springframework.jdbc.core.JdbcTemplate;
            class TrackDao {
              JdbcTemplate jdbc;
              Object tracks(long u) {
                return jdbc.queryForList("SELECT t.* FROM tracks t WHERE t.owner_id = ? OR t.track_id IN "
                    + "(SELECT c.track_id FROM track_collaborators c WHERE c.user_id = ?)", u, u);
              }
            }
            """;

    /** The statement of {@link #BEFORE} once more, to put before its {@code return}. */
    private static final String SAME_QUERY_AGAIN = """
            jdbc.queryForList("SELECT t.* FROM tracks t WHERE t.owner_id = ? OR t.track_id IN "
                    + "(SELECT c.track_id FROM track_collaborators c WHERE c.user_id = ?)", u, u);
                """;

    @Test
    void insertingLinesAboveAndReformattingKeepsTheKey() {
        String after = """
                package com.acme;

                import java.util.List;
                import java.util.Map;
                import org.springframework.jdbc.core.JdbcTemplate;

                /** Tracks a user may open. */
                class TrackDao {

                    private final JdbcTemplate jdbc;

                    TrackDao(JdbcTemplate jdbc) {
                        this.jdbc = jdbc;
                    }

                    /** Owned or shared with the user. */
                    Object tracks(long u) {
                        return jdbc.queryForList(\"""
                                SELECT t.*
                                  FROM tracks t
                                 WHERE t.owner_id = ?
                                    OR t.track_id IN (SELECT c.track_id FROM track_collaborators c WHERE c.user_id = ?)
                                \""", u, u);
                    }
                }
                """;
        Finding before = only(analyze(BEFORE));
        Finding moved = only(analyze(after));
        assertNotEquals(before.line(), moved.line());
        assertEquals(key(before), key(moved));

        BaselineMatch match = baselineOf(before).match(List.of(moved), root(moved));
        assertTrue(match.isBaselined(moved));
        assertEquals("unchanged", match.sarifState(moved));
        assertEquals(List.of(), match.stale());
    }

    @Test
    void aDifferentStatementIsADifferentKey() {
        Finding changed = only(analyze(BEFORE.replace("t.owner_id", "t.creator_id")));
        Finding before = only(analyze(BEFORE));
        assertEquals(key(before).owner(), key(changed).owner());
        assertNotEquals(key(before), key(changed));

        BaselineMatch match = baselineOf(before).match(List.of(changed), root(changed));
        assertFalse(match.isBaselined(changed));
        assertEquals(State.NEW, match.state(changed));
        assertEquals(1, match.stale().size(), "the old statement's entry is stale");
    }

    @Test
    void theSameStatementInAnotherMethodIsADifferentKey() {
        List<Finding> findings = analyze(BEFORE.replace("  Object tracks(long u) {", """
                  Object shared(long u) {
                    return jdbc.queryForList("SELECT t.* FROM tracks t WHERE t.owner_id = ? OR t.track_id IN "
                        + "(SELECT c.track_id FROM track_collaborators c WHERE c.user_id = ?)", u, u);
                  }
                  Object tracks(long u) {"""));
        assertEquals(2, findings.size());
        BaselineKey shared = key(findings.get(0));
        BaselineKey tracks = key(findings.get(1));
        assertEquals("TrackDao.shared", shared.owner());
        assertEquals("TrackDao.tracks", tracks.owner());
        assertEquals(shared.sqlHash(), tracks.sqlHash());
        assertNotEquals(shared, tracks);
    }

    @Test
    void theSameStatementTwiceInOneMethodIsOneEntryCountedTwice() {
        String twice = BEFORE.replace("return jdbc", SAME_QUERY_AGAIN + "return jdbc");
        List<Finding> two = analyze(twice);
        assertEquals(2, two.size());
        Baseline baseline = Baseline.of(two, root(two.get(0)));
        assertEquals(1, baseline.entries().size());
        assertEquals(2, baseline.entries().get(0).count());
        assertEquals(2, baseline.findingCount());

        // a third copy is new: the baseline accepted two
        List<Finding> three = analyze(twice.replace("return jdbc", SAME_QUERY_AGAIN + "return jdbc"));
        BaselineMatch grown = baseline.match(three, root(three.get(0)));
        assertEquals(List.of(State.UNCHANGED, State.UNCHANGED, State.NEW), three.stream().map(grown::state).toList());
        assertEquals(1, grown.newFindings(three).size());

        // one copy removed: the entry is stale for the count no finding uses
        List<Finding> one = analyze(BEFORE);
        BaselineMatch shrunk = baseline.match(one, root(one.get(0)));
        assertTrue(shrunk.isBaselined(one.get(0)));
        assertEquals(1, shrunk.stale().size());
        assertEquals(1, shrunk.stale().get(0).count());
    }

    @Test
    void aNewFindingNextToBaselinedOnesIsTheOnlyNewOne() {
        Finding old = only(analyze(BEFORE));
        List<Finding> now = analyze(BEFORE.replace("  Object tracks(long u) {", """
                  Object drafts(long u) {
                    return jdbc.queryForList("SELECT t.* FROM tracks t WHERE t.status = 'draft' AND (t.owner_id = ? "
                        + "OR EXISTS (SELECT 1 FROM track_collaborators c WHERE c.track_id = t.track_id AND c.user_id = ?))", u, u);
                  }
                  Object tracks(long u) {"""));
        assertEquals(2, now.size());
        BaselineMatch match = baselineOf(old).match(now, root(now.get(0)));
        List<Finding> fresh = match.newFindings(now);
        assertEquals(1, fresh.size());
        assertEquals("TrackDao.drafts", fresh.get(0).owner());
        assertEquals(1, match.baselinedFindings(now).size());
        assertEquals(List.of(), match.stale());
    }

    @Test
    void suppressedFindingsAreNotBaselinedAndNeverTakeAnUnsuppressedOnesPlace() {
        String twice = BEFORE.replace("return jdbc", SAME_QUERY_AGAIN + "return jdbc");
        List<Finding> two = analyze(twice);
        List<Finding> firstSuppressed = new ArrayList<>(two);
        firstSuppressed.set(0, two.get(0).withSuppression("// sqllint:ignore OrAcrossAccessPaths small table"));

        Baseline baseline = Baseline.of(firstSuppressed, root(two.get(0)));
        assertEquals(1, baseline.findingCount(), "the suppressed finding is not in the baseline");

        BaselineMatch match = baseline.match(firstSuppressed, root(two.get(0)));
        assertTrue(match.isBaselined(firstSuppressed.get(1)), "the unsuppressed copy keeps its entry");
        assertEquals(State.NEW, match.state(firstSuppressed.get(0)));
        assertEquals(List.of(), match.newFindings(firstSuppressed), "a suppressed finding never fails the build");
    }

    @Test
    void withoutABaselineEveryFindingIsNewAndCarriesNoState() {
        Finding f = only(analyze(BEFORE));
        assertFalse(BaselineMatch.NONE.compared());
        assertFalse(BaselineMatch.NONE.isBaselined(f));
        assertNull(BaselineMatch.NONE.sarifState(f));
        assertEquals(List.of(f), BaselineMatch.NONE.newFindings(List.of(f)));
    }

    @Test
    void entriesKeepAShortExcerptOfTheStatementForReviewers() {
        Finding f = only(analyze(BEFORE));
        Baseline.Entry entry = baselineOf(f).entries().get(0);
        assertEquals(new BaselineKey("OrAcrossAccessPaths", DAO, "TrackDao.tracks", SqlFingerprint.of(f.sql())), entry.key());
        assertEquals(Baseline.SQL_EXCERPT_LENGTH + 1, entry.sql().length());
        assertTrue(entry.sql().startsWith("SELECT t.* FROM tracks t WHERE t.owner_id = ? OR"), entry.sql());
        assertTrue(entry.sql().endsWith("…"));
        assertEquals("SELECT 1", Baseline.excerpt("  SELECT\n 1 "));
    }

    private static List<Finding> analyze(String source) {
        AnalysisResult result = LintTestHelper.forAllRules().addSource(DAO, source).run();
        assertEquals(List.of(), result.diagnostics());
        return result.findings();
    }

    private static Finding only(List<Finding> findings) {
        assertEquals(1, findings.size(), findings.toString());
        return findings.get(0);
    }

    /** The project base directory the helper analysed: the file minus its relative path. */
    private static java.nio.file.Path root(Finding f) {
        java.nio.file.Path p = f.file();
        for (int i = 0; i < java.nio.file.Path.of(DAO).getNameCount(); i++) p = p.getParent();
        return p;
    }

    private static BaselineKey key(Finding f) {
        return BaselineKey.of(f, root(f));
    }

    private static Baseline baselineOf(Finding f) {
        return Baseline.of(List.of(f), root(f));
    }
}
