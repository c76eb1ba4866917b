package dev.sqllint.extract.jdbi;

import dev.sqllint.sql.Origin;
import dev.sqllint.sql.SqlText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * SQL kept in a resource file ({@code com/acme/UserDao/findUser.sql}): found under the resource roots and
 * read as a SqlText whose every character carries its own line and column in that file, so a finding
 * points into the file.
 */
final class ResourceText {

    static final long MAX_BYTES = 1024 * 1024;

    private ResourceText() {
    }

    /** The first resource root holding {@code relative}. */
    static Optional<Path> find(List<Path> roots, String relative) {
        for (Path root : roots) {
            Path p = root.resolve(relative);
            if (Files.isRegularFile(p)) return Optional.of(p);
        }
        return Optional.empty();
    }

    /** The file's text with per-character origins; empty when it cannot be read (too large, not UTF-8). */
    static Optional<SqlText> read(Path file) {
        try {
            if (Files.size(file) > MAX_BYTES) return Optional.empty();
            return Optional.of(of(Files.readString(file, StandardCharsets.UTF_8), file));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    static SqlText of(String text, Path file) {
        Origin[] origins = new Origin[text.length()];
        int line = 1;
        int column = 1;
        for (int i = 0; i < text.length(); i++) {
            origins[i] = Origin.at(file, line, column);
            if (text.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return SqlText.of(text, origins);
    }

    /** {@code [start, end)} of the text, origins kept. */
    static SqlText slice(SqlText text, int start, int end) {
        if (text.length() == 0 || start >= end) return SqlText.empty();
        SqlText out = end < text.length() ? text.replace(end, text.length(), "") : text;
        return start > 0 ? out.replace(0, start, "") : out;
    }
}
