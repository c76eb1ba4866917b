package dev.sqllint.mybatis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sqllint.engine.AnalysisResult;
import dev.sqllint.extract.IgnoreComment;
import dev.sqllint.report.ConsoleReport;
import dev.sqllint.testing.LintTestHelper;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code <!-- sqllint:ignore [Rule] [reason] -->} in a mapper: like {@code // sqllint:ignore} in Java, on the
 * finding's line or the line above, or above the statement's start tag. The finding stays, marked.
 */
class MapperSuppressionTest {

    @Test
    void ignoreCommentsAboveTheLineOrTheStatementSuppressOnlyTheRulesTheyName() {
        AnalysisResult r = LintTestHelper.forAllRules()
                .addResource("db/migration/V1__schema.sql", MapperFindingsTest.MIGRATION)
                .addResource("mapper/TrackExportMapper.xml", MapperFindingsTest.DOCTYPE + """
                        <mapper namespace="com.acme.tracks.TrackExportMapper">
                          <!-- sqllint:ignore OrAcrossAccessPaths nightly export, runs on the replica -->
                          <select id="exportVisible" resultType="map">
                            SELECT t.* FROM tracks t
                            WHERE t.status = 'published' AND (t.owner_id = #{userId}
                              <!-- BUG: OrAcrossAccessPaths at OR -->
                              OR t.track_id IN (SELECT c.track_id FROM track_collaborators c WHERE c.collaborator_user_id = #{userId}))
                          </select>

                          <select id="adminVisible" resultType="map">
                            SELECT t.* FROM tracks t
                            <where>
                              <if test="userId != null">
                                <!-- BUG: OrAcrossAccessPaths at OR -->
                                t.owner_id = #{userId} OR t.track_id IN (SELECT c.track_id FROM track_collaborators c WHERE c.collaborator_user_id = #{userId}) <!-- sqllint:ignore -->
                              </if>
                            </where>
                          </select>

                          <select id="visible" resultType="map">
                            SELECT t.* FROM tracks t
                            <!-- BUG: OrAcrossAccessPaths at OR -->
                            WHERE t.owner_id = #{userId} OR t.track_id IN (SELECT c.track_id FROM track_collaborators c WHERE c.collaborator_user_id = #{userId}) <!-- sqllint:ignore DistinctOverFanOutJoin another rule: suppresses nothing here -->
                          </select>
                        </mapper>
                        """)
                .doTest();
        assertEquals(List.of(
                "9 suppressed by <!-- sqllint:ignore OrAcrossAccessPaths nightly export, runs on the replica -->",
                "17 suppressed by <!-- sqllint:ignore -->",
                "25 reported"), r.findings().stream()
                .map(f -> f.line() + (f.isSuppressed() ? " suppressed by " + f.suppressedBy() : " reported")).toList());
        assertEquals("nightly export, runs on the replica", IgnoreComment.reasonOf(r.findings().get(0).suppressedBy()).orElseThrow());
        assertEquals("sqllint: 2 suppressed in the code (@SuppressWarnings, // sqllint:ignore), 1 not suppressed",
                ConsoleReport.summary(r).get(1));
    }

    @Test
    void ignoreCommentNamingNoRuleIsReportedAtItsLine() {
        AnalysisResult r = LintTestHelper.forAllRules()
                .addResource("db/migration/V1__schema.sql", MapperFindingsTest.MIGRATION)
                .addResource("mapper/TrackExportMapper.xml", MapperFindingsTest.DOCTYPE + """
                        <mapper namespace="com.acme.tracks.TrackExportMapper">
                          <!-- sqllint:ignore OrAcrossAccesPaths nightly export -->
                          <select id="exportVisible" resultType="map">
                            SELECT t.* FROM tracks t WHERE t.owner_id = #{userId}
                              OR t.track_id IN (SELECT c.track_id FROM track_collaborators c WHERE c.collaborator_user_id = #{userId})
                          </select>
                        </mapper>
                        """)
                .run();
        assertEquals(List.of("OrAcrossAccessPaths reported"), r.findings().stream()
                .map(f -> f.rule() + (f.isSuppressed() ? " suppressed" : " reported")).toList());
        assertEquals(List.of("UNKNOWN_RULE_NAME 4 no rule is named OrAcrossAccesPaths, so <!-- sqllint:ignore OrAcrossAccesPaths "
                + "nightly export --> suppresses nothing; did you mean OrAcrossAccessPaths?"),
                r.diagnostics().stream().map(d -> d.kind() + " " + d.line() + " " + d.reason()).toList());
    }
}
