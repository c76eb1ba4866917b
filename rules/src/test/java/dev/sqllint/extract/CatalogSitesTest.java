package dev.sqllint.extract;

import dev.sqllint.extract.sinks.SinkCatalog;
import dev.sqllint.sql.Placeholders;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static dev.sqllint.extract.ExtractorFixture.summary;
import static dev.sqllint.extract.ExtractorFixture.texts;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** One test per catalogue family beyond JDBC/JPA/Spring Data: the sites it yields, at which argument, with which SQL. */
class CatalogSitesTest {

    private final ExtractorFixture fx = new ExtractorFixture();

    @Test
    void commonsDbUtilsTakesTheFirstArgumentThatIsSqlAfterAConnection() {
        fx.source("com/acme/billing/InvoiceRepository.java", """
                package com.acme.billing;
                import java.sql.Connection;
                import javax.sql.DataSource;
                import org.apache.commons.dbutils.QueryRunner;
                import org.apache.commons.dbutils.AsyncQueryRunner;
                import org.apache.commons.dbutils.handlers.BeanListHandler;
                class InvoiceRepository {
                  private static final String OPEN = "SELECT i.id, i.total FROM invoices i WHERE i.status = 'open'";
                  private final QueryRunner run;
                  private final AsyncQueryRunner async;
                  InvoiceRepository(DataSource ds, AsyncQueryRunner async) { this.run = new QueryRunner(ds); this.async = async; }
                  Object open() throws Exception {
                    return run.query(OPEN, new BeanListHandler<>(Invoice.class));
                  }
                  int close(Connection conn, long id) throws Exception {
                    return run.update(conn, "UPDATE invoices SET status = 'closed' WHERE id = ?", id);
                  }
                  void archive(Connection conn) throws Exception {
                    run.execute(conn, "DELETE FROM invoices WHERE status = 'void'");
                    async.insert(conn, "INSERT INTO audit (what) VALUES (?)", null, "archive");
                  }
                }
                """);
        assertEquals(List.of(
                "QueryRunner.query 13:22: SELECT i.id, i.total FROM invoices i WHERE i.status = 'open'",
                "QueryRunner.update 16:29: UPDATE invoices SET status = 'closed' WHERE id = ?",
                "QueryRunner.execute 19:23: DELETE FROM invoices WHERE status = 'void'",
                "AsyncQueryRunner.insert 20:24: INSERT INTO audit (what) VALUES (?)"), summary(fx.sites("com/acme/billing/InvoiceRepository.java")));
    }

    @Test
    void vertxSqlClientPoolAndConnection() {
        fx.source("com/acme/shop/OrderStore.java", """
                package com.acme.shop;
                import io.vertx.sqlclient.Pool;
                import io.vertx.sqlclient.SqlConnection;
                import io.vertx.sqlclient.Tuple;
                import io.vertx.pgclient.PgPool;
                class OrderStore {
                  private final Pool pool;
                  private final PgPool pg;
                  OrderStore(Pool pool, PgPool pg) { this.pool = pool; this.pg = pg; }
                  void load(long id) {
                    pool.preparedQuery("SELECT o.id, o.total FROM orders o WHERE o.id = $1").execute(Tuple.of(id));
                    pg.query("SELECT count(*) FROM orders").execute();
                  }
                  void inTx(SqlConnection conn) {
                    conn.prepare("UPDATE orders SET status = $1 WHERE id = $2");
                  }
                }
                """);
        assertEquals(List.of(
                "Pool.preparedQuery 11:24: SELECT o.id, o.total FROM orders o WHERE o.id = $1",
                "PgPool.query 12:14: SELECT count(*) FROM orders",
                "SqlConnection.prepare 15:18: UPDATE orders SET status = $1 WHERE id = $2"), summary(fx.sites("com/acme/shop/OrderStore.java")));
    }

