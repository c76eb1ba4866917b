package dev.sqllint.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqllint.engine.AnalysisResult;
import dev.sqllint.engine.Finding;
import dev.sqllint.sql.Dialect;
import dev.sqllint.testing.LintTestHelper;
import java.util.List;
import org.junit.jupiter.api.Test;

class CountForExistenceTest {

    private final LintTestHelper helper = LintTestHelper.forRule(CountForExistence.class);

    @Test
    void jdbcTemplateCountComparedWithZeroWhereItIsReturned() {
        AnalysisResult r = helper.addSource("com/acme/OrderDao.java", """
                package com.acme;
                import org.springframework.jdbc.core.JdbcTemplate;
                class OrderDao {
                  JdbcTemplate jdbc;
                  boolean hasOpenOrders(long customerId) {
                    // BUG: CountForExistence at count(*)
                    return jdbc.queryForObject("SELECT count(*) FROM orders o WHERE o.customer_id = ? AND o.status = 'open'",
                        Integer.class, customerId) > 0;
                  }
                }
                """).doTest();
        assertEquals(List.of("count(*) is only compared with 0 in the Java (`queryForObject(...) > 0` (line 7)): the database reads and "
                + "counts every matching row of orders o to answer yes or no (in a production incident: a count over 8 "
                + "million rows took 3.04 s, LIMIT 1 under 10 ms). Advice for PostgreSQL: ask for existence: SELECT "
                + "EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = ? AND o.status = 'open') and read it as a "
                + "Boolean; it stops at the first row."), messages(r));
    }

    @Test
    void jdbcClientCountKeptInALocalThatIsOnlyTestedOnMySql() {
        AnalysisResult r = LintTestHelper.forRule(CountForExistence.class).withDialect(Dialect.MYSQL)
                .addSource("com/acme/UserDao.java", """
                package com.acme;
                import org.springframework.jdbc.core.simple.JdbcClient;
                class UserDao {
                  JdbcClient client;
                  void register(String email) {
                    // BUG: CountForExistence at count(1)
                    Long taken = client.sql("SELECT count(1) FROM users WHERE email = :email")
                        .param("email", email).query(Long.class).single();
                    if (taken != null && taken >= 1) {
                      throw new IllegalStateException("taken");
                    }
                  }
                }
                """).doTest();
        assertEquals(List.of("count(1) is only compared with 0 in the Java (`taken >= 1` (line 9)): the database reads "
                + "and counts every matching row of users to answer yes or no (in a production incident: a count over 8 "
                + "million rows took 3.04 s, LIMIT 1 under 10 ms). Advice for MySQL: ask for existence: SELECT 1 FROM "
                + "users WHERE email = ? LIMIT 1 and test whether a row came back (or SELECT EXISTS (SELECT 1 FROM users "
                + "WHERE email = ?)); it stops at the first row."), messages(r));
    }

    @Test
    void entityManagerNativeCountUnwrappedAndTestedOnSqlServer() {
        AnalysisResult r = LintTestHelper.forRule(CountForExistence.class).withDialect(Dialect.SQLSERVER)
                .addSource("com/acme/InvoiceDao.java", """
                package com.acme;
                import jakarta.persistence.EntityManager;
                class InvoiceDao {
                  EntityManager em;
                  boolean anyUnpaid(long accountId) {
                    // BUG: CountForExistence at count(i.id)
                    long n = ((Number) em.createNativeQuery("SELECT count(i.id) FROM invoices i WHERE i.account_id = ?1 AND i.paid = 0")
                        .setParameter(1, accountId).getSingleResult()).longValue();
                    return n != 0;
                  }
                }
                """).doTest();
        assertEquals(true, messages(r).get(0).endsWith("Advice for SQL Server: ask for existence: SELECT TOP 1 1 FROM "
                + "invoices i WHERE i.account_id = ? AND i.paid = 0 and test whether a row came back (or SELECT CASE "
                + "WHEN EXISTS (SELECT 1 FROM invoices i WHERE i.account_id = ? AND i.paid = 0) THEN 1 ELSE 0 END); it "
                + "stops at the first row."), messages(r).get(0));
    }

    @Test
    void countsUsedAsNumbersAreFine() {
        helper.addSource("com/acme/OrderDao.java", """
                package com.acme;
                import java.util.List;
                import java.util.Map;
                import org.springframework.jdbc.core.JdbcTemplate;
                import org.springframework.jdbc.core.simple.JdbcClient;
                class OrderDao {
                  JdbcTemplate jdbc;
                  JdbcClient client;
                  int openOrders(long customerId) {
                    return jdbc.queryForObject("SELECT count(*) FROM orders o WHERE o.customer_id = ?", Integer.class, customerId);
                  }
                  String badge(long customerId) {
                    int n = jdbc.queryForObject("SELECT count(*) FROM orders o WHERE o.customer_id = ?", Integer.class, customerId);
                    return n > 0 ? n + " open" : "none";
                  }
                  long total(long a, long b) {
                    Long x = client.sql("SELECT count(*) FROM orders WHERE customer_id = ?").param(a).query(Long.class).single();
                    return x + b;
                  }
                  boolean manyPerStatus() {
                    // GROUP BY: a count per group, not a yes/no
                    return jdbc.queryForList("SELECT o.status, count(*) FROM orders o GROUP BY o.status").size() > 0;
                  }
                  boolean exists(long customerId) {
                    // the fix
                    return Boolean.TRUE.equals(jdbc.queryForObject(
                        "SELECT EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = ?)", Boolean.class, customerId));
                  }
                  boolean known(long id) {
                    // the primary key pins one row: counting it costs what EXISTS does
                    return jdbc.queryForObject("SELECT count(*) FROM orders o WHERE o.id = ?", Integer.class, id) > 0;
                  }
                  boolean hasConstraint(String name) {
                    // the database's catalog: a few rows about the schema, nothing to save
                    return jdbc.queryForObject("SELECT count(*) FROM information_schema.table_constraints i "
                        + "WHERE i.constraint_name = ?", Integer.class, name) > 0;
                  }
                  boolean moreThanTen(long customerId) {
                    return jdbc.queryForObject("SELECT count(*) FROM orders o WHERE o.customer_id = ?", Integer.class, customerId) > 10;
                  }
                }
                """).expectNoFindings(8);
    }

