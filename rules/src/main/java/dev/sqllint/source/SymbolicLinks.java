package dev.sqllint.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Why a symbolic link met in a source root is worth a word: the walk does not follow links, so a linked folder
 * or {@code .java} file holds sources that go unread. A link that leads back into its own folder is named as the
 * loop it is.
 */
final class SymbolicLinks {

    private static final String LOOP = ": it leads back into its own folder (a loop)";

    private SymbolicLinks() {
    }

    /** The reason to report, or empty for a link that cannot lead to sources (to another kind of file, dangling). */
    static Optional<String> notFollowed(Path link) {
        String notFollowed = "symbolic link to " + target(link) + " not followed";
        if (link.getFileName().toString().endsWith(".java")) return Optional.of(notFollowed);
        Path real;
        try {
            real = link.toRealPath();
        } catch (NoSuchFileException e) {
            return Optional.empty(); // dangling
        } catch (IOException e) {
            return Optional.of(notFollowed + LOOP); // too many levels of links
        }
        if (!Files.isDirectory(real)) return Optional.empty();
        return Optional.of(notFollowed + (leadsBack(link, real) ? LOOP : ""));
    }

    private static boolean leadsBack(Path link, Path real) {
        try {
            return link.toAbsolutePath().getParent().toRealPath().startsWith(real);
        } catch (IOException e) {
            return false;
        }
    }

    private static String target(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException | UnsupportedOperationException e) {
            return "?";
        }
    }
}
