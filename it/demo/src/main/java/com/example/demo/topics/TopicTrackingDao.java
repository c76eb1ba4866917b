package com.example.demo.topics;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Per-user read tracking for forum topics: which topics have posts the user has not read yet.
 */
@Repository
public class TopicTrackingDao {

    private static final String UNREAD_TOPICS =
            "SELECT t.id AS topic_id, t.updated_at, tu.last_read_post_number"
            + " FROM topics t"
            + " JOIN users u ON u.id = :userId"
            + " JOIN user_stats us ON us.user_id = u.id"
            + " LEFT JOIN topic_users tu ON tu.topic_id = t.id AND tu.user_id = u.id"
            + " WHERE t.updated_at >= us.first_unread_at"
            + " AND t.deleted_at IS NULL"
            + " AND tu.last_read_post_number < t.highest_post_number";

    private static final String FIRST_UNREAD_AT =
            "SELECT us.first_unread_at FROM user_stats us WHERE us.user_id = :userId";

    private static final String UNREAD_TOPICS_SINCE =
            "SELECT t.id AS topic_id, t.updated_at, tu.last_read_post_number"
            + " FROM topics t"
            + " LEFT JOIN topic_users tu ON tu.topic_id = t.id AND tu.user_id = :userId"
            + " WHERE t.updated_at >= :firstUnreadAt"
            + " AND t.deleted_at IS NULL"
            + " AND tu.last_read_post_number < t.highest_post_number";

    private static final String MARK_READ =
            "UPDATE topic_users SET last_read_post_number = :postNumber"
            + " WHERE topic_id = :topicId AND user_id = :userId";

    private final NamedParameterJdbcTemplate jdbc;

    public TopicTrackingDao(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Topics updated since the user's first unread post whose newest post the user has not read.
     */
    public List<Map<String, Object>> unreadTopics(long userId) {
        return jdbc.queryForList(UNREAD_TOPICS, new MapSqlParameterSource("userId", userId));
    }

    /**
     * Fix for {@link #unreadTopics(long)}: reads the user's single {@code first_unread_at} value
     * once and passes it as a parameter, so the report query no longer joins {@code user_stats}.
     */
    public List<Map<String, Object>> unreadTopicsFixed(long userId) {
        MapSqlParameterSource params = new MapSqlParameterSource("userId", userId);
        OffsetDateTime firstUnreadAt = jdbc.queryForObject(FIRST_UNREAD_AT, params, OffsetDateTime.class);
        if (firstUnreadAt == null) {
            return List.of();
        }
        return jdbc.queryForList(UNREAD_TOPICS_SINCE, params.addValue("firstUnreadAt", firstUnreadAt));
    }

    /**
     * Records that the user has read the topic up to the given post.
     */
    public void markRead(long userId, long topicId, int postNumber) {
        jdbc.update(MARK_READ, new MapSqlParameterSource()
                .addValue("userId", userId)
                .addValue("topicId", topicId)
                .addValue("postNumber", postNumber));
    }

    /**
     * Topics the user has never opened, for the "new for you" list. NOT IN over topic_users: PostgreSQL cannot
     * plan it as an anti-join, and a NULL topic_id in the subquery would empty the list.
     */
    public List<Map<String, Object>> neverOpened(long userId) {
        return jdbc.queryForList("SELECT t.id, t.title FROM topics t WHERE t.deleted_at IS NULL"
                + " AND t.id NOT IN (SELECT tu.topic_id FROM topic_users tu WHERE tu.user_id = :userId)",
                new MapSqlParameterSource("userId", userId));
    }

    /** Fix for {@link #neverOpened(long)}: NOT EXISTS, planned as an anti-join on topic_users' unique key. */
    public List<Map<String, Object>> neverOpenedFixed(long userId) {
        return jdbc.queryForList("SELECT t.id, t.title FROM topics t WHERE t.deleted_at IS NULL"
                + " AND NOT EXISTS (SELECT 1 FROM topic_users tu WHERE tu.user_id = :userId AND tu.topic_id = t.id)",
                new MapSqlParameterSource("userId", userId));
    }

    /** Whether the user has a topic with nothing read yet, for the badge. The count is only compared with 0. */
    public boolean hasUnopenedTopics(long userId) {
        Integer unopened = jdbc.queryForObject("SELECT count(*) FROM topic_users tu WHERE tu.user_id = :userId"
                + " AND tu.last_read_post_number IS NULL", new MapSqlParameterSource("userId", userId), Integer.class);
        return unopened != null && unopened > 0;
    }

    /** Fix for {@link #hasUnopenedTopics(long)}: EXISTS stops at the first such topic. */
    public boolean hasUnopenedTopicsFixed(long userId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM topic_users tu WHERE tu.user_id = :userId"
                + " AND tu.last_read_post_number IS NULL)", new MapSqlParameterSource("userId", userId), Boolean.class));
    }

    /** Topics updated on a given day, for the daily digest. The cast hides topics.updated_at from its index. */
    public List<Map<String, Object>> updatedOn(java.time.LocalDate day) {
        return jdbc.queryForList("SELECT t.id, t.title FROM topics t WHERE CAST(t.updated_at AS DATE) = :day",
                new MapSqlParameterSource("day", day));
    }

    /** Fix for {@link #updatedOn(java.time.LocalDate)}: a range on the bare column, served by index_topics_on_updated_at. */
    public List<Map<String, Object>> updatedOnFixed(java.time.LocalDate day) {
        return jdbc.queryForList("SELECT t.id, t.title FROM topics t WHERE t.updated_at >= :day AND t.updated_at < :nextDay",
                new MapSqlParameterSource("day", day).addValue("nextDay", day.plusDays(1)));
    }

    /**
     * Titles of the topics the user follows, for the digest e-mail: the loop runs one query per topic the first query
     * returned (N+1), a round trip per topic.
     */
    public List<String> digestTitles(long userId) {
        List<Long> topicIds = jdbc.queryForList("SELECT tu.topic_id FROM topic_users tu WHERE tu.user_id = :userId",
                new MapSqlParameterSource("userId", userId), Long.class);
        List<String> titles = new java.util.ArrayList<>();
        for (Long topicId : topicIds) {
            titles.addAll(jdbc.queryForList("SELECT t.title FROM topics t WHERE t.id = :topicId",
                    new MapSqlParameterSource("topicId", topicId), String.class));
        }
        return titles;
    }

    /** Fix for {@link #digestTitles(long)}: one query, topics joined to the user's topic_users rows. */
    public List<String> digestTitlesFixed(long userId) {
        return jdbc.queryForList("SELECT t.title FROM topics t JOIN topic_users tu ON tu.topic_id = t.id"
                + " WHERE tu.user_id = :userId", new MapSqlParameterSource("userId", userId), String.class);
    }
}