    @Test
    void r2dbcDatabaseClientSupplierAndSpiConnection() {
        fx.source("com/acme/users/UserRepository.java", """
                package com.acme.users;
                import io.r2dbc.spi.Batch;
                import io.r2dbc.spi.Connection;
                import org.springframework.r2dbc.core.DatabaseClient;
                class UserRepository {
                  private final DatabaseClient client;
                  UserRepository(DatabaseClient client) { this.client = client; }
                  Object byEmail(String email) {
                    return client.sql("SELECT u.id FROM users u WHERE u.email = :email").bind("email", email).fetch().one();
                  }
                  Object active() {
                    return client.sql(() -> "SELECT u.id FROM users u WHERE u.active").fetch().all();
                  }
                  Object purge(Connection connection, Batch batch) {
                    batch.add("DELETE FROM sessions WHERE user_id IS NULL");
                    return connection.createStatement("DELETE FROM users WHERE deleted_at < $1").bind("$1", 0).execute();
                  }
                }
                """);
        assertEquals(List.of(
                "DatabaseClient.sql 9:23: SELECT u.id FROM users u WHERE u.email = :email",
                "DatabaseClient.sql 12:29: SELECT u.id FROM users u WHERE u.active",
                "Batch.add 15:15: DELETE FROM sessions WHERE user_id IS NULL",
                "Connection.createStatement 16:39: DELETE FROM users WHERE deleted_at < $1"),
                summary(fx.sites("com/acme/users/UserRepository.java")));
    }

    @Test
    void springJdbcOperationObjectsThroughConstructorsSuperCallsAndSetSql() {
        fx.source("com/acme/hr/EmployeeQueries.java", """
                package com.acme.hr;
                import java.sql.ResultSet;
                import java.sql.Types;
                import javax.sql.DataSource;
                import org.springframework.jdbc.core.PreparedStatementCreatorFactory;
                import org.springframework.jdbc.object.MappingSqlQuery;
                import org.springframework.jdbc.object.SqlUpdate;
                class EmployeeQueries {
                  static final String BY_DEPT = "SELECT e.id, e.name FROM employees e WHERE e.dept_id = ?";

                  static class EmployeesByDept extends MappingSqlQuery<String> {
                    EmployeesByDept(DataSource ds) {
                      super(ds, BY_DEPT);
                      declareParameter(new org.springframework.jdbc.core.SqlParameter(Types.BIGINT));
                    }
                    @Override protected String mapRow(ResultSet rs, int row) { return null; }
                  }

                  static class RaiseSalary extends SqlUpdate {
                    RaiseSalary(DataSource ds) {
                      setDataSource(ds);
                      setSql("UPDATE employees SET salary = salary * 1.1 WHERE id = ?");
                    }
                  }

                  Object adHoc(DataSource ds) {
                    SqlUpdate fire = new SqlUpdate();
                    fire.setSql("DELETE FROM employees WHERE id = ?");
                    new PreparedStatementCreatorFactory("SELECT e.id FROM employees e WHERE e.name = ?", Types.VARCHAR);
                    return new MappingSqlQuery<String>(ds, "SELECT d.name FROM departments d") {
                      @Override protected String mapRow(ResultSet rs, int row) { return null; }
                    };
                  }
                }
                """);
        assertEquals(List.of(
                "new MappingSqlQuery 13:17: SELECT e.id, e.name FROM employees e WHERE e.dept_id = ?",
                "SqlUpdate.setSql 22:14: UPDATE employees SET salary = salary * 1.1 WHERE id = ?",
                "SqlUpdate.setSql 28:17: DELETE FROM employees WHERE id = ?",
                "new PreparedStatementCreatorFactory 29:41: SELECT e.id FROM employees e WHERE e.name = ?",
                "new MappingSqlQuery 30:44: SELECT d.name FROM departments d"), summary(fx.sites("com/acme/hr/EmployeeQueries.java")));
    }

    @Test
    void aBaseQueryClassOfTheProjectPassesItsSubclassesSql() {
        fx.source("com/acme/hr/BaseQuery.java", """
                package com.acme.hr;
                import javax.sql.DataSource;
                import org.springframework.jdbc.object.MappingSqlQuery;
                abstract class BaseQuery<T> extends MappingSqlQuery<T> {
                  BaseQuery(DataSource ds, String sql) {
                    super(ds, sql);
                    compile();
                  }
                }
                """);
        fx.source("com/acme/hr/ManagersQuery.java", """
                package com.acme.hr;
                import javax.sql.DataSource;
                class ManagersQuery extends BaseQuery<String> {
                  ManagersQuery(DataSource ds) {
                    super(ds, "SELECT e.id FROM employees e WHERE e.is_manager");
                  }
                  @Override protected String mapRow(java.sql.ResultSet rs, int row) { return null; }
                }
                """);
        assertEquals(List.of("new MappingSqlQuery 5:15: SELECT e.id FROM employees e WHERE e.is_manager"),
                summary(fx.sites("com/acme/hr/ManagersQuery.java")));
        assertEquals(List.of(), fx.sites("com/acme/hr/BaseQuery.java"));
        assertEquals(List.of("new MappingSqlQuery 6:15: entirely dynamic argument"), fx.unresolvedSummary());
    }

