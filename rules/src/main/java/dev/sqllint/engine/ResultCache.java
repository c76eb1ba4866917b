package dev.sqllint.engine;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The results of the previous run, kept in {@code <cacheDir>/results.bin}: per analysed file, its outcome keyed
 * on its content digest and the digests of every file its analysis read (constants, supertypes); the run's
 * global part (schema summary, MyBatis mappers); and, ahead of both, what it all added up to ({@link RunSummary}):
 * the global part and the outcomes are decoded only when a run asks for them, which a run the summary answers never
 * does. The whole file is valid only for one {@link RunKey} (engine version, configuration, rules, schema sources,
 * the set of declared types): anything else starts empty. A cache that cannot be read is ignored with a note, never
 * an error.
 */
final class ResultCache {

    private static final String MAGIC = "sqllint-results";
    // 2: outcomes name the tables no schema declares; 3: a diagnostic's column; 4: the global part's Java sources;
    // 5: the run's summary; 6: the summary first
    private static final int FORMAT = 6;
    static final String FILE_NAME = "results.bin";

    /** One file's outcome and what it was computed from. */
    record Entry(String digest, Map<String, String> reads, FileOutcome outcome) {
    }

    /**
     * What the run computes once for all files: the schema's summary and problems, and the mappers' outcomes;
     * {@code javaSources} is the digest of every Java file of the run, since the mappers read properties the
     * project's Java sets, in files that need not be roots.
     */
    record Global(AnalysisResult.SchemaSummary schema, List<String> notes, List<Diagnostic> diagnostics,
                  int mapperFilesFound, List<FileOutcome> mappers, String javaSources) {

        /** Still true of a run whose Java files digest to {@code javaSources}: no mappers, or the same Java. */
        boolean holdsFor(String javaSources) {
            return mapperFilesFound == 0 || this.javaSources.equals(javaSources);
        }
    }

    private final Path file;
    private final String key;
    /** The global part and the entries of the file, read from {@link #unread} when first asked for. */
    private Global previousGlobal;
    private boolean globalRead;
    private Map<String, Entry> previous;
    private DataInputStream unread;
    private final Consumer<String> notes;
    private final Map<String, Entry> current = new ConcurrentHashMap<>();
    private final RunSummary previousSummary;
    private Global global;
    private RunSummary summary;
    private volatile boolean stopped;
    private boolean answeredWhole;

    private ResultCache(Path file, String key, Map<String, Entry> previous, Global previousGlobal) {
        this(file, key, previous, null, previousGlobal, null, note -> { });
    }

    private ResultCache(Path file, String key, Map<String, Entry> previous, DataInputStream unread, Global previousGlobal,
                        RunSummary previousSummary, Consumer<String> notes) {
        this.file = file;
        this.key = key;
        this.previous = previous;
        this.unread = unread;
        this.previousGlobal = previousGlobal;
        this.globalRead = unread == null;
        this.previousSummary = previousSummary;
        this.notes = notes;
    }

    /** No cache: every lookup misses, nothing is written. */
    static ResultCache none() {
        return new ResultCache(null, null, Map.of(), null);
    }

