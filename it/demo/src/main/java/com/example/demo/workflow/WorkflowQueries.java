package com.example.demo.workflow;

/**
 * SQL used by the workflow picker: the "recently used workflows" strip shown on a workspace home page.
 */
public final class WorkflowQueries {

    /**
     * The four most recently saved published workflows of a workspace, derived from the run history.
     */
    public static final String RECENT_WORKFLOWS = """
            SELECT DISTINCT ON (r.published_run_id) r.published_run_id, r.updated_at
            FROM saved_runs r
            WHERE r.workspace_id = ?
            ORDER BY r.published_run_id, r.updated_at DESC
            LIMIT 4
            """;

    /**
     * The four most recently used published workflows of a workspace, read from the per-workspace
     * summary table that {@link #TOUCH_RECENT_WORKFLOW} keeps up to date.
     */
    public static final String RECENT_WORKFLOWS_V2 = """
            SELECT w.published_run_id, w.last_used_at
            FROM workspace_recent_workflows w
            WHERE w.workspace_id = ?
            ORDER BY w.last_used_at DESC
            LIMIT 4
            """;

    /** Records that a published workflow was just used in a workspace. */
    public static final String TOUCH_RECENT_WORKFLOW = """
            INSERT INTO workspace_recent_workflows (workspace_id, published_run_id, last_used_at)
            VALUES (?, ?, now())
            ON CONFLICT (workspace_id, published_run_id) DO UPDATE SET last_used_at = excluded.last_used_at
            """;

    /** Stores one saved run of a published workflow. */
    public static final String INSERT_SAVED_RUN = """
            INSERT INTO saved_runs (workspace_id, published_run_id, payload, updated_at)
            VALUES (?, ?, ?, now())
            """;

    private WorkflowQueries() {
    }
}
