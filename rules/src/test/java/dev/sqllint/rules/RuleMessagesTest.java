package dev.sqllint.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sqllint.engine.AnalysisResult;
import dev.sqllint.engine.Finding;
import dev.sqllint.sql.Dialect;
import dev.sqllint.testing.LintTestHelper;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every rule's message, whole, on a shop's schema that none of the incidents had (issue 14): the diagnosis and the
 * rewrite speak of the user's own tables, columns and aliases, the incident is "a production incident" with its
 * numbers as evidence, and the advice names the project's database, worded for it where databases differ.
 */
class RuleMessagesTest {

    private static final String SHOP = """
            CREATE TABLE customers (id BIGINT PRIMARY KEY, name VARCHAR(100), region VARCHAR(10));
            CREATE TABLE customer_settings (customer_id BIGINT PRIMARY KEY REFERENCES customers (id), vip_since TIMESTAMP);
            CREATE TABLE orders (id BIGINT PRIMARY KEY, customer_id BIGINT NOT NULL, status VARCHAR(20), placed_at TIMESTAMP);
            CREATE TABLE order_lines (id BIGINT PRIMARY KEY, order_id BIGINT NOT NULL REFERENCES orders (id), sku VARCHAR(40));
            CREATE TABLE shipments (id BIGINT PRIMARY KEY, order_id BIGINT NOT NULL REFERENCES orders (id), carrier VARCHAR(40));
            CREATE TABLE invoices (id BIGINT PRIMARY KEY, owner_id BIGINT NOT NULL, total INT);
            CREATE INDEX invoices_owner ON invoices (owner_id);
            CREATE TABLE invoice_shares (invoice_id BIGINT NOT NULL REFERENCES invoices (id), user_id BIGINT NOT NULL,
                PRIMARY KEY (invoice_id, user_id));
            CREATE TABLE price_changes (id BIGINT PRIMARY KEY, product_id BIGINT NOT NULL, changed_at TIMESTAMP NOT NULL, price INT);
            """;

    @Test
    void orAcrossAccessPathsOnInvoicesSharedWithAUser() {
        String sql = "SELECT i.* FROM invoices i WHERE i.owner_id = ? "
                + "OR i.id IN (SELECT s.invoice_id FROM invoice_shares s WHERE s.user_id = ?)";
        String diagnosis = "i.owner_id = ? OR i.id IN (SELECT s.invoice_id FROM invoice_shares s WHERE s.user_id = …: "
                + "an OR across two access paths (invoices_owner on invoices(owner_id) (V1__shop.sql:7) serves "
                + "i.owner_id = ? alone, not the OR); the database reads all of invoices i and runs the subquery row by "
                + "row (in a production incident: one of an API's busiest endpoints read its whole table on every "
                + "request). ";
        assertEquals(diagnosis + "Advice for PostgreSQL: fetch the subquery's ids first, then WHERE i.owner_id = ? OR "
                + "i.id = ANY(?) (a BitmapOr of two indexes), or UNION the two queries.", message(Dialect.POSTGRESQL, sql));
        assertEquals(diagnosis + "Advice for MySQL: fetch the subquery's ids first, then WHERE i.owner_id = ? OR "
                + "i.id IN (...) with the ids listed (an index merge of two indexes), or UNION the two queries.",
                message(Dialect.MYSQL, sql));
        assertEquals(diagnosis + "Advice for SQL Server: fetch the subquery's ids first, then WHERE i.owner_id = ? OR "
                + "i.id IN (...) with the ids listed (two index seeks), or UNION the two queries.",
                message(Dialect.SQLSERVER, sql));
    }

    @Test
    void existsWhereJoinFitsOnOrdersOfARegionsCustomers() {
        String diagnosis = "EXISTS over customers c correlated on c.id = o.customer_id: customers.id is the primary key "
                + "(V1__shop.sql:1), so at most one row matches and the EXISTS is a to-one lookup. A join returns the "
                + "same rows and lets the planner drive from the selective side instead of probing row by row (in a "
                + "production incident: a count went from 7,259 ms to 183 ms). ";
        String exists = "EXISTS (SELECT 1 FROM customers c WHERE c.id = o.customer_id AND c.region = ?)";
        assertEquals(diagnosis + "Advice for PostgreSQL: replace the EXISTS with JOIN customers c ON c.id = "
                + "o.customer_id, with c.region = ? in WHERE (to-one, so no row is repeated).",
                message(Dialect.POSTGRESQL, "SELECT o.id FROM orders o WHERE " + exists));
        assertEquals(diagnosis + "Advice for PostgreSQL: DELETE FROM orders o USING customers c WHERE c.id = "
                + "o.customer_id AND c.region = ? (and the statement's other conditions).",
                message(Dialect.POSTGRESQL, "DELETE FROM orders o WHERE " + exists));
        assertEquals(diagnosis + "Advice for MySQL: DELETE o FROM orders o JOIN customers c ON c.id = o.customer_id "
                + "WHERE c.region = ? (and the statement's other conditions).",
                message(Dialect.MYSQL, "DELETE FROM orders o WHERE " + exists));
        assertEquals(diagnosis + "Advice for SQL Server: UPDATE o SET ... FROM orders o JOIN customers c ON c.id = "
                + "o.customer_id WHERE c.region = ? (and the statement's other conditions).",
                message(Dialect.SQLSERVER, "UPDATE orders o SET status = ? WHERE " + exists));
    }

