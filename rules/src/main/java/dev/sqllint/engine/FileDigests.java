package dev.sqllint.engine;

import dev.sqllint.source.Digests;
import dev.sqllint.source.FileStamp;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

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
        if (dir == null) return new FileDigests(null, Map.of(), started);
        Path file = dir.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) return new FileDigests(file, Map.of(), started);
        try (DataInputStream in = CacheCodec.openFile(file, MAGIC, FORMAT, RunKey.engine())) {
            if (in == null) return new FileDigests(file, Map.of(), started);
            Map<String, Entry> entries = new HashMap<>();
            for (int i = in.readInt(); i > 0; i--) {
                String path = CacheCodec.readString(in);
                String digest = CacheCodec.readString(in);
                FileStamp stamp = new FileStamp(in.readLong(), in.readLong(), in.readLong(), in.readLong());
                entries.put(path, new Entry(digest, stamp, in.readLong()));
            }
            return new FileDigests(file, entries, started);
        } catch (IOException | RuntimeException e) {
            return new FileDigests(file, Map.of(), started); // every file is read again
        }
    }

    /** The file's content digest: the last run's while its stamp proves the same content, else read now. */
    String of(Path path) throws IOException {
        FileStamp stamp = file == null ? null : FileStamp.of(path);
        Entry known = stamp == null ? null : previous.get(path.toString());
        if (known != null && stamp.equals(known.stamp()) && known.stamp().settledBefore(known.readAt())) {
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
            CacheCodec.writeFile(file, MAGIC, FORMAT, RunKey.engine(), out -> {
                out.writeInt(current.size());
                for (Map.Entry<String, Entry> e : new TreeMap<>(current).entrySet()) {
                    CacheCodec.writeString(out, e.getKey());
                    CacheCodec.writeString(out, e.getValue().digest());
                    FileStamp s = e.getValue().stamp();
                    out.writeLong(s.size());
                    out.writeLong(s.modifiedNanos());
                    out.writeLong(s.changedNanos());
                    out.writeLong(s.inode());
                    out.writeLong(e.getValue().readAt());
                }
            });
        } catch (IOException | RuntimeException e) {
            // not worth a note: the next run reads them
        }
    }
}
