package dev.sqllint.engine;

import dev.sqllint.source.JavaOutline;
import dev.sqllint.source.SourceFile;
import java.nio.file.Path;

/** A Java source read as text, with the digest of its bytes and its {@link JavaOutline}. */
record SourceText(SourceFile source, String text, String digest, JavaOutline outline) {

    Path path() {
        return source.path();
    }
}
