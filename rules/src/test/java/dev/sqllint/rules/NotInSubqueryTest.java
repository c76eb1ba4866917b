package dev.sqllint.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sqllint.engine.AnalysisResult;
import dev.sqllint.engine.Finding;
import dev.sqllint.sql.Dialect;
import dev.sqllint.testing.LintTestHelper;
import java.util.List;
import org.junit.jupiter.api.Test;

class NotInSubqueryTest {

    private static final String SHOP = """
            CREATE TABLE customers (id BIGINT PRIMARY KEY, name VARCHAR(100), referrer_id BIGINT);
            CREATE TABLE orders (id BIGINT PRIMARY KEY, customer_id BIGINT, placed_at TIMESTAMP);
            CREATE TABLE blocked_ids (id BIGINT PRIMARY KEY);
            CREATE TABLE settings (name VARCHAR(64) PRIMARY KEY, value VARCHAR(300));
            """;

    private final LintTestHelper helper = LintTestHelper.forRule(NotInSubquery.class)
            .addResource("db/migration/V1__shop.sql", SHOP);

    @Test
    void customersWithoutRecentOrdersThroughJdbcTemplate() {
        AnalysisResult r = helper.addSource("com/acme/CustomerDao.java", """
                package com.acme;
                import java.util.List;
                import java.util.Map;
                import org.springframework.jdbc.core.JdbcTemplate;
                class CustomerDao {
                  JdbcTemplate jdbc;
                  List<Map<String, Object>> dormant(java.sql.Timestamp since) {
                    return jdbc.queryForList("SELECT c.id, c.name FROM customers c "
                        // BUG: NotInSubquery at NOT IN
                        + "WHERE c.id NOT IN (SELECT o.customer_id FROM orders o WHERE o.placed_at > ?)", since);
                  }
                }
                """).doTest();
        assertEquals(List.of("c.id NOT IN (SELECT o.customer_id FROM orders o WHERE o.placed_at > ?): PostgreSQL cannot "
                + "plan NOT IN (subquery) as an anti-join: it hashes the subquery's rows (a hashed subplan) while they "
                + "fit in work_mem, and otherwise scans them once per row of customers c (in a production incident: an "
                + "estimated cost of 45 million, against 20 thousand with NOT EXISTS). And if o.customer_id is ever NULL, "
                + "NOT IN is never true and the query returns no rows. Advice for PostgreSQL: write NOT EXISTS (SELECT 1 "
                + "FROM orders o WHERE o.placed_at > ? AND o.customer_id = c.id) instead (an anti-join, and NULLs cannot "
                + "hide every row)."), messages(r));
    }

    @Test
    void aPrimaryKeyColumnCannotBeNullSoOnlyThePlanIsSaidThroughPlainJdbc() {
        AnalysisResult r = helper.addSource("com/acme/CustomerDao.java", """
                package com.acme;
                import java.sql.Connection;
                import java.sql.PreparedStatement;
                class CustomerDao {
                  PreparedStatement allowed(Connection c) throws Exception {
                    return c.prepareStatement(\"""
                        SELECT id, name FROM customers
                        -- BUG: NotInSubquery at NOT IN
                        WHERE id NOT IN (SELECT id FROM blocked_ids)
                        \""");
                  }
                }
                """).doTest();
        assertEquals(List.of("id NOT IN (SELECT id FROM blocked_ids): PostgreSQL cannot plan NOT IN (subquery) as an "
                + "anti-join: it hashes the subquery's rows (a hashed subplan) while they fit in work_mem, and otherwise "
                + "scans them once per row of customers (in a production incident: an estimated cost of 45 million, "
                + "against 20 thousand with NOT EXISTS). Advice for PostgreSQL: write NOT EXISTS (SELECT 1 FROM "
                + "blocked_ids WHERE blocked_ids.id = customers.id) instead (an anti-join)."), messages(r));
    }

    @Test
    void deleteAndSubqueryAndCteInASpringDataNativeQuery() {
        helper.addSource("com/acme/OrderRepository.java", """
                package com.acme;
                import org.springframework.data.jpa.repository.JpaRepository;
                import org.springframework.data.jpa.repository.Modifying;
                import org.springframework.data.jpa.repository.Query;
                interface OrderRepository extends JpaRepository<Order, Long> {
                  @Modifying
                  @Query(value = "DELETE FROM orders o "
                      // BUG: NotInSubquery at NOT IN
                      + "WHERE o.customer_id NOT IN (SELECT c.referrer_id FROM customers c)", nativeQuery = true)
                  int purgeOrphans();

                  @Query(value = "WITH recent AS (SELECT o.* FROM orders o "
                      // BUG: NotInSubquery at NOT IN
                      + "WHERE o.customer_id NOT IN (SELECT b.id FROM blocked_ids b)) SELECT count(*) FROM recent",
                      nativeQuery = true)
                  long recentAllowed();
                }
                """).doTest();
    }

    private static final String DOCTYPE = """
            <?xml version="1.0" encoding="UTF-8" ?>
            <!DOCTYPE mapper PUBLIC "-//mybatis.org//DTD Mapper 3.0//EN" "http://mybatis.org/dtd/mybatis-3-mapper.dtd">
            """;

