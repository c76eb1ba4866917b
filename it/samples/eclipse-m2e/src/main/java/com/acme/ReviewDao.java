package com.acme;

import org.springframework.jdbc.core.JdbcTemplate;

/** Reported in the IDE as a problem marker on the OR. */
class ReviewDao {

    private final JdbcTemplate jdbcTemplate;

    ReviewDao(JdbcTemplate jdbcTemplate) {
        this.jdbcTemplate = jdbcTemplate;
    }

    Object reviews(long userId) {
        return jdbcTemplate.queryForList("SELECT r.* FROM reviews r WHERE r.author_id = ? OR r.id IN "
                + "(SELECT a.review_id FROM review_assignees a WHERE a.user_id = ?)", userId, userId);
    }
}
