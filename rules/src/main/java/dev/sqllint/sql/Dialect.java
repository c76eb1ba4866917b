package dev.sqllint.sql;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The database a project's SQL is written for. It decides which spellings the parser is asked to accept, which
 * MyBatis {@code databaseId} statements run, which per-database DDL script declares the schema, and the wording
 * of advice. Chosen by {@code sqllint.dialect}, else from the JDBC driver among the project's dependencies, else
 * PostgreSQL (the incidents behind the rules are PostgreSQL's).
 */
public enum Dialect {
    POSTGRESQL("postgresql", "PostgreSQL", List.of("postgresql", "postgres", "pgsql", "pg"),
            List.of("postgresql", "r2dbc-postgresql", "pgjdbc-ng")),
    MYSQL("mysql", "MySQL", List.of("mysql"), List.of("mysql-connector-java", "mysql-connector-j", "r2dbc-mysql")),
    MARIADB("mariadb", "MariaDB", List.of("mariadb"), List.of("mariadb-java-client", "r2dbc-mariadb")),
    SQLSERVER("sqlserver", "SQL Server", List.of("sqlserver", "mssql"), List.of("mssql-jdbc", "jtds", "r2dbc-mssql")),
    ORACLE("oracle", "Oracle", List.of("oracle"), List.of("ojdbc6", "ojdbc7", "ojdbc8", "ojdbc10", "ojdbc11", "ojdbc17")),
    H2("h2", "H2", List.of("h2"), List.of("h2", "r2dbc-h2")),
    DB2("db2", "Db2", List.of("db2"), List.of("jcc", "db2jcc", "db2jcc4")),
    HSQLDB("hsqldb", "HSQLDB", List.of("hsqldb", "hsql"), List.of("hsqldb"));

    private final String id;
    private final String displayName;
    private final List<String> fileTokens;
    private final List<String> driverArtifacts;

    Dialect(String id, String displayName, List<String> fileTokens, List<String> driverArtifacts) {
        this.id = id;
        this.displayName = displayName;
        this.fileTokens = fileTokens;
        this.driverArtifacts = driverArtifacts;
    }

    /** The configuration value, {@code postgresql}. */
    public String id() {
        return id;
    }

    /** The name users know, {@code PostgreSQL}. */
    public String displayName() {
        return displayName;
    }

    /** The names the database goes by in file names ({@code postgresql}, {@code postgres}, {@code pgsql}, {@code pg}). */
    public List<String> fileTokens() {
        return fileTokens;
    }

    /** The configured value, case-insensitive, also by a file token ({@code postgres}, {@code mssql}). */
    public static Optional<Dialect> named(String value) {
        if (value == null) return Optional.empty();
        String v = value.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(d -> d.id.equals(v) || d.fileTokens.contains(v)).findFirst();
    }

    /** The valid configuration values, for an error message. */
    public static String ids() {
        return String.join(", ", Arrays.stream(values()).map(Dialect::id).toList());
    }

    /**
     * The dialect of the first JDBC driver among {@code artifactIds} (Maven artifact ids of the project's
     * dependencies, in declaration order); H2 and HSQLDB count only when no other driver is there, since
     * projects keep them for tests beside the real database's driver.
     */
    public static Optional<Dialect> fromDriverArtifacts(Collection<String> artifactIds) {
        Optional<Dialect> embedded = Optional.empty();
        for (String artifact : artifactIds) {
            for (Dialect d : values()) {
                if (!d.driverArtifacts.contains(artifact)) continue;
                if (d == H2 || d == HSQLDB) {
                    if (embedded.isEmpty()) embedded = Optional.of(d);
                } else {
                    return Optional.of(d);
                }
            }
        }
        return embedded;
    }

    /**
     * The dialect a file or folder name is written for, by a token between separators:
     * {@code camunda.postgres.create.engine.sql}, {@code mysql/V1__init.sql}, {@code tables_mssql.sql}; empty when the
     * name names none (or more than one). SQL Server is also spelt as two words ({@code SQL_SERVER/V1__init.sql}).
     */
    public static Optional<Dialect> ofFileName(String name) {
        String[] tokens = SEPARATORS.split(TWO_WORD_SQL_SERVER.matcher(name.toLowerCase(Locale.ROOT)).replaceAll("sqlserver"));
        Dialect found = null;
        for (String token : tokens) {
            for (Dialect d : values()) {
                if (!d.fileTokens.contains(token) || d == found) continue;
                if (found != null) return Optional.empty();
                found = d;
            }
        }
        return Optional.ofNullable(found);
    }

    private static final Pattern SEPARATORS = Pattern.compile("[^a-z0-9]+");
    private static final Pattern TWO_WORD_SQL_SERVER = Pattern.compile("(?<![a-z0-9])sql[_ -]server(?![a-z0-9])");
}
