package dev.sqllint.rules;

import dev.sqllint.testing.LintTestHelper;
import org.junit.jupiter.api.Test;

class DistinctOnHistoryScanTest {

    private final LintTestHelper helper = LintTestHelper.forRule(DistinctOnHistoryScan.class);

    @Test
    void latestRunPerWorkflowFromRunHistory() {
        helper.addSourceLines("com/acme/RecentWorkflowDao.java",
                "package com.acme;",
                "import org.springframework.jdbc.core.JdbcTemplate;",
                "class RecentWorkflowDao {",
                "  private final JdbcTemplate jdbc;",
                "  RecentWorkflowDao(JdbcTemplate jdbc) { this.jdbc = jdbc; }",
                "  java.util.List<Long> recent(long workspaceId) {",
                "    return jdbc.queryForList(",
                "        // BUG: DistinctOnHistoryScan at DISTINCT",
                "        \"SELECT DISTINCT ON (r.published_run_id) r.published_run_id, r.updated_at \"",
                "        + \"FROM saved_runs r WHERE r.workspace_id = ? \"",
                "        + \"ORDER BY r.published_run_id, r.updated_at DESC LIMIT 4\", Long.class, workspaceId);",
                "  }",
                "}")
                .doTest();
    }
}
