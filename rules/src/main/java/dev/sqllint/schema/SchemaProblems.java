package dev.sqllint.schema;

import java.nio.file.Path;

/**
 * Where schema readers report what they skipped: a statement the parser rejects, a malformed changelog, an
 * entity that does not parse. Never an exception: the rest of the file and the other sources still count.
 */
@FunctionalInterface
public interface SchemaProblems {

    void report(Path file, int line, String reason);

    SchemaProblems IGNORE = (file, line, reason) -> { };
}
