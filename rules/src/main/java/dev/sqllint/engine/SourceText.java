package dev.sqllint.engine;

import dev.sqllint.source.JavaOutline;
import dev.sqllint.source.JavaSourceReader;
import dev.sqllint.source.SourceFile;
import java.nio.file.Path;

/**
 * A Java source as read: its bytes, their digest and its {@link JavaOutline}. The text is decoded when asked
 * for (to parse the file), not kept: most files of a run are never parsed.
 */
final class SourceText {

    private final SourceFile source;
    private final byte[] bytes;
    private final String digest;
    private final JavaOutline outline;
    private final JavaSourceReader reader;

    SourceText(SourceFile source, byte[] bytes, String digest, JavaOutline outline, JavaSourceReader reader) {
        this.source = source;
        this.bytes = bytes;
        this.digest = digest;
        this.outline = outline;
        this.reader = reader;
    }

    Path path() {
        return source.path();
    }

    String digest() {
        return digest;
    }

    JavaOutline outline() {
        return outline;
    }

    String text() {
        return reader.decode(bytes);
    }
}
