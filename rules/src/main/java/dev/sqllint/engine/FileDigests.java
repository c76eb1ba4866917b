package dev.sqllint.engine;

import dev.sqllint.source.Digests;
import dev.sqllint.source.FileStamp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The content digests of the schema sources the run's key covers (migrations, changelogs, mappers), by path, with
 * each file's {@link FileStamp} and when it was read, in {@code <cacheDir>/digests.bin}: a re-run digests only the
 * files whose stamp moved, under the same rule as {@link OutlineCache}. On Fineract (hundreds of Liquibase files)
 * reading and digesting them again was a fifth of a warm run's samples.
 */
final class FileDigests {

    private static final String MAGIC = "sqllint-digests";
    private static final int FORMAT = 1;
    static final String FILE_NAME = "digests.bin";

    private record Entry(String digest, FileStamp stamp, long readAt) {
    }

    private final Path file;
    private final Map<String, Entry> previous;
    private final Map<String, Entry> current = new HashMap<>();
    private final long started;

    private FileDigests(Path file, Map<String, Entry> previous, long started) {
        this.file = file;
        this.previous = previous;
        this.started = started;
    }

    /** The digests the last run kept in {@code dir} (null: a run without a cache, which reads every file). */
    static FileDigests open(Path dir) {
        return open(dir, System.currentTimeMillis());
    }

    /** The digests of a run that started at {@code started} (tests: a run long after the files were written). */
    static FileDigests open(Path dir, long started) {
        Path file = dir == null ? null : dir.resolve(FILE_NAME);
        // a cache that cannot be read costs the run only the reading of every file
        return new FileDigests(file, CacheCodec.readEntries(file, MAGIC, FORMAT,
                in -> new Entry(CacheCodec.readString(in), CacheCodec.readStamp(in), in.readLong())), started);
    }

    /** The file's content digest: the last run's while its stamp proves the same content, else read now. */
    String of(Path path) throws IOException {
        FileStamp stamp = file == null ? null : FileStamp.of(path);
        Entry known = stamp == null ? null : previous.get(path.toString());
        if (known != null && known.stamp().proves(stamp, known.readAt())) {
            current.put(path.toString(), known);
            return known.digest();
        }
        String digest = Digests.of(Files.readAllBytes(path));
        if (stamp != null) current.put(path.toString(), new Entry(digest, stamp, started));
        return digest;
    }

    /** Keeps this run's digests for the next; a failure only costs the next run the reading. */
    void save() {
        if (file == null || current.equals(previous)) return;
        try {
            CacheCodec.writeEntries(file, MAGIC, FORMAT, current, (out, e) -> {
                CacheCodec.writeString(out, e.digest());
                CacheCodec.writeStamp(out, e.stamp());
                out.writeLong(e.readAt());
            });
        } catch (IOException | RuntimeException e) {
            // not worth a note: the next run reads them
        }
    }
}
