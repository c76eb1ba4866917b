package dev.sqllint.schema;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * One table as the schema sources declare it: columns (with their declared type), primary key, unique
 * keys, foreign keys and indexes. Mutated only while sources are replayed (migrations in version order);
 * renames and drops keep the keys consistent.
 */
public final class Table {

    private String name;
    private final Map<String, String> columns = new LinkedHashMap<>();
    private Key primaryKey;
    private final List<Key> uniqueKeys = new ArrayList<>();
    private final List<Key> indexes = new ArrayList<>();
    private final List<ForeignKey> foreignKeys = new ArrayList<>();
    private final String source;
    private boolean keysKnown = true;

    Table(String name, String source) {
        this.name = Schema.normalize(name);
        this.source = source;
    }

    /** A copy to change without changing this one (a table adopted from a schema other modules share). */
    Table copy() {
        Table t = new Table(name, source);
        t.columns.putAll(columns);
        t.primaryKey = primaryKey;
        t.uniqueKeys.addAll(uniqueKeys);
        t.indexes.addAll(indexes);
        t.foreignKeys.addAll(foreignKeys);
        t.keysKnown = keysKnown;
        return t;
    }

    /**
     * Whether the schema says which keys the table has. A view over a join, an aggregate or a union declares a
     * relation whose keys no statement names: it is known to exist, but "no key" would be a guess.
     */
    public boolean keysKnown() {
        return keysKnown;
    }

    void keysUnknown() {
        keysKnown = false;
    }

    public String name() {
        return name;
    }

    /** Where the table was created. */
    public String source() {
        return source;
    }

    void rename(String to) {
        name = Schema.normalize(to);
    }

    public void addColumn(String column, String type) {
        columns.put(Schema.normalize(column), type == null ? "" : type.toLowerCase());
    }

    public boolean hasColumn(String column) {
        return columns.containsKey(Schema.normalize(column));
    }

    /** The declared type in lower case ("timestamp with time zone"), or empty when not known. */
    public Optional<String> columnType(String column) {
        return Optional.ofNullable(columns.get(Schema.normalize(column))).filter(t -> !t.isEmpty());
    }

    public Collection<String> columns() {
        return columns.keySet();
    }

    public void dropColumn(String column) {
        String c = Schema.normalize(column);
        columns.remove(c);
        if (primaryKey != null && primaryKey.columns().contains(c)) primaryKey = null;
        uniqueKeys.removeIf(k -> k.columns().contains(c));
        indexes.removeIf(k -> k.columns().contains(c));
        foreignKeys.removeIf(k -> k.columns().contains(c));
    }

    public void renameColumn(String from, String to) {
        String f = Schema.normalize(from);
        String t = Schema.normalize(to);
        Map<String, String> renamed = new LinkedHashMap<>();
        columns.forEach((c, type) -> renamed.put(c.equals(f) ? t : c, type));
        renamed.putIfAbsent(t, "");
        columns.clear();
        columns.putAll(renamed);
        if (primaryKey != null) primaryKey = renamed(primaryKey, f, t);
        uniqueKeys.replaceAll(k -> renamed(k, f, t));
        indexes.replaceAll(k -> renamed(k, f, t));
        foreignKeys.replaceAll(k -> new ForeignKey(k.name(), k.columns().stream().map(c -> c.equals(f) ? t : c).toList(),
                k.referencedTable(), k.referencedColumns(), k.source()));
    }

    private static Key renamed(Key k, String from, String to) {
        return new Key(k.name(), k.columns().stream().map(c -> c.equals(from) ? to : c).toList(), k.unique(), k.source());
    }

    public void setPrimaryKey(Key key) {
        primaryKey = key;
        for (String c : key.columns()) columns.putIfAbsent(c, "");
    }

    public Optional<Key> primaryKey() {
        return Optional.ofNullable(primaryKey);
    }

    public void addUniqueKey(Key key) {
        uniqueKeys.add(key);
    }

    /** Unique constraints and unique indexes. */
    public List<Key> uniqueKeys() {
        return List.copyOf(uniqueKeys);
    }

    /** A second index of the same name (an upgrade script creating it again) replaces the first. */
    public void addIndex(Key index) {
        if (index.name() != null) {
            for (Key k : List.copyOf(indexes)) {
                if (index.name().equals(k.name())) removeKey(k);
            }
        }
        indexes.add(index);
        if (index.unique()) uniqueKeys.add(index);
    }

    public List<Key> indexes() {
        return List.copyOf(indexes);
    }

    public void addForeignKey(ForeignKey fk) {
        foreignKeys.add(fk);
    }

    public List<ForeignKey> foreignKeys() {
        return List.copyOf(foreignKeys);
    }

    /** Drops a named constraint or index, whatever its kind. */
    public void dropConstraint(String constraintName) {
        String n = Schema.normalize(constraintName);
        if (primaryKey != null && n.equals(primaryKey.name())) primaryKey = null;
        uniqueKeys.removeIf(k -> n.equals(k.name()));
        indexes.removeIf(k -> n.equals(k.name()));
        foreignKeys.removeIf(k -> n.equals(k.name()));
    }

    public void dropPrimaryKey() {
        primaryKey = null;
    }

    /** Renames a named constraint or index, whatever its kind ({@code ALTER INDEX a RENAME TO b}). */
    public void renameConstraint(String from, String to) {
        String f = Schema.normalize(from);
        UnaryOperator<Key> rename = k -> f.equals(k.name()) ? new Key(to, k.columns(), k.unique(), k.source()) : k;
        if (primaryKey != null) primaryKey = rename.apply(primaryKey);
        uniqueKeys.replaceAll(rename);
        indexes.replaceAll(rename);
        foreignKeys.replaceAll(k -> f.equals(k.name())
                ? new ForeignKey(to, k.columns(), k.referencedTable(), k.referencedColumns(), k.source()) : k);
    }

    /** Removes one key exactly as recorded: how an unnamed key is dropped by the name the database gave it. */
    void removeKey(Key key) {
        if (key.equals(primaryKey)) primaryKey = null;
        uniqueKeys.remove(key);
        indexes.remove(key);
    }

    void removeForeignKey(ForeignKey fk) {
        foreignKeys.remove(fk);
    }

    /** Rewrites or (when {@code change} returns null) removes foreign keys: the other side was renamed or dropped. */
    void replaceForeignKeys(UnaryOperator<ForeignKey> change) {
        foreignKeys.replaceAll(change);
        foreignKeys.removeIf(Objects::isNull);
    }

    /** The primary or unique key whose columns all lie in {@code bound}, primary key first. */
    public Optional<Key> keyCoveredBy(Set<String> bound) {
        if (primaryKey != null && !primaryKey.columns().isEmpty() && bound.containsAll(primaryKey.columns())) {
            return Optional.of(primaryKey);
        }
        for (Key k : uniqueKeys) if (!k.columns().isEmpty() && bound.containsAll(k.columns())) return Optional.of(k);
        return Optional.empty();
    }

    /** An index (or the primary key) whose first column is {@code column}. */
    public Optional<Key> indexLeadingWith(String column) {
        String c = Schema.normalize(column);
        if (primaryKey != null && !primaryKey.columns().isEmpty() && primaryKey.columns().get(0).equals(c)) {
            return Optional.of(primaryKey);
        }
        for (Key k : indexes) if (!k.columns().isEmpty() && k.columns().get(0).equals(c)) return Optional.of(k);
        for (Key k : uniqueKeys) if (!k.columns().isEmpty() && k.columns().get(0).equals(c)) return Optional.of(k);
        return Optional.empty();
    }
}