    @Test
    void batchUpdateOfSeveralStatementsIsOneSitePerStatement() {
        fx.source("com/acme/jobs/Cleanup.java", """
                package com.acme.jobs;
                import java.util.List;
                import org.springframework.jdbc.core.JdbcTemplate;
                class Cleanup {
                  static final String DROP_ITEMS = "DELETE FROM order_items WHERE order_id IN (SELECT id FROM orders WHERE archived)";
                  static final String DROP_ORDERS = "DELETE FROM orders WHERE archived";
                  private final JdbcTemplate jdbc;
                  Cleanup(JdbcTemplate jdbc) { this.jdbc = jdbc; }
                  void run(List<Object[]> rows) {
                    jdbc.batchUpdate(DROP_ITEMS, DROP_ORDERS);
                    jdbc.batchUpdate(new String[] {"DELETE FROM carts WHERE stale", "DELETE FROM sessions WHERE stale"});
                    jdbc.batchUpdate("INSERT INTO audit (what) VALUES (?)", rows);
                  }
                }
                """);
        assertEquals(List.of(
                "JdbcTemplate.batchUpdate 10:22: DELETE FROM order_items WHERE order_id IN (SELECT id FROM orders WHERE archived)",
                "JdbcTemplate.batchUpdate 10:34: DELETE FROM orders WHERE archived",
                "JdbcTemplate.batchUpdate 11:36: DELETE FROM carts WHERE stale",
                "JdbcTemplate.batchUpdate 11:69: DELETE FROM sessions WHERE stale",
                "JdbcTemplate.batchUpdate 12:22: INSERT INTO audit (what) VALUES (?)"), summary(fx.sites("com/acme/jobs/Cleanup.java")));
    }

    @Test
    void micronautDataQueryIsReadAsSqlUnderItsOwnName() {
        fx.source("com/acme/books/BookRepository.java", """
                package com.acme.books;
                import io.micronaut.data.annotation.Query;
                import io.micronaut.data.jdbc.annotation.JdbcRepository;
                import io.micronaut.data.repository.CrudRepository;
                @JdbcRepository
                interface BookRepository extends CrudRepository<Book, Long> {
                  @Query(value = "SELECT b.* FROM book b WHERE b.title LIKE :title", countQuery = "SELECT count(*) FROM book b WHERE b.title LIKE :title")
                  java.util.List<Book> search(String title);
                }
                """);
        List<SqlSite> sites = fx.sites("com/acme/books/BookRepository.java");
        assertEquals(List.of("@Query (Micronaut) 7:18: SELECT b.* FROM book b WHERE b.title LIKE :title",
                "@Query (Micronaut).countQuery 7:83: SELECT count(*) FROM book b WHERE b.title LIKE :title"), summary(sites));
        assertEquals(Language.SQL, sites.get(0).language());
        assertEquals(SourceKind.MICRONAUT_DATA, SourceKind.of(sites.get(1)));
    }

    @Test
    void jdbiHandleCallsExpandDefinedAttributes() {
        fx.source("com/acme/tags/TagDao.java", """
                package com.acme.tags;
                import org.jdbi.v3.core.Handle;
                class TagDao {
                  Object byTable(Handle handle, String table) {
                    return handle.createQuery("SELECT t.id FROM <table> t WHERE t.name = :name AND t.id IN (<ids>)")
                        .define("table", table).bind("name", "x").mapToMap().list();
                  }
                  void touch(Handle handle) {
                    handle.execute("UPDATE tags SET seen = now() WHERE name < 'm'");
                  }
                }
                """);
        String d = Placeholders.DYNAMIC;
        assertEquals(List.of("Handle.createQuery 5:31: SELECT t.id FROM " + d + " t WHERE t.name = :name AND t.id IN (" + d + ")",
                "Handle.execute 9:20: UPDATE tags SET seen = now() WHERE name < 'm'"), summary(fx.sites("com/acme/tags/TagDao.java")));
    }

