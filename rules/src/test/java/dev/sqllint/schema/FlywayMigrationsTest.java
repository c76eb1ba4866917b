package dev.sqllint.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Spring Boot project's {@code schema.sql} and Flyway migrations under
 * {@code src/test/resources/schema/flyway}, replayed in Flyway's order into one schema.
 */
class FlywayMigrationsTest {

    private final SchemaText.Problems problems = new SchemaText.Problems();

    static Path resource(String path) {
        try {
            return Path.of(FlywayMigrationsTest.class.getResource(path).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final Path RESOURCES = resource("/schema/flyway/src/main/resources");
    private static final Path POSTGRES_ONLY = RESOURCES.resolve("db/postgresql");

    private static List<String> names(List<Path> files) {
        return files.stream().map(p -> p.getFileName().toString()).toList();
    }

    @Test
    void scriptsRunInFlywaysOrder() {
        List<Path> scripts = FlywayMigrations.scripts(List.of(RESOURCES), List.of(POSTGRES_ONLY), problems);
        assertEquals(List.of(
                "schema.sql",
                "V1__create_accounts.sql",
                "V1_1__account_balances.sql",
                "V1.2__touch_updated_at.sql",
                "V2__add_account_no_unique.sql",
                "V3__index_accounts.sql",
                "V4__audit_events.sql",
                "V10__rename_and_drop.sql",
                "R__a_reference_data.sql",
                "R__reporting_views.sql"), names(scripts));
    }

    @Test
    void replaysTheMigrationsIntoOneSchema() {
        Schema schema = FlywayMigrations.read(List.of(RESOURCES), List.of(POSTGRES_ONLY), problems);
        assertEquals("""
                account_balances  (V1_1__account_balances.sql:2)
                  primary key (account_id, as_of)  V1_1__account_balances.sql:2
                  foreign key (account_id) -> accounts (id)  V1_1__account_balances.sql:2
                account_overview  (R__reporting_views.sql:1)
                  keys unknown
                accounts  (V1__create_accounts.sql:8)
                  primary key (id)  V1__create_accounts.sql:8
                  unique uq_accounts_account_no (iban)  V2__add_account_no_unique.sql:2
                  index ux_accounts_one_primary (customer_no)  V3__index_accounts.sql:4
                  index ix_accounts_customer_opened (customer_no, opened_at)  V10__rename_and_drop.sql:9
                  foreign key (customer_no) -> clients (customer_no)  V1__create_accounts.sql:8
                  foreign key fk_accounts_currency (currency) -> currencies (code)  V1__create_accounts.sql:8
                audit_events  (V4__audit_events.sql:1)
                  primary key (id)  V4__audit_events.sql:1
                  index ix_audit_events_account (account_id, occurred_at)  V4__audit_events.sql:6
                  foreign key (account_id) -> accounts (id)  V4__audit_events.sql:1
                clients  (V1__create_accounts.sql:2)
                  primary key pk_customers (customer_no)  V1__create_accounts.sql:2
                  unique uq_customers_email (email)  V2__add_account_no_unique.sql:6
                  unique ux_customers_email (lower(email))  V3__index_accounts.sql:6
                  unique index ux_customers_email (lower(email))  V3__index_accounts.sql:6
                currencies  (schema.sql:2)
                  primary key (code)  schema.sql:2
                """, SchemaText.of(schema));
        assertEquals(List.of(
                "V6_add_notes.sql:0: not named like a Flyway migration (V<version>__<description>.sql or "
                        + "R__<description>.sql), so Flyway does not run it either"),
                problems.reported.stream().sorted().toList());
    }

    @Test
    void whatTheRulesAskOfTheResult() {
        Schema schema = FlywayMigrations.read(List.of(RESOURCES), List.of(POSTGRES_ONLY), problems);
        Table balances = schema.table("ACCOUNT_BALANCES").orElseThrow();
        assertEquals("V1_1__account_balances.sql:2",
                balances.keyCoveredBy(java.util.Set.of("account_id", "as_of", "amount")).orElseThrow().source());
        assertEquals(java.util.Optional.empty(), balances.keyCoveredBy(java.util.Set.of("account_id")));
        Table accounts = schema.table("public.accounts").orElseThrow();
        assertEquals("uq_accounts_account_no", accounts.keyCoveredBy(java.util.Set.of("iban")).orElseThrow().name());
        assertEquals(java.util.Optional.empty(), accounts.keyCoveredBy(java.util.Set.of("customer_no")));
        assertEquals("ix_audit_events_account",
                schema.table("audit_events").orElseThrow().indexLeadingWith("account_id").orElseThrow().name());
        assertEquals(List.of("id", "customer_no", "currency", "iban", "opened_at", "updated_at", "is_primary"),
                List.copyOf(accounts.columns()));
    }

    @Test
    void versionsCompareAsNumbersPartByPart(@TempDir Path root) throws IOException {
        Path migrations = Files.createDirectories(root.resolve("db/migration"));
        for (String name : List.of("V10__ten.sql", "V2__two.sql", "V1_1__one_one.sql", "V1__one.sql", "V1.2__one_two.sql",
                "V1.10__one_ten.sql", "V1.1__duplicate.sql", "R__b.sql", "R__a.sql", "U1__undo.sql", "notes.txt")) {
            Files.writeString(migrations.resolve(name), "SELECT 1;");
        }
        List<Path> scripts = FlywayMigrations.scripts(List.of(root), List.of(), problems);
        assertEquals(List.of("V1__one.sql", "V1.1__duplicate.sql", "V1_1__one_one.sql", "V1.2__one_two.sql",
                "V1.10__one_ten.sql", "V2__two.sql", "V10__ten.sql", "R__a.sql", "R__b.sql"), names(scripts));
        assertEquals(List.of("V1_1__one_one.sql:0: version 1_1 is also used by V1.1__duplicate.sql; "
                + "Flyway refuses to migrate with both"), problems.reported);
    }

    @Test
    void configuredFilesAndMissingLocations(@TempDir Path root) throws IOException {
        Path baseline = Files.writeString(root.resolve("baseline.sql"), "CREATE TABLE branches (code TEXT PRIMARY KEY);\n");
        Path versioned = Files.writeString(root.resolve("V5__tellers.sql"),
                "CREATE TABLE tellers (id INT PRIMARY KEY, branch_code TEXT REFERENCES branches);\n");
        Schema schema = FlywayMigrations.read(List.of(root.resolve("no-such-root")),
                List.of(versioned, baseline, root.resolve("missing")), problems);
        assertEquals("""
                branches  (baseline.sql:1)
                  primary key (code)  baseline.sql:1
                tellers  (V5__tellers.sql:1)
                  primary key (id)  V5__tellers.sql:1
                  foreign key (branch_code) -> branches (code)  V5__tellers.sql:1
                """, SchemaText.of(schema));
        assertEquals(List.of("missing:0: configured Flyway location does not exist"), problems.reported);
    }

    @Test
    void latin1ScriptsAreReadAndAnEmptyProjectHasAnEmptySchema(@TempDir Path root) throws IOException {
        Path migrations = Files.createDirectories(root.resolve("db/migration"));
        Files.write(migrations.resolve("V1__caf\u00e9.sql"),
                "-- Caf\u00e9 ledger\nCREATE TABLE ledger (entry_no INT PRIMARY KEY);\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        assertEquals("ledger  (V1__caf\u00e9.sql:2)\n  primary key (entry_no)  V1__caf\u00e9.sql:2\n",
                SchemaText.of(FlywayMigrations.read(List.of(root), List.of(), problems)));
        assertEquals(true, FlywayMigrations.read(List.of(), List.of(), problems).isEmpty());
        assertEquals(List.of(), problems.reported);
    }
}
