package dev.sqllint.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

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

    private static List<String> messages(AnalysisResult r) {
        return r.findings().stream().map(Finding::message).toList();
    }
}
