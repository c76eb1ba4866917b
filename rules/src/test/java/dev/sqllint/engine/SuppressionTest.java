package dev.sqllint.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqllint.report.ConsoleReport;
import dev.sqllint.testing.LintTestHelper;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code @SuppressWarnings("sqllint…")} and {@code // sqllint:ignore}: a suppressed finding stays in the
 * result, marked with how the code suppressed it, and is counted in the summary.
 */
class SuppressionTest {

    /** DistinctOnHistoryScan, at DISTINCT. */
    private static final String LATEST_RUNS = "\"SELECT DISTINCT ON (r.published_run_id) r.published_run_id, r.updated_at \"\n"
            + "        + \"FROM saved_runs r WHERE r.workspace_id = ? ORDER BY r.published_run_id, r.updated_at DESC LIMIT 4\"";

    /** OrAcrossAccessPaths, at OR. */
    private static final String VISIBLE_TRACKS = "\"SELECT t.* FROM tracks t WHERE t.owner_id = ? OR t.track_id IN \"\n"
            + "        + \"(SELECT c.track_id FROM track_collaborators c WHERE c.user_id = ?)\"";

    private final LintTestHelper helper = LintTestHelper.forAllRules();

    @Test
    void sqllintOnTheClassSuppressesEveryRuleInIt() {
        helper.addSource("com/acme/ReportDao.java", """
                package com.acme;
                import org.springframework.jdbc.core.JdbcTemplate;
                @SuppressWarnings("sqllint")
                class ReportDao {
                  JdbcTemplate jdbc;
                  Object latest() {
                    return jdbc.queryForList(
                        // BUG: DistinctOnHistoryScan at DISTINCT
                        %s);
                  }
                  Object visible() {
                    return jdbc.queryForList(
                        // BUG: OrAcrossAccessPaths at OR
                        %s);
                  }
                }
                """.formatted(LATEST_RUNS, VISIBLE_TRACKS));
        AnalysisResult r = helper.doTest();
        assertEquals(List.of(
                "DistinctOnHistoryScan suppressed by @SuppressWarnings(\"sqllint\")",
                "OrAcrossAccessPaths suppressed by @SuppressWarnings(\"sqllint\")"), outcomes(r));
    }

    @Test
    void ruleNamedOnTheMethodSuppressesThatRuleThereOnly() {
        helper.addSource("com/acme/ReportDao.java", """
                package com.acme;
                import org.springframework.jdbc.core.JdbcTemplate;
                class ReportDao {
                  JdbcTemplate jdbc;
                  @SuppressWarnings("sqllint:DistinctOnHistoryScan")
                  Object latestForTheAdminPage() {
                    return jdbc.queryForList(
                        // BUG: DistinctOnHistoryScan at DISTINCT
                        %s);
                  }
                  Object latest() {
                    return jdbc.queryForList(
                        // BUG: DistinctOnHistoryScan at DISTINCT
                        %s);
                  }
                }
                """.formatted(LATEST_RUNS, LATEST_RUNS));
        assertEquals(List.of(
                "DistinctOnHistoryScan suppressed by @SuppressWarnings(\"sqllint:DistinctOnHistoryScan\")",
                "DistinctOnHistoryScan reported"), outcomes(helper.doTest()));
    }

    @Test
    void anotherRuleNamedSuppressesNothing() {
        helper.addSource("com/acme/TrackDao.java", """
                package com.acme;
                import org.springframework.jdbc.core.JdbcTemplate;
                class TrackDao {
                  JdbcTemplate jdbc;
                  @SuppressWarnings("sqllint:DistinctOnHistoryScan")
                  Object visible() {
                    return jdbc.queryForList(
                        // BUG: OrAcrossAccessPaths at OR
                        %s);
                  }
                }
                """.formatted(VISIBLE_TRACKS));
        assertEquals(List.of("OrAcrossAccessPaths reported"), outcomes(helper.doTest()));
    }

    @Test
    void ruleInAnArrayOnTheConstructorAlongsideJavacWarnings() {
        helper.addSource("com/acme/TrackCache.java", """
                package com.acme;
                import java.util.List;
                import org.springframework.jdbc.core.JdbcTemplate;
                class TrackCache {
                  final List<?> visible;
                  @SuppressWarnings({"unchecked", "sqllint:OrAcrossAccessPaths"})
                  TrackCache(JdbcTemplate jdbc) {
                    visible = jdbc.queryForList(
                        // BUG: OrAcrossAccessPaths at OR
                        %s);
                  }
                }
                """.formatted(VISIBLE_TRACKS));
        assertEquals(List.of("OrAcrossAccessPaths suppressed by @SuppressWarnings(\"sqllint:OrAcrossAccessPaths\")"),
                outcomes(helper.doTest()));
    }

    @Test
    void onAFieldWhoseInitializerRunsTheQuery() {
        helper.addSource("com/acme/TrackQueries.java", """
                package com.acme;
                import java.util.function.Supplier;
                import org.springframework.jdbc.core.JdbcTemplate;
                class TrackQueries {
                  JdbcTemplate jdbc;
                  @SuppressWarnings(value = "sqllint")
                  final Supplier<Object> visible = () -> jdbc.queryForList(
                      // BUG: OrAcrossAccessPaths at OR
                      %s);
                }
                """.formatted(VISIBLE_TRACKS));
        assertEquals(List.of("OrAcrossAccessPaths suppressed by @SuppressWarnings(\"sqllint\")"), outcomes(helper.doTest()));
    }

    @Test
    void onALocalVariableThatHoldsTheResultOrTheSql() {
        helper.addSource("com/acme/ReportDao.java", """
                package com.acme;
                import java.util.List;
                import org.springframework.jdbc.core.JdbcTemplate;
                class ReportDao {
                  JdbcTemplate jdbc;
                  void report() {
                    @SuppressWarnings("sqllint:DistinctOnHistoryScan")
                    List<?> latest = jdbc.queryForList(
                        // BUG: DistinctOnHistoryScan at DISTINCT
                        %s);
                    @SuppressWarnings("sqllint:OrAcrossAccessPaths")
                    String visibleSql =
                        // BUG: OrAcrossAccessPaths at OR
                        %s;
                    jdbc.queryForList(visibleSql, 1L, 1L);
                  }
                }
                """.formatted(LATEST_RUNS, VISIBLE_TRACKS));
        assertEquals(List.of(
                "DistinctOnHistoryScan suppressed by @SuppressWarnings(\"sqllint:DistinctOnHistoryScan\")",
                "OrAcrossAccessPaths suppressed by @SuppressWarnings(\"sqllint:OrAcrossAccessPaths\")"),
                outcomes(helper.doTest()));
    }

    @Test
    void onTheConstantWhoseSqlIsReportedInTheSameClass() {
        helper.addSource("com/acme/ReportDao.java", """
                package com.acme;
                import org.springframework.jdbc.core.JdbcTemplate;
                class ReportDao {
                  @SuppressWarnings("sqllint:DistinctOnHistoryScan")
                  static final String LATEST =
                      // BUG: DistinctOnHistoryScan at DISTINCT
                      %s;
                  static final String VISIBLE =
                      // BUG: OrAcrossAccessPaths at OR
                      %s;
                  JdbcTemplate jdbc;
                  void report() {
                    jdbc.queryForList(LATEST, 1L);
                    jdbc.queryForList(VISIBLE, 1L, 1L);
                  }
                }
                """.formatted(LATEST_RUNS, VISIBLE_TRACKS));
        assertEquals(List.of(
                "DistinctOnHistoryScan suppressed by @SuppressWarnings(\"sqllint:DistinctOnHistoryScan\")",
                "OrAcrossAccessPaths reported"), outcomes(helper.doTest()));
    }

    @Test
    void onTheConstantOfAnotherClassReportedAtTheCall() {
        helper.addSource("com/acme/sql/ReportSql.java", """
                package com.acme.sql;
                public final class ReportSql {
                  @SuppressWarnings("sqllint")
                  public static final String LATEST = %s;
                  public static final String VISIBLE = %s;
                }
                """.formatted(LATEST_RUNS, VISIBLE_TRACKS));
        helper.addSource("com/acme/ReportDao.java", """
                package com.acme;
                import com.acme.sql.ReportSql;
                import org.springframework.jdbc.core.JdbcTemplate;
                class ReportDao {
                  JdbcTemplate jdbc;
                  void report() {
                    // BUG: DistinctOnHistoryScan
                    jdbc.queryForList(ReportSql.LATEST, 1L);
                    // BUG: OrAcrossAccessPaths
                    jdbc.queryForList(ReportSql.VISIBLE, 1L, 1L);
                  }
                }
                """);
        assertEquals(List.of(
                "DistinctOnHistoryScan suppressed by @SuppressWarnings(\"sqllint\")",
                "OrAcrossAccessPaths reported"), outcomes(helper.doTest()));
    }

    @Test
    void onTheConstantTheCallNamesWhenItIsBuiltFromAnother() {
        helper.addSource("com/acme/ReportDao.java", """
                package com.acme;
                import org.springframework.jdbc.core.JdbcTemplate;
                class ReportDao {
                  static final String BASE =
                      // BUG: DistinctOnHistoryScan at DISTINCT
                      "SELECT DISTINCT ON (r.published_run_id) r.published_run_id, r.updated_at FROM saved_runs r ";
                  @SuppressWarnings("sqllint:DistinctOnHistoryScan")
                  static final String LATEST = BASE
                      + "WHERE r.workspace_id = ? ORDER BY r.published_run_id, r.updated_at DESC LIMIT 4";
                  JdbcTemplate jdbc;
                  void report() {
                    jdbc.queryForList(LATEST, 1L);
                  }
                }
                """);
        assertEquals(List.of("DistinctOnHistoryScan suppressed by @SuppressWarnings(\"sqllint:DistinctOnHistoryScan\")"),
                outcomes(helper.doTest()));
    }

    @Test
    void ignoreCommentOnTheFindingsLine() {
        helper.addSource("com/acme/ReportDao.java", """
                package com.acme;
                import org.springframework.jdbc.core.JdbcTemplate;
                class ReportDao {
                  JdbcTemplate jdbc;
                  Object latest() {
                    return jdbc.queryForList(
                        "SELECT DISTINCT ON (r.published_run_id) r.published_run_id, r.updated_at " // sqllint:ignore DistinctOnHistoryScan admin page, 20 rows
                        + "FROM saved_runs r WHERE r.workspace_id = ? ORDER BY r.published_run_id, r.updated_at DESC LIMIT 4");
                  }
                }
                """);
        AnalysisResult r = helper.run();
        assertEquals(List.of("DistinctOnHistoryScan suppressed by // sqllint:ignore DistinctOnHistoryScan admin page, 20 rows"),
                outcomes(r));
        assertEquals(7, r.findings().get(0).line());
    }

    @Test
    void ignoreCommentOnTheLineAboveForEveryRule() {
        helper.addSource("com/acme/TrackDao.java", """
                package com.acme;
                import org.springframework.jdbc.core.JdbcTemplate;
                class TrackDao {
                  JdbcTemplate jdbc;
                  Object visible() {
                    return jdbc.queryForList("SELECT t.* FROM tracks t "
                        // sqllint:ignore
                        + "WHERE t.owner_id = ? OR t.track_id IN (SELECT c.track_id FROM track_collaborators c WHERE c.user_id = ?)");
                  }
                }
                """);
        assertEquals(List.of("OrAcrossAccessPaths suppressed by // sqllint:ignore"), outcomes(helper.run()));
    }

    @Test
    void ignoreCommentAboveTheCallCoversATextBlock() {
        helper.addSource("com/acme/ReportDao.java", """
                package com.acme;
                import org.springframework.jdbc.core.JdbcTemplate;
                class ReportDao {
                  JdbcTemplate jdbc;
                  Object latest() {
                    /* sqllint:ignore DistinctOnHistoryScan: bounded by LIMIT 4 on a small tenant */
                    return jdbc.queryForList(\"""
                        SELECT DISTINCT ON (r.published_run_id) r.published_run_id, r.updated_at
                        FROM saved_runs r WHERE r.workspace_id = ?
                        ORDER BY r.published_run_id, r.updated_at DESC LIMIT 4
                        \""");
                  }
                }
                """);
        AnalysisResult r = helper.run();
        assertEquals(List.of("DistinctOnHistoryScan suppressed by /* sqllint:ignore DistinctOnHistoryScan: "
                + "bounded by LIMIT 4 on a small tenant */"), outcomes(r));
        assertEquals("bounded by LIMIT 4 on a small tenant",
                dev.sqllint.extract.IgnoreComment.reasonOf(r.findings().get(0).suppressedBy()).orElseThrow());
    }

    @Test
    void ignoreCommentAboveTheStatementCoversTheSqlOnTheLinesBelow() {
        helper.addSource("com/acme/TrackDao.java", """
                package com.acme;
                import java.util.List;
                import org.springframework.jdbc.core.JdbcTemplate;
                class TrackDao {
                  JdbcTemplate jdbc;
                  Object visible() {
                    // sqllint:ignore OrAcrossAccessPaths owner and collaborator lists are tiny here
                    return jdbc.queryForList(
                        "SELECT t.* FROM tracks t WHERE t.owner_id = ? "
                        + "OR t.track_id IN (SELECT c.track_id FROM track_collaborators c WHERE c.user_id = ?)",
                        1, 2);
                  }
                  void latest() {
                    // sqllint:ignore DistinctOnHistoryScan admin page, 20 rows
                    List<?> rows = jdbc.queryForList(
                        "SELECT DISTINCT ON (r.published_run_id) r.published_run_id, r.updated_at "
                        + "FROM saved_runs r WHERE r.workspace_id = ? ORDER BY r.published_run_id, r.updated_at DESC LIMIT 4",
                        1);
                  }
                }
                """);
        assertEquals(List.of(
                "OrAcrossAccessPaths suppressed by // sqllint:ignore OrAcrossAccessPaths owner and collaborator lists are tiny here",
                "DistinctOnHistoryScan suppressed by // sqllint:ignore DistinctOnHistoryScan admin page, 20 rows"),
                outcomes(helper.run()));
    }

    @Test
    void ignoreCommentAboveABlockDoesNotSilenceWhatIsInside() {
        helper.addSource("com/acme/TrackDao.java", """
                package com.acme;
                import org.springframework.jdbc.core.JdbcTemplate;
                class TrackDao {
                  JdbcTemplate jdbc;
                  Object visible(boolean all) {
                    // sqllint:ignore OrAcrossAccessPaths a comment above an if is not one above its body
                    if (all) {
                      return jdbc.queryForList(
                          "SELECT t.* FROM tracks t WHERE t.owner_id = ? "
                          + "OR t.track_id IN (SELECT c.track_id FROM track_collaborators c WHERE c.user_id = ?)");
                    }
                    return null;
                  }
                }
                """);
        assertEquals(List.of("OrAcrossAccessPaths reported"), outcomes(helper.run()));
    }

    @Test
    void ignoreCommentNamingAnotherRuleOrTooFarAwaySuppressesNothing() {
        helper.addSource("com/acme/TrackDao.java", """
                package com.acme;
                import org.springframework.jdbc.core.JdbcTemplate;
                class TrackDao {
                  JdbcTemplate jdbc;
                  Object visible() {
                    // sqllint:ignore DistinctOnHistoryScan
                    return jdbc.queryForList("SELECT t.* FROM tracks t WHERE t.owner_id = ? OR t.track_id IN "
                        + "(SELECT c.track_id FROM track_collaborators c WHERE c.user_id = ?)");
                  }
                  Object again() {
                    // sqllint:ignore OrAcrossAccessPaths two lines above the call is too far

                    return jdbc.queryForList("SELECT t.* FROM tracks t WHERE t.owner_id = ? OR t.track_id IN "
                        + "(SELECT c.track_id FROM track_collaborators c WHERE c.user_id = ?)");
                  }
                  Object misspelt() {
                    // sqllint:ignore OrAccrossAccessPaths a typo ignores nothing, not everything
                    return jdbc.queryForList("SELECT t.* FROM tracks t WHERE t.owner_id = ? OR t.track_id IN "
                        + "(SELECT c.track_id FROM track_collaborators c WHERE c.user_id = ?)");
                  }
                }
                """);
        assertEquals(List.of("OrAcrossAccessPaths reported", "OrAcrossAccessPaths reported", "OrAcrossAccessPaths reported"),
                outcomes(helper.run()));
    }

    @Test
    void suppressedFindingsAreCountedInTheSummary() {
        helper.addSource("com/acme/ReportDao.java", """
                package com.acme;
                import org.springframework.jdbc.core.JdbcTemplate;
                class ReportDao {
                  JdbcTemplate jdbc;
                  @SuppressWarnings("sqllint")
                  Object latest() {
                    return jdbc.queryForList(%s);
                  }
                  Object visible() {
                    // sqllint:ignore OrAcrossAccessPaths owner and collaborator lists are tiny here
                    return jdbc.queryForList(%s);
                  }
                  Object visibleAgain() {
                    return jdbc.queryForList(%s);
                  }
                }
                """.formatted(LATEST_RUNS, VISIBLE_TRACKS, VISIBLE_TRACKS));
        AnalysisResult r = helper.run();
        assertEquals(3, r.findings().size());
        assertEquals(2, r.findings().stream().filter(Finding::isSuppressed).count());
        List<String> summary = ConsoleReport.summary(r);
        assertTrue(summary.get(0).contains("3 findings"), summary.get(0));
        assertTrue(summary.contains("sqllint: 2 suppressed in the code (@SuppressWarnings, // sqllint:ignore), 1 not suppressed"),
                summary.toString());
    }

    @Test
    void withoutSuppressionsTheSummaryHasNoSuppressionLine() {
        helper.addSource("com/acme/TrackDao.java", """
                package com.acme;
                import org.springframework.jdbc.core.JdbcTemplate;
                class TrackDao {
                  JdbcTemplate jdbc;
                  @SuppressWarnings("unchecked")
                  Object visible() {
                    return jdbc.queryForList(%s);
                  }
                }
                """.formatted(VISIBLE_TRACKS));
        AnalysisResult r = helper.run();
        assertEquals(List.of("OrAcrossAccessPaths reported"), outcomes(r));
        assertTrue(ConsoleReport.summary(r).stream().noneMatch(l -> l.contains("suppressed")));
    }

    private static List<String> outcomes(AnalysisResult r) {
        return r.findings().stream()
                .map(f -> f.rule() + (f.isSuppressed() ? " suppressed by " + f.suppressedBy() : " reported"))
                .toList();
    }
}
