package dev.sqllint.schema;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads schema sources as text. Migrations are mostly UTF-8, but old ones are often Latin-1: a file that is
 * not valid UTF-8 is read as ISO-8859-1 rather than skipped, since identifiers are ASCII either way.
 */
final class ScriptFiles {

    /** Larger than any hand-written migration; a data dump is not worth the memory. */
    static final long MAX_BYTES = 32L * 1024 * 1024;

    private ScriptFiles() {
    }

    static Optional<byte[]> bytes(Path file, SchemaProblems problems) {
        try {
            if (Files.size(file) > MAX_BYTES) {
                problems.report(file, 0, "skipped, larger than " + MAX_BYTES / (1024 * 1024) + " MiB");
                return Optional.empty();
            }
            return Optional.of(Files.readAllBytes(file));
        } catch (IOException | RuntimeException e) {
            problems.report(file, 0, "skipped, cannot be read: " + e);
            return Optional.empty();
        }
    }

    static Optional<String> text(Path file, SchemaProblems problems) {
        return bytes(file, problems).map(ScriptFiles::decode);
    }

    static String decode(byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            text = new String(bytes, StandardCharsets.ISO_8859_1);
        }
        text = text.startsWith("\uFEFF") ? text.substring(1) : text;
        return text.replace("\r\n", "\n").replace('\r', '\n');
    }
}
