package dev.sqllint.schema;

import static dev.sqllint.schema.FlywayMigrationsTest.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One banking schema written three times as a Liquibase changelog, under
 * {@code src/test/resources/schema/liquibase/{xml,yaml,sql}}: XML and YAML masters that include a changelog
 * (with an {@code sqlFile}) and {@code includeAll} a folder, and a formatted SQL master. Each yields the
 * same keys, with sources pointing into its own files; hostile and broken changelogs are reported and
 * skipped.
 */
class LiquibaseChangelogsTest {

    private final SchemaText.Problems problems = new SchemaText.Problems();

    private Schema read(String format) {
        Path resources = resource("/schema/liquibase/" + format + "/src/main/resources");
        return LiquibaseChangelogs.read(List.of(resources), null, problems);
    }

    /** What every format declares, once the renames, drops and re-creations have been replayed. */
    private static final String FACTS = """
            account_balances
              primary key pk_account_balances (account_id, as_of)
              foreign key fk_balances_account (account_id) -> accounts (id)
            accounts
              primary key (id)
              unique uq_accounts_account_no (iban)
              unique uq_accounts_external_ref (external_ref)
              index ix_accounts_customer_opened (customer_no, opened_at)
              foreign key fk_accounts_customer (customer_no) -> clients (customer_no)
            clients
              primary key pk_customers (customer_no)
              unique ux_clients_email_lower (lower(email))
              unique index ux_clients_email_lower (lower(email))
            """;

    @Test
    void xmlWithIncludeIncludeAllAndSqlFile() {
        Schema schema = read("xml");
        assertEquals("""
                account_balances  (2024-02-10-balances.xml:9 (changeSet 5))
                  primary key pk_account_balances (account_id, as_of)  2024-02-10-balances.xml:14 (changeSet 5)
                  foreign key fk_balances_account (account_id) -> accounts (id)  2024-02-10-balances.xml:16 (changeSet 5)
                accounts  (db.changelog-1.0.xml:23 (changeSet 2))
                  primary key (id)  db.changelog-1.0.xml:25 (changeSet 2)
                  unique uq_accounts_account_no (iban)  db.changelog-1.0.xml:43 (changeSet 3)
                  unique uq_accounts_external_ref (external_ref)  2024-03-01-renames.xml:23 (changeSet 7)
                  index ix_accounts_customer_opened (customer_no, opened_at)  2024-03-01-renames.xml:27 (changeSet 7)
                  foreign key fk_accounts_customer (customer_no) -> clients (customer_no)  db.changelog-1.0.xml:28 (changeSet 2)
                clients  (db.changelog-1.0.xml:9 (changeSet 1))
                  primary key pk_customers (customer_no)  db.changelog-1.0.xml:11 (changeSet 1)
                  unique ux_clients_email_lower (lower(email))  2024-03-01-renames.xml:17 (changeSet 7)
                  unique index ux_clients_email_lower (lower(email))  2024-03-01-renames.xml:17 (changeSet 7)
                """, SchemaText.of(schema));
        assertEquals(List.of(), problems.reported);
    }

    @Test
    void yamlWithIncludeIncludeAllAndSqlFile() {
        Schema schema = read("yaml");
        assertEquals("""
                account_balances  (2024-02-10-balances.yaml:6 (changeSet 5))
                  primary key pk_account_balances (account_id, as_of)  2024-02-10-balances.yaml:12 (changeSet 5)
                  foreign key fk_balances_account (account_id) -> accounts (id)  2024-02-10-balances.yaml:16 (changeSet 5)
                accounts  (db.changelog-1.0.yaml:29 (changeSet 2))
                  primary key (id)  db.changelog-1.0.yaml:36 (changeSet 2)
                  unique uq_accounts_account_no (iban)  db.changelog-1.0.yaml:65 (changeSet 3)
                  unique uq_accounts_external_ref (external_ref)  2024-03-01-renames.yml:43 (changeSet 7)
                  index ix_accounts_customer_opened (customer_no, opened_at)  2024-03-01-renames.yml:49 (changeSet 7)
                  foreign key fk_accounts_customer (customer_no) -> clients (customer_no)  db.changelog-1.0.yaml:42 (changeSet 2)
                clients  (db.changelog-1.0.yaml:6 (changeSet 1))
                  primary key pk_customers (customer_no)  db.changelog-1.0.yaml:12 (changeSet 1)
                  unique ux_clients_email_lower (lower(email))  2024-03-01-renames.yml:26 (changeSet 7)
                  unique index ux_clients_email_lower (lower(email))  2024-03-01-renames.yml:26 (changeSet 7)
                """, SchemaText.of(schema));
        assertEquals(List.of(), problems.reported);
    }