    @Test
    void joinOnAndHavingInAMyBatisMapper() {
        AnalysisResult r = LintTestHelper.forRule(NotInSubquery.class)
                .withDialect(Dialect.MYSQL)
                .addResource("mapper/CustomerMapper.xml", DOCTYPE + """
                        <mapper namespace="com.acme.CustomerMapper">
                          <select id="referrers" resultType="map">
                            SELECT c.id, count(r.id) FROM customers c
                            JOIN customers r ON r.referrer_id = c.id
                              <!-- BUG: NotInSubquery at NOT IN -->
                              AND r.id NOT IN (SELECT o.customer_id FROM orders o)
                            GROUP BY c.id
                          </select>
                        </mapper>
                        """)
                .doTest();
        assertEquals(List.of("r.id NOT IN (SELECT o.customer_id FROM orders o): MySQL runs NOT IN (subquery) as an "
                + "anti-join only from 8.0.17 on, and only when neither side can be NULL; otherwise it probes the "
                + "subquery once per row of customers c joined with customers r (in a production incident: an estimated "
                + "cost of 45 million, against 20 thousand with NOT EXISTS). And if o.customer_id is ever NULL, NOT IN "
                + "is never true and the query returns no rows. Advice for MySQL: write NOT EXISTS (SELECT 1 FROM orders "
                + "o WHERE o.customer_id = r.id) instead (an anti-join, and NULLs cannot hide every row)."), messages(r));
    }

    @Test
    void aSubqueryThatReusesTheOuterAliasGetsItsOwnInTheRewrite() {
        AnalysisResult r = helper.addSource("com/acme/CustomerDao.java", """
                package com.acme;
                import org.springframework.jdbc.core.JdbcTemplate;
                class CustomerDao {
                  JdbcTemplate jdbc;
                  Object unreferred() {
                    return jdbc.queryForList("SELECT c.id FROM customers c "
                        // BUG: NotInSubquery at NOT IN
                        + "WHERE c.id NOT IN (SELECT c.id FROM customers c JOIN orders o ON o.customer_id = c.id)");
                  }
                  Object sameTableUnaliased() {
                    return jdbc.queryForList("SELECT id FROM customers "
                        // BUG: NotInSubquery at NOT IN
                        + "WHERE referrer_id NOT IN (SELECT id FROM customers WHERE name = 'x')");
                  }
                }
                """).doTest();
        List<String> m = messages(r);
        assertEquals(true, m.get(0).endsWith("write NOT EXISTS (SELECT 1 FROM customers c2 JOIN orders o ON o.customer_id "
                + "= c2.id WHERE c2.id = c.id) instead (an anti-join)."), m.get(0));
        assertEquals(true, m.get(1).endsWith("write NOT EXISTS (SELECT 1 FROM customers customers2 WHERE name = 'x' AND "
                + "customers2.id = customers.referrer_id) instead (an anti-join)."), m.get(1));
    }

    @Test
    void literalAndParameterListsAndNotExistsAreFine() {
        helper.addSource("com/acme/CustomerDao.java", """
                package com.acme;
                import java.util.List;
                import java.util.Map;
                import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
                import org.springframework.jdbc.core.simple.JdbcClient;
                class CustomerDao {
                  NamedParameterJdbcTemplate named;
                  JdbcClient client;
                  void queries(Map<String, ?> p) {
                    named.queryForList("SELECT c.id FROM customers c WHERE c.id NOT IN (:ids)", p);
                    named.queryForList("SELECT c.id FROM customers c WHERE c.name NOT IN ('a', 'b')", p);
                    client.sql("SELECT c.id FROM customers c WHERE c.id NOT IN (?, ?)").query().listOfRows();
                    client.sql("SELECT c.id FROM customers c WHERE NOT EXISTS "
                        + "(SELECT 1 FROM orders o WHERE o.customer_id = c.id)").query().listOfRows();
                    // IN over a subquery is a semi-join, planned well
                    client.sql("SELECT c.id FROM customers c WHERE c.id IN (SELECT o.customer_id FROM orders o)").query().listOfRows();
                  }
                }
                """).expectNoFindings(5);
    }

    @Test
    void aSubqueryPinnedToOneRowByItsKeyIsFine() {
        // a BPM engine keeps the id of a byte array in a property row: the subquery's WHERE binds settings' primary
        // key, so there is one value to hash and no plan to fear
        helper.addSource("com/acme/ResourceDao.java", """
                package com.acme;
                import org.springframework.jdbc.core.JdbcTemplate;
                class ResourceDao {
                  JdbcTemplate jdbc;
                  void purge(String name) {
                    jdbc.update("DELETE FROM blocked_ids WHERE id NOT IN (SELECT s.value FROM settings s WHERE s.name = ?)", name);
                  }
                }
                """).expectNoFindings(1);
    }

    @Test
    void aCycleCheckOverTheRowsOwnArrayReadsNoTable() {
        // an IoT platform walks its relation graph with a recursive CTE; NOT IN over unnest(path) stops at a cycle
        helper.addSource("com/acme/RelationDao.java", """
                package com.acme;
                import java.util.List;
                import java.util.Map;
                import org.springframework.jdbc.core.JdbcTemplate;
                class RelationDao {
                  JdbcTemplate jdbc;
                  List<Map<String, Object>> reachable(long root) {
                    return jdbc.queryForList("WITH RECURSIVE related(id, path) AS ("
                        + " SELECT c.id, ARRAY[c.id] FROM customers c WHERE c.id = ?"
                        + " UNION ALL"
                        + " SELECT c.id, rel.path || c.id FROM customers c JOIN related rel ON c.referrer_id = rel.id"
                        + " WHERE c.id NOT IN (SELECT * FROM unnest(rel.path)))"
                        + " SELECT id FROM related", root);
                  }
                }
                """).expectNoFindings(1);
    }

    private static List<String> messages(AnalysisResult r) {
        return r.findings().stream().map(Finding::message).toList();
    }
}
