package dev.sqllint.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.sqllint.engine.AnalysisResult;
import dev.sqllint.engine.Finding;
import dev.sqllint.testing.LintTestHelper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SARIF's {@code result.baselineState}: on every result when there is a baseline, on none without. */
class SarifBaselineStateTest {

    private final LintTestHelper helper = LintTestHelper.forAllRules().addSource("src/main/java/com/acme/TrackDao.java", """
            package com.acme;
            import org.springframework.jdbc.core.JdbcTemplate;
            class TrackDao {
              JdbcTemplate jdbc;
              Object tracks(long u) {
                return jdbc.queryForList("SELECT t.* FROM tracks t WHERE t.owner_id = ? OR t.track_id IN "
                    + "(SELECT c.track_id FROM track_collaborators c WHERE c.user_id = ?)", u, u);
              }
              Object drafts(long u) {
                return jdbc.queryForList("SELECT t.* FROM tracks t WHERE t.status = 'draft' AND (t.owner_id = ? "
                    + "OR EXISTS (SELECT 1 FROM track_collaborators c WHERE c.track_id = t.track_id AND c.user_id = ?))", u, u);
              }
            }
            """);

    @Test
    void baselinedResultsAreUnchangedAndTheOthersNew() throws Exception {
        AnalysisResult result = helper.run();
        List<Finding> findings = result.findings();
        assertEquals(List.of("TrackDao.tracks", "TrackDao.drafts"), findings.stream().map(Finding::owner).toList());
        Baseline acceptedTracks = Baseline.of(List.of(findings.get(0)), helper.root());
        BaselineMatch match = acceptedTracks.match(findings, helper.root());

        Path out = helper.root().resolve("target/sqllint/sqllint.sarif");
        SarifWriter.write(result, helper.root(), helper.root(), out, "1.2.3", match::sarifState);
        String json = Files.readString(out, StandardCharsets.UTF_8);
        assertEquals(List.of("\"baselineState\": \"unchanged\"", "\"baselineState\": \"new\""),
                json.lines().map(String::trim).map(l -> l.replaceAll(",$", "")).filter(l -> l.startsWith("\"baselineState\"")).toList());
    }

    @Test
    void withoutABaselineNoResultHasAState() throws Exception {
        AnalysisResult result = helper.run();
        Path out = helper.root().resolve("target/sqllint/sqllint.sarif");
        SarifWriter.write(result, helper.root(), helper.root(), out, "1.2.3", BaselineMatch.NONE::sarifState);
        assertFalse(Files.readString(out, StandardCharsets.UTF_8).contains("baselineState"));
    }
}