    static ResultCache open(Path dir, String key, Consumer<String> notes) {
        Path file = dir.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) return new ResultCache(file, key, Map.of(), null);
        try {
            // read whole: the rest is decoded from these bytes only if the run asks for it
            DataInputStream in = CacheCodec.header(new DataInputStream(new ByteArrayInputStream(Files.readAllBytes(file))),
                    MAGIC, FORMAT, key);
            if (in == null) {
                notes.accept("cache: configuration, schema, types or sqllint changed since the last run: every file is analysed");
                return new ResultCache(file, key, Map.of(), null);
            }
            RunSummary summary = in.readBoolean() ? readSummary(in) : null;
            return new ResultCache(file, key, null, in, null, summary, notes);
        } catch (IOException | RuntimeException e) {
            notes.accept(unreadable(file, e));
            return new ResultCache(file, key, Map.of(), null);
        }
    }

    private static String unreadable(Path file, Exception e) {
        return "cache: " + file + " could not be read (" + e.getClass().getSimpleName() + "): every file is analysed";
    }

    /** The last run's global part, decoded when first asked for; null when there is none or it cannot be read. */
    private synchronized Global global() {
        if (globalRead) return previousGlobal;
        globalRead = true;
        try {
            previousGlobal = readGlobal(unread);
        } catch (IOException | RuntimeException e) {
            notes.accept(unreadable(file, e));
            previous = Map.of(); // the entries follow the global part: unreadable too
            unread = null;
        }
        return previousGlobal;
    }

    /** The last run's entries by path, decoded when first asked for; none when they cannot be read (with a note). */
    private synchronized Map<String, Entry> previous() {
        global(); // the entries follow it
        if (previous != null) return previous;
        Map<String, Entry> entries = new ConcurrentHashMap<>();
        try {
            for (int i = unread.readInt(); i > 0; i--) {
                String path = CacheCodec.readString(unread);
                String digest = CacheCodec.readString(unread);
                Map<String, String> reads = new java.util.HashMap<>();
                for (int r = unread.readInt(); r > 0; r--) reads.put(CacheCodec.readString(unread), CacheCodec.readString(unread));
                entries.put(path, new Entry(digest, Map.copyOf(reads), CacheCodec.readOutcome(unread)));
            }
            previous = entries;
        } catch (IOException | RuntimeException e) {
            notes.accept(unreadable(file, e));
            previous = Map.of();
        }
        unread = null;
        return previous;
    }

    boolean enabled() {
        return file != null;
    }

    /**
     * The previous outcome of {@code path}, if neither it nor any file its analysis read has changed;
     * {@code digestOf} gives a file's current digest (null: no longer there).
     */
    Optional<FileOutcome> lookup(Path path, String digest, Function<String, String> digestOf) {
        Entry e = previous().get(path.toString());
        if (e == null || !e.digest().equals(digest)) return Optional.empty();
        for (Map.Entry<String, String> read : e.reads().entrySet()) {
            if (!read.getValue().equals(digestOf.apply(read.getKey()))) return Optional.empty();
        }
        current.put(path.toString(), e);
        return Optional.of(e.outcome());
    }

    /**
     * Caches nothing more and writes nothing at the end (the heap ran short): a run that skipped files must not
     * be remembered as complete; the last complete run's file stays and is still checked entry by entry.
     */
    void stop() {
        stopped = true;
        current.clear();
    }

    void put(Path path, String digest, Map<String, String> reads, FileOutcome outcome) {
        if (enabled() && !stopped) current.put(path.toString(), new Entry(digest, Map.copyOf(reads), outcome));
    }

    Optional<Global> previousGlobal() {
        return Optional.ofNullable(global());
    }

    /** What the last run added up to, if its file holds that (see {@link RunSummary}). */
    Optional<RunSummary> previousSummary() {
        return Optional.ofNullable(previousSummary);
    }

    /** This run's global part, and what its outcomes add up to. */
    void global(Global g, RunSummary s) {
        this.global = g;
        this.summary = s;
    }

    /** This run was answered by the last run's summary: the file stays as it is. */
    void answeredWhole() {
        answeredWhole = true;
    }

    /** Whether this run only took what the file holds: its global part and every entry, none new, none left out. */
    private boolean asTheFileHasIt() {
        if (global != global() || !java.util.Objects.equals(summary, previousSummary)) return false;
        Map<String, Entry> previous = previous();
        if (current.size() != previous.size()) return false;
        for (Map.Entry<String, Entry> e : current.entrySet()) if (previous.get(e.getKey()) != e.getValue()) return false;
        return true;
    }

    /** Writes this run's entries (the files of this run only), atomically; a failure is a note, never an error. */
    void save(Consumer<String> notes) {
        if (!enabled() || answeredWhole || global == null || stopped || asTheFileHasIt()) return;
        try {
            CacheCodec.writeFile(file, MAGIC, FORMAT, key, out -> {
                out.writeBoolean(summary != null);
                if (summary != null) writeSummary(out, summary);
                writeGlobal(out, global);
                List<Map.Entry<String, Entry>> entries = new ArrayList<>(current.entrySet());
                entries.sort(Map.Entry.comparingByKey());
                out.writeInt(entries.size());
                for (Map.Entry<String, Entry> e : entries) {
                    CacheCodec.writeString(out, e.getKey());
                    CacheCodec.writeString(out, e.getValue().digest());
                    out.writeInt(e.getValue().reads().size());
                    for (Map.Entry<String, String> r : new java.util.TreeMap<>(e.getValue().reads()).entrySet()) {
                        CacheCodec.writeString(out, r.getKey());
                        CacheCodec.writeString(out, r.getValue());
                    }
                    CacheCodec.writeOutcome(out, e.getValue().outcome());
                }
            });
        } catch (IOException | RuntimeException e) {
            notes.accept("cache: could not write " + file + " (" + e.getClass().getSimpleName() + " " + e.getMessage() + ")");
        }
    }

    private static void writeGlobal(DataOutputStream out, Global g) throws IOException {
        writeSchema(out, g.schema());
        CacheCodec.writeStrings(out, g.notes());
        CacheCodec.writeDiagnostics(out, g.diagnostics());
        out.writeInt(g.mapperFilesFound());
        out.writeInt(g.mappers().size());
        for (FileOutcome o : g.mappers()) CacheCodec.writeOutcome(out, o);
        CacheCodec.writeString(out, g.javaSources());
    }

    private static void writeSummary(DataOutputStream out, RunSummary s) throws IOException {
        out.writeInt(s.roots());
        CacheCodec.writeString(out, s.javaSources());
        CacheCodec.writeOutcome(out, s.total());
        CacheCodec.writeStrings(out, s.notes());
        writeSchema(out, s.schema());
        out.writeInt(s.mapperFilesFound());
    }

    private static RunSummary readSummary(DataInputStream in) throws IOException {
        return new RunSummary(in.readInt(), CacheCodec.readString(in), CacheCodec.readOutcome(in), CacheCodec.readStrings(in),
                readSchema(in), in.readInt());
    }

    private static void writeSchema(DataOutputStream out, AnalysisResult.SchemaSummary schema) throws IOException {
        out.writeInt(schema.tables());
        out.writeInt(schema.keys());
        out.writeInt(schema.foreignKeys());
        out.writeInt(schema.indexes());
        CacheCodec.writeStrings(out, schema.sources());
    }

    private static AnalysisResult.SchemaSummary readSchema(DataInputStream in) throws IOException {
        return new AnalysisResult.SchemaSummary(in.readInt(), in.readInt(), in.readInt(), in.readInt(),
                CacheCodec.readStrings(in));
    }

    private static Global readGlobal(DataInputStream in) throws IOException {
        AnalysisResult.SchemaSummary schema = readSchema(in);
        List<String> notes = CacheCodec.readStrings(in);
        List<Diagnostic> diagnostics = CacheCodec.readDiagnostics(in);
        int found = in.readInt();
        List<FileOutcome> mappers = new ArrayList<>();
        for (int i = in.readInt(); i > 0; i--) mappers.add(CacheCodec.readOutcome(in));
        return new Global(schema, notes, diagnostics, found, List.copyOf(mappers), CacheCodec.readString(in));
    }

}
