package dev.sqllint.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sqllint.source.FileStamp;
import dev.sqllint.source.JavaOutline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A re-run takes a file's digest and outline from the cache, without reading it, only while its stamp proves it is unchanged. */
class OutlineCacheTest {

    private static final JavaOutline OUTLINE = new JavaOutline("com.acme", List.of("OrderDao"), List.of(), true, false, false,
            List.of("OrderRepository"));
    private static final long A_MINUTE = 60_000;

    @TempDir
    Path dir;
    private Path cache;
    private Path source;

    @BeforeEach
    void writeSource() throws IOException {
        cache = dir.resolve("cache");
        source = dir.resolve("OrderDao.java");
        Files.writeString(source, "class OrderDao { String q = \"SELECT id FROM orders\"; }");
        assumeTrue(FileStamp.of(source) != null, "a file system with change times");
    }

    @Test
    void aFileAsTheLastRunReadItIsNotReadAgain() {
        readInARunLongAfterTheWrite();

        OutlineCache.Entry known = OutlineCache.open(cache).unchanged(source, FileStamp.of(source));

        assertNotNull(known);
        assertEquals("digest-1", known.digest());
        assertEquals(OUTLINE, known.outline());
    }

    @Test
    void aFileRewrittenToTheSameSizeWithItsModificationTimeRestoredIsReadAgain() throws IOException {
        FileTime modified = Files.getLastModifiedTime(source);
        FileStamp before = FileStamp.of(source);
        readInARunLongAfterTheWrite();

        Files.writeString(source, "class OrderDao { String q = \"SELECT id FROM invoice\"; }".substring(0, (int) Files.size(source)));
        Files.setLastModifiedTime(source, modified); // as tar or rsync -t would: the change time still moves
        assumeTrue(!before.equals(FileStamp.of(source)), "change times finer than this test's pace");

        assertNull(OutlineCache.open(cache).unchanged(source, FileStamp.of(source)));
    }

    @Test
    void aFileReadWithinTheTimeGranularityOfItsLastWriteIsReadAgain() {
        // a second write in the same tick could leave the stamp as it was
        OutlineCache run = OutlineCache.open(cache, System.currentTimeMillis());
        run.put(source, "digest-1", OUTLINE, FileStamp.of(source));
        run.save();

        assertNull(OutlineCache.open(cache).unchanged(source, FileStamp.of(source)));
    }

    @Test
    void withoutAStampAFileIsAlwaysRead() {
        OutlineCache run = OutlineCache.open(cache, System.currentTimeMillis() + A_MINUTE);
        run.put(source, "digest-1", OUTLINE, null);
        run.save();

        assertNull(OutlineCache.open(cache).unchanged(source, FileStamp.of(source)));
        assertEquals(OUTLINE, OutlineCache.open(cache).get(source, "digest-1"), "its outline still serves the same content");
    }

    /** A digest of all the files, kept with their outlines: computed again only when a file changed. */
    @Test
    void aValueOfAllTheFilesIsTheLastRunsWhileEveryFileIsAsItHadIt() throws IOException {
        OutlineCache first = OutlineCache.open(cache, System.currentTimeMillis() + A_MINUTE);
        first.put(source, "digest-1", OUTLINE, FileStamp.of(source));
        assertEquals("types-1", first.derived("types", () -> "types-1"));
        first.save();

        OutlineCache same = OutlineCache.open(cache);
        same.keep(source, same.unchanged(source, FileStamp.of(source)));
        assertEquals("types-1", same.derived("types", () -> "computed again"));

        Object written = Files.readAttributes(cache.resolve(OutlineCache.FILE_NAME), BasicFileAttributes.class).fileKey();
        same.save();
        assertEquals(written, Files.readAttributes(cache.resolve(OutlineCache.FILE_NAME), BasicFileAttributes.class).fileKey(),
                "nothing new: the file is left as it was");

        OutlineCache changed = OutlineCache.open(cache);
        changed.put(source, "digest-2", OUTLINE, FileStamp.of(source));
        assertEquals("types-2", changed.derived("types", () -> "types-2"), "a file's content changed");

        OutlineCache fewer = OutlineCache.open(cache);
        assertEquals("none", fewer.derived("types", () -> "none"), "the file is gone");
    }

    private void readInARunLongAfterTheWrite() {
        OutlineCache run = OutlineCache.open(cache, System.currentTimeMillis() + A_MINUTE);
        run.put(source, "digest-1", OUTLINE, FileStamp.of(source));
        run.save();
    }
}
