package dev.sqllint.report;

import dev.sqllint.testing.LintTestHelper;

/** A small DAO layer with findings of three rules and one file that does not parse, for the report tests. */
final class ReportFixtures {

    static final String TRACK_DAO = """
            package com.acme.tracks;
            import org.springframework.jdbc.core.JdbcTemplate;
            class TrackDao {
              JdbcTemplate jdbc;
              Object tracks(long u) {
                return jdbc.queryForList("SELECT t.* FROM tracks t WHERE t.owner_id = ? OR t.track_id IN "
                    + "(SELECT c.track_id FROM track_collaborators c WHERE c.user_id = ?)", u, u);
              }
            }
            """;

    static final String TOPIC_DAO = """
            package com.acme.topics;
            import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
            class TopicTrackingDao {
              private static final String UNREAD = "SELECT t.id, t.updated_at FROM topics t "
                  + "JOIN users u ON u.id = :userId "
                  + "JOIN user_stats us ON us.user_id = u.id "
                  + "WHERE t.updated_at >= us.first_unread_at AND t.deleted_at IS NULL";
              private final NamedParameterJdbcTemplate jdbc;
              TopicTrackingDao(NamedParameterJdbcTemplate jdbc) { this.jdbc = jdbc; }
              Object unread(java.util.Map<String, ?> params) {
                return jdbc.queryForList(UNREAD, params);
              }
            }
            """;

    static final String STATS_DAO = """
            package com.acme.stats;
            import org.springframework.jdbc.core.JdbcTemplate;
            class StatsDao {
              JdbcTemplate jdbc;
              Object bigSpenders() {
                return jdbc.queryForObject("SELECT COUNT(DISTINCT c.id) FROM customers c JOIN orders o ON o.customer_id = c.id "
                    + "WHERE o.total > 100", Long.class);
              }
            }
            """;

    private ReportFixtures() {
    }

    /** The three DAOs under src/main/java, plus a file that does not parse (a tool notification). */
    static LintTestHelper project() {
        return LintTestHelper.forAllRules()
                .addSource("src/main/java/com/acme/tracks/TrackDao.java", TRACK_DAO)
                .addSource("src/main/java/com/acme/topics/TopicTrackingDao.java", TOPIC_DAO)
                .addSource("src/main/java/com/acme/stats/StatsDao.java", STATS_DAO)
                .addSource("src/main/java/com/acme/Broken.java",
                        "package com.acme;\nclass Broken {\n  void m( {\n    jdbc.query(\"select 1 from t\");\n");
    }
}
