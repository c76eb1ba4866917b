package dev.sqllint.report;

import dev.sqllint.engine.Finding;
import java.nio.file.Path;
import java.util.Comparator;

/**
 * What identifies a finding from one commit to the next: the rule, the file (relative to the project base
 * directory, forward slashes), the enclosing {@code Class.member}, and a {@link SqlFingerprint} of the
 * statement. No line or column: a finding keeps its key when code above it moves or it is reformatted, and
 * gets a new one when its SQL, its method or its file changes.
 */
public record BaselineKey(String rule, String file, String owner, String sqlHash) implements Comparable<BaselineKey> {

    /** Baseline order: by file, then member, rule and hash, so a file's entries sit together in review. */
    private static final Comparator<BaselineKey> ORDER = Comparator.comparing(BaselineKey::file)
            .thenComparing(BaselineKey::owner).thenComparing(BaselineKey::rule).thenComparing(BaselineKey::sqlHash);

    public static BaselineKey of(Finding f, Path baseDir) {
        return new BaselineKey(f.rule(), SarifWriter.relativeUri(f.file(), baseDir),
                f.owner() == null ? "" : f.owner(), SqlFingerprint.of(f.sql()));
    }

    @Override
    public int compareTo(BaselineKey other) {
        return ORDER.compare(this, other);
    }

    /** {@code [Rule] file Class.member}, for log lines. */
    @Override
    public String toString() {
        return "[" + rule + "] " + file + (owner.isEmpty() ? "" : " " + owner);
    }
}
