package dev.sqllint.mybatis;

import dev.sqllint.sql.Dialect;
import java.util.Locale;
import java.util.Map;

/**
 * Which MyBatis {@code databaseId} is the project's database. MyBatis's {@code DB_VENDOR} provider names a
 * database by its product name ({@code PostgreSQL}, {@code MySQL}, {@code Microsoft SQL Server}), mapped by the
 * {@code <databaseIdProvider>} properties of {@code mybatis-config.xml} to the ids mappers use ({@code pg},
 * {@code mssql}); without that mapping, an id is ours when it names our dialect ({@code postgresql},
 * {@code postgres}, {@code mysql}, {@code sqlserver}...).
 */
public final class DatabaseIds {

    /** Words of the product name the JDBC driver reports, which the provider's property names are matched against. */
    private static final Map<Dialect, String> PRODUCT_NAMES = Map.of(Dialect.POSTGRESQL, "postgresql",
            Dialect.MYSQL, "mysql", Dialect.MARIADB, "mariadb", Dialect.SQLSERVER, "microsoft sql server",
            Dialect.ORACLE, "oracle", Dialect.H2, "h2", Dialect.DB2, "db2", Dialect.HSQLDB, "hsql database engine");

    private final Dialect dialect;
    /** The provider's properties: a part of a product name to the id mappers use. */
    private final Map<String, String> providerNames;

    public DatabaseIds(Dialect dialect, Map<String, String> providerNames) {
        this.dialect = dialect;
        this.providerNames = Map.copyOf(providerNames);
    }

    public static DatabaseIds of(Dialect dialect) {
        return new DatabaseIds(dialect, Map.of());
    }

    /** Whether statements and tests with this {@code databaseId} are the ones MyBatis runs on the project's database. */
    boolean ours(String databaseId) {
        if (databaseId == null) return false;
        String id = databaseId.strip();
        String product = PRODUCT_NAMES.get(dialect);
        for (Map.Entry<String, String> e : providerNames.entrySet()) {
            // VendorDatabaseIdProvider: the first property whose name the product name contains
            if (product.contains(e.getKey().toLowerCase(Locale.ROOT))) return e.getValue().strip().equalsIgnoreCase(id);
        }
        return Dialect.named(id).orElse(null) == dialect || product.equalsIgnoreCase(id);
    }

    /**
     * The database a statement's id is named for by its last {@code _word} ({@code selectByteArray_postgres},
     * {@code toggleForeignKey_mysql}): engines that support several databases pick such a statement by name on that
     * database, in place of the statement without the suffix. Empty when the word names no database.
     */
    static java.util.Optional<Dialect> namedFor(String statementId) {
        if (statementId == null) return java.util.Optional.empty();
        int underscore = statementId.lastIndexOf('_');
        return underscore <= 0 ? java.util.Optional.empty() : Dialect.named(statementId.substring(underscore + 1));
    }

    /** The id without the database suffix {@link #namedFor} read. */
    static String withoutDatabaseSuffix(String statementId) {
        return statementId.substring(0, statementId.lastIndexOf('_'));
    }

    Dialect dialect() {
        return dialect;
    }
}
