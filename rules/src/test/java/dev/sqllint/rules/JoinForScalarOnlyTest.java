package dev.sqllint.rules;

import dev.sqllint.testing.LintTestHelper;
import org.junit.jupiter.api.Test;

class JoinForScalarOnlyTest {

    private final LintTestHelper helper = LintTestHelper.forRule(JoinForScalarOnly.class);

    @Test
    void userStatsJoinedOnlyForFirstUnreadAtPinnedThroughUsers() {
        helper.addSource("com/acme/TopicTrackingDao.java", """
                package com.acme;
                import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
                class TopicTrackingDao {
                  private static final String UNREAD = "SELECT t.id, t.updated_at FROM topics t "
                      + "JOIN users u ON u.id = :userId "
                      // BUG: JoinForScalarOnly at user_stats
                      + "JOIN user_stats us ON us.user_id = u.id "
                      + "WHERE t.updated_at >= us.first_unread_at AND t.deleted_at IS NULL";
                  private final NamedParameterJdbcTemplate jdbc;
                  TopicTrackingDao(NamedParameterJdbcTemplate jdbc) { this.jdbc = jdbc; }
                  Object unread(java.util.Map<String, ?> params) {
                    return jdbc.queryForList(UNREAD, params);
                  }
                }
                """).doTest();
    }

    @Test
    void settingsRowPinnedByItsId() {
        helper.addSource("com/acme/ArchiveDao.java", """
                package com.acme;
                import org.springframework.jdbc.core.JdbcTemplate;
                class ArchiveDao {
                  JdbcTemplate jdbc;
                  Object stale() {
                    return jdbc.queryForList(\"""
                        SELECT d.id FROM documents d
                        -- BUG: JoinForScalarOnly at retention_policies
                        JOIN retention_policies p ON p.id = ?
                        WHERE d.created_at < p.cutoff_date
                        \""");
                  }
                }
                """).doTest();
    }

    @Test
    void selectedNotPinnedOuterAndTheFixAreFine() {
        helper.addSource("com/acme/TopicDao.java", """
                package com.acme;
                import org.springframework.jdbc.core.JdbcTemplate;
                class TopicDao {
                  JdbcTemplate jdbc;
                  void queries() {
                    // its column is selected too: the join does real work
                    jdbc.queryForList("SELECT t.id, us.first_unread_at FROM topics t JOIN user_stats us ON us.user_id = ? "
                        + "WHERE t.updated_at >= us.first_unread_at");
                    // not pinned: one row per topic author, a real join
                    jdbc.queryForList("SELECT t.id FROM topics t JOIN users u ON u.id = t.user_id WHERE t.updated_at >= u.created_at");
                    // left join: an optional row
                    jdbc.queryForList("SELECT t.id FROM topics t LEFT JOIN user_stats us ON us.user_id = ? "
                        + "WHERE t.updated_at >= us.first_unread_at");
                    // pinned but only used to pin others (users u), no comparison
                    jdbc.queryForList("SELECT t.id FROM topics t JOIN users u ON u.id = ? "
                        + "JOIN topic_users tu ON tu.topic_id = t.id AND tu.user_id = u.id");
                    // an equality to a pinned row is a lookup join the planner drives from that row (Apache Fineract's images)
                    jdbc.queryForList("select image.id from m_image image, m_client client where client.image_id = image.id and client.id = ?");
                    // the fix
                    jdbc.queryForList("SELECT t.id FROM topics t WHERE t.updated_at >= ? AND t.deleted_at IS NULL");
                  }
                }
                """).expectNoFindings(6);
    }
}
