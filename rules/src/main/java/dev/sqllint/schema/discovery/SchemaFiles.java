package dev.sqllint.schema.discovery;

import dev.sqllint.schema.SchemaProblems;
import dev.sqllint.source.FileFacts;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The files of one module that may hold its schema, found where real projects keep them rather than where a
 * convention says: every {@code .sql} file under the resource roots and under the module's own folder (a
 * {@code schema/001-create-schema.sql} next to {@code src/}), Liquibase and Hibernate XML/YAML candidates,
 * and the Spring/Dropwizard configuration files that name migration locations. Build output
 * ({@code target/}, {@code node_modules/}, hidden folders) is never read, nor test roots
 * ({@code src/test}, {@code src/it}, {@code src/integrationTest}...) unless tests are included.
 */
public final class SchemaFiles {

    /** A script is worth replaying only if it changes tables or indexes: data and drop scripts are not. */
    private static final Pattern DDL = Pattern.compile("(?i)\\b(?:CREATE|ALTER)\\s+(?:OR\\s+REPLACE\\s+)?"
            + "(?:(?:GLOBAL|LOCAL|TEMP|TEMPORARY|UNLOGGED|UNIQUE|CLUSTERED|NONCLUSTERED|MATERIALIZED|CACHED|MEMORY)\\s+)*"
            + "(?:TABLE|INDEX|VIEW)\\b");
    private static final Set<String> SKIPPED_FOLDERS = Set.of("target", "node_modules", "bin", "out");
    private static final long MAX_BYTES = 32L * 1024 * 1024;

    /** What one walk found, each list in path order. */
    public record Found(List<Path> sqlScripts, List<Path> xmlAndYaml, List<Path> configFiles) {
    }

    private SchemaFiles() {
    }

    /**
     * Walks the module folder and the resource roots (which may lie outside it) once; whether a script declares tables
     * is answered from {@code facts}.
     */
    public static Found find(Path moduleDir, List<Path> resourceRoots, boolean includeTests, SchemaProblems problems,
                             FileFacts facts) {
        Set<Path> seen = new LinkedHashSet<>();
        List<Path> sql = new ArrayList<>();
        List<Path> xml = new ArrayList<>();
        List<Path> config = new ArrayList<>();
        List<Path> roots = new ArrayList<>(resourceRoots);
        if (moduleDir != null) roots.add(moduleDir);
        for (Path root : roots) {
            if (root == null || !Files.isDirectory(root)) continue;
            try {
                Files.walkFileTree(root, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                        if (!dir.equals(root) && (skipped(dir, includeTests) || otherModule(dir, roots))) {
                            return FileVisitResult.SKIP_SUBTREE;
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                        Path key = file.toAbsolutePath().normalize();
                        if (!attrs.isRegularFile() || !seen.add(key)) return FileVisitResult.CONTINUE;
                        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
                        if (name.endsWith(".sql")) {
                            if (attrs.size() <= MAX_BYTES && declaresSchema(key, facts)) sql.add(key);
                        } else if (name.endsWith(".xml") || name.endsWith(".yaml") || name.endsWith(".yml")
                                || name.endsWith(".json")) {
                            xml.add(key);
                            if (!name.endsWith(".xml") && !name.endsWith(".json")) config.add(key);
                        } else if (name.endsWith(".properties") && name.startsWith("application")) {
                            config.add(key);
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException e) {
                        return FileVisitResult.CONTINUE;
                    }
                });
            } catch (IOException | RuntimeException e) {
                problems.report(root, 0, "schema files cannot be listed: " + e);
            }
        }
        return new Found(sorted(sql), sorted(xml), sorted(config));
    }

    private static List<Path> sorted(List<Path> paths) {
        List<Path> out = new ArrayList<>(paths);
        out.sort(null);
        return List.copyOf(out);
    }

    /** Build output, dependencies, hidden folders, and test roots unless tests count. */
    static boolean skipped(Path dir, boolean includeTests) {
        String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
        if (name.startsWith(".") || SKIPPED_FOLDERS.contains(name)) return true;
        // a Maven build folder under another name (-Dproject.build.directory=target-parallel) holds copies of resources
        if (Files.isDirectory(dir.resolve("maven-status")) || Files.isDirectory(dir.resolve("maven-archiver"))) return true;
        if (includeTests) return false;
        Path parent = dir.getParent();
        boolean underSrc = parent != null && parent.getFileName() != null && parent.getFileName().toString().equals("src");
        String lower = name.toLowerCase(Locale.ROOT);
        return underSrc && (lower.contains("test") || lower.equals("it"));
    }

    /**
     * A folder with its own build file is another module: its schema is its own (and the build's, through the
     * reactor), not this module's, unless it is one of the roots asked for.
     */
    static boolean otherModule(Path dir, List<Path> roots) {
        if (roots.contains(dir)) return false;
        return Files.isRegularFile(dir.resolve("pom.xml")) || Files.isRegularFile(dir.resolve("build.gradle"))
                || Files.isRegularFile(dir.resolve("build.gradle.kts"));
    }

    /** Whether the script's statements create or alter tables, indexes or views (read as text, cheaply). */
    static boolean declaresSchema(Path file, FileFacts facts) {
        try {
            return Boolean.parseBoolean(facts.answer(file, "declares-schema", f -> String.valueOf(
                    DDL.matcher(new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1)).find())));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
