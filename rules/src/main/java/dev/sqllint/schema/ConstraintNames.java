package dev.sqllint.schema;

import java.util.List;

/**
 * Drops a constraint or index by name, including the keys a script declared without a name. The database
 * names those itself, and later migrations drop them by that name: PostgreSQL calls them
 * {@code accounts_pkey}, {@code accounts_account_no_key}, {@code accounts_customer_no_fkey} and
 * {@code accounts_customer_no_idx}; MySQL calls the primary key {@code PRIMARY} and a key after its first
 * column. A recorded key keeps the name its source gave (none), so messages never quote a guessed name.
 */
final class ConstraintNames {

    private ConstraintNames() {
    }

    /** Drops what {@code name} names on {@code table}; false when nothing there has that name. */
    static boolean drop(Table table, String name) {
        String n = Schema.normalize(name);
        if (hasNamed(table, n)) {
            table.dropConstraint(n);
            return true;
        }
        String t = table.name();
        Key pk = table.primaryKey().orElse(null);
        if (pk != null && pk.name() == null && (n.equals(t + "_pkey") || n.equals("primary"))) {
            table.dropPrimaryKey();
            return true;
        }
        for (Key k : table.uniqueKeys()) {
            if (k.name() == null && (n.equals(implied(t, k.columns(), "key")) || n.equals(first(k.columns())))) {
                table.removeKey(k);
                return true;
            }
        }
        for (Key k : table.indexes()) {
            if (k.name() == null && (n.equals(implied(t, k.columns(), "idx")) || n.equals(first(k.columns())))) {
                table.removeKey(k);
                return true;
            }
        }
        for (ForeignKey fk : table.foreignKeys()) {
            if (fk.name() == null && n.equals(implied(t, fk.columns(), "fkey"))) {
                table.removeForeignKey(fk);
                return true;
            }
        }
        return false;
    }

    /** {@code DROP INDEX name} without a table: index names are unique per schema, so the first match is it. */
    static void dropIndex(Schema schema, String name) {
        for (Table t : schema.tables()) if (drop(t, name)) return;
    }

    /** {@code ALTER INDEX a RENAME TO b} without a table. */
    static void renameIndex(Schema schema, String from, String to) {
        String f = Schema.normalize(from);
        for (Table t : schema.tables()) {
            if (hasNamed(t, f)) {
                t.renameConstraint(f, to);
                return;
            }
        }
    }

    private static boolean hasNamed(Table t, String n) {
        return t.primaryKey().map(k -> n.equals(k.name())).orElse(false)
                || t.uniqueKeys().stream().anyMatch(k -> n.equals(k.name()))
                || t.indexes().stream().anyMatch(k -> n.equals(k.name()))
                || t.foreignKeys().stream().anyMatch(k -> n.equals(k.name()));
    }

    private static String first(List<String> columns) {
        return columns.isEmpty() ? "" : columns.get(0);
    }

    private static String implied(String table, List<String> columns, String suffix) {
        return table + "_" + String.join("_", columns) + "_" + suffix;
    }
}
