package dev.sqllint.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sqllint.engine.AnalysisResult;
import dev.sqllint.engine.Finding;
import dev.sqllint.testing.LintTestHelper;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueryInLoopTest {

    private final LintTestHelper helper = LintTestHelper.forRule(QueryInLoop.class);

    @Test
    void jdbcTemplateQueryPerRowOfAnotherQueryThroughALocal() {
        AnalysisResult r = helper.addSource("com/acme/OrderDao.java", """
                package com.acme;
                import java.util.ArrayList;
                import java.util.List;
                import java.util.Map;
                import org.springframework.jdbc.core.JdbcTemplate;
                class OrderDao {
                  JdbcTemplate jdbc;
                  List<String> skusOfOpenOrders() {
                    List<String> skus = new ArrayList<>();
                    List<Map<String, Object>> orders = jdbc.queryForList("SELECT o.id FROM orders o WHERE o.status = 'open'");
                    for (Map<String, Object> order : orders) {
                      // BUG: QueryInLoop at SELECT l.sku
                      skus.addAll(jdbc.queryForList("SELECT l.sku FROM order_lines l WHERE l.order_id = ?", String.class,
                          order.get("id")));
                    }
                    return skus;
                  }
                }
                """).doTest();
        assertEquals(List.of("SELECT l.sku FROM order_lines l WHERE l.order_id = ? runs once per row of SELECT o.id FROM "
                + "orders o WHERE o.status = 'open' (the loop at line 11): N+1 queries, one round trip each, growing with "
                + "the rows (in a production incident: hundreds of lookups in a loop, one per student, made an endpoint "
                + "average over 12 s). Advice for PostgreSQL: read every row's in one query: l.order_id = ANY(?) with the "
                + "keys of all the outer rows as one array, or join order_lines l to the outer query on l.order_id."),
                messages(r));
    }

    @Test
    void jdbcWhileOverResultSetAndAStatementPreparedBeforeTheLoop() {
        helper.addSource("com/acme/LegacyReport.java", """
                package com.acme;
                import java.sql.Connection;
                import java.sql.PreparedStatement;
                import java.sql.ResultSet;
                import java.sql.SQLException;
                class LegacyReport {
                  void print(Connection conn) throws SQLException {
                    PreparedStatement customers = conn.prepareStatement("SELECT c.id, c.name FROM customers c");
                    PreparedStatement invoices = conn.prepareStatement("SELECT sum(i.total) FROM invoices i WHERE i.customer_id = ?");
                    ResultSet rs = customers.executeQuery();
                    while (rs.next()) {
                      invoices.setLong(1, rs.getLong(1));
                      // BUG: QueryInLoop at executeQuery
                      ResultSet sum = invoices.executeQuery();
                      sum.next();
                    }
                  }
                }
                """).doTest();
    }

    @Test
    void jdbcTemplateRowMapperAndResultSetExtractorThatQueryPerRow() {
        helper.addSource("com/acme/ShipmentDao.java", """
                package com.acme;
                import java.util.ArrayList;
                import java.util.List;
                import org.springframework.jdbc.core.JdbcTemplate;
                class ShipmentDao {
                  JdbcTemplate jdbc;
                  List<String> carriers() {
                    return jdbc.query("SELECT s.id, s.order_id FROM shipments s", (rs, rowNum) ->
                        // BUG: QueryInLoop at SELECT
                        jdbc.queryForObject("SELECT o.status FROM orders o WHERE o.id = ?", String.class, rs.getLong("order_id")));
                  }
                  List<String> statuses() {
                    return jdbc.query("SELECT s.order_id FROM shipments s", rs -> {
                      List<String> out = new ArrayList<>();
                      while (rs.next()) {
                        // BUG: QueryInLoop at SELECT
                        out.add(jdbc.queryForObject("SELECT o.status FROM orders o WHERE o.id = ?", String.class, rs.getLong(1)));
                      }
                      return out;
                    });
                  }
                  List<String> setterRunsOnce(long id) {
                    return jdbc.query("SELECT s.carrier FROM shipments s WHERE s.order_id = ?", ps -> ps.setLong(1, id),
                        (rs, rowNum) -> rs.getString(1));
                  }
                }
                """).doTest();
    }

    @Test
    void springDataFindByIdPerRowOfAFinderAndItsFindAllById() {
        AnalysisResult r = helper.addSource("com/acme/CustomerRepository.java", """
                package com.acme;
                import org.springframework.data.jpa.repository.JpaRepository;
                interface CustomerRepository extends JpaRepository<Customer, Long> {
                }
                """).addSource("com/acme/OrderRepository.java", """
                package com.acme;
                import java.util.List;
                import org.springframework.data.jpa.repository.JpaRepository;
                interface OrderRepository extends JpaRepository<Order, Long> {
                  List<Order> findByStatus(String status);
                }
                """).addSource("com/acme/Entities.java", """
                package com.acme;
                import jakarta.persistence.Entity;
                import jakarta.persistence.Id;
                @Entity class Customer { @Id Long id; String name; }
                @Entity class Order { @Id Long id; Long customerId; String status; }
                """).addSource("com/acme/OrderService.java", """
                package com.acme;
                import java.util.List;
                class OrderService {
                  OrderRepository orders;
                  CustomerRepository customers;
                  void remind() {
                    orders.findByStatus("open").forEach(o -> {
                      // BUG: QueryInLoop at findById
                      Customer c = customers.findById(o.customerId).orElseThrow();
                    });
                  }
                  void remindAll(List<Long> ids) {
                    // the fix: one call for every row
                    List<Customer> all = customers.findAllById(orders.findByStatus("open").stream().map(o -> o.customerId).toList());
                  }
                }
                """).doTest();
        assertEquals(List.of("customers.findById(...) runs once per row of orders.findByStatus(...) (the loop at line 7): "
                + "N+1 queries, one round trip each, growing with the rows (in a production incident: hundreds of lookups "
                + "in a loop, one per student, made an endpoint average over 12 s). Advice for PostgreSQL: load them in "
                + "one call: customers.findAllById(ids) with the keys of all the outer rows, or join them in the outer "
                + "query."), messages(r));
    }

    @Test
    void entityManagerFindAndQueryInAStreamOverAQuerysResultList() {
        helper.addSource("com/acme/InvoiceDao.java", """
                package com.acme;
                import jakarta.persistence.EntityManager;
                import java.util.List;
                class InvoiceDao {
                  EntityManager em;
                  List<Object> owners() {
                    return em.createQuery("SELECT i.ownerId FROM Invoice i WHERE i.total > 100", Long.class).getResultList()
                        .stream()
                        // BUG: QueryInLoop at find
                        .map(id -> (Object) em.find(Customer.class, id))
                        .toList();
                  }
                  void touch() {
                    for (Long id : em.createQuery("SELECT i.id FROM Invoice i", Long.class).getResultList()) {
                      // BUG: QueryInLoop at SELECT
                      em.createNativeQuery("SELECT count(*) FROM invoice_shares s WHERE s.invoice_id = ?1")
                          .setParameter(1, id).getSingleResult();
                    }
                  }
                }
                """).doTest();
    }

    @Test
    void myBatisMapperAndJdbiSqlObjectMethodsCalledPerRow() {
        AnalysisResult r = helper.addSource("com/acme/LineMapper.java", """
                package com.acme;
                import java.util.List;
                import org.apache.ibatis.annotations.Mapper;
                import org.apache.ibatis.annotations.Select;
                @Mapper
                interface LineMapper {
                  @Select("SELECT id FROM orders WHERE status = #{status}")
                  List<Long> openOrders(String status);
                  List<String> skus(long orderId);
                }
                """).addSource("com/acme/ShipmentDao.java", """
                package com.acme;
                import java.util.List;
                import org.jdbi.v3.sqlobject.statement.SqlBatch;
                import org.jdbi.v3.sqlobject.statement.SqlQuery;
                import org.jdbi.v3.sqlobject.statement.SqlUpdate;
                interface ShipmentDao {
                  @SqlQuery("SELECT id FROM shipments WHERE carrier = ?")
                  List<Long> byCarrier(String carrier);
                  @SqlUpdate("UPDATE shipments SET carrier = ? WHERE id = ?")
                  void move(String carrier, long id);
                  @SqlBatch("UPDATE shipments SET carrier = ? WHERE id = ?")
                  void moveAll(List<String> carriers, List<Long> ids);
                }
                """).addSource("com/acme/Fulfilment.java", """
                package com.acme;
                import java.util.List;
                class Fulfilment {
                  LineMapper lines;
                  ShipmentDao shipments;
                  void run() {
                    List<Long> open = lines.openOrders("open");
                    for (int i = 0; i < open.size(); i++) {
                      // BUG: QueryInLoop at skus
                      lines.skus(open.get(i));
                    }
                    for (Long id : shipments.byCarrier("old")) {
                      // BUG: QueryInLoop at move
                      shipments.move("new", id);
                    }
                    List<Long> ids = shipments.byCarrier("old");
                    for (Long id : ids) {
                      shipments.moveAll(List.of("new"), List.of(id)); // a batch: one round trip per call, as written
                    }
                  }
                }
                """).doTest();
        assertEquals("shipments.move(...) (UPDATE shipments SET carrier = ? WHERE id = ?) runs once per row of "
                + "shipments.byCarrier(...) (SELECT id FROM shipments WHERE carrier = ?) (the loop at line 12)",
                r.findings().get(1).message().substring(0, r.findings().get(1).message().indexOf(": N+1")));
    }

    /** A mapper interface with no annotation, implemented by an XML mapper (MyBatis Generator's, or found by @MapperScan). */
    @Test
    void anXmlMappedInterfaceMethodCalledPerRowOfAnother() {
        helper.addResource("mapper/StockMapper.xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE mapper PUBLIC "-//mybatis.org//DTD Mapper 3.0//EN" "http://mybatis.org/dtd/mybatis-3-mapper.dtd">
                <mapper namespace="com.acme.mapper.StockMapper">
                  <select id="lowStock" resultType="long">SELECT product_id FROM stock WHERE quantity &lt; 5</select>
                  <select id="supplierOf" resultType="string">SELECT supplier FROM products WHERE id = #{id}</select>
                </mapper>
                """).addSource("com/acme/mapper/StockMapper.java", """
                package com.acme.mapper;
                import java.util.List;
                public interface StockMapper {
                  List<Long> lowStock();
                  String supplierOf(long id);
                }
                """).addSource("com/acme/service/ReorderService.java", """
                package com.acme.service;
                import com.acme.mapper.StockMapper;
                class ReorderService {
                  StockMapper stock;
                  void reorder() {
                    for (Long productId : stock.lowStock()) {
                      // BUG: QueryInLoop at supplierOf
                      String supplier = stock.supplierOf(productId);
                    }
                  }
                }
                """).doTest();
    }

    /** A write per row is fixed by writing the rows together, not by reading them in one query. */
    @Test
    void aMapperWritePerRowIsAdvisedToBeBatched() {
        AnalysisResult r = helper.addResource("mapper/ColumnMapper.xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE mapper PUBLIC "-//mybatis.org//DTD Mapper 3.0//EN" "http://mybatis.org/dtd/mybatis-3-mapper.dtd">
                <mapper namespace="com.acme.mapper.ColumnMapper">
                  <select id="columnsOf" resultType="com.acme.mapper.Column">
                    SELECT column_name, data_type FROM information_schema.columns WHERE table_name = #{table}
                  </select>
                  <insert id="insertColumn">INSERT INTO gen_column (name, type) VALUES (#{name}, #{type})</insert>
                </mapper>
                """).addSource("com/acme/mapper/ColumnMapper.java", """
                package com.acme.mapper;
                import java.util.List;
                public interface ColumnMapper {
                  List<Column> columnsOf(String table);
                  int insertColumn(Column c);
                }
                """).addSource("com/acme/mapper/Column.java", """
                package com.acme.mapper;
                public class Column { public String name; public String type; }
                """).addSource("com/acme/service/Generator.java", """
                package com.acme.service;
                import com.acme.mapper.Column;
                import com.acme.mapper.ColumnMapper;
                class Generator {
                  ColumnMapper columns;
                  void importTable(String table) {
                    for (Column c : columns.columnsOf(table)) {
                      // BUG: QueryInLoop at insertColumn
                      columns.insertColumn(c);
                    }
                  }
                }
                """).doTest();
        String m = r.findings().get(0).message();
        assertEquals(true, m.endsWith("write them together: one statement for all the rows (a multi-row INSERT ... VALUES "
                + "(...), (...), or UPDATE/DELETE ... WHERE key IN (...)), or one batch (JDBC addBatch/executeBatch, MyBatis "
                + "ExecutorType.BATCH, saveAll)."), m);
    }

    @Test
    void quietForLiteralCollectionsEnumValuesParametersAndBatches() {
        helper.addSource("com/acme/Maintenance.java", """
                package com.acme;
                import java.util.List;
                import java.util.Map;
                import org.springframework.jdbc.core.JdbcTemplate;
                class Maintenance {
                  enum Region { EU, US }
                  JdbcTemplate jdbc;
                  void run(List<Long> ids) {
                    for (String table : List.of("orders", "invoices")) {
                      jdbc.update("DELETE FROM audit_log WHERE table_name = ?", table);
                    }
                    for (String status : new String[] {"open", "paid"}) {
                      jdbc.queryForList("SELECT o.id FROM orders o WHERE o.status = ?", status);
                    }
                    for (Region region : Region.values()) {
                      jdbc.queryForList("SELECT c.id FROM customers c WHERE c.region = ?", region.name());
                    }
                    for (Long id : ids) {
                      jdbc.update("UPDATE orders SET status = 'paid' WHERE id = ?", id);
                    }
                    List<Map<String, Object>> rows = jdbc.queryForList("SELECT o.id FROM orders o");
                    jdbc.batchUpdate("UPDATE orders SET status = 'seen' WHERE id = ?",
                        rows.stream().map(row -> new Object[] {row.get("id")}).toList());
                    for (Map<String, Object> row : rows) {
                      System.out.println(row);
                    }
                  }
                }
                """).expectNoFindings(6);
    }

    @Test
    void quietWhereTheFirstQueryGivesOneValueNotRows() {
        helper.addSource("com/acme/AccountRepository.java", """
                package com.acme;
                import java.util.Optional;
                import org.springframework.data.jpa.repository.JpaRepository;
                interface AccountRepository extends JpaRepository<Account, Long> {
                  Optional<Account> findByEmail(String email);
                }
                """).addSource("com/acme/Account.java", """
                package com.acme;
                import jakarta.persistence.Entity;
                import jakarta.persistence.Id;
                @Entity class Account { @Id Long id; String email; Long parentId; }
                """).addSource("com/acme/AccountService.java", """
                package com.acme;
                import java.util.Optional;
                class AccountService {
                  AccountRepository accounts;
                  Optional<Account> parentOf(String email) {
                    // Optional.map runs once: no loop
                    return accounts.findByEmail(email).map(a -> a.parentId).flatMap(id -> accounts.findById(id));
                  }
                }
                """).expectNoFindings(1);
    }

    /** A stream cut to a fixed few elements runs its per-element lookups for those few, however many rows there are. */
    @Test
    void quietForAStreamLimitedToAFixedFewElements() {
        helper.addSource("com/acme/Account.java", """
                package com.acme;
                import jakarta.persistence.Entity;
                import jakarta.persistence.Id;
                @Entity class Account { @Id Long id; String email; Long parentId; String status; }
                """).addSource("com/acme/AccountRepository.java", """
                package com.acme;
                import java.util.List;
                import org.springframework.data.jpa.repository.JpaRepository;
                interface AccountRepository extends JpaRepository<Account, Long> {
                  List<Account> findByStatus(String status);
                }
                """).addSource("com/acme/AccountService.java", """
                package com.acme;
                import java.util.List;
                class AccountService {
                  AccountRepository accounts;
                  String blockedExamples() {
                    // an error message naming the first three: three lookups at most
                    return accounts.findByStatus("blocked").stream().limit(3)
                        .map(a -> accounts.findById(a.parentId).map(p -> p.email).orElse("?")).toList().toString();
                  }
                  List<String> firstParents() {
                    return accounts.findByStatus("open").stream()
                        .map(a -> accounts.findById(a.parentId).map(p -> p.email).orElse("?")).limit(5).toList();
                  }
                }
                """).expectNoFindings(1);
    }

    /**
     * JPA: findById of an id the code read from an entity it holds (the loop's row, an association of it, an entity
     * loaded before the loop) is answered by the persistence context when that entity is loaded; getById is a lazy
     * reference. A MapStruct {@code @Mapper} maps objects and issues no SQL.
     */
    @Test
    void quietForLookupsThePersistenceContextAnswersAndForMapStructMappers() {
        helper.addSource("com/acme/TicketRepository.java", """
                package com.acme;
                import java.util.List;
                import org.springframework.data.jpa.repository.JpaRepository;
                interface TicketRepository extends JpaRepository<Ticket, Long> {
                  List<Ticket> findByStatus(String status);
                }
                """).addSource("com/acme/QueueRepository.java", """
                package com.acme;
                import org.springframework.data.jpa.repository.JpaRepository;
                interface QueueRepository extends JpaRepository<Queue, Long> {
                }
                """).addSource("com/acme/Model.java", """
                package com.acme;
                import jakarta.persistence.Entity;
                import jakarta.persistence.Id;
                import jakarta.persistence.ManyToOne;
                @Entity class Queue { @Id Long id; String name; Long getId() { return id; } }
                @Entity class Ticket { @Id Long id; String status; @ManyToOne Queue queue;
                  Long getId() { return id; } Queue getQueue() { return queue; } }
                """).addSource("com/acme/TicketView.java", """
                package com.acme;
                import org.mapstruct.Mapper;
                @Mapper
                interface TicketView {
                  String toText(Ticket ticket);
                }
                """).addSource("com/acme/TicketJob.java", """
                package com.acme;
                import java.util.List;
                class TicketJob {
                  TicketRepository tickets;
                  QueueRepository queues;
                  TicketView view;
                  void run(Queue current) {
                    Long currentId = current.getId();
                    for (Ticket t : tickets.findByStatus("open")) {
                      Queue q = queues.findById(t.getQueue().getId()).orElseThrow();
                      Queue same = queues.findById(currentId).orElseThrow();
                      Queue ref = queues.getById(t.getQueue().getId());
                      String text = view.toText(t);
                      touch(t.getId());
                    }
                  }
                  private void touch(Long ticketId) {
                    tickets.findById(ticketId).ifPresent(t -> t.status = "seen");
                  }
                }
                """).expectNoFindings(1);
    }

    /** Reading page after page is one query per page; an iterator over the rows is a loop over them. */
    @Test
    void quietForAPageLoopButNotForAnIteratorOverRows() {
        helper.addSource("com/acme/EventRepository.java", """
                package com.acme;
                import java.util.List;
                import org.springframework.data.domain.Page;
                import org.springframework.data.domain.Pageable;
                import org.springframework.data.jpa.repository.JpaRepository;
                interface EventRepository extends JpaRepository<Event, Long> {
                  Page<Event> findByKind(String kind, Pageable page);
                  List<Event> findByParentId(Long parentId);
                }
                """).addSource("com/acme/Event.java", """
                package com.acme;
                import jakarta.persistence.Entity;
                import jakarta.persistence.Id;
                @Entity class Event { @Id Long id; String kind; Long parentId; }
                """).addSource("com/acme/EventExport.java", """
                package com.acme;
                import java.util.Iterator;
                import org.springframework.data.domain.Page;
                import org.springframework.data.domain.PageRequest;
                class EventExport {
                  EventRepository events;
                  void export() {
                    Page<Event> page = events.findByKind("audit", PageRequest.of(0, 500));
                    while (page.hasNext()) {
                      page = events.findByKind("audit", page.nextPageable());
                    }
                    Iterator<Event> it = events.findByKind("audit", PageRequest.of(0, 500)).iterator();
                    while (it.hasNext()) {
                      // BUG: QueryInLoop at findByParentId
                      events.findByParentId(it.next().id);
                    }
                  }
                }
                """).doTest();
    }

    /** The query runs once when the row sought is found, then the loop ends: not once per row. */
    @Test
    void quietWhereTheLoopEndsRightAfterTheQuery() {
        helper.addSource("com/acme/CouponDao.java", """
                package com.acme;
                import java.util.List;
                import java.util.Map;
                import org.springframework.jdbc.core.JdbcTemplate;
                class CouponDao {
                  JdbcTemplate jdbc;
                  void redeemFirstValid(String code) {
                    List<Map<String, Object>> coupons = jdbc.queryForList("SELECT c.id, c.code FROM coupons c WHERE c.active = true");
                    for (Map<String, Object> coupon : coupons) {
                      if (code.equals(coupon.get("code"))) {
                        jdbc.update("UPDATE coupons SET active = false WHERE id = ?", coupon.get("id"));
                        break;
                      }
                    }
                    for (Map<String, Object> coupon : coupons) {
                      if (code.equals(coupon.get("code"))) {
                        jdbc.update("UPDATE coupons SET used = used + 1 WHERE id = ?", coupon.get("id"));
                        return;
                      }
                    }
                  }
                }
                """).expectNoFindings(3);
    }

    @Test
    void aProjectMethodTheLoopCallsThatIssuesAQueryIsOneCallAwayAsInfo() {
        AnalysisResult r = helper.addSource("com/acme/PriceLookup.java", """
                package com.acme;
                import org.springframework.jdbc.core.JdbcTemplate;
                class PriceLookup {
                  JdbcTemplate jdbc;
                  Integer latestPrice(long productId) {
                    return jdbc.queryForObject("SELECT p.price FROM price_changes p WHERE p.product_id = ? ORDER BY p.changed_at DESC LIMIT 1",
                        Integer.class, productId);
                  }
                  int twice(int price) {
                    return 2 * price;
                  }
                }
                """).addSource("com/acme/Catalog.java", """
                package com.acme;
                import java.util.List;
                import org.springframework.jdbc.core.JdbcTemplate;
                class Catalog {
                  JdbcTemplate jdbc;
                  PriceLookup prices;
                  void print() {
                    List<Long> products = jdbc.queryForList("SELECT id FROM products", Long.class);
                    for (Long id : products) {
                      // BUG: QueryInLoop at latestPrice
                      Integer price = prices.latestPrice(id);
                      System.out.println(prices.twice(price));
                    }
                  }
                }
                """).doTest();
        Finding f = r.findings().get(0);
        assertEquals(Severity.INFO, f.severity());
        assertEquals("this call reaches PriceLookup.latestPrice (line 6), which issues SELECT p.price FROM price_changes p "
                + "WHERE p.product_id = ? ORDER BY p.changed_at DESC LIMIT 1; runs once per row of SELECT id FROM products "
                + "(the loop at line 9): N+1 queries", f.message().substring(0, f.message().indexOf(", one round trip")));
    }

    private static List<String> messages(AnalysisResult r) {
        return r.findings().stream().map(Finding::message).toList();
    }
}
