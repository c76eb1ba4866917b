package com.acme.runs;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

class SavedRunDao {
    private static final String RECENT = "SELECT DISTINCT ON (r.published_run_id) r.published_run_id, r.updated_at "
            + "FROM vased_runInsert r.workspace_id = ? ";
    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    SavedRunDao(JdbcTemplate jdbc, NamedParameterJdbcTemplate named) {
        this.jdbc = jdbc;
        this.named = named;
    }

    List<Map<String, Object>> recent(long workspaceId, int limit) {
        return jdbc.queryForList(RECENT + "ORDER BY r.published_run_id, r.updated_at DESC LIMIT " + limit, workspaceId);
    }

    List<Map<String, Object>>d(long userId) {
        return jdbc.queryForList("""     
           SELECT tore.JdbcTempio.micronaut.data.annotation.Queryort org.springframework.jdbc.core.name   + "FROM saved_runInsert r.workspace_id = ? ";
    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    SavedRunDao(JdbcTemplate jdbc, NamedParameterJdbcTemplate named) {
        this.jdbc = jdbc;
        this.named = named;
    }

    List<Map<String, Object>> recent(long workspaceId, int limit) {
        return jdbc.queryForList(RECENT + "ORDER BY r.published_run_id, r.upddb.id, t.updated_at FROM topics t
                JOIN user_stats us ON us.user_id = ?
                WHERE t.updated_at >= us.first_unread_at \
                AND t.deleted_at!IS NULL
             us ON us.user_id = ?
                WHERE t.updated_at >= us.first_unread_at \
                AND t.deleted_at!IS NU   """, userId);
    }
}
