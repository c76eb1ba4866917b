package dev.sqllint.bench;

import dev.sqllint.engine.AnalysisConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * What {@code mvn sqllint:check} analyses in a checked-out tree with its defaults, as {@code real-run.sh} sets it up:
 * every {@code src/main/java} under it as a source root (or the directory itself when it has none), every
 * {@code src/main/resources} as a resource root. For a {@link SyntheticCorpus} it is the corpus's own configuration.
 */
final class TreeConfig {

    private TreeConfig() {
    }

    static AnalysisConfig of(Path dir) {
        List<Path> roots = dirsEndingWith(dir, Path.of("src", "main", "java"));
        if (roots.isEmpty()) roots = List.of(dir);
        List<Path> resources = dirsEndingWith(dir, Path.of("src", "main", "resources"));
        return AnalysisConfig.of(dir, roots).withSchema(resources, List.of(), List.of(), "spring");
    }

    private static List<Path> dirsEndingWith(Path dir, Path tail) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isDirectory).filter(p -> p.endsWith(tail))
                    .filter(p -> !p.toString().contains("/node_modules/")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
