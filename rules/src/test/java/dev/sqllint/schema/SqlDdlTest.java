package dev.sqllint.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each DDL shape the replay understands, as a migration would write it, and what it leaves in the schema. */
class SqlDdlTest {

    private final Schema schema = new Schema();
    private final SchemaText.Problems problems = new SchemaText.Problems();

    private String replay(String file, String sql) {
        SqlDdl.apply(sql, Path.of("db/migration", file), 1, schema, problems);
        return SchemaText.of(schema);
    }

    @Test
    void createTableWithInlineKeysAndReferences() {
        String schemaText = replay("V1__init.sql", """
                CREATE TABLE customers (customer_no BIGINT PRIMARY KEY, email TEXT NOT NULL);

                CREATE TABLE accounts (
                    id          BIGSERIAL PRIMARY KEY,
                    customer_no BIGINT NOT NULL REFERENCES customers (customer_no) ON DELETE CASCADE,
                    account_no  VARCHAR(34) NOT NULL UNIQUE,
                    branch_code TEXT CONSTRAINT uq_accounts_branch UNIQUE,
                    parent_id   BIGINT CONSTRAINT fk_accounts_parent REFERENCES accounts,
                    owner_no    BIGINT REFERENCES customers
                );
                """);
        assertEquals("""
                accounts  (V1__init.sql:3)
                  primary key (id)  V1__init.sql:3
                  unique (account_no)  V1__init.sql:3
                  unique uq_accounts_branch (branch_code)  V1__init.sql:3
                  foreign key (customer_no) -> customers (customer_no)  V1__init.sql:3
                  foreign key fk_accounts_parent (parent_id) -> accounts (id)  V1__init.sql:3
                  foreign key (owner_no) -> customers (customer_no)  V1__init.sql:3
                customers  (V1__init.sql:1)
                  primary key (customer_no)  V1__init.sql:1
                """, schemaText);
        assertEquals("varchar(34)", schema.table("accounts").orElseThrow().columnType("account_no").orElseThrow());
        assertEquals(List.of(), problems.reported);
    }

    @Test
    void rowsInADumpChangeNothingWhetherTheyParseOrNot() {
        String schemaText = replay("sample_data.sql", """
                CREATE TABLE m_code (id BIGINT PRIMARY KEY, code_name VARCHAR(100));
                INSERT INTO `m_code` (`id`, `code_name`) VALUES (1,'Customer Identifier'),(2,'It\\'s MySQL\\'s escape');
                insert into m_code values (3, 'Gender');
                UPDATE m_code SET code_name = 'Sex' WHERE id = 3;
                DELETE FROM m_code WHERE id = 2;
                """);

        assertEquals("""
                m_code  (sample_data.sql:1)
                  primary key (id)  sample_data.sql:1
                """, schemaText);
        assertEquals(List.of(), problems.reported);
    }

    @Test
    void aNameThatIsOnlyQuotesOrAQualifierNamesNoTable() {
        // found by fuzzing in CI: `""`, `[ ]`, `s.` and a lone ${prefix} normalise to nothing, and a nameless
        // table in the schema would match no query while breaking every lookup by name
        replay("V1__odd_names.sql", """
                CREATE TABLE "" (id BIGINT PRIMARY KEY);
                CREATE TABLE " " (id BIGINT PRIMARY KEY);
                CREATE TABLE `` (id BIGINT PRIMARY KEY);
                CREATE TABLE audit."" (id BIGINT PRIMARY KEY);
                CREATE VIEW "" AS SELECT id FROM orders;
                CREATE INDEX ix_blank ON "" (id);
                CREATE TABLE orders (id BIGINT PRIMARY KEY);
                ALTER TABLE orders RENAME TO "";
                """);
        assertEquals("""
                orders  (V1__odd_names.sql:7)
                  primary key (id)  V1__odd_names.sql:7
                """, SchemaText.of(schema));
    }

