package dev.sqllint.engine;

import dev.sqllint.source.FileStamp;
import dev.sqllint.source.JavaOutline;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The outline of every Java file of the last run, by path and content digest, in {@code <cacheDir>/outlines.bin}:
 * a re-run decodes and scans only the files that changed. Kept apart from {@link ResultCache} because the run's
 * key is computed from the outlines; valid for one sqllint build only. With each file's {@link FileStamp} and when
 * its content was read: a file whose stamp is the same is not even read again (its digest and outline are these),
 * which was most of what a run the cache answers entirely did (reading and digesting 25 MB for ThingsBoard).
 */
final class OutlineCache {

    private static final String MAGIC = "sqllint-outlines";
    private static final int FORMAT = 4;
    static final String FILE_NAME = "outlines.bin";

    /** A file's digest and outline; its stamp (null when it has none) and when the content was read (epoch ms). */
    record Entry(String digest, JavaOutline outline, FileStamp stamp, long readAt) {
    }

    private final Path file;
    private final Map<String, Entry> previous;
    private final Map<String, Entry> current = new ConcurrentHashMap<>();
    /** Values computed from all the files' digests and outlines (see {@link #derived}), by name: the last run's, this run's. */
    private final Map<String, String> previousDerived;
    private final Map<String, String> derived = new ConcurrentHashMap<>();
    /** Before this run read anything (epoch ms). */
    private final long started;
    private volatile boolean changed;

    private OutlineCache(Path file, Map<String, Entry> previous, Map<String, String> previousDerived, long started) {
        this.file = file;
        this.previous = previous;
        this.previousDerived = previous.isEmpty() ? Map.of() : previousDerived;
        this.started = started;
    }

    static OutlineCache open(Path dir) {
        return open(dir, System.currentTimeMillis());
    }

    /** The cache of a run that started at {@code started} (tests: a run long after the files were written). */
    static OutlineCache open(Path dir, long started) {
        Path file = dir == null ? null : dir.resolve(FILE_NAME);
        // a cache that cannot be read is rebuilt from the sources; the results cache notes problems
        Map<String, String> derived = new java.util.HashMap<>();
        Map<String, Entry> entries = CacheCodec.readEntries(file, MAGIC, FORMAT, in -> {
            String digest = CacheCodec.readString(in);
            JavaOutline o = new JavaOutline(CacheCodec.readString(in), CacheCodec.readStrings(in),
                    CacheCodec.readStrings(in), in.readBoolean(), in.readBoolean(), in.readBoolean(),
                    CacheCodec.readStrings(in));
            FileStamp stamp = in.readBoolean() ? CacheCodec.readStamp(in) : null;
            return new Entry(digest, o, stamp, in.readLong());
        }, in -> {
            for (int i = in.readInt(); i > 0; i--) derived.put(CacheCodec.readString(in), CacheCodec.readString(in));
        });
        return new OutlineCache(file, entries, derived, started);
    }

    /**
     * A value computed from every file's digest and outline (a digest of them all, for the run key), once all the
     * files are read: the last run's value when every file is as that run had it, else {@code compute}'s. Hashing
     * them was a tenth of a warm ThingsBoard run (SHA-256 runs interpreted in a fresh JVM).
     */
    String derived(String name, java.util.function.Supplier<String> compute) {
        String kept = sameFiles() ? previousDerived.get(name) : null;
        String value = kept != null ? kept : compute.get();
        if (file != null) derived.put(name, value);
        return value;
    }

    /** Whether this run's files, digests and outlines are the last run's (every entry put is equal to its own). */
    private boolean sameFiles() {
        return !changed && current.size() == previous.size();
    }

    /** The outline of this content of {@code path} from the last run, or null. */
    JavaOutline get(Path path, String digest) {
        Entry e = previous.get(path.toString());
        return e != null && e.digest().equals(digest) ? e.outline() : null;
    }

    /**
     * The last run's entry of {@code path} when the file is as that run read it (the same stamp, settled when it
     * was read), or null: then the file must be read.
     */
    Entry unchanged(Path path, FileStamp stamp) {
        Entry e = stamp == null ? null : previous.get(path.toString());
        return e != null && e.stamp() != null && e.stamp().proves(stamp, e.readAt()) ? e : null;
    }

    /** This run's entry of a file it read now, with its stamp as seen before reading (null: none). */
    void put(Path path, String digest, JavaOutline outline, FileStamp stamp) {
        put(path, new Entry(digest, outline, stamp, stamp == null ? 0 : started));
    }

    /** An entry of the last run this run took as it was ({@link #unchanged}). */
    void keep(Path path, Entry entry) {
        put(path, entry);
    }

    private void put(Path path, Entry e) {
        if (file == null) return;
        String key = path.toString();
        current.put(key, e);
        Entry before = previous.get(key);
        // a kept entry is the last run's own object: no need to compare outlines field by field
        if (!changed && e != before && !e.equals(before)) changed = true;
    }

    /** Writes this run's outlines if any changed; a failure only costs the next run a scan. */
    void save() {
        if (file == null || (sameFiles() && derived.equals(previousDerived))) return;
        try {
            CacheCodec.writeEntries(file, MAGIC, FORMAT, current, (out, e) -> {
                JavaOutline o = e.outline();
                CacheCodec.writeString(out, e.digest());
                CacheCodec.writeString(out, o.packageName());
                CacheCodec.writeStrings(out, o.topLevelTypes());
                CacheCodec.writeStrings(out, o.supertypes());
                out.writeBoolean(o.signalled());
                out.writeBoolean(o.mapped());
                out.writeBoolean(o.mentionsSqllint());
                CacheCodec.writeStrings(out, o.dataAccessNames());
                out.writeBoolean(e.stamp() != null);
                if (e.stamp() != null) CacheCodec.writeStamp(out, e.stamp());
                out.writeLong(e.readAt());
            }, out -> {
                out.writeInt(derived.size());
                for (Map.Entry<String, String> d : new java.util.TreeMap<>(derived).entrySet()) {
                    CacheCodec.writeString(out, d.getKey());
                    CacheCodec.writeString(out, d.getValue());
                }
            });
        } catch (IOException | RuntimeException e) {
            // not worth a note: the next run scans again
        }
    }
}
