package dev.sqllint;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every main package says, in its {@code package-info.java}, what it reads and what it hands on: the page a
 * newcomer opens first. A package without one is named here.
 */
class PackageInfoTest {

    /** The main sources of both modules, from the module folder the tests run in. */
    private static final List<Path> MAIN_SOURCES =
            List.of(Path.of("src/main/java"), Path.of("../plugin/src/main/java"));

    @Test
    void everyMainPackageHasAPackageInfo() throws IOException {
        assertTrue(Files.isDirectory(MAIN_SOURCES.get(0)), "not the rules module: " + Path.of("").toAbsolutePath());
        Set<Path> missing = new TreeSet<>();
        for (Path root : MAIN_SOURCES) missing.addAll(packagesWithoutInfo(root));
        assertEquals(Set.of(), missing, "packages without a package-info.java saying what they read and hand on");
    }

    @Test
    void aPackageOfClassesWithoutPackageInfoIsNamed(@TempDir Path root) throws IOException {
        Path bare = Files.createDirectories(root.resolve("dev/acme/bare"));
        Files.writeString(bare.resolve("A.java"), "package dev.acme.bare;");
        Path told = Files.createDirectories(root.resolve("dev/acme/told"));
        Files.writeString(told.resolve("B.java"), "package dev.acme.told;");
        Files.writeString(told.resolve("package-info.java"), "/** Reads this, hands on that. */\npackage dev.acme.told;");
        assertEquals(Set.of(Path.of("dev/acme/bare")), packagesWithoutInfo(root));
    }

    /** Folders under {@code root} holding Java files but no {@code package-info.java}, relative to it. */
    static Set<Path> packagesWithoutInfo(Path root) throws IOException {
        Set<Path> missing = new TreeSet<>();
        if (!Files.isDirectory(root)) return missing;
        try (Stream<Path> dirs = Files.walk(root)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                boolean hasJava;
                try (Stream<Path> files = Files.list(dir)) {
                    hasJava = files.anyMatch(f -> f.getFileName().toString().endsWith(".java"));
                }
                if (hasJava && !Files.exists(dir.resolve("package-info.java"))) missing.add(root.relativize(dir));
            }
        }
        return missing;
    }
}
