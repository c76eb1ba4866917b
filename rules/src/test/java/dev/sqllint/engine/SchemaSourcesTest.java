package dev.sqllint.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqllint.rules.DistinctOnHistoryScan;
import dev.sqllint.rules.ExistsWhereJoinFits;
import dev.sqllint.testing.LintTestHelper;
import org.junit.jupiter.api.Test;

/** How the analyzer combines schema sources, and what it does with the ones it cannot read. */
class SchemaSourcesTest {

    private static final String DAO = """
            package com.acme;
            import org.springframework.jdbc.core.JdbcTemplate;
            class PaymentDao {
              JdbcTemplate jdbc;
              Object payments() {
                return jdbc.queryForList("SELECT p.id FROM payments p WHERE "
                    // BUG: ExistsWhereJoinFits at EXISTS
                    + "EXISTS (SELECT 1 FROM accounts a WHERE a.iban = p.iban AND a.region = ?)");
              }
            }
            """;

    @Test
    void unreadableMigrationsAndChangelogsAreReportedAndTheRestStillCounts() {
        AnalysisResult r = LintTestHelper.forRule(ExistsWhereJoinFits.class)
                .addSource("com/acme/PaymentDao.java", DAO)
                .addResource("db/migration/V1__init.sql", """
                        CREATE TABLE accounts (id BIGINT PRIMARY KEY, iban VARCHAR(34) NOT NULL);
                        CREATE TABLE payments (id BIGINT PRIMARY KEY, iban VARCHAR(34)) PARTITION BY WHATEVER (;
                        CREATE UNIQUE INDEX accounts_iban_key ON accounts (iban);
                        """)
                .addResource("db/changelog/db.changelog-master.xml", """
                        <?xml version="1.0"?>
                        <!DOCTYPE changelog [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
                        <databaseChangeLog><changeSet id="1" author="x">&secret;</changeSet></databaseChangeLog>
                        """)
                .run();
        assertEquals(1, r.findings().size(), r.diagnostics().toString());
        assertTrue(r.findings().get(0).message().contains("accounts.iban is UNIQUE (V1__init.sql:3)"), r.findings().get(0).message());
        assertTrue(r.diagnostics().stream().anyMatch(d -> d.kind() == Diagnostic.Kind.SCHEMA_SKIPPED
                && d.file().endsWith("V1__init.sql") && d.line() == 2), r.diagnostics().toString());
        assertTrue(r.diagnostics().stream().anyMatch(d -> d.kind() == Diagnostic.Kind.SCHEMA_SKIPPED
                && d.file().endsWith("db.changelog-master.xml")), r.diagnostics().toString());
    }

    @Test
    void migrationsWinOverMappingsAndTheRunSaysSoOnce() {
        AnalysisResult r = LintTestHelper.forRule(ExistsWhereJoinFits.class)
                .addSource("com/acme/PaymentDao.java", DAO.replace("// BUG: ExistsWhereJoinFits at EXISTS", "// iban is not unique"))
                .addSource("com/acme/Account.java", """
                        package com.acme;
                        import jakarta.persistence.*;
                        @Entity @Table(name = "accounts")
                        class Account { @Id String iban; String region; }
                        """)
                .addResource("db/migration/V1__init.sql", """
                        CREATE TABLE accounts (id BIGINT PRIMARY KEY, iban VARCHAR(34) NOT NULL, region VARCHAR(8));
                        CREATE TABLE payments (id BIGINT PRIMARY KEY, iban VARCHAR(34));
                        """)
                .expectNoFindings(1);
        assertEquals(1, r.notes().size(), r.notes().toString());
        assertTrue(r.notes().get(0).contains("Account maps accounts with key [iban], migrations declare [id]"), r.notes().get(0));
    }

    @Test
    void configuredHistoryTables() {
        LintTestHelper.forRule(DistinctOnHistoryScan.class)
                .addSource("com/acme/LedgerDao.java", """
                        package com.acme;
                        import org.springframework.jdbc.core.JdbcTemplate;
                        class LedgerDao {
                          JdbcTemplate jdbc;
                          Object latest() {
                            // BUG: DistinctOnHistoryScan at DISTINCT
                            return jdbc.queryForList("SELECT DISTINCT ON (l.account) l.account, l.balance FROM ledger_book l ORDER BY l.account, l.seq DESC LIMIT 5");
                          }
                        }
                        """)
                .withHistoryTables("ledger_*")
                .doTest();
    }
}