    @Test
    void hibernateSubselectAndCustomCrudSqlAreStatements() {
        fx.source("com/acme/stats/CustomerTotals.java", """
                package com.acme.stats;
                import jakarta.persistence.Entity;
                import jakarta.persistence.Id;
                import org.hibernate.annotations.Subselect;
                import org.hibernate.annotations.SQLDelete;
                @Entity
                @Subselect("SELECT c.id, sum(o.total) AS total FROM customers c JOIN orders o ON o.customer_id = c.id GROUP BY c.id")
                @SQLDelete(sql = "UPDATE customers SET deleted = true WHERE id = ?")
                class CustomerTotals {
                  @Id Long id;
                }
                """);
        assertEquals(List.of(
                "@Subselect 7:12: SELECT c.id, sum(o.total) AS total FROM customers c JOIN orders o ON o.customer_id = c.id GROUP BY c.id",
                "@SQLDelete 8:18: UPDATE customers SET deleted = true WHERE id = ?"), summary(fx.sites("com/acme/stats/CustomerTotals.java")));
    }

    @Test
    void hibernateFragmentsAreWrappedAroundTheirEntityTable() {
        fx.entityTables(Map.of("com.acme.crm.Customer", "customer", "com.acme.crm.Note", "crm_note"));
        fx.source("com/acme/crm/Note.java", """
                package com.acme.crm;
                @jakarta.persistence.Entity
                @jakarta.persistence.Table(name = "crm_note")
                class Note {
                  @jakarta.persistence.Id Long id;
                  boolean pinned;
                  @jakarta.persistence.ManyToOne Customer customer;
                }
                """);
        fx.source("com/acme/crm/Customer.java", """
                package com.acme.crm;
                import jakarta.persistence.*;
                import java.util.List;
                import org.hibernate.annotations.Formula;
                import org.hibernate.annotations.SQLRestriction;
                import org.hibernate.annotations.Where;
                @Entity
                @SQLRestriction("deleted = false")
                class Customer {
                  @Id Long id;
                  @Formula("(SELECT count(*) FROM orders o WHERE o.customer_id = id)")
                  int orderCount;
                  @OneToMany(mappedBy = "customer")
                  @Where(clause = "pinned = true")
                  List<Note> pinnedNotes;
                }
                """);
        List<SqlSite> sites = fx.sites("com/acme/crm/Customer.java");
        assertEquals(List.of(
                "@SQLRestriction 8:17: SELECT 1 FROM customer WHERE deleted = false",
                "@Formula 11:12: SELECT (SELECT count(*) FROM orders o WHERE o.customer_id = id) FROM customer",
                "@Where 14:19: SELECT 1 FROM crm_note WHERE pinned = true"), summary(sites));
        // the words added around a fragment take its first and last character's position
        SqlSite formula = sites.get(1);
        assertEquals(11, formula.variants().get(0).originAt(0).line());
        assertEquals(13, formula.variants().get(0).originAt(0).column());
        assertEquals(SourceKind.JPA_HIBERNATE, SourceKind.of(formula));
    }

    @Test
    void aFragmentWhoseTableIsUnknownIsSkippedAndCounted() {
        fx.source("com/acme/crm/Lead.java", """
                package com.acme.crm;
                import org.hibernate.annotations.Formula;
                @jakarta.persistence.Entity
                class Lead {
                  @Formula("upper(name)")
                  String upperName;
                }
                """);
        assertEquals(List.of(), fx.sites("com/acme/crm/Lead.java"));
        assertEquals(List.of("@Formula 5:12: fragment's entity table unknown"), fx.unresolvedSummary());
    }

