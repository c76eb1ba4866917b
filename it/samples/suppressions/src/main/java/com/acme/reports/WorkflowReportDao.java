package com.acme.reports;

import com.acme.reports.sql.ReportSql;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/** The workflow pages of the admin console. */
public class WorkflowReportDao {

    private final JdbcTemplate jdbc;
    private final List<Map<String, Object>> visibleAtStartup;

    @SuppressWarnings({"unchecked", "sqllint:OrAcrossAccessPaths"})
    public WorkflowReportDao(JdbcTemplate jdbc, long adminId) {
        this.jdbc = jdbc;
        this.visibleAtStartup = jdbc.queryForList("SELECT t.* FROM tracks t WHERE t.owner_id = ? OR t.track_id IN "
                + "(SELECT c.track_id FROM track_collaborators c WHERE c.user_id = ?)", adminId, adminId);
    }

    /** Suppressed on the constant itself, in ReportSql. */
    public List<Map<String, Object>> latestRuns(long workspaceId) {
        return jdbc.queryForList(ReportSql.LATEST_RUNS, workspaceId);
    }

    @SuppressWarnings("sqllint:DistinctOnHistoryScan")
    public List<Map<String, Object>> latestRunsForSupport(long workspaceId) {
        return jdbc.queryForList("SELECT DISTINCT ON (r.published_run_id) r.published_run_id, r.updated_at "
                + "FROM saved_runs r WHERE r.workspace_id = ? ORDER BY r.published_run_id, r.updated_at DESC LIMIT 10",
                workspaceId);
    }

    public int latestRunCount(long workspaceId) {
        @SuppressWarnings("sqllint")
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT DISTINCT ON (r.published_run_id) r.published_run_id, "
                + "r.updated_at FROM saved_runs r WHERE r.workspace_id = ? ORDER BY r.published_run_id, r.updated_at DESC LIMIT 20",
                workspaceId);
        return rows.size();
    }
}
