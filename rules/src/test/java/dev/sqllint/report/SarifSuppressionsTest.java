package dev.sqllint.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.sqllint.engine.AnalysisResult;
import dev.sqllint.testing.LintTestHelper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Suppressed findings stay in SARIF as results, with an in-source suppression and the comment's reason. */
class SarifSuppressionsTest {

    @Test
    void suppressedResultsCarryAnInSourceSuppression() {
        LintTestHelper helper = LintTestHelper.forAllRules().addSource("src/main/java/com/acme/TrackDao.java", """
                package com.acme;
                import org.springframework.jdbc.core.JdbcTemplate;
                class TrackDao {
                  JdbcTemplate jdbc;
                  Object owned(long u) {
                    // sqllint:ignore OrAcrossAccessPaths collaborators are capped at 5 per track
                    return jdbc.queryForList("SELECT t.* FROM tracks t WHERE t.owner_id = ? OR t.track_id IN "
                        + "(SELECT c.track_id FROM track_collaborators c WHERE c.user_id = ?)", u, u);
                  }
                  @SuppressWarnings("sqllint:OrAcrossAccessPaths")
                  Object shared(long u) {
                    return jdbc.queryForList("SELECT t.* FROM tracks t WHERE t.owner_id = ? OR t.track_id IN "
                        + "(SELECT c.track_id FROM track_collaborators c WHERE c.user_id = ?)", u, u);
                  }
                  Object visible(long u) {
                    return jdbc.queryForList("SELECT t.* FROM tracks t WHERE t.owner_id = ? OR t.track_id IN "
                        + "(SELECT c.track_id FROM track_collaborators c WHERE c.user_id = ?)", u, u);
                  }
                }
                """);
        AnalysisResult result = helper.run();
        Map<String, Object> sarif = SarifWriter.sarif(result, helper.root(), "1.2.3");
        Map<?, ?> run = (Map<?, ?>) ((List<?>) sarif.get("runs")).get(0);
        List<?> results = (List<?>) run.get("results");
        assertEquals(3, results.size());

        Map<?, ?> commented = suppression(results.get(0));
        assertEquals("inSource", commented.get("kind"));
        assertEquals("collaborators are capped at 5 per track", commented.get("justification"));

        Map<?, ?> annotated = suppression(results.get(1));
        assertEquals("inSource", annotated.get("kind"));
        assertNull(annotated.get("justification"));
        assertEquals("@SuppressWarnings(\"sqllint:OrAcrossAccessPaths\")",
                ((Map<?, ?>) annotated.get("properties")).get("suppressedBy"));

        assertFalse(((Map<?, ?>) results.get(2)).containsKey("suppressions"));
    }

    private static Map<?, ?> suppression(Object result) {
        List<?> suppressions = (List<?>) ((Map<?, ?>) result).get("suppressions");
        assertEquals(1, suppressions.size());
        return (Map<?, ?>) suppressions.get(0);
    }
}