    @Test
    void unresolvedSitesSayWhy() {
        fx.source("com/acme/reports/ReportRunner.java", """
                package com.acme.reports;
                import java.sql.Connection;
                import org.springframework.jdbc.core.JdbcTemplate;
                class ReportRunner {
                  private final JdbcTemplate jdbc;
                  private final LegacyDb legacy;
                  ReportRunner(JdbcTemplate jdbc, LegacyDb legacy) { this.jdbc = jdbc; this.legacy = legacy; }
                  Object run(String reportSql, Connection c) throws Exception {
                    jdbc.queryForList(reportSql);
                    jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<Object>) con -> null);
                    legacy.query("SELECT r.id FROM reports r WHERE r.owner = ?");
                    return factory().prepareStatement(reportSql);
                  }
                  Object factory() { return null; }
                }
                """);
        fx.source("com/acme/reports/LegacyDb.java", """
                package com.acme.reports;
                interface LegacyDb { Object query(String sql); }
                """);
        assertEquals(List.of(), fx.sites("com/acme/reports/ReportRunner.java"));
        assertEquals(List.of(
                "JdbcTemplate.queryForList 9:23: entirely dynamic argument",
                "LegacyDb.query 11:18: receiver type not a sink (com.acme.reports.LegacyDb)",
                "?.prepareStatement 12:39: receiver type unread, text not a statement"), fx.unresolvedSummary());
    }

    @Test
    void anUntypedLambdaConnectionIsReadByTheTextItIsGiven() {
        fx.source("com/acme/loans/GuarantorReader.java", """
                package com.acme.loans;
                import java.sql.PreparedStatement;
                import org.springframework.jdbc.core.JdbcTemplate;
                class GuarantorReader {
                  private final JdbcTemplate jdbcTemplate;
                  GuarantorReader(JdbcTemplate t) { this.jdbcTemplate = t; }
                  Object read(long loanId) {
                    String sql = "SELECT g.id FROM m_guarantor g WHERE g.loan_id = ?";
                    return this.jdbcTemplate.query(con -> {
                      PreparedStatement ps = con.prepareStatement(sql);
                      ps.setLong(1, loanId);
                      return ps;
                    }, (rs, i) -> rs.getLong(1));
                  }
                }
                """);
        assertEquals(List.of("?.prepareStatement 10:51: SELECT g.id FROM m_guarantor g WHERE g.loan_id = ?"),
                summary(fx.sites("com/acme/loans/GuarantorReader.java")));
        assertEquals(List.of(), fx.unresolvedSummary());
    }

    @Test
    void everyCatalogueApiBelongsToOneSourceKind() {
        SinkCatalog catalog = SinkCatalog.standard();
        assertEquals(java.util.Set.of(), catalog.ambiguousApis());
        assertEquals(SourceKind.SPRING_JDBC, SourceKind.of("JdbcTemplate.query"));
        assertEquals(SourceKind.SPRING_JDBC, SourceKind.of("new MappingSqlQuery"));
        assertEquals(SourceKind.JDBC, SourceKind.of("Connection.prepareStatement"));
        assertEquals(SourceKind.R2DBC, SourceKind.of("Connection.createStatement"));
        assertEquals(SourceKind.JPA_HIBERNATE, SourceKind.of("EntityManager.createQuery"));
        assertEquals(SourceKind.JPA_HIBERNATE, SourceKind.of("@NamedNativeQuery"));
        assertEquals(SourceKind.SPRING_DATA_QUERY, SourceKind.of("@Query"));
        assertEquals(SourceKind.SPRING_DATA_QUERY, SourceKind.of("@Query.countQuery"));
        assertEquals(SourceKind.MYBATIS_ANNOTATIONS, SourceKind.of("@Select"));
        assertEquals(SourceKind.JDBI, SourceKind.of("@SqlQuery"));
        assertEquals(SourceKind.VERTX, SourceKind.of("Pool.preparedQuery"));
        assertEquals(SourceKind.DBUTILS, SourceKind.of("QueryRunner.query"));
        assertEquals(SourceKind.UNKNOWN_RECEIVER, SourceKind.of("?.query"));
        assertEquals("<select>", SourceKind.of("<select>").label()); // another extractor's site: its own kind
    }

    @Test
    void oneSiteKeepsItsVariantsAcrossFamilies() {
        fx.source("com/acme/shop/Search.java", """
                package com.acme.shop;
                import io.vertx.sqlclient.SqlClient;
                class Search {
                  void run(SqlClient client, boolean archived) {
                    client.query("SELECT o.id FROM " + (archived ? "orders_archive" : "orders") + " o").execute();
                  }
                }
                """);
        assertEquals(List.of("SELECT o.id FROM orders_archive o", "SELECT o.id FROM orders o"),
                texts(fx.sites("com/acme/shop/Search.java").get(0)));
    }
}
