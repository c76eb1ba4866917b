package com.acme;

import org.springframework.jdbc.core.JdbcTemplate;

/** New in the change under review and not yet added to git (untracked): its finding is reported. */
class TopicDao {

    private final JdbcTemplate jdbcTemplate;

    TopicDao(JdbcTemplate jdbcTemplate) {
        this.jdbcTemplate = jdbcTemplate;
    }

    Object topics(long userId) {
        return jdbcTemplate.queryForList("SELECT p.* FROM topics p WHERE p.creator_id = ? OR p.id IN "
                + "(SELECT w.topic_id FROM topic_watchers w WHERE w.user_id = ?)", userId, userId);
    }
}
