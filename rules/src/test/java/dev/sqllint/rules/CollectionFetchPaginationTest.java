package dev.sqllint.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqllint.engine.AnalysisResult;
import dev.sqllint.engine.Finding;
import dev.sqllint.testing.LintTestHelper;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A paged query that fetches a collection, through each API that pages (Spring Data's Pageable and Limit, a
 * query's setMaxResults/setFirstResult, Criteria, an entity graph), beside the fetches and pages that are fine.
 */
class CollectionFetchPaginationTest {

    private static final String SHOP = """
            package com.acme.shop;
            import jakarta.persistence.*;
            import java.util.List;
            import java.util.Set;
            @Entity
            @Table(name = "orders")
            @NamedEntityGraph(name = "Order.withLines", attributeNodes = @NamedAttributeNode("lines"))
            @NamedEntityGraph(name = "Order.withCustomer", attributeNodes = @NamedAttributeNode("customer"))
            public class Order {
              @Id Long id;
              String status;
              @ManyToOne(fetch = FetchType.LAZY) Customer customer;
              @OneToMany(mappedBy = "order") List<OrderLine> lines;
              @ManyToMany Set<Coupon> coupons;
              @ElementCollection Set<String> tags;
              @OneToOne(mappedBy = "order") Invoice invoice;
            }
            @Entity @Table(name = "order_lines")
            class OrderLine { @Id Long id; @ManyToOne Order order; String sku; }
            @Entity @Table(name = "customers")
            class Customer { @Id Long id; String name; @OneToMany(mappedBy = "customer") List<Order> orders; }
            @Entity @Table(name = "coupons")
            class Coupon { @Id Long id; String code; }
            @Entity @Table(name = "invoices")
            class Invoice { @Id Long id; @OneToOne Order order; }
            """;

    private LintTestHelper shop() {
        return LintTestHelper.forRule(CollectionFetchPagination.class)
                .addSource("com/acme/shop/Order.java", SHOP)
                .withProjectSchema();
    }

    @Test
    void springDataQueryWithAPageable() {
        AnalysisResult r = shop().addSource("com/acme/shop/OrderRepository.java", """
                package com.acme.shop;
                import org.springframework.data.domain.Page;
                import org.springframework.data.domain.Pageable;
                import org.springframework.data.jpa.repository.JpaRepository;
                import org.springframework.data.jpa.repository.Query;
                interface OrderRepository extends JpaRepository<Order, Long> {
                  // BUG: CollectionFetchPagination at left join fetch
                  @Query("select o from Order o left join fetch o.lines l where o.status = :status order by o.id")
                  Page<Order> findOpen(String status, Pageable pageable);
                }
                """).doTest();
        assertEquals(List.of("`left join fetch o.lines l` loads Order.lines, a collection (Order.lines is "
                + "@OneToMany (Order.java:13)), and the query is paged (`Pageable pageable` "
                + "(line 9)): Hibernate cannot page rows that repeat each Order once per element, so it runs the query "
                + "without a limit, reads every matching Order with all its lines and cuts the page in memory "
                + "(HHH90003004 / HHH000104: \"firstResult/maxResults specified with collection fetch; applying in "
                + "memory\") (in a production incident: a paged query read every matching task with all its variables, "
                + "and the service ran out of memory). Advice for PostgreSQL: page the ids first (select o.id from "
                + "Order o where o.status = ? order by o.id, with the paging), then load that page with select "
                + "distinct o from Order o left join fetch o.lines where o.id in :ids (keep the order by); or drop the "
                + "fetch and let @BatchSize on Order.lines (or hibernate.default_batch_fetch_size) load the page's "
                + "lines in a few IN queries."), messages(r));
        assertTrue(r.findings().get(0).proved());
    }

    @Test
    void entityManagerQueryPagedInTheChainOrThroughItsLocal() {
        shop().addSource("com/acme/shop/OrderDao.java", """
                package com.acme.shop;
                import jakarta.persistence.EntityManager;
                import jakarta.persistence.TypedQuery;
                import java.util.List;
                class OrderDao {
                  EntityManager em;
                  List<Order> recentWithCoupons(int size) {
                    // BUG: CollectionFetchPagination at join fetch
                    return em.createQuery("select o from Order o join fetch o.coupons where o.status = 'NEW'", Order.class)
                        .setParameter("x", 1).setMaxResults(size).getResultList();
                  }
                  List<Order> page(int first, int size) {
                    // BUG: CollectionFetchPagination at join fetch
                    TypedQuery<Order> q = em.createQuery("select o from Order o join fetch o.tags", Order.class);
                    q.setFirstResult(first);
                    q.setMaxResults(size);
                    return q.getResultList();
                  }
                  List<Order> customersOrders(int size) {
                    // through a to-one join's alias: c.orders is the collection
                    // BUG: CollectionFetchPagination at join fetch
                    return em.createQuery("select c from Customer c join fetch c.orders o where c.name = :n", Customer.class)
                        .setMaxResults(size).getResultList().stream().map(x -> (Order) null).toList();
                  }
                }
                """).doTest();
    }

    @Test
    void criteriaFetchWithSetMaxResults() {
        AnalysisResult r = shop().addSource("com/acme/shop/OrderSearch.java", """
                package com.acme.shop;
                import jakarta.persistence.EntityManager;
                import jakarta.persistence.criteria.*;
                import java.util.List;
                class OrderSearch {
                  EntityManager em;
                  List<Order> search(String status, int size) {
                    CriteriaBuilder cb = em.getCriteriaBuilder();
                    CriteriaQuery<Order> cq = cb.createQuery(Order.class);
                    Root<Order> o = cq.from(Order.class);
                    // BUG: CollectionFetchPagination at fetch
                    o.fetch("lines", JoinType.LEFT);
                    cq.select(o).where(cb.equal(o.get("status"), status));
                    return em.createQuery(cq).setMaxResults(size).getResultList();
                  }
                  List<Order> withCustomer(String status, int size) {
                    CriteriaBuilder cb = em.getCriteriaBuilder();
                    CriteriaQuery<Order> cq = cb.createQuery(Order.class);
                    Root<Order> o = cq.from(Order.class);
                    o.fetch("customer", JoinType.LEFT); // to-one: the page is cut in SQL
                    cq.select(o).where(cb.equal(o.get("status"), status));
                    return em.createQuery(cq).setMaxResults(size).getResultList();
                  }
                }
                """).doTest();
        assertTrue(messages(r).get(0).contains("Order.lines is @OneToMany (Order.java:13)"),
                messages(r).toString());
        assertTrue(messages(r).get(0).contains("the query is paged (`setMaxResults(size)` (line 14))"), messages(r).toString());
    }

    @Test
    void entityGraphOnARepositoryMethodThatPages() {
        AnalysisResult r = shop().addSource("com/acme/shop/OrderRepository.java", """
                package com.acme.shop;
                import java.util.List;
                import org.springframework.data.domain.Limit;
                import org.springframework.data.domain.Page;
                import org.springframework.data.domain.Pageable;
                import org.springframework.data.domain.Slice;
                import org.springframework.data.jpa.repository.EntityGraph;
                import org.springframework.data.jpa.repository.JpaRepository;
                import org.springframework.data.jpa.repository.Query;
                interface OrderRepository extends JpaRepository<Order, Long> {
                  @EntityGraph(attributePaths = {"customer", "lines"})
                  // BUG: CollectionFetchPagination at findByStatus
                  Page<Order> findByStatus(String status, Pageable pageable);

                  @EntityGraph(attributePaths = "coupons")
                  // BUG: CollectionFetchPagination at findAll
                  Page<Order> findAll(Pageable pageable);

                  @EntityGraph("Order.withLines")
                  // BUG: CollectionFetchPagination at findFirst20ByStatusOrderByIdDesc
                  List<Order> findFirst20ByStatusOrderByIdDesc(String status);

                  @EntityGraph(attributePaths = "customer.orders")
                  // BUG: CollectionFetchPagination at findByCustomerName
                  List<Order> findByCustomerName(String name, Limit limit);

                  @EntityGraph(attributePaths = "tags")
                  // BUG: CollectionFetchPagination at select
                  @Query("select o from Order o where o.status = :status")
                  Slice<Order> tagged(String status, Pageable pageable);
                }
                """).doTest();
        assertTrue(messages(r).get(0).startsWith("The entity graph `@EntityGraph(attributePaths = { \"customer\", "
                + "\"lines\" })` (line 11) loads Order.lines, a collection (Order.lines is @OneToMany (Order.java:13)), "
                + "and the query is paged (`Pageable pageable` (line 13))"), messages(r).get(0));
        assertTrue(messages(r).get(2).contains("(Order.java:7 @NamedEntityGraph(name = \"Order.withLines\"))"),
                messages(r).get(2));
        assertTrue(messages(r).get(2).contains("the query is paged (`findFirst20` (line 21))"), messages(r).get(2));
    }

    /**
     * A Specification that fetches, run paged by the repository: its paging is read where the file runs it, with the
     * lambda kept in a local or returned by a factory method.
     */
    @Test
    void specificationFetchRunWithAPageable() {
        AnalysisResult r = shop().addSource("com/acme/shop/OrderRepository.java", """
                package com.acme.shop;
                import org.springframework.data.jpa.repository.JpaRepository;
                import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
                interface OrderRepository extends JpaRepository<Order, Long>, JpaSpecificationExecutor<Order> {
                }
                """).addSource("com/acme/shop/OrderQueries.java", """
                package com.acme.shop;
                import jakarta.persistence.criteria.JoinType;
                import java.util.List;
                import org.springframework.data.domain.Page;
                import org.springframework.data.domain.PageRequest;
                import org.springframework.data.domain.Pageable;
                import org.springframework.data.jpa.domain.Specification;
                class OrderQueries {
                  OrderRepository orders;
                  static Specification<Order> withLines(String status) {
                    return (root, query, cb) -> {
                      // BUG: CollectionFetchPagination at fetch
                      root.fetch("lines", JoinType.LEFT);
                      return cb.equal(root.get("status"), status);
                    };
                  }
                  static Specification<Order> withCustomer(String status) {
                    return (root, query, cb) -> {
                      root.fetch("customer", JoinType.LEFT); // to-one: one row per order
                      return cb.equal(root.get("status"), status);
                    };
                  }
                  Page<Order> open(Pageable pageable) {
                    return orders.findAll(Specification.where(withLines("OPEN")), pageable);
                  }
                  Page<Order> openWithCustomer(Pageable pageable) {
                    return orders.findAll(withCustomer("OPEN"), pageable);
                  }
                  Page<Order> firstPageTagged() {
                    Specification<Order> tagged = (root, query, cb) -> {
                      // BUG: CollectionFetchPagination at fetch
                      root.fetch("tags");
                      return cb.isTrue(cb.literal(true));
                    };
                    return orders.findAll(tagged, PageRequest.of(0, 20));
                  }
                  List<Order> allCoupons() {
                    // run unpaged: every order is wanted
                    Specification<Order> coupons = (root, query, cb) -> {
                      root.fetch("coupons");
                      return cb.isTrue(cb.literal(true));
                    };
                    return orders.findAll(coupons);
                  }
                }
                """).doTest();
        assertTrue(messages(r).get(0).contains("the query is paged (`findAll(...)` (line 24))"), messages(r).get(0));
        assertTrue(messages(r).get(1).contains("the query is paged (`findAll(tagged, PageRequest.of(0, 20))` (line 35))"),
                messages(r).get(1));
    }

    /** A Hibernate XML mapping proves the collection as well as an annotation does. */
    @Test
    void hibernateSessionQueryOverAnHbmSet() {
        AnalysisResult r = LintTestHelper.forRule(CollectionFetchPagination.class)
                .addResource("org/acme/Customer.hbm.xml", """
                        <?xml version="1.0"?>
                        <!DOCTYPE hibernate-mapping PUBLIC "-//Hibernate/Hibernate Mapping DTD 3.0//EN"
                            "http://www.hibernate.org/dtd/hibernate-mapping-3.0.dtd">
                        <hibernate-mapping package="org.acme">
                          <class name="Customer" table="customers">
                            <id name="id" column="customer_id"/>
                            <property name="region"/>
                            <set name="orders" inverse="true"><key column="customer_id"/><one-to-many class="Order"/></set>
                            <many-to-one name="account" column="account_id" class="Account"/>
                          </class>
                          <class name="Order" table="orders"><id name="id" column="order_id"/></class>
                          <class name="Account" table="accounts"><id name="id" column="account_id"/></class>
                        </hibernate-mapping>
                        """)
                .addSource("org/acme/CustomerDao.java", """
                        package org.acme;
                        import java.util.List;
                        import org.hibernate.Session;
                        class CustomerDao {
                          Session session;
                          List<?> page(String region, int first) {
                            // BUG: CollectionFetchPagination at left join fetch
                            return session.createQuery("select c from Customer c left join fetch c.orders where c.region = :r")
                                .setParameter("r", region).setFirstResult(first).list();
                          }
                          List<?> withAccount(int first) {
                            return session.createQuery("select c from Customer c join fetch c.account").setFirstResult(first).list();
                          }
                        }
                        """).doTest();
        assertTrue(messages(r).get(0).contains("(Customer.orders is a <set> (Customer.hbm.xml:8))"), messages(r).get(0));
        assertTrue(messages(r).get(0).contains("the query is paged (`setFirstResult(first)` (line 9))"), messages(r).get(0));
    }

    @Test
    void toOneFetchesUnpagedQueriesAndUnknownAssociationsAreFine() {
        shop().addSource("com/acme/shop/OrderRepository.java", """
                package com.acme.shop;
                import java.util.Collection;
                import java.util.List;
                import org.springframework.data.domain.Page;
                import org.springframework.data.domain.Pageable;
                import org.springframework.data.domain.Sort;
                import org.springframework.data.jpa.repository.EntityGraph;
                import org.springframework.data.jpa.repository.JpaRepository;
                import org.springframework.data.jpa.repository.Query;
                interface OrderRepository extends JpaRepository<Order, Long> {
                  // to-one fetches: one row per order, the page is cut in SQL
                  @Query("select o from Order o join fetch o.customer left join fetch o.invoice where o.status = :s")
                  Page<Order> withCustomer(String s, Pageable pageable);

                  @EntityGraph("Order.withCustomer")
                  Page<Order> findByStatus(String status, Pageable pageable);

                  // to-one paths only, one of them nested through another to-one: the page is cut in SQL
                  @EntityGraph(attributePaths = {"customer", "invoice", "invoice.order"})
                  Page<Order> findByStatusAndCustomerName(Pageable pageable, String status, String name);

                  // unpaged: every order is wanted anyway
                  @Query("select distinct o from Order o join fetch o.lines where o.id in :ids")
                  List<Order> withLines(Collection<Long> ids);

                  @EntityGraph(attributePaths = "lines")
                  List<Order> findByStatusIn(Collection<String> statuses, Sort sort);

                  // the fix: the page of ids first
                  @Query("select o.id from Order o where o.status = :s")
                  Page<Long> idsByStatus(String s, Pageable pageable);

                  // a collection joined to filter, not fetched
                  @Query("select o from Order o join o.lines l where l.sku = :sku")
                  Page<Order> bySku(String sku, Pageable pageable);

                  // not mapped among the sources: unknown stays unknown
                  @Query("select s from Shipment s join fetch s.parcels where s.carrier = :c")
                  Page<Object> shipments(String c, Pageable pageable);

                  @Query("select o from Order o join fetch o.attachments where o.status = :s")
                  Page<Order> withAttachments(String s, Pageable pageable);

                  // native SQL fetches nothing
                  @Query(value = "SELECT o.* FROM orders o JOIN order_lines l ON l.order_id = o.id", nativeQuery = true)
                  Page<Order> nativeJoin(Pageable pageable);
                }
                """).addSource("com/acme/shop/OrderDao.java", """
                package com.acme.shop;
                import jakarta.persistence.EntityManager;
                import java.util.List;
                class OrderDao {
                  EntityManager em;
                  List<Order> all() {
                    return em.createQuery("select o from Order o join fetch o.lines", Order.class).getResultList();
                  }
                  Order one(long id) {
                    // one order by its key: its lines are cut in memory, which costs nothing
                    return em.createQuery("select o from Order o join fetch o.lines where o.id = :id", Order.class)
                        .setParameter("id", id).setMaxResults(1).getSingleResult();
                  }
                  List<Order> page(int size) {
                    // a to-one fetch with setMaxResults
                    return em.createQuery("select l from OrderLine l join fetch l.order", OrderLine.class)
                        .setMaxResults(size).getResultList().stream().map(x -> (Order) null).toList();
                  }
                }
                """).expectNoFindings(13);
    }

    private static List<String> messages(AnalysisResult r) {
        return r.findings().stream().map(Finding::message).toList();
    }
}
