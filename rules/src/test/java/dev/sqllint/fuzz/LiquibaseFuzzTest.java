package dev.sqllint.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.sqllint.schema.LiquibaseChangelogs;
import dev.sqllint.schema.Schema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A Liquibase master changelog, XML when it starts with {@code <}, else YAML (which also reads JSON), replayed
 * as the Analyzer replays one: changesets ({@code createTable}, {@code addPrimaryKey},
 * {@code addForeignKeyConstraint}, {@code sql}, ...), {@code include} and {@code includeAll} of two fixed
 * files beside it. The schema must be consistent, and every problem name a file read and a line it has.
 */
class LiquibaseFuzzTest {

    private static final Path ROOT = FuzzChecks.scratchDir("liquibase");
    private static final Path FOLDER = ROOT.resolve("db/changelog");
    private static final Path ACCOUNTS = FOLDER.resolve("changes/001-accounts.sql");
    private static final String ACCOUNTS_SQL = """
            CREATE TABLE accounts (id BIGINT PRIMARY KEY, owner_id BIGINT NOT NULL, status VARCHAR(20));
            CREATE INDEX accounts_owner ON accounts (owner_id);
            """;
    private static final Path ORDERS = FOLDER.resolve("changes/002-orders.yaml");
    private static final String ORDERS_YAML = """
            databaseChangeLog:
              - changeSet:
                  id: orders
                  author: fuzz
                  changes:
                    - createTable:
                        tableName: orders
                        columns:
                          - column: {name: id, type: BIGINT, constraints: {primaryKey: true}}
                          - column:
                              name: account_id
                              type: BIGINT
                              constraints: {nullable: false, foreignKeyName: fk_orders_account, references: accounts(id)}
            """;

    @FuzzTest(maxDuration = "5m")
    void replayChangelog(byte[] input) throws IOException {
        FuzzChecks.clear(ROOT);
        Files.createDirectories(ACCOUNTS.getParent());
        Files.writeString(ACCOUNTS, ACCOUNTS_SQL);
        Files.writeString(ORDERS, ORDERS_YAML);
        String text = new String(input, StandardCharsets.UTF_8);
        boolean xml = text.stripLeading().startsWith("<") || text.startsWith("\uFEFF<");
        Path master = FOLDER.resolve(xml ? "db.changelog-master.xml" : "db.changelog-master.yaml");
        Files.write(master, input);

        Map<Path, FuzzChecks.TextBounds> files = new HashMap<>();
        files.put(ACCOUNTS, new FuzzChecks.TextBounds(ACCOUNTS_SQL));
        files.put(ORDERS, new FuzzChecks.TextBounds(ORDERS_YAML));
        files.put(master, new FuzzChecks.TextBounds(new String(input, StandardCharsets.ISO_8859_1)));
        Schema schema = LiquibaseChangelogs.read(List.of(ROOT), null, SchemaChecks.problemsIn(files));
        SchemaChecks.check(schema);
    }
}
