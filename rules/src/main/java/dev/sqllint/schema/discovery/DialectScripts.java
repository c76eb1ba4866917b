package dev.sqllint.schema.discovery;

import dev.sqllint.sql.Dialect;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Sorts scripts written for one database from the rest. Projects that support several databases keep one
 * create script per database ({@code engine.postgres.create.sql}, {@code mysql/V1__init.sql},
 * {@code tables_mssql.sql}); replaying them all would let the last database's spelling of a table overwrite the
 * project's own. So the project's dialect's scripts (and those naming no database) are read; another database's
 * scripts only as a fallback, for tables that no script of the project's dialect declares, each such table taken
 * whole from one database, never merged. Scripts for databases sqllint has no dialect for (Informix, Sybase...)
 * are not read at all.
 */
public final class DialectScripts {

    /** Databases sqllint has no dialect for, which a script name may still name: they are never the project's. */
    private static final Set<String> OTHER_DATABASES = Set.of("derby", "sybase", "informix", "pointbase", "firebird",
            "sqlite", "cloudscape", "solid", "cubrid", "mckoi", "interbase", "ingres", "maxdb", "sapdb", "hana",
            "cockroach", "cockroachdb", "teradata", "mimer", "frontbase", "kingbase", "dameng", "oceanbase", "mssqlserver",
            "sqlanywhere", "asa", "ase", "redshift", "snowflake", "vertica", "exasol", "tidb");
    private static final Pattern SEPARATORS = Pattern.compile("[^a-z0-9]+");

    /** The scripts to replay, and per other database (most likely first) the scripts read only as a fallback. */
    public record Split(List<Path> own, Map<String, List<Path>> fallbacks) {
    }

    private DialectScripts() {
    }

    /**
     * @param scripts in replay order
     * @param roots   the folders paths are named relative to (so the checkout's own folder names never count)
     */
    public static Split split(List<Path> scripts, Dialect dialect, List<Path> roots) {
        List<Path> own = new ArrayList<>();
        Map<String, List<Path>> others = new LinkedHashMap<>();
        for (Path script : scripts) {
            Optional<String> database = databaseOf(relative(script, roots));
            if (database.isEmpty() || database.get().equals(dialect.id())) {
                own.add(script);
            } else {
                others.computeIfAbsent(database.get(), k -> new ArrayList<>()).add(script);
            }
        }
        Map<String, List<Path>> fallbacks = new LinkedHashMap<>();
        for (String database : preference(dialect)) {
            List<Path> found = others.remove(database);
            if (found != null) fallbacks.put(database, List.copyOf(found));
        }
        // databases sqllint has no dialect for are never a fallback: their DDL is read too poorly to trust its keys
        return new Split(List.copyOf(own), fallbacks);
    }

    /**
     * The one database of sqllint's dialects that the scripts name, when they name exactly one ({@code
     * mysql-schema.sql} beside a {@code derby-schema.sql}, which no dialect reads): the project's database where
     * nothing else says it. Empty when none or several are named; H2's and HSQLDB's scripts are not counted.
     */
    public static Optional<Dialect> onlyDialectNamed(List<Path> scripts, List<Path> roots) {
        Set<Dialect> named = new java.util.TreeSet<>();
        for (Path script : scripts) Dialect.ofFileName(relative(script, roots).toLowerCase(Locale.ROOT)).ifPresent(named::add);
        // an embedded database's scripts serve tests and demo modes more often than production: they name no project's
        named.remove(Dialect.H2);
        named.remove(Dialect.HSQLDB);
        return named.size() == 1 ? Optional.of(named.iterator().next()) : Optional.empty();
    }

    /** The database a path names: a dialect's file token ({@code postgres}, {@code mssql}) or another database's. */
    static Optional<String> databaseOf(String relativePath) {
        String lower = relativePath.toLowerCase(Locale.ROOT);
        Optional<Dialect> d = Dialect.ofFileName(lower);
        if (d.isPresent()) return Optional.of(d.get().id());
        for (String token : SEPARATORS.split(lower)) {
            if (OTHER_DATABASES.contains(token)) return Optional.of(token);
        }
        return Optional.empty();
    }

    /** MySQL and MariaDB stand in for each other first; then the databases whose DDL is most often complete. */
    private static List<String> preference(Dialect dialect) {
        List<String> order = new ArrayList<>();
        if (dialect == Dialect.MYSQL) order.add(Dialect.MARIADB.id());
        if (dialect == Dialect.MARIADB) order.add(Dialect.MYSQL.id());
        for (Dialect d : List.of(Dialect.POSTGRESQL, Dialect.H2, Dialect.MYSQL, Dialect.MARIADB, Dialect.HSQLDB,
                Dialect.ORACLE, Dialect.SQLSERVER, Dialect.DB2)) {
            if (d != dialect && !order.contains(d.id())) order.add(d.id());
        }
        return order;
    }

    private static String relative(Path script, List<Path> roots) {
        Path best = null;
        for (Path root : roots) {
            Path r = root.toAbsolutePath().normalize();
            if (script.startsWith(r) && (best == null || r.getNameCount() > best.getNameCount())) best = r;
        }
        if (best != null) return best.relativize(script).toString();
        int n = script.getNameCount();
        return script.subpath(Math.max(0, n - 3), n).toString();
    }
}
