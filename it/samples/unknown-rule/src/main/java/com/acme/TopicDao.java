package com.acme;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** Topics of a forum: its one query is fine. */
public class TopicDao {

    private final JdbcTemplate jdbc;

    public TopicDao(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<Long> recentTopics(long forumId) {
        return jdbc.queryForList("SELECT t.id FROM topics t WHERE t.forum_id = ? ORDER BY t.updated_at DESC LIMIT 20",
                Long.class, forumId);
    }
}
