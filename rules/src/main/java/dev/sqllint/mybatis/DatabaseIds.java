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

    Dialect dialect() {
        return dialect;
    }
}
