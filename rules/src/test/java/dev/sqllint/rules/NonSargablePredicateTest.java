package dev.sqllint.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sqllint.engine.AnalysisResult;
import dev.sqllint.engine.Finding;
import dev.sqllint.testing.LintTestHelper;
import java.util.List;
import org.junit.jupiter.api.Test;

class NonSargablePredicateTest {

    private static final String SHOP = """
            CREATE TABLE users (id BIGINT PRIMARY KEY, email VARCHAR(320) NOT NULL, nickname VARCHAR(40), bio TEXT);
            CREATE INDEX users_email_idx ON users (email);
            CREATE INDEX users_nickname_idx ON users (nickname);
            CREATE INDEX users_nickname_lower_idx ON users ((lower(nickname)));
            CREATE TABLE orders (id BIGINT PRIMARY KEY, user_id BIGINT NOT NULL, placed_at TIMESTAMP NOT NULL,
                amount INT NOT NULL, note TEXT, sku VARCHAR(40));
            CREATE INDEX orders_placed_at_idx ON orders (placed_at);
            CREATE INDEX orders_amount_idx ON orders (amount);
            CREATE INDEX orders_sku_idx ON orders (sku);
            CREATE INDEX orders_sku_trgm_idx ON orders USING gin (sku gin_trgm_ops);
            """;

    private final LintTestHelper helper = LintTestHelper.forRule(NonSargablePredicate.class)
            .addResource("db/migration/V1__shop.sql", SHOP);

    @Test
    void lowerOverAnIndexedEmailThroughJdbcTemplate() {
        AnalysisResult r = helper.addSource("com/acme/UserDao.java", """
                package com.acme;
                import org.springframework.jdbc.core.JdbcTemplate;
                class UserDao {
                  JdbcTemplate jdbc;
                  Object byEmail(String email) {
                    // BUG: NonSargablePredicate at lower(u.email)
                    return jdbc.queryForList("SELECT u.id FROM users u WHERE lower(u.email) = ?", email);
                  }
                }
                """).doTest();
        assertEquals(List.of("lower(u.email) = ?: lower() over u.email hides it from users_email_idx on users(email) "
                + "(V1__shop.sql:2), so the database computes it for every row of users u instead of seeking the index "
                + "(in a production incident: a cast over an indexed column kept the database at 99 % CPU). Advice for "
                + "PostgreSQL: compare u.email itself with the value prepared in Java, or declare an expression index: "
                + "CREATE INDEX ON users ((lower(email)))."), messages(r));
    }

    @Test
    void castArithmeticAndLeadingWildcardThroughSpringDataNativeQueries() {
        helper.addSource("com/acme/OrderRepository.java", """
                package com.acme;
                import java.util.List;
                import org.springframework.data.jpa.repository.JpaRepository;
                import org.springframework.data.jpa.repository.Query;
                interface OrderRepository extends JpaRepository<Order, Long> {
                  // BUG: NonSargablePredicate at CAST(o.placed_at AS DATE)
                  @Query(value = "SELECT o.* FROM orders o WHERE CAST(o.placed_at AS DATE) = :day", nativeQuery = true)
                  List<Order> placedOn(java.time.LocalDate day);

                  // BUG: NonSargablePredicate at o.amount + 1
                  @Query(value = "SELECT o.* FROM orders o WHERE o.user_id = :u AND o.amount + 1 > :min", nativeQuery = true)
                  List<Order> above(long u, int min);

                  // BUG: NonSargablePredicate at '%'
                  @Query(value = "SELECT u.* FROM users u WHERE u.email LIKE '%' || :domain", nativeQuery = true)
                  List<Object> inDomain(String domain);
                }
                """).doTest();
    }

    private static final String DOCTYPE = """
            <?xml version="1.0" encoding="UTF-8" ?>
            <!DOCTYPE mapper PUBLIC "-//mybatis.org//DTD Mapper 3.0//EN" "http://mybatis.org/dtd/mybatis-3-mapper.dtd">
            """;

    @Test
    void dateFunctionInAJoinOfAMyBatisMapper() {
        LintTestHelper.forRule(NonSargablePredicate.class)
                .addResource("db/migration/V1__shop.sql", SHOP)
                .addResource("mapper/OrderMapper.xml", DOCTYPE + """
                        <mapper namespace="com.acme.OrderMapper">
                          <select id="today" resultType="map">
                            SELECT u.email, o.id FROM users u
                            JOIN orders o ON o.user_id = u.id
                            <!-- BUG: NonSargablePredicate at date(o.placed_at) -->
                            WHERE date(o.placed_at) = #{day}
                          </select>
                        </mapper>
                        """)
                .doTest();
    }

    @Test
    void bareColumnsExpressionAndTrigramIndexesAndUndeclaredIndexesAreFine() {
        helper.addSource("com/acme/UserDao.java", """
                package com.acme;
                import java.sql.Connection;
                class UserDao {
                  void queries(Connection c) throws Exception {
                    c.prepareStatement("SELECT u.id FROM users u WHERE u.email = lower(?)");
                    // an expression index on lower(nickname) serves it
                    c.prepareStatement("SELECT u.id FROM users u WHERE lower(u.nickname) = ?");
                    // no index declared on bio
                    c.prepareStatement("SELECT u.id FROM users u WHERE lower(u.bio) = ?");
                    // a trigram index serves the leading wildcard
                    c.prepareStatement("SELECT o.id FROM orders o WHERE o.sku LIKE '%' || ?");
                    // a prefix: the index seeks it
                    c.prepareStatement("SELECT u.id FROM users u WHERE u.email LIKE ? || '%'");
                    // the range fix
                    c.prepareStatement("SELECT o.id FROM orders o WHERE o.placed_at >= ? AND o.placed_at < ?");
                    // a table no schema declares
                    c.prepareStatement("SELECT a.id FROM audit a WHERE lower(a.actor) = ?");
                  }
                }
                """).expectNoFindings(7);
    }

    private static List<String> messages(AnalysisResult r) {
        return r.findings().stream().map(Finding::message).toList();
    }
}
