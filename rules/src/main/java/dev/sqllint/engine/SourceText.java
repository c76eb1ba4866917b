package dev.sqllint.engine;

import dev.sqllint.source.JavaOutline;
import dev.sqllint.source.JavaSourceReader;
import dev.sqllint.source.SourceFile;
import java.nio.file.Path;

/**
 * A Java source as read: its bytes, their digest and its {@link JavaOutline}. The text is decoded when asked
 * for (to parse the file), not kept: most files of a run are never parsed. A file the last run read as it is now
 * ({@link dev.sqllint.source.FileStamp}) comes without its bytes; they are read when its text is asked for.
 */
final class SourceText {

    private final SourceFile source;
    private final byte[] bytes;
    private final String digest;
    private final JavaOutline outline;
    private final JavaSourceReader reader;

    /** {@code bytes} null: read when the text is asked for. */
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

    /** The text; empty when a file not read up front can no longer be read (it has no SQL then). */
    String text() {
        if (bytes != null) return reader.decode(bytes);
        JavaSourceReader.Bytes now = reader.readBytes(source);
        return now.bytes() == null ? "" : reader.decode(now.bytes());
    }
}
