package com.acme.catalog;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/** Tracks a user can open in the catalog. */
public class TrackDao {

    private static final Logger log = LoggerFactory.getLogger(TrackDao.class);

    private final JdbcTemplate jdbcTemplate;

    public TrackDao(JdbcTemplate jdbcTemplate) {
        this.jdbcTemplate = Objects.requireNonNull(jdbcTemplate);
    }

    /** Tracks the user owns or collaborates on. */
    public List<Map<String, Object>> visibleTo(long userId) {
        log.debug("tracks visible to {}", userId);
        return jdbcTemplate.queryForList("""
                SELECT t.*
                  FROM tracks t
                 WHERE t.owner_id = ?
                    OR t.track_id IN (SELECT c.track_id FROM track_collaborators c WHERE c.user_id = ?)
                """, userId, userId);
    }

    /** One track by id. */
    public Map<String, Object> byId(long trackId) {
        return jdbcTemplate.queryForMap("SELECT t.* FROM tracks t WHERE t.track_id = ?", trackId);
    }
}