    @Test
    void blanksInsideQuotesAreNotPartOfTheName() {
        // found by fuzzing: the key was stored as " id" but looked up as "id", so it did not cover its own column
        replay("V1__orders.sql", """
                CREATE TABLE `orders` (` id` BIGINT, account_id BIGINT, PRIMARY KEY (` id`));
                """);
        assertEquals("""
                orders  (V1__orders.sql:1)
                  primary key (id)  V1__orders.sql:1
                """, SchemaText.of(schema));
        KeyModel keys = new SchemaKeyModel(schema, new NamingConventions(), List.of());
        assertTrue(keys.uniqueKeyCovered("orders", Set.of("id")).isPresent());
    }

    @Test
    void tableLevelConstraintsNamedAndUnnamed() {
        String schemaText = replay("V1__balances.sql", """
                CREATE TABLE account_balances (
                    account_id BIGINT NOT NULL,
                    as_of      DATE NOT NULL,
                    amount     NUMERIC(19, 4) NOT NULL,
                    booking_id UUID,
                    CONSTRAINT pk_account_balances PRIMARY KEY (account_id, as_of),
                    UNIQUE (booking_id),
                    CONSTRAINT uq_balance_amount UNIQUE (account_id, amount),
                    CONSTRAINT fk_balances_account FOREIGN KEY (account_id) REFERENCES accounts (id),
                    FOREIGN KEY (booking_id) REFERENCES bookings (id),
                    CHECK (amount >= 0)
                );
                """);
        assertEquals("""
                account_balances  (V1__balances.sql:1)
                  primary key pk_account_balances (account_id, as_of)  V1__balances.sql:1
                  unique (booking_id)  V1__balances.sql:1
                  unique uq_balance_amount (account_id, amount)  V1__balances.sql:1
                  foreign key fk_balances_account (account_id) -> accounts (id)  V1__balances.sql:1
                  foreign key (booking_id) -> bookings (id)  V1__balances.sql:1
                """, schemaText);
    }

    @Test
    void alterTableAddsConstraintsAndColumns() {
        replay("V1__init.sql", "CREATE TABLE accounts (id BIGINT, account_no TEXT, customer_no BIGINT);");
        String schemaText = replay("V2__keys.sql", """
                ALTER TABLE ONLY public.accounts ADD CONSTRAINT pk_accounts PRIMARY KEY (id);
                ALTER TABLE accounts ADD CONSTRAINT uq_accounts_account_no UNIQUE (account_no);
                ALTER TABLE accounts ADD UNIQUE (customer_no, account_no);
                ALTER TABLE accounts
                    ADD CONSTRAINT fk_accounts_customer FOREIGN KEY (customer_no) REFERENCES customers (customer_no);
                ALTER TABLE accounts ADD COLUMN iban VARCHAR(34) UNIQUE, ADD COLUMN branch_id BIGINT REFERENCES branches (id);
                """);
        assertEquals("""
                accounts  (V1__init.sql:1)
                  primary key pk_accounts (id)  V2__keys.sql:1
                  unique uq_accounts_account_no (account_no)  V2__keys.sql:2
                  unique (customer_no, account_no)  V2__keys.sql:3
                  unique (iban)  V2__keys.sql:6
                  foreign key fk_accounts_customer (customer_no) -> customers (customer_no)  V2__keys.sql:4
                  foreign key (branch_id) -> branches (id)  V2__keys.sql:6
                """, schemaText);
        assertEquals(List.of("id", "account_no", "customer_no", "iban", "branch_id"),
                List.copyOf(schema.table("accounts").orElseThrow().columns()));
    }

    @Test
    void addColumnWithInlinePrimaryKeyOnATableNoScriptCreated() {
        String schemaText = replay("V7__ledger.sql", "ALTER TABLE ledger ADD COLUMN entry_no BIGINT PRIMARY KEY;");
        assertEquals("""
                ledger  (V7__ledger.sql:1)
                  primary key (entry_no)  V7__ledger.sql:1
                """, schemaText);
    }

