package dev.sqllint.engine;

import java.nio.file.Path;

/**
 * Something sqllint could not read and skipped (a file, or one statement), or a suppression that names no rule.
 * Never fatal. {@code line} is 0 when the whole file is meant; {@code column} is 0 when only the line is known.
 */
public record Diagnostic(Kind kind, Path file, int line, int column, String reason) {

    /** Where only the line is known. */
    public Diagnostic(Kind kind, Path file, int line, String reason) {
        this(kind, file, line, 0, reason);
    }

    public enum Kind {
        /** The file was not read: too large, binary, unreadable. */
        FILE_SKIPPED,
        /** The Java file does not parse. */
        JAVA_NOT_PARSED,
        /** A statement JSqlParser rejected or timed out on. */
        SQL_NOT_PARSED,
        /** Part of a schema source (migration, changelog) that could not be read. */
        SCHEMA_SKIPPED,
        /** {@code @SuppressWarnings("sqllint:…")} or {@code sqllint:ignore} names a rule that does not exist. */
        UNKNOWN_RULE_NAME;

        /** True for the kinds that mean something was not read. */
        public boolean skips() {
            return this != UNKNOWN_RULE_NAME;
        }
    }
}