    @Test
    void formattedSqlChangesetsKeepTheFilesLineNumbers() {
        Schema schema = read("sql");
        assertEquals("""
                account_balances  (db.changelog-master.sql:34 (changeSet 5))
                  primary key pk_account_balances (account_id, as_of)  db.changelog-master.sql:39 (changeSet 5)
                  foreign key fk_balances_account (account_id) -> accounts (id)  db.changelog-master.sql:40 (changeSet 5)
                accounts  (db.changelog-master.sql:12 (changeSet 2))
                  primary key (id)  db.changelog-master.sql:12 (changeSet 2)
                  unique uq_accounts_account_no (iban)  db.changelog-master.sql:22 (changeSet 3)
                  unique uq_accounts_external_ref (external_ref)  db.changelog-master.sql:55 (changeSet 7)
                  index ix_accounts_customer_opened (customer_no, opened_at)  db.changelog-master.sql:57 (changeSet 7)
                  foreign key fk_accounts_customer (customer_no) -> clients (customer_no)  db.changelog-master.sql:12 (changeSet 2)
                clients  (db.changelog-master.sql:4 (changeSet 1))
                  primary key pk_customers (customer_no)  db.changelog-master.sql:4 (changeSet 1)
                  unique ux_clients_email_lower (lower(email))  db.changelog-master.sql:53 (changeSet 7)
                  unique index ux_clients_email_lower (lower(email))  db.changelog-master.sql:53 (changeSet 7)
                """, SchemaText.of(schema));
        assertEquals(List.of(), problems.reported);
    }

    @Test
    void theThreeFormatsDeclareTheSameFacts() {
        assertEquals(FACTS, SchemaText.facts(read("xml")));
        assertEquals(FACTS, SchemaText.facts(read("yaml")));
        assertEquals(FACTS, SchemaText.facts(read("sql")));
    }

    @Test
    void masterChangelogIsFoundAtTheUsualPlaces() {
        Path yaml = resource("/schema/liquibase/yaml/src/main/resources");
        Path xml = resource("/schema/liquibase/xml/src/main/resources");
        assertEquals(yaml.resolve("db/changelog/db.changelog-master.yaml"),
                LiquibaseChangelogs.findMaster(List.of(Path.of("no-such-root"), yaml, xml)).orElseThrow());
        assertTrue(LiquibaseChangelogs.findMaster(List.of(resource("/schema/flyway/src/main/resources"))).isEmpty());
        assertTrue(LiquibaseChangelogs.read(List.of(), null, problems).isEmpty());
        assertEquals(List.of(), problems.reported);
    }

    @Test
    void hostileAndBrokenChangelogsAreReportedAndSkippedAndTheRestStillApplies() {
        Path master = resource("/schema/liquibase/hostile/master-with-bad-includes.xml");
        Schema schema = LiquibaseChangelogs.read(List.of(), master, problems);
        assertEquals("""
                currencies  (master-with-bad-includes.xml:4 (changeSet 0))
                  primary key (code)  master-with-bad-includes.xml:6 (changeSet 0)
                  unique uq_currencies_code (code)  master-with-bad-includes.xml:19 (changeSet 9)
                tellers  (cycle-b.xml:4 (changeSet b1))
                  primary key (id)  cycle-b.xml:5 (changeSet b1)
                """, SchemaText.of(schema));
        String doctype = "changelog skipped: it declares a DOCTYPE, and DTDs and entities are never loaded or expanded";
        assertEquals(List.of(
                "external-entity.xml:2: " + doctype,
                "billion-laughs.xml:2: " + doctype,
                "billion-laughs.yaml:0: changelog skipped, not read as YAML: "
                        + "Number of aliases for non-scalar nodes exceeds the specified max=20",
                "harmless-doctype.xml:2: " + doctype,
                "malformed.xml:6: changelog skipped, malformed XML: "
                        + "The element type \"column\" must be terminated by the matching end-tag \"</column>\".",
                "malformed.yaml:5: changelog skipped, not read as YAML: "
                        + "expected <block end>, but found '<block mapping start>'",
                "cycle-a.xml:0: include cycle cycle-a.xml -> cycle-b.xml -> cycle-a.xml, not followed again",
                "master-with-bad-includes.xml:17: included changelog missing.xml not found"), problems.reported);
    }

