package dev.sqllint.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sqllint.source.Digests;
import dev.sqllint.source.FileStamp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run's key sees every change of a schema source, whether the file was digested again or not. */
class FileDigestsTest {

    @TempDir
    Path dir;

    @Test
    void anUnchangedMigrationKeepsItsDigestAndAChangedOneGetsItsNewOne() throws IOException {
        Path cache = dir.resolve("cache");
        Path migration = dir.resolve("V1__orders.sql");
        Files.writeString(migration, "CREATE TABLE orders (id bigint PRIMARY KEY);");
        FileTime modified = Files.getLastModifiedTime(migration);
        FileStamp written = FileStamp.of(migration);
        assumeTrue(written != null, "a file system with change times");
        FileDigests first = FileDigests.open(cache, System.currentTimeMillis() + 60_000); // read long after the write
        String before = first.of(migration);
        first.save();

        assertEquals(before, FileDigests.open(cache).of(migration));

        Files.writeString(migration, "CREATE TABLE orders (id serial PRIMARY KEY);"); // same size
        Files.setLastModifiedTime(migration, modified);
        assumeTrue(!written.equals(FileStamp.of(migration)), "change times finer than this test's pace");
        assertEquals(Digests.of(Files.readAllBytes(migration)), FileDigests.open(cache).of(migration));
    }
}
