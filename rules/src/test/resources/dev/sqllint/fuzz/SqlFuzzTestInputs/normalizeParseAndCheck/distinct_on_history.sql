SELECT DISTINCT ON (r.published_run_id) r.published_run_id, r.id, r.updated_at
FROM saved_runs r
WHERE r.workspace_id = :workspaceId AND r.published_run_id IS NOT NULL
ORDER BY r.published_run_id, r.updated_at DESC
LIMIT 4
