package dev.sqllint.rules;

import dev.sqllint.testing.LintTestHelper;
import org.junit.jupiter.api.Test;

class DistinctOnHistoryScanTest {

    private final LintTestHelper helper = LintTestHelper.forRule(DistinctOnHistoryScan.class);

    @Test
    void latestRunPerWorkflowFromRunHistory() {
        helper.addSource("com/acme/RecentWorkflowDao.java", """
                package com.acme;
                import org.springframework.jdbc.core.JdbcTemplate;
                class RecentWorkflowDao {
                  private final JdbcTemplate jdbc;
                  RecentWorkflowDao(JdbcTemplate jdbc) { this.jdbc = jdbc; }
                  java.util.List<Long> recent(long workspaceId) {
                    return jdbc.queryForList(
                        // BUG: DistinctOnHistoryScan at DISTINCT
                        "SELECT DISTINCT ON (r.published_run_id) r.published_run_id, r.updated_at "
                        + "FROM saved_runs r WHERE r.workspace_id = ? "
                        + "ORDER BY r.published_run_id, r.updated_at DESC LIMIT 4", Long.class, workspaceId);
                  }
                }
                """).doTest();
    }

    @Test
    void historyRecognisedByTimestampOrderAndLimitOnWrappingSelect() {
        helper.addSource("com/acme/AuditDao.java", """
                package com.acme;
                import java.sql.Connection;
                class AuditDao {
                  void latest(Connection connection) throws Exception {
                    String sql = \"""
                        SELECT * FROM (
                          -- BUG: DistinctOnHistoryScan at DISTINCT
                          SELECT DISTINCT ON (d.document_id) d.document_id, d.edited_at
                          FROM document_edits d WHERE d.tenant_id = ?
                          ORDER BY d.document_id, d.edited_at DESC
                        ) latest ORDER BY latest.edited_at DESC LIMIT 10
                        \""";
                    connection.prepareStatement(sql);
                  }
                }
                """).doTest();
    }

    @Test
    void lookupTableWithoutTimeOrderIsFine() {
        helper.addSource("com/acme/CurrencyDao.java", """
                package com.acme;
                import org.springframework.jdbc.core.JdbcTemplate;
                class CurrencyDao {
                  JdbcTemplate jdbc;
                  Object preferred() {
                    return jdbc.queryForList("SELECT DISTINCT ON (c.country_code) c.country_code, c.code "
                        + "FROM currencies c ORDER BY c.country_code, c.priority LIMIT 50");
                  }
                }
                """).expectNoFindings(1);
    }

    @Test
    void withoutLimitTheWholeResultIsWantedAndDistinctOnKeyIsPointless() {
        helper.addSource("com/acme/RunDao.java", """
                package com.acme;
                import org.springframework.jdbc.core.JdbcTemplate;
                class RunDao {
                  JdbcTemplate jdbc;
                  Object all() {
                    jdbc.queryForList("SELECT DISTINCT ON (r.workflow_id) r.workflow_id, r.updated_at FROM saved_runs r "
                        + "WHERE r.workspace_id = ? ORDER BY r.workflow_id, r.updated_at DESC");
                    return jdbc.queryForList("SELECT DISTINCT ON (r.id) r.id FROM saved_runs r ORDER BY r.id, r.updated_at DESC LIMIT 5");
                  }
                }
                """).expectNoFindings(2);
    }

    @Test
    void fixedQueryOnLastUsedTableIsFine() {
        helper.addSource("com/acme/RecentWorkflowDao.java", """
                package com.acme;
                import org.springframework.jdbc.core.JdbcTemplate;
                class RecentWorkflowDao {
                  JdbcTemplate jdbc;
                  Object recent(long ws) {
                    return jdbc.queryForList("SELECT w.published_run_id FROM workspace_recent_workflows w "
                        + "WHERE w.workspace_id = ? ORDER BY w.last_used_at DESC LIMIT 4", ws);
                  }
                }
                """).expectNoFindings(1);
    }
}
