package dev.sqllint.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqllint.engine.AnalysisResult;
import dev.sqllint.engine.Finding;
import dev.sqllint.testing.LintTestHelper;
import org.junit.jupiter.api.Test;

/**
 * The same query is flagged or not depending only on a key the schema declares: each rule gets such a
 * pair, and the findings the schema proves say which constraint and which migration they rely on.
 */
class SchemaFlipsTest {

    private static final String ACCOUNT_DAO = """
            package com.acme;
            import org.springframework.jdbc.core.JdbcTemplate;
            class PaymentDao {
              JdbcTemplate jdbc;
              Object payments() {
                return jdbc.queryForList("SELECT p.id FROM payments p WHERE p.status = 'open' "
                    // BUG: ExistsWhereJoinFits at EXISTS
                    + "AND EXISTS (SELECT 1 FROM accounts a WHERE a.account_no = p.account_no AND a.region = ?)");
              }
            }
            """;

    private static final String ACCOUNTS_V1 = """
            CREATE TABLE accounts (
                id         BIGINT PRIMARY KEY,
                account_no VARCHAR(34) NOT NULL,
                region     VARCHAR(10) NOT NULL
            );
            CREATE TABLE payments (id BIGINT PRIMARY KEY, account_no VARCHAR(34) NOT NULL, status VARCHAR(10));
            """;

    @Test
    void existsBecomesAJoinCandidateOnlyOnceALaterMigrationMakesTheKeyUnique() {
        AnalysisResult r = LintTestHelper.forRule(ExistsWhereJoinFits.class)
                .addSource("com/acme/PaymentDao.java", ACCOUNT_DAO)
                .addResource("db/migration/V1__accounts.sql", ACCOUNTS_V1)
                .addResource("db/migration/V2__unique_account_no.sql",
                        "ALTER TABLE accounts ADD CONSTRAINT accounts_account_no_key UNIQUE (account_no);\n")
                .doTest();
        Finding f = r.findings().get(0);
        assertTrue(f.proved());
        assertTrue(f.message().contains("accounts.account_no is UNIQUE (V2__unique_account_no.sql:1)"), f.message());
        assertEquals(4, r.schema().tables() + r.schema().keys() - 1, "2 tables, 3 keys");
    }

    @Test
    void withoutTheUniqueConstraintTheSameExistsIsToManyAndRight() {
        LintTestHelper.forRule(ExistsWhereJoinFits.class)
                .addSource("com/acme/PaymentDao.java", ACCOUNT_DAO.replace("// BUG: ExistsWhereJoinFits at EXISTS", "// to-many"))
                .addResource("db/migration/V1__accounts.sql", ACCOUNTS_V1)
                .expectNoFindings(1);
    }

    private static final String COUNT_DAO = """
            package com.acme;
            import org.springframework.jdbc.core.JdbcTemplate;
            class CustomerDao {
              JdbcTemplate jdbc;
              Object customers() {
                // BUG: DistinctOverFanOutJoin at DISTINCT
                return jdbc.queryForList("SELECT DISTINCT c.id FROM customers c JOIN loyalty_cards l ON l.customer_ref = c.id WHERE l.tier = 'gold'");
              }
            }
            """;

    @Test
    void distinctIsAFanOutOnlyWhenTheJoinedKeyIsNotUnique() {
        AnalysisResult toMany = LintTestHelper.forRule(DistinctOverFanOutJoin.class)
                .addSource("com/acme/CustomerDao.java", COUNT_DAO)
                .addResource("db/migration/V1__init.sql", """
                        CREATE TABLE customers (id BIGINT PRIMARY KEY);
                        CREATE TABLE loyalty_cards (card_no VARCHAR(20) PRIMARY KEY, customer_ref BIGINT NOT NULL, tier VARCHAR(10));
                        """)
                .doTest();
        assertTrue(toMany.findings().get(0).proved());
        assertTrue(toMany.findings().get(0).message().contains("loyalty_cards.card_no is the primary key (V1__init.sql:2)"));

        LintTestHelper.forRule(DistinctOverFanOutJoin.class)
                .addSource("com/acme/CustomerDao.java", COUNT_DAO.replace("// BUG: DistinctOverFanOutJoin at DISTINCT", "// one card each"))
                .addResource("db/migration/V1__init.sql", """
                        CREATE TABLE customers (id BIGINT PRIMARY KEY);
                        CREATE TABLE loyalty_cards (card_no VARCHAR(20) PRIMARY KEY, customer_ref BIGINT NOT NULL UNIQUE, tier VARCHAR(10));
                        """)
                .expectNoFindings(1);
    }

    private static final String SCALAR_DAO = """
            package com.acme;
            import org.springframework.jdbc.core.JdbcTemplate;
            class DocumentDao {
              JdbcTemplate jdbc;
              Object stale() {
                return jdbc.queryForList("SELECT d.id FROM documents d "
                    // BUG: JoinForScalarOnly at retention
                    + "JOIN retention p ON p.tenant_code = ? AND p.kind = 'default' "
                    + "WHERE d.created_at < p.cutoff_at");
              }
            }
            """;