    @Test
    void dropColumnConstraintAndPrimaryKey() {
        replay("V1__init.sql", """
                CREATE TABLE accounts (
                    id BIGINT PRIMARY KEY,
                    account_no TEXT CONSTRAINT uq_account_no UNIQUE,
                    legacy_no TEXT UNIQUE,
                    iban TEXT UNIQUE,
                    customer_no BIGINT REFERENCES customers (customer_no)
                );
                """);
        String schemaText = replay("V2__cleanup.sql", """
                ALTER TABLE accounts DROP CONSTRAINT uq_account_no;
                ALTER TABLE accounts DROP COLUMN IF EXISTS legacy_no;
                ALTER TABLE accounts DROP CONSTRAINT accounts_iban_key;
                ALTER TABLE accounts DROP CONSTRAINT accounts_customer_no_fkey;
                ALTER TABLE accounts DROP CONSTRAINT accounts_pkey;
                """);
        assertEquals("accounts  (V1__init.sql:1)\n", schemaText);
    }

    @Test
    void renamesCarryKeysAndForeignKeysAlong() {
        replay("V1__init.sql", """
                CREATE TABLE customers (customer_no BIGINT PRIMARY KEY);
                CREATE TABLE accounts (id BIGINT PRIMARY KEY, account_no TEXT, customer_no BIGINT REFERENCES customers);
                CREATE UNIQUE INDEX ux_accounts_account_no ON accounts (account_no);
                """);
        String schemaText = replay("V10__renames.sql", """
                ALTER TABLE accounts RENAME COLUMN account_no TO iban;
                ALTER TABLE customers RENAME TO clients;
                ALTER TABLE clients RENAME customer_no TO client_no;
                ALTER INDEX ux_accounts_account_no RENAME TO ux_accounts_iban;
                RENAME TABLE accounts TO bank_accounts;
                """);
        assertEquals("""
                bank_accounts  (V1__init.sql:2)
                  primary key (id)  V1__init.sql:2
                  unique ux_accounts_iban (iban)  V1__init.sql:3
                  unique index ux_accounts_iban (iban)  V1__init.sql:3
                  foreign key (customer_no) -> clients (client_no)  V1__init.sql:2
                clients  (V1__init.sql:1)
                  primary key (client_no)  V1__init.sql:1
                """, schemaText);
    }

    @Test
    void indexesPlainUniquePartialAndOnExpressions() {
        replay("V1__init.sql", "CREATE TABLE accounts (id BIGINT PRIMARY KEY, customer_no BIGINT, email TEXT, opened_at DATE);");
        String schemaText = replay("V3__indexes.sql", """
                CREATE INDEX ix_accounts_customer ON accounts USING btree (customer_no, opened_at DESC);
                CREATE UNIQUE INDEX ux_accounts_email ON accounts (lower(email));
                -- one primary account per customer: unique only among the rows the WHERE covers
                CREATE UNIQUE INDEX ux_accounts_primary ON accounts (customer_no) WHERE is_primary;
                CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_accounts_opened ON accounts (opened_at);
                DROP INDEX IF EXISTS ix_accounts_opened;
                """);
        assertEquals("""
                accounts  (V1__init.sql:1)
                  primary key (id)  V1__init.sql:1
                  unique ux_accounts_email (lower(email))  V3__indexes.sql:2
                  index ix_accounts_customer (customer_no, opened_at)  V3__indexes.sql:1
                  unique index ux_accounts_email (lower(email))  V3__indexes.sql:2
                  index ux_accounts_primary (customer_no)  V3__indexes.sql:4
                """, schemaText);
        Table accounts = schema.table("accounts").orElseThrow();
        assertEquals("id", accounts.keyCoveredBy(java.util.Set.of("id", "customer_no")).orElseThrow().columns().get(0));
        assertEquals(java.util.Optional.empty(), accounts.keyCoveredBy(java.util.Set.of("customer_no", "email")));
    }

