package dev.sqllint;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The house rule that keeps every stage readable in one sitting: no main package holds more than
 * {@value #MAX_FILES} files. A package that grows past it is split by what its classes read and hand on (as
 * {@code extract} was into {@code extract.java}, {@code extract.fluent}, {@code extract.jdbi},
 * {@code extract.sinks}), not by raising the limit.
 */
class PackageSizeTest {

    static final int MAX_FILES = 30;

    /** The main sources of both modules, from the module folder the tests run in. */
    private static final List<Path> MAIN_SOURCES =
            List.of(Path.of("src/main/java"), Path.of("../plugin/src/main/java"));

    @Test
    void noMainPackageHoldsMoreThanThirtyFiles() throws IOException {
        assertTrue(Files.isDirectory(MAIN_SOURCES.get(0)), "not the rules module: " + Path.of("").toAbsolutePath());
        Map<Path, Long> tooBig = new TreeMap<>();
        for (Path root : MAIN_SOURCES) {
            tooBig.putAll(filesPerPackage(root).entrySet().stream().filter(e -> e.getValue() > MAX_FILES)
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
        }
        assertEquals(Map.of(), tooBig, "packages over " + MAX_FILES + " files: split them by source family");
    }

    @Test
    void aPackageOneFileOverTheLimitIsReported(@TempDir Path root) throws IOException {
        Path big = Files.createDirectories(root.resolve("dev/acme/big"));
        for (int i = 0; i <= MAX_FILES; i++) Files.writeString(big.resolve("C" + i + ".java"), "package dev.acme.big;");
        Path small = Files.createDirectories(root.resolve("dev/acme/small"));
        Files.writeString(small.resolve("A.java"), "package dev.acme.small;");
        assertEquals(Map.of(Path.of("dev/acme/big"), (long) MAX_FILES + 1, Path.of("dev/acme/small"), 1L),
                filesPerPackage(root));
    }

    /** Java files (package-info included) per package folder, relative to {@code root}; none when it does not exist. */
    static Map<Path, Long> filesPerPackage(Path root) throws IOException {
        if (!Files.isDirectory(root)) return Map.of();
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).filter(f -> f.getFileName().toString().endsWith(".java"))
                    .collect(Collectors.groupingBy(f -> root.relativize(f.getParent()), TreeMap::new,
                            Collectors.counting()));
        }
    }
}
