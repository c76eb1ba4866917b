package dev.sqllint.engine;

import java.nio.file.Path;

/** Something sqllint could not read and skipped: a file, or one statement. Never fatal. */
public record Diagnostic(Kind kind, Path file, int line, String reason) {

    public enum Kind {
        /** The file was not read: too large, binary, unreadable. */
        FILE_SKIPPED,
        /** The Java file does not parse. */
        JAVA_NOT_PARSED,
        /** A statement JSqlParser rejected or timed out on. */
        SQL_NOT_PARSED,
        /** Part of a schema source (migration, changelog) that could not be read. */
        SCHEMA_SKIPPED
    }
}
