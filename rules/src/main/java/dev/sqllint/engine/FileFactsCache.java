package dev.sqllint.engine;

import dev.sqllint.source.FileFacts;
import dev.sqllint.source.FileStamp;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@link FileFacts} of a run with a cache, in {@code <cacheDir>/facts.bin}: per file its {@link FileStamp}, when
 * its content was read, and the answers about it (the run key's digests of the schema sources, schema discovery's
 * questions). A re-run answers from them while the stamp proves the same content, under the same rule as
 * {@link OutlineCache}; a file whose stamp moved is read again. On Fineract (hundreds of Liquibase files) reading
 * and digesting them again was a fifth of a warm run's samples; on ThingsBoard discovery's scans of its
 * configuration and JSON files were a tenth.
 */
final class FileFactsCache implements FileFacts {

    private static final String MAGIC = "sqllint-facts";
    private static final int FORMAT = 1;
    static final String FILE_NAME = "facts.bin";

    /** A file's stamp, when its content was read (epoch ms), and the answers about that content by question. */
    private record Entry(FileStamp stamp, long readAt, Map<String, String> answers) {
    }

    private final Path file;
    private final Map<String, Entry> previous;
    private final Map<String, Entry> current = new ConcurrentHashMap<>();
    private final long started;
    /** Whether this run learnt anything the last run did not know (a new file, a moved stamp, a new question). */
    private volatile boolean learnt;

    private FileFactsCache(Path file, Map<String, Entry> previous, long started) {
        this.file = file;
        this.previous = previous;
        this.started = started;
    }

    /** The facts the last run kept in {@code dir} (null: a run without a cache, which answers from every file). */
    static FileFactsCache open(Path dir) {
        return open(dir, System.currentTimeMillis());
    }

    /** The facts of a run that started at {@code started} (tests: a run long after the files were written). */
    static FileFactsCache open(Path dir, long started) {
        Path file = dir == null ? null : dir.resolve(FILE_NAME);
        // a cache that cannot be read costs the run only the reading of every file
        return new FileFactsCache(file, CacheCodec.readEntries(file, MAGIC, FORMAT, in -> {
            FileStamp stamp = CacheCodec.readStamp(in);
            long readAt = in.readLong();
            Map<String, String> answers = new ConcurrentHashMap<>();
            for (int i = in.readInt(); i > 0; i--) answers.put(CacheCodec.readString(in), CacheCodec.readString(in));
            return new Entry(stamp, readAt, answers);
        }), started);
    }

    @Override
    public String answer(Path path, String name, Question question) throws IOException {
        if (file == null) return question.answer(path);
        Entry entry = current.computeIfAbsent(path.toString(), key -> {
            FileStamp stamp = FileStamp.of(path);
            if (stamp == null) return null; // nothing proves a later run sees the same content: never kept
            Entry known = previous.get(key);
            if (known != null && known.stamp().proves(stamp, known.readAt())) {
                return new Entry(known.stamp(), known.readAt(), new ConcurrentHashMap<>(known.answers()));
            }
            // the stamp is taken before the content is read: a write in between shows in the next run's stamp
            learnt = true;
            return new Entry(stamp, started, new ConcurrentHashMap<>());
        });
        if (entry == null) return question.answer(path);
        String kept = entry.answers().get(name);
        if (kept != null) return kept;
        String answer = question.answer(path);
        entry.answers().put(name, answer);
        learnt = true;
        return answer;
    }

    /** Keeps this run's answers for the next; a failure only costs the next run the reading. */
    void save() {
        // a flag, not a comparison of the entries: records' equals is slow until compiled, and this runs once
        if (file == null || !learnt && current.size() == previous.size()) return;
        try {
            CacheCodec.writeEntries(file, MAGIC, FORMAT, current, (out, e) -> {
                CacheCodec.writeStamp(out, e.stamp());
                out.writeLong(e.readAt());
                Map<String, String> answers = new java.util.TreeMap<>(e.answers());
                out.writeInt(answers.size());
                for (Map.Entry<String, String> a : answers.entrySet()) {
                    CacheCodec.writeString(out, a.getKey());
                    CacheCodec.writeString(out, a.getValue());
                }
            });
        } catch (IOException | RuntimeException e) {
            // not worth a note: the next run reads them
        }
    }
}
