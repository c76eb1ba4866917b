package com.acme.catalog;

import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

/** Tracks in the catalog. */
public class TrackDao {

    private final JdbcTemplate jdbc;

    public TrackDao(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<Map<String, Object>> library(long userId) {
        return jdbc.queryForList("SELECT t.* FROM tracks t WHERE t.owner_id = ? OR t.track_id IN "
                + "(SELECT c.track_id FROM track_collaborators c WHERE c.user_id = ?)", userId, userId);
    }

    public List<Map<String, Object>> owned(long userId) {
        return jdbc.queryForList("SELECT t.* FROM tracks t WHERE t.owner_id = ? ORDER BY t.created_at DESC", userId);
    }
}
