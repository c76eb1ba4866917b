package com.acme;

import org.springframework.jdbc.core.JdbcTemplate;

/** Committed and untouched by the change under review: its finding is old news, counted but not reported. */
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