    @Test
    void nothingIsFetchedForADoctypeOrAnExternalEntity(@TempDir Path dir) throws IOException {
        try (ServerSocket server = new ServerSocket(0, 8, InetAddress.getLoopbackAddress())) {
            String here = "http://127.0.0.1:" + server.getLocalPort();
            Files.writeString(dir.resolve("external-dtd.xml"), """
                    <?xml version="1.0"?>
                    <!DOCTYPE databaseChangeLog SYSTEM "%s/dbchangelog.dtd">
                    <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog"/>
                    """.formatted(here));
            Files.writeString(dir.resolve("parameter-entity.xml"), """
                    <?xml version="1.0"?>
                    <!DOCTYPE databaseChangeLog [<!ENTITY %% remote SYSTEM "%s/evil.dtd"> %%remote;]>
                    <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog"/>
                    """.formatted(here));
            Files.writeString(dir.resolve("xinclude.xml"), """
                    <?xml version="1.0"?>
                    <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog"
                                       xmlns:xi="http://www.w3.org/2001/XInclude">
                        <xi:include href="%s/more.xml"/>
                    </databaseChangeLog>
                    """.formatted(here));
            Path master = Files.writeString(dir.resolve("master.xml"), """
                    <?xml version="1.0"?>
                    <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog"
                            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                            xsi:schemaLocation="http://www.liquibase.org/xml/ns/dbchangelog %s/dbchangelog.xsd">
                        <include file="external-dtd.xml" relativeToChangelogFile="true"/>
                        <include file="parameter-entity.xml" relativeToChangelogFile="true"/>
                        <include file="xinclude.xml" relativeToChangelogFile="true"/>
                    </databaseChangeLog>
                    """.formatted(here));
            LiquibaseChangelogs.read(List.of(), master, problems);
            assertEquals(List.of("external-dtd.xml:2", "parameter-entity.xml:2"),
                    problems.reported.stream().map(r -> r.substring(0, r.indexOf(": "))).toList());
            server.setSoTimeout(300);
            assertThrows(SocketTimeoutException.class, server::accept, "the parser connected to " + here);
        }
    }

