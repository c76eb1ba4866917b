package dev.sqllint.rules;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqllint.engine.AnalysisResult;
import dev.sqllint.engine.Finding;
import dev.sqllint.testing.LintTestHelper;
import org.junit.jupiter.api.Test;

/**
 * JoinForScalarOnly when the pinned table is reached through a chain of equalities or a USING join (issue 12
 * item 5), and never through a list: {@code = ANY(?)} or {@code IN (...)} pins no row.
 */
class JoinForScalarOnlyChainsTest {

    private static final String SCHEMA = """
            CREATE TABLE users (id BIGINT PRIMARY KEY, email VARCHAR(200) NOT NULL UNIQUE, display_name VARCHAR(100),
                                created_at TIMESTAMP);
            CREATE TABLE user_stats (user_id BIGINT PRIMARY KEY REFERENCES users (id), first_unread_at TIMESTAMP);
            CREATE TABLE topics (id BIGINT PRIMARY KEY, user_id BIGINT, updated_at TIMESTAMP, deleted_at TIMESTAMP);
            """;

    @Test
    void statsRowPinnedThroughTheUsersUniqueEmail() {
        AnalysisResult r = LintTestHelper.forRule(JoinForScalarOnly.class)
                .addResource("db/migration/V1__init.sql", SCHEMA)
                .addSource("com/acme/forum/UnreadTopicsDao.java", """
                        package com.acme.forum;
                        import java.util.Map;
                        import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
                        class UnreadTopicsDao {
                          private final NamedParameterJdbcTemplate jdbc;
                          UnreadTopicsDao(NamedParameterJdbcTemplate jdbc) { this.jdbc = jdbc; }
                          Object unread(String email) {
                            return jdbc.queryForList(\"""
                                SELECT t.id FROM topics t
                                JOIN users u ON u.email = :email
                                -- BUG: JoinForScalarOnly at user_stats
                                JOIN user_stats us ON us.user_id = u.id
                                WHERE t.updated_at >= us.first_unread_at AND t.deleted_at IS NULL
                                \""", Map.of("email", email));
                          }
                        }
                        """).doTest();
        Finding f = r.findings().get(0);
        assertTrue(f.proved(), f.message());
        assertTrue(f.message().contains("user_stats us is pinned to one row (user_stats.user_id is the primary key"), f.message());
        assertTrue(f.message().contains("Advice for PostgreSQL: read it first (SELECT us.first_unread_at FROM user_stats us "
                + "WHERE us.user_id = ?) and pass it as a parameter: t.updated_at >= ?."), f.message());
        assertFalse(f.message().contains("seed"), f.message());
    }

    @Test
    void statsRowJoinedUsingTheUsersKey() {
        LintTestHelper.forRule(JoinForScalarOnly.class)
                .addSource("com/acme/forum/TopicRepository.java", """
                        package com.acme.forum;
                        import java.util.List;
                        import org.springframework.data.jpa.repository.JpaRepository;
                        import org.springframework.data.jpa.repository.Query;
                        interface TopicRepository extends JpaRepository<Topic, Long> {
                          @Query(value = "SELECT t.* FROM topics t JOIN accounts a ON a.account_id = :accountId "
                              // BUG: JoinForScalarOnly at account_settings
                              + "JOIN account_settings s USING (account_id) "
                              + "WHERE t.created_at > s.archive_before", nativeQuery = true)
                          List<Topic> recent(long accountId);
                        }
                        """).doTest();
    }

    @Test
    void listsAndUnpinnedChainsPinNothing() {
        LintTestHelper.forRule(JoinForScalarOnly.class)
                .addResource("db/migration/V1__init.sql", SCHEMA)
                .addSource("com/acme/forum/TopicQueries.java", """
                        package com.acme.forum;
                        import org.springframework.jdbc.core.JdbcTemplate;
                        class TopicQueries {
                          JdbcTemplate jdbc;
                          void queries(Long[] ids) {
                            // several users: a real join
                            jdbc.queryForList("SELECT t.id FROM topics t JOIN user_stats us ON us.user_id = ANY(?) "
                                + "WHERE t.updated_at >= us.first_unread_at", (Object) ids);
                            jdbc.queryForList("SELECT t.id FROM topics t JOIN user_stats us ON us.user_id IN (?, ?) "
                                + "WHERE t.updated_at >= us.first_unread_at", 1L, 2L);
                            // display_name is not unique: the chain pins nothing
                            jdbc.queryForList("SELECT t.id FROM topics t JOIN users u ON u.display_name = ? "
                                + "JOIN user_stats us ON us.user_id = u.id WHERE t.updated_at >= us.first_unread_at", "ann");
                            // the comparison is between two pinned rows: no range to gain
                            jdbc.queryForList("SELECT u.id FROM users u JOIN user_stats us ON us.user_id = u.id "
                                + "WHERE u.id = ? AND us.first_unread_at > u.created_at", 1L);
                          }
                        }
                        """).expectNoFindings(4);
    }

    @Test
    void aUsingColumnTwoEarlierTablesCouldHoldIsNotGuessed() {
        LintTestHelper.forRule(JoinForScalarOnly.class)
                .addSource("com/acme/forum/AmbiguousDao.java", """
                        package com.acme.forum;
                        import org.springframework.jdbc.core.JdbcTemplate;
                        class AmbiguousDao {
                          JdbcTemplate jdbc;
                          Object recent() {
                            return jdbc.queryForList("SELECT t.id FROM topics t JOIN accounts a ON a.id = ? "
                                + "JOIN account_settings s USING (account_id) WHERE t.created_at > s.archive_before");
                          }
                        }
                        """).expectNoFindings(1);
    }
}
