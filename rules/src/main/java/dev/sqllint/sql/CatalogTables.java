package dev.sqllint.sql;

import java.util.Locale;
import java.util.Set;

/**
 * The database's own catalog: {@code information_schema.columns}, {@code pg_tables}, Oracle's {@code all_tables},
 * SQL Server's {@code sys.*}. No project declares these tables, and what is read from them is a handful of rows
 * about the schema, so neither the undeclared-tables line nor the rules about many rows speak of them.
 */
public final class CatalogTables {

    /** Schemas that hold the database's catalog, whatever the project. */
    private static final Set<String> CATALOG_SCHEMAS = Set.of("information_schema", "pg_catalog", "sys", "mysql",
            "performance_schema", "sysibm", "syscat", "sysibmadm");
    /** Catalog views read without their schema: PostgreSQL's pg_*, Oracle's data dictionary. */
    private static final Set<String> CATALOG_VIEWS = Set.of("all_tables", "all_tab_columns", "all_indexes",
            "all_ind_columns", "all_constraints", "all_cons_columns", "all_objects", "all_sequences", "all_views",
            "user_tables", "user_tab_columns", "user_indexes", "user_ind_columns", "user_constraints",
            "user_cons_columns", "user_objects", "user_sequences", "user_views", "dba_tables", "sysobjects",
            "syscolumns", "sysindexes");

    private CatalogTables() {
    }

    /**
     * Whether a table written as {@code written} (qualified or not, quoted or not) is a catalog table;
     * {@code name} is its normalised unqualified name.
     */
    public static boolean isCatalog(String written, String name) {
        String lower = written.replace("\"", "").replace("[", "").replace("]", "").toLowerCase(Locale.ROOT);
        int dot = lower.lastIndexOf('.');
        if (dot > 0) {
            String schema = lower.substring(0, dot);
            schema = schema.substring(schema.lastIndexOf('.') + 1).trim();
            if (CATALOG_SCHEMAS.contains(schema)) return true;
        }
        return name.startsWith("pg_") || CATALOG_VIEWS.contains(name);
    }
}
