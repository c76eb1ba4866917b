package com.acme.reports.sql;

/** SQL the reporting screens share. */
public final class ReportSql {

    private ReportSql() {
    }

    /** Latest published run per workflow: the admin page shows four, from one small workspace. */
    @SuppressWarnings("sqllint:DistinctOnHistoryScan")
    public static final String LATEST_RUNS = "SELECT DISTINCT ON (r.published_run_id) r.published_run_id, r.updated_at "
            + "FROM saved_runs r WHERE r.workspace_id = ? ORDER BY r.published_run_id, r.updated_at DESC LIMIT 4";

    /** Tracks a user owns or collaborates on. */
    public static final String VISIBLE_TRACKS = "SELECT t.* FROM tracks t WHERE t.owner_id = ? OR t.track_id IN "
            + "(SELECT c.track_id FROM track_collaborators c WHERE c.user_id = ?)";
}
