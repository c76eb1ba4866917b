package dev.sqllint.schema;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds a project's Flyway migrations and replays them, in the order Flyway applies them, into one
 * {@link Schema}. Spring Boot's {@code schema.sql} (and {@code schema-all.sql}) in a resource root runs
 * first; then versioned {@code V<version>__<description>.sql} scripts by version compared part by part as
 * numbers ({@code V1 < V1_1 = V1.1 < V1.2 < V2 < V10}); then repeatable {@code R__<description>.sql} scripts
 * by description. Undo scripts ({@code U<version>__...}) never run forward and are ignored. Migrations are
 * looked for under {@code db/migration} in every resource root (Flyway's default location, sub-folders
 * included) and in the configured extra locations, folders or single files.
 */
public final class FlywayMigrations {

    /** Flyway's default {@code classpath:db/migration}, relative to a resource root. */
    public static final String DEFAULT_LOCATION = "db/migration";

    private static final Pattern VERSIONED = Pattern.compile("V(\\d+(?:[._]\\d+)*)__(.*)\\.sql");
    private static final Pattern REPEATABLE = Pattern.compile("R__(.*)\\.sql");
    private static final Pattern UNDO = Pattern.compile("U\\d+(?:[._]\\d+)*__.*\\.sql");
    private static final List<String> SPRING_SCRIPTS = List.of("schema-all.sql", "schema.sql");

    private FlywayMigrations() {
    }

    /** The schema the migrations of {@code resourceRoots} and {@code extraLocations} build. */
    public static Schema read(List<Path> resourceRoots, List<Path> extraLocations, SchemaProblems problems) {
        Schema schema = new Schema();
        replay(resourceRoots, extraLocations, schema, problems);
        return schema;
    }

    /** Replays the migrations into {@code schema}, which may already hold tables from another source. */
    public static void replay(List<Path> resourceRoots, List<Path> extraLocations, Schema schema,
                              SchemaProblems problems) {
        for (Path script : scripts(resourceRoots, extraLocations, problems)) {
            ScriptFiles.text(script, problems).ifPresent(sql -> SqlDdl.apply(sql, script, 1, schema, problems));
        }
    }

    /**
     * The scripts in the order they run: {@code schema.sql}, configured files that are not named like a
     * migration (in the order given), versioned migrations, repeatable migrations.
     */
    public static List<Path> scripts(List<Path> resourceRoots, List<Path> extraLocations, SchemaProblems problems) {
        Map<Path, Path> found = new LinkedHashMap<>();
        List<Path> plain = new ArrayList<>();
        for (Path root : resourceRoots) {
            for (String name : SPRING_SCRIPTS) {
                Path script = root.resolve(name);
                if (Files.isRegularFile(script)) plain.add(script);
            }
            Path location = root.resolve(DEFAULT_LOCATION);
            if (Files.isDirectory(location)) collect(location, found, problems);
        }
        for (Path location : extraLocations) {
            if (Files.isDirectory(location)) {
                collect(location, found, problems);
            } else if (Files.isRegularFile(location)) {
                if (migration(location) != null) {
                    found.putIfAbsent(key(location), location);
                } else if (!UNDO.matcher(location.getFileName().toString()).matches()) {
                    plain.add(location); // an undo script never runs forward, wherever it is found
                }
            } else {
                problems.report(location, 0, "configured Flyway location does not exist");
            }
        }
        List<Migration> migrations = new ArrayList<>();
        for (Path file : found.values()) {
            Migration m = migration(file);
            if (m != null) {
                migrations.add(m);
            } else if (!UNDO.matcher(file.getFileName().toString()).matches()) {
                problems.report(file, 0, "not named like a Flyway migration (V<version>__<description>.sql or "
                        + "R__<description>.sql), so Flyway does not run it either");
            }
        }
        migrations.sort(Migration.ORDER);
        for (int i = 1; i < migrations.size(); i++) {
            Migration before = migrations.get(i - 1);
            Migration m = migrations.get(i);
            if (m.version() != null && before.version() != null && Migration.compare(m.version(), before.version()) == 0) {
                problems.report(m.file(), 0, "version " + m.versionText() + " is also used by "
                        + before.file().getFileName() + "; Flyway refuses to migrate with both");
            }
        }
        List<Path> ordered = new ArrayList<>(plain);
        migrations.forEach(m -> ordered.add(m.file()));
        return ordered;
    }

    private static void collect(Path folder, Map<Path, Path> found, SchemaProblems problems) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.filter(Files::isRegularFile).filter(f -> f.getFileName().toString().endsWith(".sql")).sorted()
                    .forEach(f -> found.putIfAbsent(key(f), f));
        } catch (IOException | RuntimeException e) {
            problems.report(folder, 0, "Flyway location cannot be listed: " + e);
        }
    }

    private static Path key(Path file) {
        return file.toAbsolutePath().normalize();
    }

    private static Migration migration(Path file) {
        String name = file.getFileName().toString();
        Matcher v = VERSIONED.matcher(name);
        if (v.matches()) return new Migration(file, v.group(1), parts(v.group(1)), v.group(2));
        Matcher r = REPEATABLE.matcher(name);
        if (r.matches()) return new Migration(file, null, null, r.group(1));
        return null;
    }

    private static List<BigInteger> parts(String version) {
        return Stream.of(version.split("[._]")).map(BigInteger::new).toList();
    }

    /** A versioned migration has a version; a repeatable one does not, and runs after all versioned ones. */
    private record Migration(Path file, String versionText, List<BigInteger> version, String description) {

        static final Comparator<Migration> ORDER = (a, b) -> {
            if (a.version != null && b.version != null) {
                int c = compare(a.version, b.version);
                return c != 0 ? c : a.file.compareTo(b.file);
            }
            if (a.version != null) return -1;
            if (b.version != null) return 1;
            int c = a.description.compareTo(b.description);
            return c != 0 ? c : a.file.compareTo(b.file);
        };

        /** Part by part as numbers, a missing part counting as 0: {@code 1.0 = 1 < 1.1 < 2 < 10}. */
        static int compare(List<BigInteger> a, List<BigInteger> b) {
            for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
                BigInteger x = i < a.size() ? a.get(i) : BigInteger.ZERO;
                BigInteger y = i < b.size() ? b.get(i) : BigInteger.ZERO;
                int c = x.compareTo(y);
                if (c != 0) return c;
            }
            return 0;
        }
    }
}