    @Test
    void aJoinIsAScalarFetchOnlyWhenAUniqueKeyIsBoundInFull() {
        LintTestHelper.forRule(JoinForScalarOnly.class)
                .addSource("com/acme/DocumentDao.java", SCALAR_DAO)
                .addResource("db/migration/V1__init.sql", """
                        CREATE TABLE documents (id BIGINT PRIMARY KEY, created_at TIMESTAMP);
                        CREATE TABLE retention (tenant_code VARCHAR(8), kind VARCHAR(10), cutoff_at TIMESTAMP,
                                                PRIMARY KEY (tenant_code, kind));
                        """)
                .doTest();
        // a composite key bound only in part: several rows, a real join
        LintTestHelper.forRule(JoinForScalarOnly.class)
                .addSource("com/acme/DocumentDao.java", SCALAR_DAO.replace("// BUG: JoinForScalarOnly at retention", "// part of the key")
                        .replace(" AND p.kind = 'default'", ""))
                .addResource("db/migration/V1__init.sql", """
                        CREATE TABLE documents (id BIGINT PRIMARY KEY, created_at TIMESTAMP);
                        CREATE TABLE retention (tenant_code VARCHAR(8), kind VARCHAR(10), cutoff_at TIMESTAMP,
                                                PRIMARY KEY (tenant_code, kind));
                        """)
                .expectNoFindings(1);
    }

    private static final String HISTORY_DAO = """
            package com.acme;
            import org.springframework.jdbc.core.JdbcTemplate;
            class ShipmentDao {
              JdbcTemplate jdbc;
              Object latest() {
                // BUG: DistinctOnHistoryScan at DISTINCT
                return jdbc.queryForList("SELECT DISTINCT ON (s.parcel_id) s.parcel_id, s.status FROM shipment_scans s "
                    + "ORDER BY s.parcel_id, s.scanned DESC LIMIT 20");
              }
            }
            """;

    @Test
    void historyByShapeNeedsATenantKeyAndATimestamp() {
        AnalysisResult r = LintTestHelper.forRule(DistinctOnHistoryScan.class)
                .addSource("com/acme/ShipmentDao.java", HISTORY_DAO)
                .addResource("db/migration/V1__init.sql", """
                        CREATE TABLE carriers (id BIGINT PRIMARY KEY);
                        CREATE TABLE shipment_scans (id BIGINT PRIMARY KEY, carrier_id BIGINT REFERENCES carriers (id),
                                                     parcel_id BIGINT, status VARCHAR(10), scanned TIMESTAMP);
                        """)
                .doTest();
        assertTrue(r.findings().get(0).proved(), r.findings().toString());
        // a lookup table: no tenant key, ordered by a number
        LintTestHelper.forRule(DistinctOnHistoryScan.class)
                .addSource("com/acme/ShipmentDao.java", HISTORY_DAO.replace("// BUG: DistinctOnHistoryScan at DISTINCT", "// lookup"))
                .addResource("db/migration/V1__init.sql", """
                        CREATE TABLE shipment_scans (id BIGINT PRIMARY KEY, parcel_id BIGINT, status VARCHAR(10), scanned INTEGER);
                        """)
                .expectNoFindings(1);
    }

    @Test
    void orNamesTheIndexItDefeats() {
        AnalysisResult r = LintTestHelper.forRule(OrAcrossAccessPaths.class)
                .addSource("com/acme/TrackDao.java", """
                        package com.acme;
                        import org.springframework.jdbc.core.JdbcTemplate;
                        class TrackDao {
                          JdbcTemplate jdbc;
                          Object tracks() {
                            // BUG: OrAcrossAccessPaths at OR
                            return jdbc.queryForList("SELECT t.* FROM tracks t WHERE t.owner_id = ? OR t.track_id IN (SELECT c.track_id FROM shares c WHERE c.user_id = ?)");
                          }
                        }
                        """)
                .addResource("db/migration/V1__init.sql", """
                        CREATE TABLE tracks (track_id BIGINT PRIMARY KEY, owner_id BIGINT NOT NULL);
                        CREATE INDEX tracks_owner_id_idx ON tracks (owner_id);
                        """)
                .doTest();
        assertTrue(r.findings().get(0).message().contains("tracks_owner_id_idx on tracks(owner_id) (V1__init.sql:2)"),
                r.findings().get(0).message());
        assertTrue(r.findings().get(0).proved());
    }

    @Test
    void orNeverCitesAnIndexTheSchemaDoesNotDeclare() {
        AnalysisResult r = LintTestHelper.forRule(OrAcrossAccessPaths.class)
                .addSource("com/acme/DocumentDao.java", """
                        package com.acme;
                        import org.springframework.jdbc.core.JdbcTemplate;
                        class DocumentDao {
                          JdbcTemplate jdbc;
                          Object documents() {
                            // BUG: OrAcrossAccessPaths at OR
                            return jdbc.queryForList("SELECT d.doc_id FROM documents d WHERE d.title = ? OR d.doc_id IN (SELECT s.doc_id FROM shares s WHERE s.user_id = ?)");
                          }
                        }
                        """)
                .addResource("db/migration/V1__init.sql", """
                        CREATE TABLE documents (doc_id BIGINT PRIMARY KEY, title VARCHAR(200) NOT NULL);
                        """)
                .doTest();
        String message = r.findings().get(0).message();
        assertTrue(message.contains("no single index serves both sides"), message);
        assertTrue(!message.contains("index on documents(title)"), message);
        assertTrue(!r.findings().get(0).proved());
    }
}
