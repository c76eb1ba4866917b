package com.acme.runs;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

class SavedRunDao {
    private static final String RECENT = "SELECT DISTINCT ON (r.published_run_id) r.published_run_id, r.updated_at "
            + "FROM saved_runs r WHERE r.workspace_id = ? ";
    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    SavedRunDao(JdbcTemplate jdbc, NamedParameterJdbcTemplate named) {
        this.jdbc = jdbc;
        this.named = named;
    }

    List<Map<String, Object>> recent(long workspaceId, int limit) {
        return jdbc.queryForList(RECENT + "ORDER BY r.published_run_id, r.updated_at DESC LIMIT " + limit, workspaceId);
    }

    List<Map<String, Object>> search(String status, boolean mine, String sort) {
        StringBuilder sql = new StringBuilder("SELECT t.* FROM tracks t WHERE t.status = :status");
        if (mine) {
            sql.append(" AND (t.owner_id = :user OR t.track_id IN (SELECT c.track_id FROM track_collaborators c")
               .append(" WHERE c.collaborator_user_id = :user))");
        }
        sql.append(" ORDER BY ").append(sort == null ? "t.created_at" : sort);
        return named.queryForList(sql.toString(), Map.of("status", status));
    }

    int count(boolean failedOnly) {
        String sql = "SELECT count(*) FROM task_run tr WHERE EXISTS (SELECT 1 FROM flow_run fr WHERE fr.id = tr.flow_run_id"
                + (failedOnly ? " AND fr.state = 'FAILED')" : ")");
        return jdbc.queryForObject(sql, Integer.class);
    }

    List<Map<String, Object>> unread(long userId) {
        return jdbc.queryForList("""
                SELECT t.id, t.updated_at FROM topics t
                JOIN user_stats us ON us.user_id = ?
                WHERE t.updated_at >= us.first_unread_at \
                AND t.deleted_at IS NULL
                """, userId);
    }
}