    @Test
    void sqlInsideXmlReportsTheRejectedStatementAtItsLineInTheChangelog(@TempDir Path dir) throws IOException {
        Path changelog = Files.writeString(dir.resolve("db.changelog-2.0.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
                    <changeSet id="8" author="dee">
                        <sql splitStatements="true">
                            CREATE TABLE branches (code VARCHAR(8) PRIMARY KEY);
                            ALTER TABLE branches ADD CONSTRAINT uq_b UNIQUE NULLS NOT DISTINCT (code);
                            CREATE UNIQUE INDEX ux_branches_code ON branches (code);
                        </sql>
                        <createTable>
                            <column name="orphan" type="INT"/>
                        </createTable>
                    </changeSet>
                </databaseChangeLog>
                """);
        Schema schema = LiquibaseChangelogs.read(List.of(), changelog, problems);
        assertEquals("""
                branches  (db.changelog-2.0.xml:5 (changeSet 8))
                  keys unknown
                  primary key (code)  db.changelog-2.0.xml:5 (changeSet 8)
                  unique ux_branches_code (code)  db.changelog-2.0.xml:7 (changeSet 8)
                  unique index ux_branches_code (code)  db.changelog-2.0.xml:7 (changeSet 8)
                """, SchemaText.of(schema));
        assertEquals(List.of(
                "db.changelog-2.0.xml:6: statement skipped, JSqlParser rejects \"NULLS\" at line 6: "
                        + "ALTER TABLE branches ADD CONSTRAINT uq_b UNIQUE NULLS ...",
                "db.changelog-2.0.xml:9: createTable without tableName skipped (changeSet 8)"), problems.reported);
    }

    @Test
    void aKeyChangeWithoutItsColumnsIsSkippedAndLeavesTheKeysAlone(@TempDir Path dir) throws IOException {
        // found by fuzzing: the foreign key had no columns, the empty primary key replaced the real one
        Path changelog = Files.writeString(dir.resolve("db.changelog-3.0.yaml"), """
                databaseChangeLog:
                  - changeSet:
                      id: 9
                      author: fay
                      changes:
                        - createTable:
                            tableName: tellers
                            columns:
                              - column: {name: teller_no, type: INT, constraints: {primaryKey: true}}
                              - column: {name: branch_code, type: VARCHAR(8)}
                        - addPrimaryKey:
                            tableName: tellers
                            constraintName: pk_tellers
                        - addUniqueConstraint:
                            tableName: tellers
                            columnNames: " , "
                        - addForeignKeyConstraint:
                            baseTableName: tellers
                            baseColumnName: branch_code
                            referencedTableName: branches
                            constraintName: fk_tellers_branch
                """);
        Schema schema = LiquibaseChangelogs.read(List.of(), changelog, problems);
        assertEquals("""
                tellers  (db.changelog-3.0.yaml:6 (changeSet 9))
                  primary key (teller_no)  db.changelog-3.0.yaml:9 (changeSet 9)
                """, SchemaText.of(schema));
        assertEquals(List.of(
                "db.changelog-3.0.yaml:11: addPrimaryKey without columnNames skipped (changeSet 9)",
                "db.changelog-3.0.yaml:14: addUniqueConstraint without columnNames skipped (changeSet 9)",
                "db.changelog-3.0.yaml:17: addForeignKeyConstraint without baseColumnNames skipped (changeSet 9)"),
                problems.reported);
    }

    @Test
    void aColumnQualifiedWithABlankAfterTheDotIsThatColumn(@TempDir Path dir) throws IOException {
        // found by fuzzing: "tellers. branch_code" was kept as " branch_code", a column no query names
        Path changelog = Files.writeString(dir.resolve("db.changelog-5.0.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
                    <changeSet id="12" author="hal">
                        <addUniqueConstraint tableName="tellers" columnNames="tellers. branch_code, teller_no"/>
                    </changeSet>
                </databaseChangeLog>
                """);
        Schema schema = LiquibaseChangelogs.read(List.of(), changelog, problems);
        assertEquals("""
                tellers  (db.changelog-5.0.xml:4 (changeSet 12))
                  unique (branch_code, teller_no)  db.changelog-5.0.xml:4 (changeSet 12)
                """, SchemaText.of(schema));
    }

    @Test
    void yamlLinesAreTheFilesEvenWhenAValueHoldsALineSeparator(@TempDir Path dir) throws IOException {
        // found by fuzzing: SnakeYAML also breaks lines at U+2028 (and NEL, U+2029), so it said line 8 here
        Path changelog = Files.writeString(dir.resolve("db.changelog-4.0.yaml"), """
                databaseChangeLog:
                  - changeSet:
                      id: 11
                      author: gus
                      comment: "Tellers<LS>and their branches"
                      changes:
                        - createTable:
                            columns:
                              - column: {name: id, type: INT}
                """.replace("<LS>", "\u2028"));
        LiquibaseChangelogs.read(List.of(), changelog, problems);
        assertEquals(List.of("db.changelog-4.0.yaml:7: createTable without tableName skipped (changeSet 11)"), problems.reported);
    }

    @Test
    void jsonChangelogsAndPlainSqlFilesInIncludeAll(@TempDir Path dir) throws IOException {
        Path later = Files.createDirectories(dir.resolve("changes"));
        Files.writeString(later.resolve("01-tellers.json"), """
                {"databaseChangeLog": [
                  {"changeSet": {"id": "10", "author": "eve", "changes": [
                    {"createTable": {"tableName": "tellers", "columns": [
                      {"column": {"name": "teller_no", "type": "INT", "constraints": {"primaryKey": true}}}
                    ]}}
                  ]}}
                ]}
                """);
        Files.writeString(later.resolve("02-plain.sql"), "CREATE UNIQUE INDEX ux_tellers ON tellers (teller_no);\n");
        Path master = Files.writeString(dir.resolve("db.changelog-master.yaml"), """
                databaseChangeLog:
                  - includeAll:
                      path: changes
                      relativeToChangelogFile: true
                """);
        assertEquals("""
                tellers  (01-tellers.json:3 (changeSet 10))
                  primary key (teller_no)  01-tellers.json:4 (changeSet 10)
                  unique ux_tellers (teller_no)  02-plain.sql:1
                  unique index ux_tellers (teller_no)  02-plain.sql:1
                """, SchemaText.of(LiquibaseChangelogs.read(List.of(), master, problems)));
        assertEquals(List.of(), problems.reported);
    }
}
