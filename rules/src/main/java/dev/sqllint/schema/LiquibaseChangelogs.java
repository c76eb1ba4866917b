package dev.sqllint.schema;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.stream.Stream;

/**
 * Finds a project's Liquibase master changelog and replays it, with everything it includes, into one
 * {@link Schema}. XML, YAML (and JSON, which the YAML parser reads) and formatted SQL changelogs are read;
 * a plain {@code .sql} file reached by {@code include}/{@code includeAll} runs as one changeset, as in
 * Liquibase. {@code include} and {@code includeAll} resolve against the resource roots (the classpath) or,
 * with {@code relativeToChangelogFile}, against the including file; {@code includeAll} takes files sorted by
 * path. A file included twice runs once; an include cycle is reported and not followed. Every unreadable,
 * malformed or hostile file is reported and skipped: nothing here throws, and nothing is fetched.
 */
public final class LiquibaseChangelogs {

    /** Where Spring Boot and most projects keep the master changelog, relative to a resource root. */
    public static final List<String> MASTER_CHANGELOGS = List.of(
            "db/changelog/db.changelog-master.yaml",
            "db/changelog/db.changelog-master.yml",
            "db/changelog/db.changelog-master.xml",
            "db/changelog/db.changelog-master.json",
            "db/changelog/db.changelog-master.sql");

    private static final Set<String> CHANGELOG_EXTENSIONS = Set.of("xml", "yaml", "yml", "json", "sql");
    private static final int MAX_INCLUDE_DEPTH = 64;

    private final List<Path> resourceRoots;
    private final Schema schema;
    private final SchemaProblems problems;
    private final Deque<Path> including = new ArrayDeque<>();
    private final Set<Path> read = new HashSet<>();

    private final List<String> databaseNames;

    private LiquibaseChangelogs(List<Path> resourceRoots, Schema schema, SchemaProblems problems,
                                List<String> databaseNames) {
        this.databaseNames = databaseNames;
        this.resourceRoots = resourceRoots;
        this.schema = schema;
        this.problems = problems;
    }

    /** The first master changelog found at the usual places in {@code resourceRoots}. */
    public static Optional<Path> findMaster(List<Path> resourceRoots) {
        for (Path root : resourceRoots) {
            for (String candidate : MASTER_CHANGELOGS) {
                Path file = root.resolve(candidate);
                if (Files.isRegularFile(file)) return Optional.of(file);
            }
        }
        return Optional.empty();
    }

    /**
     * The schema the changelog builds: {@code changelog} when configured (null otherwise), else the master
     * changelog found in {@code resourceRoots}; an empty schema when there is none.
     */
    public static Schema read(List<Path> resourceRoots, Path changelog, SchemaProblems problems) {
        Schema schema = new Schema();
        Optional<Path> master = changelog != null ? Optional.of(changelog) : findMaster(resourceRoots);
        master.ifPresent(m -> replay(m, resourceRoots, schema, problems));
        return schema;
    }

    /** Replays {@code changelog} and its includes into {@code schema}, which may already hold tables. */
    public static void replay(Path changelog, List<Path> resourceRoots, Schema schema, SchemaProblems problems) {
        replay(changelog, resourceRoots, schema, problems, List.of());
    }

    /**
     * As above; {@code databaseNames} are the names the project's database goes by in file names ({@code postgres},
     * {@code postgresql}), tried in turn for a property in an included path ({@code baseline/${db.name}.create.sql}).
     */
    public static void replay(Path changelog, List<Path> resourceRoots, Schema schema, SchemaProblems problems,
                              List<String> databaseNames) {
        if (!Files.isRegularFile(changelog)) {
            problems.report(changelog, 0, "Liquibase changelog not found");
            return;
        }
        new LiquibaseChangelogs(resourceRoots, schema, problems, databaseNames).changelog(changelog);
    }