    @Test
    void dropTableAndTheForeignKeysThatPointedAtIt() {
        replay("V1__init.sql", """
                CREATE TABLE legacy_accounts (id BIGINT PRIMARY KEY);
                CREATE TABLE transfers (id BIGINT PRIMARY KEY, legacy_id BIGINT REFERENCES legacy_accounts (id));
                """);
        String schemaText = replay("V9__drop_legacy.sql", "DROP TABLE IF EXISTS legacy_accounts CASCADE;");
        assertEquals("""
                transfers  (V1__init.sql:2)
                  primary key (id)  V1__init.sql:2
                """, schemaText);
    }

    @Test
    void mysqlDialect() {
        String schemaText = replay("V1__mysql.sql", """
                CREATE TABLE `orders` (
                  `id` BIGINT NOT NULL AUTO_INCREMENT,
                  `order_no` VARCHAR(20) NOT NULL,
                  `customer_id` BIGINT NOT NULL,
                  PRIMARY KEY (`id`),
                  UNIQUE KEY `uk_orders_order_no` (`order_no`),
                  KEY `ix_orders_customer` (`customer_id`),
                  CONSTRAINT `fk_orders_customer` FOREIGN KEY (`customer_id`) REFERENCES `customers` (`id`)
                ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
                ALTER TABLE orders ADD UNIQUE INDEX ux_orders_customer_no (customer_id, order_no);
                ALTER TABLE orders DROP INDEX ix_orders_customer;
                ALTER TABLE orders CHANGE order_no order_number VARCHAR(24) NOT NULL;
                """);
        assertEquals("""
                orders  (V1__mysql.sql:1)
                  primary key (id)  V1__mysql.sql:1
                  unique uk_orders_order_no (order_number)  V1__mysql.sql:1
                  unique ux_orders_customer_no (customer_id, order_number)  V1__mysql.sql:10
                  foreign key fk_orders_customer (customer_id) -> customers (id)  V1__mysql.sql:1
                """, schemaText);
    }

    @Test
    void createTableIfNotExistsKeepsTheFirstAndPlainCreateReplaces() {
        replay("V1__init.sql", "CREATE TABLE accounts (id BIGINT PRIMARY KEY);");
        replay("V2__again.sql", "CREATE TABLE IF NOT EXISTS accounts (account_no TEXT PRIMARY KEY);");
        assertEquals("accounts  (V1__init.sql:1)\n  primary key (id)  V1__init.sql:1\n", SchemaText.of(schema));
        replay("V3__recreate.sql", "DROP TABLE accounts; CREATE TABLE accounts (account_no TEXT PRIMARY KEY);");
        assertEquals("accounts  (V3__recreate.sql:1)\n  primary key (account_no)  V3__recreate.sql:1\n",
                SchemaText.of(schema));
    }

    @Test
    void aRejectedStatementIsReportedWithItsLineAndTheRestStillApplies() {
        String schemaText = replay("V2__constraints.sql", """
                CREATE TABLE accounts (id BIGINT PRIMARY KEY, account_no TEXT, iban TEXT);

                -- JSqlParser 5.4 does not know PostgreSQL 15's NULLS NOT DISTINCT
                ALTER TABLE accounts
                    ADD CONSTRAINT uq_accounts_iban UNIQUE NULLS NOT DISTINCT (iban);

                ALTER TABLE accounts ADD CONSTRAINT uq_accounts_account_no UNIQUE (account_no);
                """);
        // a key the parser could not read was declared: the table's keys are no longer known as a whole
        assertEquals("""
                accounts  (V2__constraints.sql:1)
                  keys unknown
                  primary key (id)  V2__constraints.sql:1
                  unique uq_accounts_account_no (account_no)  V2__constraints.sql:7
                """, schemaText);
        assertEquals(List.of("V2__constraints.sql:4: statement skipped, JSqlParser rejects \"NULLS\" at line 5: "
                + "ALTER TABLE accounts ADD CONSTRAINT uq_accounts_iban UNIQUE NULLS ..."), problems.reported);
    }

