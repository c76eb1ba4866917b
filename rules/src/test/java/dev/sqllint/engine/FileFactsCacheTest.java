package dev.sqllint.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sqllint.schema.SchemaProblems;
import dev.sqllint.schema.discovery.SchemaSources;
import dev.sqllint.source.Digests;
import dev.sqllint.source.FileFacts;
import dev.sqllint.source.FileStamp;
import dev.sqllint.sql.Dialect;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A re-run answers from what the last run learnt of a file while its stamp proves the content, and reads it when not. */
class FileFactsCacheTest {

    private static final long LONG_AFTER_THE_WRITES = 60_000;

    @TempDir
    Path dir;

    private final AtomicInteger reads = new AtomicInteger();

    private String digest(FileFacts facts, Path file) throws IOException {
        return facts.answer(file, "sha256", f -> {
            reads.incrementAndGet();
            return Digests.of(Files.readAllBytes(f));
        });
    }

    @Test
    void anUnchangedMigrationKeepsItsDigestAndAChangedOneGetsItsNewOne() throws IOException {
        Path cache = dir.resolve("cache");
        Path migration = dir.resolve("V1__orders.sql");
        Files.writeString(migration, "CREATE TABLE orders (id bigint PRIMARY KEY);");
        FileTime modified = Files.getLastModifiedTime(migration);
        FileStamp written = FileStamp.of(migration);
        assumeTrue(written != null, "a file system with change times");
        FileFactsCache first = FileFactsCache.open(cache, System.currentTimeMillis() + LONG_AFTER_THE_WRITES);
        String before = digest(first, migration);
        first.save();

        assertEquals(before, digest(FileFactsCache.open(cache), migration));
        assertEquals(1, reads.get(), "the second run answered from the first one's digest");

        Files.writeString(migration, "CREATE TABLE orders (id serial PRIMARY KEY);"); // same size
        Files.setLastModifiedTime(migration, modified);
        assumeTrue(!written.equals(FileStamp.of(migration)), "change times finer than this test's pace");
        assertEquals(Digests.of(Files.readAllBytes(migration)), digest(FileFactsCache.open(cache), migration));
        assertEquals(2, reads.get());
    }

    @Test
    void contentReadTooSoonAfterItsWriteIsReadAgainByTheNextRun() throws IOException {
        Path cache = dir.resolve("cache");
        Path migration = dir.resolve("V1__orders.sql");
        Files.writeString(migration, "CREATE TABLE orders (id bigint PRIMARY KEY);");
        assumeTrue(FileStamp.of(migration) != null, "a file system with change times");
        FileFactsCache first = FileFactsCache.open(cache); // in the same tick as the write: a later write may not show
        digest(first, migration);
        first.save();

        digest(FileFactsCache.open(cache), migration);
        assertEquals(2, reads.get());
    }

    @Test
    void aRunWithoutACacheAnswersFromTheFileEveryTime() throws IOException {
        Path migration = dir.resolve("V1__orders.sql");
        Files.writeString(migration, "CREATE TABLE orders (id bigint PRIMARY KEY);");
        FileFactsCache none = FileFactsCache.open(null);
        digest(none, migration);
        digest(none, migration);
        assertEquals(2, reads.get());
    }

    @Test
    void discoveryFromKeptFactsFindsWhatReadingFindsAndSeesAChangedConfiguration() throws IOException {
        Path cache = dir.resolve("cache");
        Path resources = dir.resolve("src/main/resources");
        Files.createDirectories(resources.resolve("db/changelog"));
        Files.createDirectories(resources.resolve("db/migration"));
        Files.writeString(resources.resolve("db/changelog/master.xml"), """
                <databaseChangeLog>
                  <include file="db/changelog/orders.xml"/>
                </databaseChangeLog>
                """);
        Files.writeString(resources.resolve("db/changelog/orders.xml"), """
                <databaseChangeLog><changeSet id="1" author="a"><createTable tableName="orders"/></changeSet></databaseChangeLog>
                """);
        Files.writeString(resources.resolve("db/migration/V1__init.sql"), "CREATE TABLE customers (id bigint PRIMARY KEY);");
        Files.writeString(resources.resolve("dashboard.json"), "{\"widgets\": []}");
        Files.writeString(resources.resolve("application.yml"), "server:\n  port: 8080\n");
        assumeTrue(FileStamp.of(resources.resolve("application.yml")) != null, "a file system with change times");
        SchemaSources read = discover(FileFacts.NONE, resources);

        FileFactsCache first = FileFactsCache.open(cache, System.currentTimeMillis() + LONG_AFTER_THE_WRITES);
        assertEquals(read, discover(first, resources));
        first.save();
        assertEquals(read, discover(FileFactsCache.open(cache), resources));
        assertEquals(List.of(resources.resolve("db/changelog/master.xml")), read.otherChangelogs());

        Files.writeString(resources.resolve("application.yml"),
                "spring:\n  liquibase:\n    change-log: classpath:db/changelog/master.xml\n");
        SchemaSources changed = discover(FileFactsCache.open(cache), resources);
        assertEquals(discover(FileFacts.NONE, resources), changed);
        assertEquals(List.of(resources.resolve("db/changelog/master.xml")), changed.changelogs());
    }

    private SchemaSources discover(FileFacts facts, Path resources) {
        return SchemaSources.discover(new SchemaSources.Search(dir, List.of(resources), List.of(), false,
                Dialect.POSTGRESQL, facts), SchemaProblems.IGNORE);
    }
}