    private static final String ORDERS = """
            package com.acme.shop;
            import jakarta.persistence.*;
            @Entity @Table(name = "orders")
            public class Order {
              @Id Long id;
              @Column(name = "customer_id") Long customerId;
              String status;
            }
            """;

    private static final String ORDER_REPOSITORY = """
            package com.acme.shop;
            import org.springframework.data.jpa.repository.JpaRepository;
            import org.springframework.data.jpa.repository.Query;
            public interface OrderRepository extends JpaRepository<Order, Long> {
              long countByCustomerIdAndStatus(Long customerId, String status);

              @Query("select count(o) from Order o where o.status = :status")
              long countInStatus(String status);

              long countById(Long id);

              boolean existsByCustomerIdAndStatus(Long customerId, String status);
            }
            """;

    /** The count is the repository's (derived from the name, or its @Query); the yes/no is the caller's. */
    @Test
    void springDataCountMethodsWhoseCallerOnlyComparesWithZero() {
        AnalysisResult r = helper.addSource("com/acme/shop/Order.java", ORDERS)
                .addSource("com/acme/shop/OrderRepository.java", ORDER_REPOSITORY)
                .addSource("com/acme/shop/CheckoutService.java", """
                        package com.acme.shop;
                        class CheckoutService {
                          private final OrderRepository orders;
                          CheckoutService(OrderRepository orders) { this.orders = orders; }
                          boolean hasOpenOrder(long customerId) {
                            // BUG: CountForExistence at countByCustomerIdAndStatus
                            return orders.countByCustomerIdAndStatus(customerId, "OPEN") > 0;
                          }
                          void checkNoneShipping() {
                            // BUG: CountForExistence at countInStatus
                            long shipping = orders.countInStatus("SHIPPING");
                            if (shipping != 0) throw new IllegalStateException("still shipping");
                          }
                        }
                        """).withProjectSchema().doTest();
        assertEquals("count(o1_0.id) is only compared with 0 in the Java (`countByCustomerIdAndStatus(...) > 0` (line 7)): "
                + "the database reads and counts every matching row of orders o1_0 to answer yes or no (in a production "
                + "incident: a count over 8 million rows took 3.04 s, LIMIT 1 under 10 ms). Advice for PostgreSQL: ask "
                + "for existence: SELECT EXISTS (SELECT 1 FROM orders o1_0 WHERE o1_0.customer_id = ? AND o1_0.status = ?) "
                + "and read it as a Boolean; it stops at the first row. With Spring Data: declare "
                + "existsByCustomerIdAndStatus(...) in OrderRepository (it runs the same WHERE with a row limit of 1) and "
                + "call it here. [SQL from OrderRepository.countByCustomerIdAndStatus, text at OrderRepository.java:5]",
                messages(r).get(0));
        assertTrue(messages(r).get(1).contains("`shipping != 0` (line 12)"), messages(r).get(1));
        assertTrue(messages(r).get(1).endsWith("[SQL from OrderRepository.countInStatus, text at OrderRepository.java:7]"),
                messages(r).get(1));
        assertEquals("Spring Data derived query countByCustomerIdAndStatus (called here)", r.findings().get(0).api());
        assertEquals("CheckoutService.hasOpenOrder", r.findings().get(0).owner());
    }

    @Test
    void springDataCountsUsedAsNumbersOrPinnedByTheKeyAreFine() {
        helper.addSource("com/acme/shop/Order.java", ORDERS)
                .addSource("com/acme/shop/OrderRepository.java", ORDER_REPOSITORY)
                .addSource("com/acme/shop/OrderStats.java", """
                        package com.acme.shop;
                        class OrderStats {
                          long countOpen() { return 0; }
                        }
                        """)
                .addSource("com/acme/shop/ReportService.java", """
                        package com.acme.shop;
                        class ReportService {
                          private final OrderRepository orders;
                          private final OrderStats stats;
                          ReportService(OrderRepository orders, OrderStats stats) { this.orders = orders; this.stats = stats; }
                          long open(long customerId) {
                            return orders.countByCustomerIdAndStatus(customerId, "OPEN");
                          }
                          boolean many(long customerId) {
                            return orders.countByCustomerIdAndStatus(customerId, "OPEN") > 10;
                          }
                          boolean known(long id) {
                            // the primary key pins one row
                            return orders.countById(id) > 0;
                          }
                          boolean anyOpen(long customerId) {
                            // the fix
                            return orders.existsByCustomerIdAndStatus(customerId, "OPEN");
                          }
                          boolean statsSayOpen() {
                            // not a repository: a project method whose query sqllint does not follow
                            return stats.countOpen() > 0;
                          }
                        }
                        """).withProjectSchema().expectNoFindings(5);
    }

    private static List<String> messages(AnalysisResult r) {
        return r.findings().stream().map(Finding::message).toList();
    }
}
