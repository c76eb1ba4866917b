package dev.sqllint.schema;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The tables the project's schema sources declare, keyed by lower-case name without schema prefix or
 * quotes. Readers replay their sources into it in order (Flyway versions, Liquibase changesets, then JPA
 * mappings, which never override what a migration declared).
 */
public final class Schema {

    private final Map<String, Table> tables = new TreeMap<>();

    public Optional<Table> table(String name) {
        return Optional.ofNullable(tables.get(normalize(name)));
    }

    /** Creates the table, or returns the existing one (a repeated CREATE TABLE IF NOT EXISTS). */
    public Table createTable(String name, String source) {
        return tables.computeIfAbsent(normalize(name), n -> new Table(n, source));
    }

    public void dropTable(String name) {
        tables.remove(normalize(name));
    }

    public void renameTable(String from, String to) {
        Table t = tables.remove(normalize(from));
        if (t == null) return;
        t.rename(to);
        tables.put(t.name(), t);
    }

    public Collection<Table> tables() {
        return tables.values();
    }

    public boolean isEmpty() {
        return tables.isEmpty();
    }

    /** Lower case, without quotes, brackets or a schema/catalog prefix. */
    public static String normalize(String name) {
        if (name == null) return null;
        String n = name.trim().replace("\"", "").replace("`", "").replace("[", "").replace("]", "");
        int dot = n.lastIndexOf('.');
        return (dot >= 0 ? n.substring(dot + 1) : n).toLowerCase(Locale.ROOT);
    }
}
