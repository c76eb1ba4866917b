package dev.sqllint.engine;

import dev.sqllint.source.JavaOutline;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The outline of every Java file of the last run, by path and content digest, in {@code <cacheDir>/outlines.bin}:
 * a re-run decodes and scans only the files that changed. Kept apart from {@link ResultCache} because the run's
 * key is computed from the outlines; valid for one sqllint build only.
 */
final class OutlineCache {

    private static final String MAGIC = "sqllint-outlines";
    private static final int FORMAT = 1;
    static final String FILE_NAME = "outlines.bin";

    private record Entry(String digest, JavaOutline outline) {
    }

    private final Path file;
    private final Map<String, Entry> previous;
    private final Map<String, Entry> current = new ConcurrentHashMap<>();
    private volatile boolean changed;

    private OutlineCache(Path file, Map<String, Entry> previous) {
        this.file = file;
        this.previous = previous;
    }

    static OutlineCache open(Path dir) {
        if (dir == null) return new OutlineCache(null, Map.of());
        Path file = dir.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) return new OutlineCache(file, Map.of());
        try (DataInputStream in = CacheCodec.openFile(file, MAGIC, FORMAT, RunKey.engine())) {
            if (in == null) return new OutlineCache(file, Map.of());
            Map<String, Entry> entries = new java.util.HashMap<>();
            for (int i = in.readInt(); i > 0; i--) {
                String path = CacheCodec.readString(in);
                String digest = CacheCodec.readString(in);
                JavaOutline o = new JavaOutline(CacheCodec.readString(in), CacheCodec.readStrings(in),
                        CacheCodec.readStrings(in), in.readBoolean(), in.readBoolean(), in.readBoolean());
                entries.put(path, new Entry(digest, o));
            }
            return new OutlineCache(file, entries);
        } catch (IOException | RuntimeException e) {
            return new OutlineCache(file, Map.of()); // rebuilt from the sources; the results cache notes problems
        }
    }

    /** The outline of this content of {@code path} from the last run, or null. */
    JavaOutline get(Path path, String digest) {
        Entry e = previous.get(path.toString());
        return e != null && e.digest().equals(digest) ? e.outline() : null;
    }

    void put(Path path, String digest, JavaOutline outline) {
        if (file == null) return;
        Entry e = new Entry(digest, outline);
        current.put(path.toString(), e);
        if (!changed && !e.equals(previous.get(path.toString()))) changed = true;
    }

    /** Writes this run's outlines if any changed; a failure only costs the next run a scan. */
    void save() {
        if (file == null || (!changed && current.size() == previous.size())) return;
        try {
            CacheCodec.writeFile(file, MAGIC, FORMAT, RunKey.engine(), out -> {
                out.writeInt(current.size());
                for (Map.Entry<String, Entry> e : new TreeMap<>(current).entrySet()) {
                    JavaOutline o = e.getValue().outline();
                    CacheCodec.writeString(out, e.getKey());
                    CacheCodec.writeString(out, e.getValue().digest());
                    CacheCodec.writeString(out, o.packageName());
                    CacheCodec.writeStrings(out, o.topLevelTypes());
                    CacheCodec.writeStrings(out, o.supertypes());
                    out.writeBoolean(o.signalled());
                    out.writeBoolean(o.mapped());
                    out.writeBoolean(o.mentionsSqllint());
                }
            });
        } catch (IOException | RuntimeException e) {
            // not worth a note: the next run scans again
        }
    }
}
