package com.example.demo.workflow;

import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads and maintains the recently used workflows of a workspace.
 */
@Repository
public class RecentWorkflowDao {

    private final JdbcTemplate jdbcTemplate;

    private final RowMapper<RecentWorkflow> rowMapper = (rs, rowNum) -> new RecentWorkflow(
            rs.getLong(1),
            rs.getObject(2, OffsetDateTime.class));

    public RecentWorkflowDao(JdbcTemplate jdbcTemplate) {
        this.jdbcTemplate = jdbcTemplate;
    }

    /**
     * The four workflows a workspace saved most recently, computed from the full run history.
     */
    public List<RecentWorkflow> recentWorkflows(long workspaceId) {
        return jdbcTemplate.query(WorkflowQueries.RECENT_WORKFLOWS, rowMapper, workspaceId);
    }

    /**
     * Fix for {@link #recentWorkflows(long)}: reads at most four rows of the
     * {@code workspace_recent_workflows} summary, which {@link #saveRun} maintains on every save.
     */
    public List<RecentWorkflow> recentWorkflowsFixed(long workspaceId) {
        return jdbcTemplate.query(WorkflowQueries.RECENT_WORKFLOWS_V2, rowMapper, workspaceId);
    }

    /**
     * Saves a run of a published workflow and marks that workflow as recently used.
     */
    @Transactional
    public void saveRun(long workspaceId, long publishedRunId, String payload) {
        jdbcTemplate.update(WorkflowQueries.INSERT_SAVED_RUN, workspaceId, publishedRunId, payload);
        jdbcTemplate.update(WorkflowQueries.TOUCH_RECENT_WORKFLOW, workspaceId, publishedRunId);
    }

    /**
     * Renames a saved run; the recent-workflows summary is unaffected.
     */
    public int renameRun(long runId, String name) {
        return jdbcTemplate.update("UPDATE saved_runs SET name = ?, updated_at = now() WHERE id = ?", name, runId);
    }
}
