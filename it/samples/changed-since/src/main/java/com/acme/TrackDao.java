package com.acme;

import org.springframework.jdbc.core.JdbcTemplate;

/** Committed; the change under review edits it, so its finding is reported (with its SQL from TrackSql). */
class TrackDao {

    private final JdbcTemplate jdbcTemplate;

    TrackDao(JdbcTemplate jdbcTemplate) {
        this.jdbcTemplate = jdbcTemplate;
    }

    Object tracks(long userId) {
        return jdbcTemplate.queryForList(TrackSql.OWNED_OR_SHARED, userId, userId);
    }
}