    @Test
    void joinForScalarOnlyReadsTheCustomersVipDate() {
        assertEquals("customer_settings cs is pinned to one row (customer_settings.customer_id is the primary key "
                + "(V1__shop.sql:2)) and joined only to read cs.vip_since for o.placed_at >= cs.vip_since: the planner "
                + "does not know that value when it plans, so it cannot use it to pick an index range or a join order "
                + "and may join first and filter later (in a production incident: 42k rows hashed, 91 ms; 5 ms once "
                + "the value was a parameter). Advice for MySQL: read it first (SELECT cs.vip_since FROM "
                + "customer_settings cs WHERE cs.customer_id = ?) and pass it as a parameter: o.placed_at >= ?.",
                message(Dialect.MYSQL, "SELECT o.id FROM orders o JOIN customer_settings cs ON cs.customer_id = ? "
                        + "WHERE o.placed_at >= cs.vip_since"));
    }

    /** Two to-many joins: both are named, and the rewrite moves each into an EXISTS of its own. */
    @Test
    void distinctOverTwoToManyJoinsNamesBothAndMovesBothIntoExists() {
        assertEquals("DISTINCT over JOINs to order_lines l and shipments s, both to-many (order_lines l joined on "
                + "order_id: not a key of order_lines, whose keys are: order_lines.id is the primary key "
                + "(V1__shop.sql:4); shipments s joined on order_id: not a key of shipments, whose keys are: "
                + "shipments.id is the primary key (V1__shop.sql:5)): the joins multiply rows and DISTINCT sorts or "
                + "hashes them all to undo it (in a production incident: temporary tables and full scans). Advice for "
                + "PostgreSQL: filter with EXISTS and drop DISTINCT: WHERE EXISTS (SELECT 1 FROM order_lines l WHERE "
                + "l.order_id = o.id AND l.sku = ?) AND EXISTS (SELECT 1 FROM shipments s WHERE s.order_id = o.id AND "
                + "s.carrier = ?).",
                message(Dialect.POSTGRESQL, "SELECT DISTINCT o.id, o.status FROM orders o "
                        + "JOIN order_lines l ON l.order_id = o.id JOIN shipments s ON s.order_id = o.id "
                        + "WHERE l.sku = ? AND s.carrier = ?"));
    }

    /** The incident's own shape: LEFT JOINs to two to-many tables, matched through either, counted outside. */
    @Test
    void countOverDistinctOfEitherOfTwoLeftJoinsBecomesEitherOfTwoExists() {
        assertEquals("DISTINCT under an outer COUNT over JOINs to order_lines l and shipments s, both to-many "
                + "(order_lines l joined on order_id: not a key of order_lines, whose keys are: order_lines.id is the "
                + "primary key (V1__shop.sql:4); shipments s joined on order_id: not a key of shipments, whose keys "
                + "are: shipments.id is the primary key (V1__shop.sql:5)): the joins multiply rows and DISTINCT sorts "
                + "or hashes them all to undo it, and the outer COUNT materialises the whole distinct set first (in a "
                + "production incident: temporary tables and full scans). Advice for MySQL: filter with EXISTS and "
                + "drop DISTINCT: WHERE (EXISTS (SELECT 1 FROM order_lines l WHERE l.order_id = o.id AND l.sku = ?) OR "
                + "EXISTS (SELECT 1 FROM shipments s WHERE s.order_id = o.id AND s.carrier = ?)).",
                message(Dialect.MYSQL, "SELECT COUNT(*) FROM (SELECT DISTINCT o.id FROM orders o "
                        + "LEFT JOIN order_lines l ON l.order_id = o.id LEFT JOIN shipments s ON s.order_id = o.id "
                        + "WHERE l.sku = ? OR s.carrier = ?) x"));
    }

    /** A to-one lookup hanging off the to-many table moves into the same EXISTS, or the rewrite would not run. */
    @Test
    void aLookupJoinedToTheToManyTableMovesIntoItsExists() {
        String m = message(Dialect.POSTGRESQL, "SELECT DISTINCT o.id FROM orders o JOIN order_lines l ON l.order_id = o.id "
                + "JOIN customers c ON c.id = l.order_id WHERE c.region = ?");
        assertEquals("Advice for PostgreSQL: filter with EXISTS and drop DISTINCT: WHERE EXISTS (SELECT 1 FROM "
                + "order_lines l JOIN customers c ON c.id = l.order_id WHERE l.order_id = o.id AND c.region = ?).",
                m.substring(m.indexOf("Advice for")));
    }

