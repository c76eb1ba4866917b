package com.acme;

import org.springframework.jdbc.core.JdbcTemplate;

/** Would be reported (OrAcrossAccessPaths) and fail the build if sqllint ran. */
class TrackDao {

    private final JdbcTemplate jdbcTemplate;

    TrackDao(JdbcTemplate jdbcTemplate) {
        this.jdbcTemplate = jdbcTemplate;
    }

    Object tracks(long userId) {
        return jdbcTemplate.queryForList("SELECT t.* FROM tracks t WHERE t.owner_id = ? OR t.track_id IN "
                + "(SELECT c.track_id FROM track_collaborators c WHERE c.user_id = ?)", userId, userId);
    }
}
