package dev.sqllint.mybatis;

import java.nio.file.Path;

/** Where MyBatis reading reports what it could not read. Nothing is fatal: the rest goes on. */
@FunctionalInterface
public interface MapperProblems {

    enum Kind {
        /** A mapper file not read at all: malformed, too large, or it declares entities. */
        FILE_SKIPPED,
        /** A statement read with a gap (an include that names no fragment), analysed with a placeholder there. */
        STATEMENT_INCOMPLETE,
        /** A {@code <script>} annotation that is not well-formed XML; that statement is skipped. */
        SCRIPT_NOT_READ
    }

    void report(Kind kind, Path file, int line, String reason);
}
