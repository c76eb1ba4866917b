package dev.sqllint.rules;

import dev.sqllint.testing.LintTestHelper;
import org.junit.jupiter.api.Test;

class DistinctOverFanOutJoinTest {

    private final LintTestHelper helper = LintTestHelper.forRule(DistinctOverFanOutJoin.class);

    @Test
    void countOverDistinctSubqueryWithToManyJoinsThroughEntityManager() {
        helper.addSource("com/acme/ReviewRequestDao.java", """
                package com.acme;
                import jakarta.persistence.EntityManager;
                class ReviewRequestDao {
                  private static final String VISIBLE =
                      // BUG: DistinctOverFanOutJoin at DISTINCT
                      "SELECT DISTINCT rr.id FROM review_requests rr "
                      + "LEFT JOIN review_request_target_groups tg ON tg.review_request_id = rr.id "
                      + "WHERE tg.group_id IN (:groupIds)";
                  private static final String COUNT_VISIBLE = "SELECT COUNT(*) FROM (" + VISIBLE + ") visible";
                  private EntityManager em;
                  Object count() {
                    return em.createNativeQuery(COUNT_VISIBLE).getSingleResult();
                  }
                }
                """).doTest();
    }

    @Test
    void countDistinctAndJpqlCollectionJoin() {
        helper.addSource("com/acme/StatsDao.java", """
                package com.acme;
                import org.springframework.jdbc.core.JdbcTemplate;
                import jakarta.persistence.EntityManager;
                class StatsDao {
                  JdbcTemplate jdbc;
                  EntityManager em;
                  void queries() {
                    // BUG: DistinctOverFanOutJoin at DISTINCT
                    jdbc.queryForObject("SELECT COUNT(DISTINCT c.id) FROM customers c JOIN orders o ON o.customer_id = c.id "
                        + "WHERE o.total > 100", Long.class);
                    // BUG: DistinctOverFanOutJoin at distinct
                    em.createQuery("select distinct o from Order o join o.items i where i.sku = :sku", Order.class);
                  }
                }
                """).doTest();
    }

    @Test
    void toOneJoinsSingleTablesLinkTablesAndSelectedManySideAreFine() {
        helper.addSource("com/acme/ReportDao.java", """
                package com.acme;
                import org.springframework.jdbc.core.JdbcTemplate;
                class ReportDao {
                  JdbcTemplate jdbc;
                  void queries() {
                    // to-one: users.id is the key
                    jdbc.queryForList("SELECT DISTINCT u.username FROM review_requests rr JOIN users u ON u.id = rr.submitter_id");
                    // a single table
                    jdbc.queryForList("SELECT DISTINCT t.status FROM tracks t");
                    // link table bound on both of its foreign keys
                    jdbc.queryForList("SELECT DISTINCT t.id FROM topics t JOIN users u ON u.id = ? "
                        + "LEFT JOIN topic_users tu ON tu.topic_id = t.id AND tu.user_id = u.id");
                    // the many side is what the query returns
                    jdbc.queryForList("SELECT DISTINCT o.sku FROM customers c JOIN orders o ON o.customer_id = c.id WHERE c.id = ?");
                    // the fix
                    jdbc.queryForObject("SELECT COUNT(*) FROM review_requests rr WHERE EXISTS (SELECT 1 FROM "
                        + "review_request_target_groups tg WHERE tg.review_request_id = rr.id AND tg.group_id IN (?))", Long.class);
                    // GROUP BY ... HAVING COUNT counts the fan-out on purpose (seen in Apache Fineract's job repository)
                    jdbc.queryForList("SELECT DISTINCT(bji.job_name) FROM batch_job_instance bji JOIN batch_job_execution bje "
                        + "ON bji.job_instance_id = bje.job_instance_id WHERE bje.status IN (?) "
                        + "GROUP BY bji.job_instance_id HAVING COUNT(bji.job_instance_id) <= ?");
                    // no DISTINCT at all
                    jdbc.queryForList("SELECT c.id FROM customers c JOIN orders o ON o.customer_id = c.id");
                  }
                }
                """).expectNoFindings(7);
    }
}
