package com.acme.home;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/** The cards of the home page. */
public class HomePageDao {

    private final JdbcTemplate jdbc;

    public HomePageDao(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The four most recently used workflows. */
    public List<Map<String, Object>> recentWorkflows(long workspaceId) {
        return jdbc.queryForList("SELECT DISTINCT ON (r.published_run_id) r.published_run_id, r.updated_at "
                + "FROM saved_runs r WHERE r.workspace_id = ? ORDER BY r.published_run_id, r.updated_at DESC LIMIT 4",
                workspaceId);
    }

    /** Tracks the user owns or collaborates on. */
    public List<Map<String, Object>> visibleTracks(long userId) {
        return jdbc.queryForList("SELECT t.* FROM tracks t WHERE t.owner_id = ? OR t.track_id IN "
                + "(SELECT c.track_id FROM track_collaborators c WHERE c.user_id = ?)", userId, userId);
    }

    /** Topics with posts the user has not read. */
    public List<Long> unreadTopics(long userId) {
        return jdbc.queryForList("SELECT t.id FROM topics t JOIN user_stats us ON us.user_id = ? "
                + "WHERE t.updated_at >= us.first_unread_at", Long.class, userId);
    }
}
