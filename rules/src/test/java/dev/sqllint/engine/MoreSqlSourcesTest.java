package dev.sqllint.engine;

import dev.sqllint.rules.DistinctOverFanOutJoin;
import dev.sqllint.rules.OrAcrossAccessPaths;
import dev.sqllint.testing.LintTestHelper;
import org.junit.jupiter.api.Test;

/**
 * The rules reach SQL from every catalogue family, and report it where it is written: in the Java string,
 * in the annotation, in the Jdbi {@code .sql} resource. The SQL is the same fan-out DISTINCT each time, so
 * each finding is the one the hand-written {@code jdbc.queryForList("SELECT DISTINCT ...")} gets.
 */
class MoreSqlSourcesTest {

    private final LintTestHelper helper = LintTestHelper.forRule(DistinctOverFanOutJoin.class);

    @Test
    void commonsDbUtilsVertxAndR2dbc() {
        helper.addSource("com/acme/shop/CustomerQueries.java", """
                package com.acme.shop;
                import java.sql.Connection;
                import io.vertx.sqlclient.Pool;
                import org.apache.commons.dbutils.QueryRunner;
                import org.apache.commons.dbutils.handlers.ColumnListHandler;
                import org.springframework.r2dbc.core.DatabaseClient;
                class CustomerQueries {
                  private final QueryRunner run = new QueryRunner();
                  private final Pool pool;
                  private final DatabaseClient client;
                  CustomerQueries(Pool pool, DatabaseClient client) { this.pool = pool; this.client = client; }
                  Object bigSpenders(Connection conn) throws Exception {
                    // BUG: DistinctOverFanOutJoin at DISTINCT
                    return run.query(conn, "SELECT DISTINCT c.id FROM customers c JOIN orders o ON o.customer_id = c.id WHERE o.total > ?",
                        new ColumnListHandler<Long>(), 100);
                  }
                  void reactive() {
                    pool.preparedQuery(\"""
                        -- BUG: DistinctOverFanOutJoin at DISTINCT
                        SELECT DISTINCT c.id FROM customers c
                          JOIN orders o ON o.customer_id = c.id
                         WHERE o.total > $1\""");
                    // BUG: DistinctOverFanOutJoin at DISTINCT
                    client.sql("SELECT DISTINCT c.id, c.email FROM customers c JOIN orders o ON o.customer_id = c.id WHERE o.status = :status");
                  }
                }
                """).doTest();
    }

    @Test
    void springOperationObjectsAndBatchUpdate() {
        helper.addSource("com/acme/shop/Reports.java", """
                package com.acme.shop;
                import javax.sql.DataSource;
                import org.springframework.jdbc.core.JdbcTemplate;
                import org.springframework.jdbc.object.MappingSqlQuery;
                class Reports {
                  // BUG: DistinctOverFanOutJoin at DISTINCT
                  static final String BUYERS = "SELECT DISTINCT c.id FROM customers c JOIN orders o ON o.customer_id = c.id WHERE o.placed_at > ?";
                  static final String CLEAN = "DELETE FROM carts WHERE stale";

                  static class BuyersQuery extends MappingSqlQuery<Long> {
                    BuyersQuery(DataSource ds) {
                      super(ds, BUYERS);
                    }
                    @Override protected Long mapRow(java.sql.ResultSet rs, int row) { return null; }
                  }

                  void refresh(JdbcTemplate jdbc) {
                    jdbc.batchUpdate(CLEAN,
                        // BUG: DistinctOverFanOutJoin at DISTINCT
                        "INSERT INTO buyers (id) SELECT DISTINCT c.id FROM customers c JOIN orders o ON o.customer_id = c.id");
                  }
                }
                """).doTest();
    }

    @Test
    void micronautQuery() {
        helper.addSource("com/acme/shop/CustomerRepository.java", """
                package com.acme.shop;
                import io.micronaut.data.annotation.Query;
                import io.micronaut.data.jdbc.annotation.JdbcRepository;
                import io.micronaut.data.repository.CrudRepository;
                @JdbcRepository
                interface CustomerRepository extends CrudRepository<Customer, Long> {
                  // BUG: DistinctOverFanOutJoin at DISTINCT
                  @Query("SELECT DISTINCT c.* FROM customers c JOIN orders o ON o.customer_id = c.id WHERE o.total > :min")
                  java.util.List<Customer> spenders(long min);
                }
                """).doTest();
    }

