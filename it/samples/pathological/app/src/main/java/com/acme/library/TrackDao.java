package com.acme.library;

import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

/** The plain file among the pathological ones: its finding must not move because of its neighbours. */
public class TrackDao {

    private final JdbcTemplate jdbc;

    public TrackDao(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Tracks a user owns or collaborates on. */
    public List<Map<String, Object>> visibleTracks(long userId) {
        return jdbc.queryForList("SELECT t.* FROM tracks t WHERE t.owner_id = ? OR t.track_id IN "
                + "(SELECT c.track_id FROM track_collaborators c WHERE c.user_id = ?)", userId, userId);
    }
}