    @Test
    void aLeftJoinNothingFiltersIsDropped() {
        String m = message(Dialect.POSTGRESQL, "SELECT DISTINCT o.id FROM orders o "
                + "LEFT JOIN order_lines l ON l.order_id = o.id WHERE o.status = ?");
        assertEquals("Advice for PostgreSQL: drop DISTINCT and the LEFT JOIN to order_lines l (it filters nothing).",
                m.substring(m.indexOf("Advice for")));
    }

    @Test
    void latestPriceOfAListOfProductsInEachDatabasesWording() {
        String sql = "SELECT DISTINCT ON (pc.product_id) pc.product_id, pc.price FROM price_changes pc "
                + "WHERE pc.product_id IN (?, ?) ORDER BY pc.product_id, pc.changed_at DESC";
        String diagnosis = "DISTINCT ON (pc.product_id) over price_changes pc keeps the newest row per product_id by "
                + "changed_at, but the database first reads and sorts every price_changes row of those keys: the work "
                + "grows with the history, not with the number of keys asked for (price_changes is named like an "
                + "append-only history). ";
        String latest = " If the latest row is read far more often than rows are added, keep it in a table of its own "
                + "(one row per product_id, upserted on each insert into price_changes).";
        assertEquals(diagnosis + "Advice for PostgreSQL: read one row per key with a LATERAL top-1 on an index "
                + "price_changes (product_id, changed_at DESC): SELECT pc.* FROM unnest(?) AS k(product_id) CROSS JOIN "
                + "LATERAL (SELECT pc.* FROM price_changes pc WHERE pc.product_id = k.product_id ORDER BY pc.changed_at "
                + "DESC LIMIT 1) pc." + latest, message(Dialect.POSTGRESQL, sql));
        assertEquals(diagnosis + "Advice for MySQL: read one row per key with a LATERAL top-1 (MySQL 8.0.14+) on an "
                + "index price_changes (product_id, changed_at DESC): SELECT pc.* FROM (VALUES ROW(?), ROW(?), ...) AS "
                + "k(product_id) JOIN LATERAL (SELECT pc.* FROM price_changes pc WHERE pc.product_id = k.product_id "
                + "ORDER BY pc.changed_at DESC LIMIT 1) pc ON true." + latest, message(Dialect.MYSQL, sql));
        assertEquals(diagnosis + "Advice for SQL Server: read one row per key with a top-1 on an index price_changes "
                + "(product_id, changed_at DESC): SELECT pc.* FROM (VALUES (?), (?), ...) AS k(product_id) CROSS APPLY "
                + "(SELECT TOP 1 pc.* FROM price_changes pc WHERE pc.product_id = k.product_id ORDER BY pc.changed_at "
                + "DESC) pc." + latest, message(Dialect.SQLSERVER, sql));
    }

    @Test
    void recentPriceChangesOfAProductLine() {
        assertEquals("DISTINCT ON (pc.product_id) over price_changes pc (price_changes is named like an append-only "
                + "history), newest first by pc.changed_at DESC with LIMIT 5: the database reads and sorts every "
                + "matching row of price_changes before it can return the first few; the LIMIT does not cut the scan "
                + "(in a production incident: 1.78M rows read and sorted on disk to show 4 rows, 2.39 s a page load). "
                + "Advice for PostgreSQL: keep one row per product_id in a table of its own, upserted on each insert "
                + "into price_changes (indexed on changed_at DESC), and read it with ORDER BY changed_at DESC LIMIT 5. "
                + "A top-1 per key does not fit here: the keys are not known before the scan.",
                message(Dialect.POSTGRESQL, "SELECT DISTINCT ON (pc.product_id) pc.product_id, pc.price "
                        + "FROM price_changes pc ORDER BY pc.product_id, pc.changed_at DESC LIMIT 5"));
    }

    /** The one finding all rules report on {@code sql}, issued through JdbcTemplate in a project of that database. */
    private static String message(Dialect dialect, String sql) {
        AnalysisResult r = LintTestHelper.forAllRules().withDialect(dialect)
                .addResource("db/migration/V1__shop.sql", SHOP)
                .addSource("com/acme/shop/ShopDao.java", """
                        package com.acme.shop;
                        import org.springframework.jdbc.core.JdbcTemplate;
                        class ShopDao {
                          JdbcTemplate jdbc;
                          Object query() {
                            return jdbc.queryForList("%s");
                          }
                        }
                        """.formatted(sql))
                .run();
        List<Finding> findings = r.findings();
        assertEquals(1, findings.size(), findings.stream().map(Finding::message).toList().toString());
        return findings.get(0).message();
    }
}