    private void changelog(Path file) {
        Path key = file.toAbsolutePath().normalize();
        if (including.contains(key)) {
            List<String> chain = new ArrayList<>();
            including.descendingIterator().forEachRemaining(p -> chain.add(p.getFileName().toString()));
            chain.add(key.getFileName().toString());
            String cycle = String.join(" -> ", chain.subList(chain.indexOf(key.getFileName().toString()), chain.size()));
            problems.report(file, 0, "include cycle " + cycle + ", not followed again");
            return;
        }
        if (!read.add(key)) return; // included before: its changesets have run
        if (including.size() >= MAX_INCLUDE_DEPTH) {
            problems.report(file, 0, "changelog skipped, includes nested deeper than " + MAX_INCLUDE_DEPTH);
            return;
        }
        including.push(key);
        try {
            switch (extension(file)) {
                case "xml" -> ScriptFiles.bytes(file, problems).flatMap(b -> XmlChangelog.read(b, file, problems))
                        .ifPresent(root -> {
                            if (root.name().equals("databaseChangeLog")) {
                                entries(root, file);
                            } else {
                                problems.report(file, root.line(), "not a Liquibase changelog: the root element is <"
                                        + root.name() + ">");
                            }
                        });
                case "yaml", "yml", "json" -> ScriptFiles.text(file, problems)
                        .flatMap(text -> YamlChangelog.read(text, file, problems)).ifPresent(root -> {
                            Optional<ChangeNode> changelog = root.child("databaseChangeLog");
                            if (changelog.isPresent()) {
                                entries(changelog.get(), file);
                            } else {
                                problems.report(file, 0, "not a Liquibase changelog: no databaseChangeLog key");
                            }
                        });
                case "sql" -> ScriptFiles.text(file, problems).ifPresent(text -> {
                    if (FormattedSqlChangelog.isFormatted(text)) {
                        FormattedSqlChangelog.replay(text, file, schema, problems);
                    } else {
                        SqlDdl.apply(text, file, 1, schema, problems);
                    }
                });
                default -> problems.report(file, 0, "not a changelog format Liquibase reads (xml, yaml, yml, json, sql)");
            }
        } finally {
            including.pop();
        }
    }

    private void entries(ChangeNode changelog, Path file) {
        for (ChangeNode entry : changelog.children()) {
            switch (entry.name()) {
                case "changeSet" -> new LiquibaseChanges(schema, problems, file,
                        (path, relative) -> resolve(path, relative, file)).applyChangeSet(entry);
                case "include" -> include(entry, file);
                case "includeAll" -> includeAll(entry, file);
                default -> { } // property, preConditions, changeLogPropertyDefinitions: nothing to replay
            }
        }
    }

    private void include(ChangeNode include, Path from) {
        String path = include.attribute("file");
        if (path == null) {
            problems.report(from, include.line(), "include without file skipped");
            return;
        }
        Optional<Path> target = resolve(path, include.flag("relativeToChangelogFile"), from);
        if (target.isEmpty() || !Files.isRegularFile(target.get())) {
            problems.report(from, include.line(), "included changelog " + path + " not found");
            return;
        }
        changelog(target.get());
    }

    private void includeAll(ChangeNode includeAll, Path from) {
        String path = includeAll.attribute("path");
        if (path == null) {
            problems.report(from, includeAll.line(), "includeAll without path skipped");
            return;
        }
        Optional<Path> folder = resolve(path, includeAll.flag("relativeToChangelogFile"), from);
        if (folder.isEmpty() || !Files.isDirectory(folder.get())) {
            problems.report(from, includeAll.line(), "includeAll folder " + path + " not found");
            return;
        }
        String endsWith = includeAll.attribute("endsWithFilter");
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(folder.get())) {
            walk.filter(Files::isRegularFile)
                    .filter(f -> CHANGELOG_EXTENSIONS.contains(extension(f)))
                    .filter(f -> endsWith == null || f.getFileName().toString().endsWith(endsWith))
                    .forEach(files::add);
        } catch (IOException | RuntimeException e) {
            problems.report(from, includeAll.line(), "includeAll folder " + path + " cannot be listed: " + e);
            return;
        }
        Path base = folder.get();
        files.sort((a, b) -> slashes(base.relativize(a)).compareTo(slashes(base.relativize(b))));
        files.forEach(this::changelog);
    }

    /**
     * A path as Liquibase finds it: next to the including file with {@code relativeToChangelogFile}, else on
     * the classpath (a resource root), else as given, else next to the including file.
     */
    private Optional<Path> resolve(String path, boolean relativeToChangelogFile, Path from) {
        if (path.contains("${")) {
            for (String name : databaseNames) {
                Optional<Path> found = resolveAs(path.replaceAll("\\$\\{[^}]*}", Matcher.quoteReplacement(name)),
                        relativeToChangelogFile, from);
                if (found.isPresent()) return found;
            }
        }
        return resolveAs(path, relativeToChangelogFile, from);
    }

    private Optional<Path> resolveAs(String path, boolean relativeToChangelogFile, Path from) {
        try {
            String p = path.strip().replaceFirst("^classpath\\*?:", "");
            Path folder = from.toAbsolutePath().getParent();
            if (relativeToChangelogFile) return existing(folder.resolve(p.replaceFirst("^/+", "")).normalize());
            String relative = p.replaceFirst("^/+", "");
            for (Path root : resourceRoots) {
                Optional<Path> found = existing(root.resolve(relative).normalize());
                if (found.isPresent()) return found;
            }
            Path given = Path.of(p);
            if (given.isAbsolute()) return existing(given);
            return existing(folder.resolve(relative).normalize());
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    private static Optional<Path> existing(Path p) {
        return Files.exists(p) ? Optional.of(p) : Optional.empty();
    }

    private static String slashes(Path relative) {
        return relative.toString().replace('\\', '/');
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
