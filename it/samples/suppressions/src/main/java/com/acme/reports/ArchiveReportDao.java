package com.acme.reports;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/** The yearly archive export: runs offline against a replica, so none of its queries matters. */
@SuppressWarnings("sqllint")
public class ArchiveReportDao {

    private final JdbcTemplate jdbc;

    public ArchiveReportDao(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<Map<String, Object>> latestRunsOfArchivedWorkspace(long workspaceId) {
        return jdbc.queryForList("SELECT DISTINCT ON (r.published_run_id) r.published_run_id, r.updated_at "
                + "FROM saved_runs r WHERE r.workspace_id = ? ORDER BY r.published_run_id, r.updated_at DESC LIMIT 100",
                workspaceId);
    }
}
