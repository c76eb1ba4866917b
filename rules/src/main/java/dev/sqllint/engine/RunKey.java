package dev.sqllint.engine;

import dev.sqllint.rules.Rule;
import dev.sqllint.source.Digests;
import dev.sqllint.source.FileFacts;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What every cached result depends on besides the files its analysis read: sqllint's own code, the
 * configuration and rules, the schema sources (migrations, changelogs, mappers, and the Java files with JPA
 * mappings), and which types the sources declare (a type added elsewhere can change what a name in an unchanged
 * file resolves to). A change in any of them invalidates the whole cache.
 */
final class RunKey {

    private static final Set<String> SCHEMA_EXTENSIONS = Set.of("sql", "xml", "yaml", "yml", "json");
    private static final String ENGINE = engineFingerprint();

    private final MessageDigest digest = Digests.sha256();
    private final FileFacts files;

    private RunKey(FileFacts files) {
        this.files = files;
    }

    /**
     * @param sources     the run's Java files: the types they declare, and those with JPA mappings and their digests
     * @param schemaFiles every schema file the run reads ({@link SchemaLoader#sourceFiles})
     * @param sourceXml   the XML files under the source roots (MyBatis mappers beside the code), sorted
     * @param files       where the schema sources' digests come from (the last run's where a file is unchanged)
     */
    static String of(AnalysisConfig config, List<Rule> rules, String keyModel, SourceSelection sources,
                     List<Path> schemaFiles, List<Path> sourceXml, FileFacts files) {
        RunKey k = new RunKey(files);
        k.add("engine", ENGINE);
        k.add("config", List.of(config.baseDir(), config.sourceRoots(), config.includes(), config.excludes(),
                config.resourceRoots(), config.schemaLocations(), config.historyTables(), config.jpaNaming(),
                config.encoding(), config.maxFileBytes(), config.statementTimeout(), config.fileTimeBudget(),
                config.preFilter(), config.dialect(), config.includeTests(), config.reactorModules()).toString());
        for (Rule r : rules) k.add("rule", r.info().name() + " " + r.info().severity());
        k.add("keys", keyModel);
        k.add("types", sources.typesDigest());
        k.add("mapped", sources.mappedDigest());
        List<Path> schemaRoots = new ArrayList<>(config.resourceRoots());
        schemaRoots.addAll(config.schemaLocations());
        for (Path root : schemaRoots) k.addFiles(root, SCHEMA_EXTENSIONS);
        // scripts found outside the resource roots (a module's schema/ folder) and in the other modules of the build
        schemaFiles.stream().sorted().forEach(k::addFile);
        sourceXml.forEach(k::addFile);
        return HexFormat.of().formatHex(k.digest.digest());
    }

    /** sqllint's own build, for the caches that depend on nothing else. */
    static String engine() {
        return ENGINE;
    }

    private void add(String label, String value) {
        digest.update((label + "\u0000" + value + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private void addFiles(Path root, Set<String> extensions) {
        if (!Files.exists(root)) return;
        if (Files.isRegularFile(root)) {
            addFile(root);
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(Files::isRegularFile).filter(p -> extensions.contains(extension(p))).sorted().forEach(this::addFile);
        } catch (IOException | RuntimeException e) {
            add("unreadable", root.toString()); // a symlink loop or a vanished folder: the schema readers report it
        }
    }

    private void addFile(Path file) {
        try {
            add("schema", file + "=" + files.answer(file, "sha256", f -> Digests.of(Files.readAllBytes(f))));
        } catch (IOException | RuntimeException e) {
            add("unreadable", file.toString());
        }
    }

    private static String extension(Path p) {
        String name = p.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** The jar (name, size, time) or class folder (every class file's time) sqllint runs from. */
    private static String engineFingerprint() {
        try {
            Path code = Path.of(Analyzer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(code)) {
                return code.getFileName() + " " + Files.size(code) + " " + Files.getLastModifiedTime(code).toMillis();
            }
            StringBuilder out = new StringBuilder(code.toString());
            try (Stream<Path> walk = Files.walk(code)) {
                walk.filter(Files::isRegularFile).sorted().forEach(p -> {
                    try {
                        out.append('\n').append(code.relativize(p)).append(' ').append(Files.getLastModifiedTime(p).toMillis());
                    } catch (IOException e) {
                        out.append('\n').append(p);
                    }
                });
            }
            return Digests.of(out.toString());
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return "unknown " + System.nanoTime(); // no fingerprint: never trust an old cache
        }
    }
}
