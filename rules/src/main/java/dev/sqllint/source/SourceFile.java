package dev.sqllint.source;

import java.nio.file.Path;

/** A source file selected for analysis, with the root it was found under. */
public record SourceFile(Path path, Path root) {

    public String relativePath() {
        return root.relativize(path).toString().replace('\\', '/');
    }
}