    @Test
    void constraintTimingAsPgDumpWritesItIsReadAsTheKeyItDeclares() {
        String schemaText = replay("V2__constraints.sql", """
                CREATE TABLE accounts (id BIGINT PRIMARY KEY, iban TEXT);
                ALTER TABLE accounts
                    ADD CONSTRAINT uq_accounts_iban UNIQUE (iban) DEFERRABLE INITIALLY DEFERRED;
                """);
        assertEquals("""
                accounts  (V2__constraints.sql:1)
                  primary key (id)  V2__constraints.sql:1
                  unique uq_accounts_iban (iban)  V2__constraints.sql:2
                """, schemaText);
        assertEquals(List.of(), problems.reported);
    }

    @Test
    void dmlFunctionsTriggersViewsAndUnparsableNonDdlAreIgnoredSilently() {
        String schemaText = replay("V4__misc.sql", """
                CREATE EXTENSION IF NOT EXISTS "uuid-ossp";
                INSERT INTO currencies (code, name) VALUES ('EUR', 'Euro; the common currency');
                CREATE OR REPLACE FUNCTION touch() RETURNS trigger AS $body$
                BEGIN
                  NEW.updated_at := now(); -- a semicolon inside the body; 'quotes' too
                  RETURN NEW;
                END;
                $body$ LANGUAGE plpgsql;
                CREATE TRIGGER trg_touch BEFORE UPDATE ON accounts FOR EACH ROW EXECUTE FUNCTION touch();
                CREATE VIEW active_accounts AS SELECT * FROM accounts WHERE closed_at IS NULL;
                DO $$ BEGIN PERFORM 1; END $$;
                GRANT SELECT ON accounts TO reporting;
                COMMENT ON TABLE accounts IS 'one row; per account';
                /* a block comment; /* nested; */ still comment; */
                CREATE TABLE audit_log (id BIGINT PRIMARY KEY);
                """);
        // the view over accounts (not declared here) is declared, its keys unknown
        assertEquals("""
                active_accounts  (V4__misc.sql:10)
                  keys unknown
                audit_log  (V4__misc.sql:15)
                  primary key (id)  V4__misc.sql:15
                """, schemaText);
        assertEquals(List.of(), problems.reported);
    }

    @Test
    void placeholdersAndSchemaPrefixes() {
        String schemaText = replay("V1__init.sql", """
                CREATE TABLE ${schema}.accounts (id BIGINT PRIMARY KEY);
                CREATE UNIQUE INDEX ux_accounts_id ON "${flyway:defaultSchema}"."accounts" (id);
                """);
        assertEquals("""
                accounts  (V1__init.sql:1)
                  primary key (id)  V1__init.sql:1
                  unique ux_accounts_id (id)  V1__init.sql:2
                  unique index ux_accounts_id (id)  V1__init.sql:2
                """, schemaText);
    }

    @Test
    void oracleSlashAndSqlServerGoEndStatements() {
        String schemaText = replay("V1__oracle.sql", """
                CREATE TABLE branches (id NUMBER(19) PRIMARY KEY)
                /
                CREATE TABLE tellers (id NUMBER(19) PRIMARY KEY, branch_id NUMBER(19) REFERENCES branches (id))
                GO
                """);
        assertEquals("""
                branches  (V1__oracle.sql:1)
                  primary key (id)  V1__oracle.sql:1
                tellers  (V1__oracle.sql:3)
                  primary key (id)  V1__oracle.sql:3
                  foreign key (branch_id) -> branches (id)  V1__oracle.sql:3
                """, schemaText);
    }

    @Test
    void firstLineAndSuffixShiftTheSources() {
        SqlDdl.apply("\n\nCREATE TABLE t (id INT PRIMARY KEY);", Path.of("db.changelog-1.0.xml"), 40,
                " (changeSet 7)", schema, problems);
        assertEquals("t  (db.changelog-1.0.xml:42 (changeSet 7))\n  primary key (id)  db.changelog-1.0.xml:42 (changeSet 7)\n",
                SchemaText.of(schema));
    }
}