    @Test
    void jdbiClasspathSqlFileIsReportedInTheFile() {
        helper.addResource("com/acme/shop/CustomerDao/buyers.sql", """
                -- customers who ever ordered
                -- BUG: DistinctOverFanOutJoin at DISTINCT
                SELECT DISTINCT c.id
                  FROM customers c
                  JOIN orders o ON o.customer_id = c.id
                """);
        helper.addSource("com/acme/shop/CustomerDao.java", """
                package com.acme.shop;
                import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
                import org.jdbi.v3.sqlobject.statement.SqlQuery;
                @UseClasspathSqlLocator
                interface CustomerDao {
                  @SqlQuery
                  java.util.List<Long> buyers();
                }
                """).doTest();
    }

    @Test
    void jdbiFreemarkerBranchIsReportedWhereItIsWritten() {
        helper.addSource("com/acme/shop/OrderDao.java", """
                package com.acme.shop;
                import org.jdbi.v3.freemarker.UseFreemarkerEngine;
                import org.jdbi.v3.sqlobject.statement.SqlQuery;
                @UseFreemarkerEngine
                interface OrderDao {
                  @SqlQuery(\"""
                      SELECT c.id FROM customers c
                      <#if withOrders>
                      -- BUG: DistinctOverFanOutJoin at DISTINCT
                      WHERE c.id IN (SELECT DISTINCT c2.id FROM customers c2 JOIN orders o ON o.customer_id = c2.id)
                      </#if>
                      \""")
                  java.util.List<Long> customers(boolean withOrders);
                }
                """).doTest();
    }

    @Test
    void hibernateFormulaIsReadAroundItsEntityTable() {
        helper.withProjectSchema().addSource("com/acme/shop/Customer.java", """
                package com.acme.shop;
                import jakarta.persistence.*;
                import org.hibernate.annotations.Formula;
                @Entity
                @Table(name = "customers")
                class Customer {
                  @Id Long id;
                  // BUG: DistinctOverFanOutJoin at DISTINCT
                  @Formula("(SELECT count(DISTINCT p.id) FROM products p JOIN order_items i ON i.product_id = p.id WHERE i.customer_id = id)")
                  int productsBought;
                }
                """).doTest();
    }

    @Test
    void theFixedSqlInEveryFamilyIsClean() {
        helper.addResource("com/acme/shop/CustomerDao/buyers.sql",
                "SELECT c.id FROM customers c WHERE EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = c.id)\n");
        helper.addSource("com/acme/shop/CustomerDao.java", """
                package com.acme.shop;
                import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
                import org.jdbi.v3.sqlobject.statement.SqlQuery;
                @UseClasspathSqlLocator
                interface CustomerDao {
                  @SqlQuery
                  java.util.List<Long> buyers();
                }
                """);
        helper.addSource("com/acme/shop/Queries.java", """
                package com.acme.shop;
                import java.sql.Connection;
                import io.vertx.sqlclient.Pool;
                import org.apache.commons.dbutils.QueryRunner;
                class Queries {
                  static final String BUYERS = "SELECT c.id FROM customers c WHERE EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = c.id)";
                  void run(QueryRunner run, Connection conn, Pool pool) throws Exception {
                    run.query(conn, BUYERS, rs -> null);
                    pool.preparedQuery(BUYERS + " AND c.id > $1");
                  }
                }
                """).expectNoFindings(3);
    }

    @Test
    void restrictionConditionIsCheckedLikeAnyWhereClause() {
        LintTestHelper.forRule(OrAcrossAccessPaths.class).withProjectSchema().addSource("com/acme/docs/Invoice.java", """
                package com.acme.docs;
                import jakarta.persistence.*;
                import org.hibernate.annotations.SQLRestriction;
                @Entity
                @Table(name = "invoices")
                // BUG: OrAcrossAccessPaths at OR
                @SQLRestriction("customer_id = 42 OR id IN (SELECT s.invoice_id FROM invoice_shares s WHERE s.shared_with = 42)")
                class Invoice {
                  @Id Long id;
                  Long customerId;
                }
                """).doTest();
    }
}
