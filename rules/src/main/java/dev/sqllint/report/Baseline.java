package dev.sqllint.report;

import dev.sqllint.engine.Finding;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The findings a team accepted when it adopted sqllint, so that {@code check} fails only on new ones. Each
 * entry is a {@link BaselineKey} (which survives moved lines and reformatting) with a count: the same
 * statement twice in one method is two findings under one key. Entries are kept sorted, so the file
 * written from them is the same bytes for the same findings.
 */
public final class Baseline {

    /** The file's name in the project base directory, where it is committed next to the pom. */
    public static final String FILE_NAME = "sqllint-baseline.xml";

    /** Characters of the statement kept in an entry, for the reviewer reading the file; the hash is the key. */
    static final int SQL_EXCERPT_LENGTH = 120;

    /**
     * One accepted finding, or several with the same key.
     *
     * @param sql the start of the statement, for people; matching ignores it
     */
    public record Entry(BaselineKey key, int count, String sql) {
        public Entry {
            if (count < 1) throw new IllegalArgumentException("count must be at least 1, not " + count);
        }
    }

    private final List<Entry> entries;

    Baseline(List<Entry> entries) {
        Map<BaselineKey, Entry> merged = new TreeMap<>();
        for (Entry e : entries) merged.merge(e.key(), e, Baseline::merge);
        this.entries = List.copyOf(merged.values());
    }

    /** The baseline that accepts these findings: all of them but the suppressed ones, which never fail a build. */
    public static Baseline of(List<Finding> findings, Path baseDir) {
        List<Entry> entries = new ArrayList<>();
        for (Finding f : findings) {
            if (!f.isSuppressed()) entries.add(new Entry(BaselineKey.of(f, baseDir), 1, excerpt(f.sql())));
        }
        return new Baseline(entries);
    }

    /** Reads a baseline file; one that is not a well-formed sqllint baseline is an IOException saying why. */
    public static Baseline read(Path file) throws IOException {
        return BaselineXml.read(file);
    }

    /** Writes the file atomically and deterministically (sorted entries, no timestamps). */
    public void write(Path file) throws IOException {
        BaselineXml.write(this, file);
    }

    /** Compares a run's findings with this baseline. */
    public BaselineMatch match(List<Finding> findings, Path baseDir) {
        return BaselineMatch.of(this, findings, baseDir);
    }

    /** The entries, sorted by file, member, rule and hash. */
    public List<Entry> entries() {
        return entries;
    }

    /** How many findings the baseline accepts: the sum of the counts. */
    public int findingCount() {
        return entries.stream().mapToInt(Entry::count).sum();
    }

    private static Entry merge(Entry a, Entry b) {
        // the smaller excerpt, so the file does not depend on the order findings came in
        String sql = a.sql().compareTo(b.sql()) <= 0 ? a.sql() : b.sql();
        return new Entry(a.key(), a.count() + b.count(), sql);
    }

    static String excerpt(String sql) {
        String s = sql == null ? "" : sql.replaceAll("\\s+", " ").trim();
        if (s.length() <= SQL_EXCERPT_LENGTH) return s;
        int end = SQL_EXCERPT_LENGTH;
        if (Character.isHighSurrogate(s.charAt(end - 1))) end--;
        return s.substring(0, end) + "…";
    }
}
