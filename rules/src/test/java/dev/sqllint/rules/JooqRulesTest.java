package dev.sqllint.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sqllint.engine.AnalysisResult;
import dev.sqllint.testing.LintTestHelper;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every rule, expressed in jOOQ's DSL: the finding points at the Java call that produced the offending SQL
 * ({@code selectDistinct}, {@code .or(}, {@code whereExists}, {@code .join(}), the same findings as the
 * equivalent hand-written SQL. The generated {@code Tables} class is not in the sources, as in a real build
 * where it sits under {@code target/}.
 */
class JooqRulesTest {

    @Test
    void distinctOnOverRunHistoryWithSelectDistinctOn() {
        LintTestHelper.forRule(DistinctOnHistoryScan.class).addSource("com/acme/workflow/RecentWorkflowRepository.java", """
                package com.acme.workflow;

                import static com.acme.db.Tables.SAVED_RUNS;

                import java.util.List;
                import org.jooq.DSLContext;

                class RecentWorkflowRepository {
                  private final DSLContext dsl;

                  RecentWorkflowRepository(DSLContext dsl) { this.dsl = dsl; }

                  List<Long> recent(long workspaceId) {
                    // BUG: DistinctOnHistoryScan at selectDistinct
                    return dsl.selectDistinct(SAVED_RUNS.PUBLISHED_RUN_ID, SAVED_RUNS.UPDATED_AT)
                        .on(SAVED_RUNS.PUBLISHED_RUN_ID)
                        .from(SAVED_RUNS)
                        .where(SAVED_RUNS.WORKSPACE_ID.eq(workspaceId))
                        .orderBy(SAVED_RUNS.PUBLISHED_RUN_ID, SAVED_RUNS.UPDATED_AT.desc())
                        .limit(4)
                        .fetchInto(Long.class);
                  }
                }
                """).doTest();
    }

    @Test
    void distinctOnWrittenAsSelectDistinctOnThroughAnAlias() {
        LintTestHelper.forRule(DistinctOnHistoryScan.class).addSource("com/acme/audit/AuditRepository.java", """
                package com.acme.audit;

                import static com.acme.db.Tables.DOCUMENT_EVENTS;
                import static org.jooq.impl.DSL.select;

                import com.acme.db.tables.DocumentEvents;
                import org.jooq.DSLContext;

                class AuditRepository {
                  private final DSLContext dsl;

                  AuditRepository(DSLContext dsl) { this.dsl = dsl; }

                  Object latestEdits(long tenantId) {
                    DocumentEvents e = DOCUMENT_EVENTS.as("e");
                    return dsl.fetch(select(e.DOCUMENT_ID, e.CREATED_AT)
                        // BUG: DistinctOnHistoryScan at distinctOn
                        .distinctOn(e.DOCUMENT_ID)
                        .from(e)
                        .where(e.TENANT_ID.eq(tenantId))
                        .orderBy(e.DOCUMENT_ID, e.CREATED_AT.desc())
                        .limit(10));
                  }
                }
                """).doTest();
    }

    @Test
    void distinctOnWithoutLimitOrOverTheLatestPerKeyTableIsFine() {
        LintTestHelper.forRule(DistinctOnHistoryScan.class).addSource("com/acme/workflow/RecentWorkflowRepository.java", """
                package com.acme.workflow;

                import static com.acme.db.Tables.SAVED_RUNS;
                import static com.acme.db.Tables.WORKSPACE_RECENT_WORKFLOWS;

                import org.jooq.DSLContext;

                class RecentWorkflowRepository {
                  private final DSLContext dsl;

                  RecentWorkflowRepository(DSLContext dsl) { this.dsl = dsl; }

                  Object all(long workspaceId) {
                    return dsl.selectDistinct(SAVED_RUNS.PUBLISHED_RUN_ID).on(SAVED_RUNS.PUBLISHED_RUN_ID)
                        .from(SAVED_RUNS).where(SAVED_RUNS.WORKSPACE_ID.eq(workspaceId))
                        .orderBy(SAVED_RUNS.PUBLISHED_RUN_ID, SAVED_RUNS.UPDATED_AT.desc())
                        .fetch();
                  }

                  Object recent(long workspaceId) {
                    return dsl.select(WORKSPACE_RECENT_WORKFLOWS.PUBLISHED_RUN_ID)
                        .from(WORKSPACE_RECENT_WORKFLOWS)
                        .where(WORKSPACE_RECENT_WORKFLOWS.WORKSPACE_ID.eq(workspaceId))
                        .orderBy(WORKSPACE_RECENT_WORKFLOWS.LAST_USED_AT.desc())
                        .limit(4)
                        .fetch();
                  }
                }
                """).expectNoFindings(2);
    }

    @Test
    void orBetweenOwnerAndCollaboratorSubquery() {
        LintTestHelper.forRule(OrAcrossAccessPaths.class).addSource("com/acme/tracks/TrackRepository.java", """
                package com.acme.tracks;

                import static com.acme.db.Tables.*;
                import static org.jooq.impl.DSL.select;

                import java.util.List;
                import org.jooq.DSLContext;

                class TrackRepository {
                  private final DSLContext dsl;

                  TrackRepository(DSLContext dsl) { this.dsl = dsl; }

                  List<TracksRecord> library(long userId) {
                    return dsl.selectFrom(TRACKS)
                        .where(TRACKS.OWNER_ID.eq(userId))
                        // BUG: OrAcrossAccessPaths at or(
                        .or(TRACKS.TRACK_ID.in(select(TRACK_COLLABORATORS.TRACK_ID)
                            .from(TRACK_COLLABORATORS)
                            .where(TRACK_COLLABORATORS.COLLABORATOR_USER_ID.eq(userId))))
                        .fetch();
                  }
                }
                """).doTest();
    }

    @Test
    void orInAConditionOfAHelperMethodIsReportedInTheHelper() {
        LintTestHelper.forRule(OrAcrossAccessPaths.class).addSource("com/acme/tracks/TrackRepository.java", """
                package com.acme.tracks;

                import static com.acme.db.Tables.TRACKS;
                import static com.acme.db.Tables.TRACK_COLLABORATORS;
                import static org.jooq.impl.DSL.*;

                import org.jooq.Condition;
                import org.jooq.DSLContext;

                class TrackRepository {
                  private final DSLContext dsl;

                  TrackRepository(DSLContext dsl) { this.dsl = dsl; }

                  int visibleCount(long userId, String status) {
                    Condition visible = visibleTo(userId);
                    return dsl.fetchCount(TRACKS, visible, TRACKS.STATUS.eq(status));
                  }

                  private Condition visibleTo(long userId) {
                    return TRACKS.OWNER_ID.eq(userId)
                        // BUG: OrAcrossAccessPaths at or(
                        .or(exists(selectOne().from(TRACK_COLLABORATORS)
                            .where(TRACK_COLLABORATORS.TRACK_ID.eq(TRACKS.TRACK_ID))
                            .and(TRACK_COLLABORATORS.COLLABORATOR_USER_ID.eq(userId))));
                  }
                }
                """).doTest();
    }

    @Test
    void andWithSubqueryAndOrOfPlainColumnTestsAreFine() {
        LintTestHelper.forRule(OrAcrossAccessPaths.class).addSource("com/acme/tracks/TrackRepository.java", """
                package com.acme.tracks;

                import static com.acme.db.Tables.*;
                import static org.jooq.impl.DSL.select;

                import java.util.List;
                import org.jooq.DSLContext;

                class TrackRepository {
                  private final DSLContext dsl;

                  TrackRepository(DSLContext dsl) { this.dsl = dsl; }

                  Object shared(long userId) {
                    return dsl.selectFrom(TRACKS)
                        .where(TRACKS.STATUS.eq("published"))
                        .and(TRACKS.TRACK_ID.in(select(TRACK_COLLABORATORS.TRACK_ID).from(TRACK_COLLABORATORS)
                            .where(TRACK_COLLABORATORS.COLLABORATOR_USER_ID.eq(userId))))
                        .fetch();
                  }

                  Object libraryFixed(long userId, List<Long> sharedIds) {
                    return dsl.selectFrom(TRACKS)
                        .where(TRACKS.OWNER_ID.eq(userId).or(TRACKS.TRACK_ID.in(sharedIds)))
                        .fetch();
                  }
                }
                """).expectNoFindings(2);
    }

    @Test
    void whereExistsOnTheParentKeyAndExistsInADynamicCondition() {
        LintTestHelper.forRule(ExistsWhereJoinFits.class).addSource("com/acme/tasks/TaskRunRepository.java", """
                package com.acme.tasks;

                import static com.acme.db.Tables.*;
                import static org.jooq.impl.DSL.*;

                import org.jooq.Condition;
                import org.jooq.DSLContext;

                class TaskRunRepository {
                  private final DSLContext dsl;

                  TaskRunRepository(DSLContext dsl) { this.dsl = dsl; }

                  int countInRuns(String state) {
                    return dsl.selectCount().from(TASK_RUN)
                        // BUG: ExistsWhereJoinFits at whereExists
                        .whereExists(selectOne().from(FLOW_RUN).where(FLOW_RUN.ID.eq(TASK_RUN.FLOW_RUN_ID)))
                        .and(TASK_RUN.STATE_TYPE.eq(state))
                        .fetchOne(0, int.class);
                  }

                  int countByFlow(String flowName, String state) {
                    Condition condition = TASK_RUN.DELETED.isFalse();
                    if (flowName != null) {
                      // BUG: ExistsWhereJoinFits at exists
                      condition = condition.and(exists(selectOne().from(FLOW_RUN)
                          .where(FLOW_RUN.ID.eq(TASK_RUN.FLOW_RUN_ID))
                          .and(exists(selectOne().from(FLOW).where(FLOW.ID.eq(FLOW_RUN.FLOW_ID)).and(FLOW.NAME.like(flowName))))));
                    }
                    if (state != null) {
                      condition = condition.and(TASK_RUN.STATE_TYPE.eq(state));
                    }
                    return dsl.fetchCount(selectOne().from(TASK_RUN).where(condition));
                  }
                }
                """).doTest();
    }

    @Test
    void existsOverToManyAndNotExistsAndTheJoinFixAreFine() {
        LintTestHelper.forRule(ExistsWhereJoinFits.class).addSource("com/acme/tasks/FlowRunRepository.java", """
                package com.acme.tasks;

                import static com.acme.db.Tables.*;
                import static org.jooq.impl.DSL.*;

                import org.jooq.DSLContext;

                class FlowRunRepository {
                  private final DSLContext dsl;

                  FlowRunRepository(DSLContext dsl) { this.dsl = dsl; }

                  void queries(String flowName) {
                    dsl.select(FLOW_RUN.ID).from(FLOW_RUN)
                        .whereExists(selectOne().from(TASK_RUN)
                            .where(TASK_RUN.FLOW_RUN_ID.eq(FLOW_RUN.ID)).and(TASK_RUN.STATE_TYPE.eq("FAILED")))
                        .fetch();
                    dsl.select(TASK_RUN.ID).from(TASK_RUN)
                        .whereNotExists(selectOne().from(FLOW_RUN).where(FLOW_RUN.ID.eq(TASK_RUN.FLOW_RUN_ID)))
                        .fetch();
                    dsl.selectCount().from(TASK_RUN)
                        .join(FLOW_RUN).on(FLOW_RUN.ID.eq(TASK_RUN.FLOW_RUN_ID))
                        .join(FLOW).on(FLOW.ID.eq(FLOW_RUN.FLOW_ID))
                        .where(FLOW.NAME.like(flowName))
                        .fetchOne(0, int.class);
                  }
                }
                """).expectNoFindings(3);
    }

    @Test
    void selectDistinctOverToManyJoinCountedByFetchCount() {
        LintTestHelper.forRule(DistinctOverFanOutJoin.class).addSource("com/acme/reviews/ReviewRequestRepository.java", """
                package com.acme.reviews;

                import static com.acme.db.Tables.REVIEW_REQUESTS;
                import static com.acme.db.Tables.REVIEW_REQUEST_TARGET_GROUPS;
                import static org.jooq.impl.DSL.selectDistinct;

                import java.util.Collection;
                import org.jooq.DSLContext;

                class ReviewRequestRepository {
                  private final DSLContext dsl;

                  ReviewRequestRepository(DSLContext dsl) { this.dsl = dsl; }

                  int countIncoming(Collection<Long> groupIds) {
                    // BUG: DistinctOverFanOutJoin at selectDistinct
                    return dsl.fetchCount(selectDistinct(REVIEW_REQUESTS.ID)
                        .from(REVIEW_REQUESTS)
                        .leftJoin(REVIEW_REQUEST_TARGET_GROUPS)
                        .on(REVIEW_REQUEST_TARGET_GROUPS.REVIEW_REQUEST_ID.eq(REVIEW_REQUESTS.ID))
                        .where(REVIEW_REQUEST_TARGET_GROUPS.GROUP_ID.in(groupIds)));
                  }
                }
                """).doTest();
    }

    @Test
    void countDistinctOverToManyJoinAndDistinctOverToOneJoin() {
        LintTestHelper.forRule(DistinctOverFanOutJoin.class).addSource("com/acme/reviews/ReviewStatsRepository.java", """
                package com.acme.reviews;

                import static com.acme.db.Tables.*;
                import static org.jooq.impl.DSL.countDistinct;

                import org.jooq.DSLContext;

                class ReviewStatsRepository {
                  private final DSLContext dsl;

                  ReviewStatsRepository(DSLContext dsl) { this.dsl = dsl; }

                  Object pendingFor(long groupId) {
                    // BUG: DistinctOverFanOutJoin at countDistinct
                    return dsl.select(countDistinct(REVIEW_REQUESTS.ID))
                        .from(REVIEW_REQUESTS)
                        .join(REVIEW_REQUEST_TARGET_GROUPS)
                        .on(REVIEW_REQUEST_TARGET_GROUPS.REVIEW_REQUEST_ID.eq(REVIEW_REQUESTS.ID))
                        .where(REVIEW_REQUEST_TARGET_GROUPS.GROUP_ID.eq(groupId))
                        .fetchOne();
                  }

                  Object submitterNames() {
                    return dsl.selectDistinct(USERS.USERNAME)
                        .from(REVIEW_REQUESTS)
                        .join(USERS).on(USERS.ID.eq(REVIEW_REQUESTS.SUBMITTER_ID))
                        .fetch();
                  }
                }
                """).doTest();
    }

    @Test
    void onKeyReadsTheForeignKeyFromTheMigrations() {
        LintTestHelper.forRule(DistinctOverFanOutJoin.class)
                .addResource("db/migration/V1__library.sql", """
                        CREATE TABLE author (id BIGINT PRIMARY KEY, name VARCHAR(100) NOT NULL);
                        CREATE TABLE book (
                          id BIGINT PRIMARY KEY,
                          written_by BIGINT NOT NULL,
                          title VARCHAR(200) NOT NULL,
                          CONSTRAINT fk_book_author FOREIGN KEY (written_by) REFERENCES author (id)
                        );
                        """)
                .addSource("com/acme/library/AuthorRepository.java", """
                        package com.acme.library;

                        import static com.acme.db.Tables.AUTHOR;
                        import static com.acme.db.Tables.BOOK;

                        import org.jooq.DSLContext;

                        class AuthorRepository {
                          private final DSLContext dsl;

                          AuthorRepository(DSLContext dsl) { this.dsl = dsl; }

                          Object authorsOf(String titlePattern) {
                            // BUG: DistinctOverFanOutJoin at selectDistinct
                            return dsl.selectDistinct(AUTHOR.ID, AUTHOR.NAME)
                                .from(AUTHOR)
                                .join(BOOK).onKey()
                                .where(BOOK.TITLE.like(titlePattern))
                                .fetch();
                          }

                          Object authorNamesOf(String titlePattern) {
                            // distinct names: two authors may share one, so DISTINCT has work of its own
                            return dsl.selectDistinct(AUTHOR.NAME).from(AUTHOR).join(BOOK).onKey()
                                .where(BOOK.TITLE.like(titlePattern)).fetch();
                          }

                          Object authorOfEachBook() {
                            return dsl.selectDistinct(AUTHOR.NAME).from(BOOK).join(AUTHOR).onKey().fetch();
                          }
                        }
                        """).doTest();
    }

    @Test
    void pinnedStatsRowJoinedOnlyForItsTimestamp() {
        LintTestHelper.forRule(JoinForScalarOnly.class).addSource("com/acme/topics/TopicTrackingRepository.java", """
                package com.acme.topics;

                import static com.acme.db.Tables.*;

                import java.util.List;
                import org.jooq.DSLContext;

                class TopicTrackingRepository {
                  private final DSLContext dsl;

                  TopicTrackingRepository(DSLContext dsl) { this.dsl = dsl; }

                  List<Long> unread(long userId) {
                    return dsl.select(TOPICS.ID)
                        .from(TOPICS)
                        // BUG: JoinForScalarOnly at join(
                        .join(USER_STATS).on(USER_STATS.USER_ID.eq(userId))
                        .where(TOPICS.UPDATED_AT.ge(USER_STATS.FIRST_UNREAD_AT))
                        .and(TOPICS.DELETED_AT.isNull())
                        .fetchInto(Long.class);
                  }

                  Object withStats(long userId) {
                    return dsl.select(TOPICS.ID, USER_STATS.TOPICS_ENTERED)
                        .from(TOPICS)
                        .join(USER_STATS).on(USER_STATS.USER_ID.eq(userId))
                        .where(TOPICS.UPDATED_AT.ge(USER_STATS.FIRST_UNREAD_AT))
                        .fetch();
                  }
                }
                """).doTest();
    }

    @Test
    void plainSqlEntryPointsGoThroughTheStringPipeline() {
        LintTestHelper.forAllRules().addSource("com/acme/reports/ReportRepository.java", """
                package com.acme.reports;

                import static com.acme.db.Tables.TRACKS;
                import static org.jooq.impl.DSL.condition;

                import org.jooq.DSLContext;

                class ReportRepository {
                  // BUG: DistinctOnHistoryScan at DISTINCT
                  private static final String RECENT = "SELECT DISTINCT ON (r.workflow_id) r.workflow_id, r.updated_at "
                      + "FROM saved_runs r WHERE r.workspace_id = ? ORDER BY r.workflow_id, r.updated_at DESC LIMIT 5";

                  private final DSLContext dsl;

                  ReportRepository(DSLContext dsl) { this.dsl = dsl; }

                  Object recent(long workspaceId) {
                    return dsl.fetch(RECENT, workspaceId);
                  }

                  Object library(long userId) {
                    return dsl.selectFrom(TRACKS)
                        // BUG: OrAcrossAccessPaths at OR
                        .where(condition("tracks.owner_id = {0} OR tracks.track_id IN (SELECT c.track_id FROM track_collaborators c WHERE c.collaborator_user_id = {0})", userId))
                        .fetch();
                  }

                  Object counts() {
                    return dsl.resultQuery("SELECT t.status, count(*) FROM tracks t GROUP BY t.status").fetch();
                  }
                }
                """).doTest();
    }

    @Test
    void aConditionFromAnotherClassIsReportedAtItsUse() {
        LintTestHelper.forRule(OrAcrossAccessPaths.class)
                .addSource("com/acme/tracks/TrackConditions.java", """
                        package com.acme.tracks;

                        import static com.acme.db.Tables.TRACKS;
                        import static com.acme.db.Tables.TRACK_COLLABORATORS;
                        import static org.jooq.impl.DSL.select;

                        import org.jooq.Condition;

                        final class TrackConditions {
                          static Condition visibleTo(long userId) {
                            return TRACKS.OWNER_ID.eq(userId).or(TRACKS.TRACK_ID.in(select(TRACK_COLLABORATORS.TRACK_ID)
                                .from(TRACK_COLLABORATORS).where(TRACK_COLLABORATORS.COLLABORATOR_USER_ID.eq(userId))));
                          }
                        }
                        """)
                .addSource("com/acme/tracks/TrackRepository.java", """
                        package com.acme.tracks;

                        import static com.acme.db.Tables.TRACKS;

                        import org.jooq.DSLContext;

                        class TrackRepository {
                          private final DSLContext dsl;

                          TrackRepository(DSLContext dsl) { this.dsl = dsl; }

                          Object library(long userId) {
                            // BUG: OrAcrossAccessPaths at visibleTo
                            return dsl.selectFrom(TRACKS).where(TrackConditions.visibleTo(userId)).fetch();
                          }
                        }
                        """).doTest();
    }

    @Test
    void suppressionsWorkOnJooqSites() {
        AnalysisResult r = LintTestHelper.forRule(OrAcrossAccessPaths.class).addSource("com/acme/tracks/TrackRepository.java", """
                package com.acme.tracks;

                import static com.acme.db.Tables.*;
                import static org.jooq.impl.DSL.select;

                import org.jooq.DSLContext;

                class TrackRepository {
                  private final DSLContext dsl;

                  TrackRepository(DSLContext dsl) { this.dsl = dsl; }

                  Object adminLibrary(long userId) {
                    return dsl.selectFrom(TRACKS).where(TRACKS.OWNER_ID.eq(userId))
                        // sqllint:ignore OrAcrossAccessPaths admin page, a few rows
                        .or(TRACKS.TRACK_ID.in(select(TRACK_COLLABORATORS.TRACK_ID).from(TRACK_COLLABORATORS)))
                        .fetch();
                  }

                  @SuppressWarnings("sqllint:OrAcrossAccessPaths")
                  Object exportLibrary(long userId) {
                    return dsl.selectFrom(TRACKS).where(TRACKS.OWNER_ID.eq(userId))
                        .or(TRACKS.TRACK_ID.in(select(TRACK_COLLABORATORS.TRACK_ID).from(TRACK_COLLABORATORS)))
                        .fetch();
                  }
                }
                """).run();
        assertEquals(List.of("// sqllint:ignore OrAcrossAccessPaths admin page, a few rows",
                        "@SuppressWarnings(\"sqllint:OrAcrossAccessPaths\")"),
                r.findings().stream().map(f -> f.suppressedBy()).toList());
    }

    @Test
    void theSameFindingsAsTheEquivalentHandWrittenSql() {
        AnalysisResult jooq = LintTestHelper.forAllRules().addSource("com/acme/IncidentRepository.java", """
                package com.acme;

                import static com.acme.db.Tables.*;
                import static org.jooq.impl.DSL.*;

                import java.util.List;
                import org.jooq.DSLContext;

                class IncidentRepository {
                  private final DSLContext dsl;

                  IncidentRepository(DSLContext dsl) { this.dsl = dsl; }

                  void all(long ws, long user, List<Long> groups) {
                    dsl.selectDistinct(SAVED_RUNS.PUBLISHED_RUN_ID, SAVED_RUNS.UPDATED_AT).on(SAVED_RUNS.PUBLISHED_RUN_ID)
                        .from(SAVED_RUNS).where(SAVED_RUNS.WORKSPACE_ID.eq(ws))
                        .orderBy(SAVED_RUNS.PUBLISHED_RUN_ID, SAVED_RUNS.UPDATED_AT.desc()).limit(4).fetch();
                    dsl.selectFrom(TRACKS).where(TRACKS.OWNER_ID.eq(user))
                        .or(TRACKS.TRACK_ID.in(select(TRACK_COLLABORATORS.TRACK_ID).from(TRACK_COLLABORATORS)
                            .where(TRACK_COLLABORATORS.COLLABORATOR_USER_ID.eq(user)))).fetch();
                    dsl.selectCount().from(TASK_RUN)
                        .whereExists(selectOne().from(FLOW_RUN).where(FLOW_RUN.ID.eq(TASK_RUN.FLOW_RUN_ID))).fetch();
                    dsl.fetchCount(selectDistinct(REVIEW_REQUESTS.ID).from(REVIEW_REQUESTS)
                        .leftJoin(REVIEW_REQUEST_TARGET_GROUPS).on(REVIEW_REQUEST_TARGET_GROUPS.REVIEW_REQUEST_ID.eq(REVIEW_REQUESTS.ID))
                        .where(REVIEW_REQUEST_TARGET_GROUPS.GROUP_ID.in(groups)));
                    dsl.select(TOPICS.ID).from(TOPICS).join(USER_STATS).on(USER_STATS.USER_ID.eq(user))
                        .where(TOPICS.UPDATED_AT.ge(USER_STATS.FIRST_UNREAD_AT)).fetch();
                  }
                }
                """).run();
        AnalysisResult jdbc = LintTestHelper.forAllRules().addSource("com/acme/IncidentDao.java", """
                package com.acme;

                import org.springframework.jdbc.core.JdbcTemplate;

                class IncidentDao {
                  private JdbcTemplate jdbc;

                  void all() {
                    jdbc.queryForList("SELECT DISTINCT ON (saved_runs.published_run_id) saved_runs.published_run_id, "
                        + "saved_runs.updated_at FROM saved_runs WHERE saved_runs.workspace_id = ? "
                        + "ORDER BY saved_runs.published_run_id, saved_runs.updated_at DESC LIMIT 4");
                    jdbc.queryForList("SELECT tracks.* FROM tracks WHERE tracks.owner_id = ? OR tracks.track_id IN "
                        + "(SELECT track_collaborators.track_id FROM track_collaborators "
                        + "WHERE track_collaborators.collaborator_user_id = ?)");
                    jdbc.queryForList("SELECT count(*) FROM task_run WHERE EXISTS "
                        + "(SELECT 1 FROM flow_run WHERE flow_run.id = task_run.flow_run_id)");
                    jdbc.queryForList("SELECT count(*) FROM (SELECT DISTINCT review_requests.id FROM review_requests "
                        + "LEFT JOIN review_request_target_groups "
                        + "ON review_request_target_groups.review_request_id = review_requests.id "
                        + "WHERE review_request_target_groups.group_id IN (?)) AS q");
                    jdbc.queryForList("SELECT topics.id FROM topics JOIN user_stats ON user_stats.user_id = ? "
                        + "WHERE topics.updated_at >= user_stats.first_unread_at");
                  }
                }
                """).run();
        assertEquals(5, jooq.findings().size());
        assertEquals(messages(jdbc), messages(jooq));
    }

    private static List<String> messages(AnalysisResult r) {
        return r.findings().stream().map(f -> f.rule() + ": " + f.message()).sorted().toList();
    }
}
