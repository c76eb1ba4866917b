package dev.sqllint.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.sqllint.schema.FlywayMigrations;
import dev.sqllint.schema.LiquibaseChangelogs;
import dev.sqllint.schema.Schema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A SQL migration, replayed as the Analyzer replays {@code db/migration}: split into statements (quotes,
 * dollar quotes, comments, {@code DELIMITER}, {@code GO}), placeholders replaced, each statement parsed and
 * applied to the schema. When it is a Liquibase formatted SQL changelog it is also replayed as one. The
 * schema that comes out must be consistent, and every skipped statement a problem at a line of the script.
 */
class FlywayFuzzTest {

    private static final Path ROOT = FuzzChecks.scratchDir("flyway");
    private static final Path MIGRATION = ROOT.resolve("db/migration/V1__fuzz.sql");
    private static final Path CHANGELOG = ROOT.resolve("db/changelog/db.changelog-master.sql");
    private static final Pattern FORMATTED = Pattern.compile("(?i)--\\s*liquibase\\s+formatted");

    @FuzzTest(maxDuration = "5m")
    void replayMigration(byte[] input) throws IOException {
        FuzzChecks.clear(ROOT);
        Files.createDirectories(MIGRATION.getParent());
        Files.write(MIGRATION, input);
        // line breaks are single bytes in every encoding the reader tries, so Latin-1 counts lines as it does
        FuzzChecks.TextBounds bounds = new FuzzChecks.TextBounds(new String(input, StandardCharsets.ISO_8859_1));

        Schema flyway = FlywayMigrations.read(List.of(ROOT), List.of(), SchemaChecks.problemsIn(Map.of(MIGRATION, bounds)));
        SchemaChecks.check(flyway);

        if (FORMATTED.matcher(new String(input, StandardCharsets.ISO_8859_1)).find()) {
            Files.createDirectories(CHANGELOG.getParent());
            Files.write(CHANGELOG, input);
            Schema liquibase = LiquibaseChangelogs.read(List.of(ROOT), null, SchemaChecks.problemsIn(Map.of(CHANGELOG, bounds)));
            SchemaChecks.check(liquibase);
        }
    }
}
