package dev.sqllint.schema;

import dev.sqllint.sql.Placeholders;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The tables the project's schema sources declare, keyed by lower-case name without schema prefix or
 * quotes. Readers replay their sources into it in order (Flyway versions, Liquibase changesets, then JPA
 * mappings, which never override what a migration declared). It also keeps the mappings' entity relations
 * (which property of which entity is a collection, from JPA annotations and Hibernate mappings) and named entity
 * graphs: what JPQL's {@code join fetch} and an entity graph load is judged by them.
 */
public final class Schema {

    private final Map<String, Table> tables = new TreeMap<>();
    /** Entity name to property to relation; the first mapping read wins. */
    private final Map<String, Map<String, KeyModel.Relation>> relations = new TreeMap<>();
    private final Map<String, KeyModel.NamedGraph> graphs = new TreeMap<>();

    /** Records a mapped relation, unless one for the same entity and property is already known. */
    public void addRelation(KeyModel.Relation relation) {
        relations.computeIfAbsent(relation.entity(), k -> new TreeMap<>()).putIfAbsent(relation.property(), relation);
    }

    /**
     * The relation {@code property} of the entity JPQL names {@code entity}: its exact name first, then the only
     * entity of that name ignoring case (as {@link JpaModel#entityByName} resolves it).
     */
    public Optional<KeyModel.Relation> relation(String entity, String property) {
        if (entity == null || property == null) return Optional.empty();
        Map<String, KeyModel.Relation> of = relations.get(entity);
        if (of == null) {
            List<Map<String, KeyModel.Relation>> folded = relations.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(entity)).map(Map.Entry::getValue).toList();
            of = folded.size() == 1 ? folded.get(0) : null;
        }
        return of == null ? Optional.empty() : Optional.ofNullable(of.get(property));
    }

    /** Records a named entity graph, unless one of that name is already known. */
    public void addNamedGraph(KeyModel.NamedGraph graph) {
        graphs.putIfAbsent(graph.name(), graph);
    }

    public Optional<KeyModel.NamedGraph> namedGraph(String name) {
        return Optional.ofNullable(name == null ? null : graphs.get(name));
    }

    /**
     * The declared table {@code name} names. A table prefix filled in at run time ({@code ${prefix}ACT_RU_TASK},
     * which a query folds to {@code sqllint_dynACT_RU_TASK}) names the table after it.
     */
    public Optional<Table> table(String name) {
        String n = normalize(name);
        Table exact = n == null ? null : tables.get(n);
        if (exact != null || n == null) return Optional.ofNullable(exact);
        return prefixed(n);
    }

    /**
     * {@code sqllint_dynjob_details}: a name whose prefix is unknown ({@code "{0}JOB_DETAILS"} with the
     * project's table prefix). It is the table of that name, or the one table ending with it
     * ({@code qrtz_job_details}); several such tables are ambiguous, so none.
     */
    /** What a run-time part of a name folds to in a query ({@code Placeholders.DYNAMIC}), lower case. */
    private static final String DYNAMIC_PREFIX = Placeholders.DYNAMIC.toLowerCase(Locale.ROOT);

    private Optional<Table> prefixed(String n) {
        if (!n.startsWith(DYNAMIC_PREFIX) || n.length() == DYNAMIC_PREFIX.length()) return Optional.empty();
        String rest = n.substring(DYNAMIC_PREFIX.length());
        Table exact = tables.get(rest);
        if (exact != null) return Optional.of(exact);
        Table found = null;
        for (Map.Entry<String, Table> e : tables.entrySet()) {
            if (!e.getKey().endsWith(rest)) continue;
            if (found != null) return Optional.empty();
            found = e.getValue();
        }
        return Optional.ofNullable(found);
    }

    /**
     * Copies in the tables of {@code other} this schema does not declare, each whole (keys are never merged), and
     * returns their names, and the relations and entity graphs it does not know. {@code other} is left as it was: a
     * schema shared between modules is only read.
     */
    public List<String> adoptMissing(Schema other) {
        other.relations.forEach((entity, of) -> of.values().forEach(this::addRelation));
        other.graphs.values().forEach(this::addNamedGraph);
        List<String> adopted = new ArrayList<>();
        for (Table t : other.tables.values()) {
            if (tables.containsKey(t.name())) continue;
            tables.put(t.name(), t.copy());
            adopted.add(t.name());
        }
        return adopted;
    }

    /**
     * Creates the table, or returns the existing one (a repeated CREATE TABLE IF NOT EXISTS). A name that is only
     * quotes or a qualifier ({@code ""}, {@code audit.""}) names no table a query can use, and the database refuses
     * it: the statement works on a table kept out of the schema.
     */
    public Table createTable(String name, String source) {
        String n = normalize(name);
        if (n == null || n.isEmpty()) return new Table("", source);
        return tables.computeIfAbsent(n, k -> new Table(k, source));
    }

    /**
     * A table created again (a second script's CREATE TABLE, a dump beside the migrations): the new definition
     * replaces the old one, and foreign keys of other tables that point at it stay, as they would in the database
     * that ran both.
     */
    public Table replaceTable(String name, String source) {
        tables.remove(normalize(name));
        return createTable(name, source);
    }

    /** Drops the table and the foreign keys that pointed at it (the database refuses or cascades). */
    public void dropTable(String name) {
        String n = normalize(name);
        if (tables.remove(n) == null) return;
        for (Table other : tables.values()) other.replaceForeignKeys(fk -> fk.referencedTable().equals(n) ? null : fk);
    }

    /** Renames the table; foreign keys of other tables follow it, as they do in the database. */
    public void renameTable(String from, String to) {
        String f = normalize(from);
        String n = normalize(to);
        if (n == null || n.isEmpty()) return; // RENAME TO "": the database refuses a name of nothing
        Table t = tables.remove(f);
        if (t == null) return;
        t.rename(to);
        tables.put(t.name(), t);
        for (Table any : tables.values()) {
            any.replaceForeignKeys(fk -> fk.referencedTable().equals(f)
                    ? new ForeignKey(fk.name(), fk.columns(), t.name(), fk.referencedColumns(), fk.source()) : fk);
        }
    }

    /** Renames a column of {@code table}; its own keys and the foreign keys that reference it follow. */
    public void renameColumn(String table, String from, String to) {
        Table t = tables.get(normalize(table));
        if (t == null) return;
        t.renameColumn(from, to);
        String f = normalize(from);
        String n = normalize(to);
        for (Table any : tables.values()) {
            any.replaceForeignKeys(fk -> fk.referencedTable().equals(t.name()) && fk.referencedColumns().contains(f)
                    ? new ForeignKey(fk.name(), fk.columns(), fk.referencedTable(),
                            fk.referencedColumns().stream().map(c -> c.equals(f) ? n : c).toList(), fk.source())
                    : fk);
        }
    }

    public Collection<Table> tables() {
        return tables.values();
    }

    public boolean isEmpty() {
        return tables.isEmpty();
    }

    /**
     * Lower case, without quotes, brackets, blanks at the ends or a schema/catalog prefix. Names are normalised
     * where they are stored and again where they are looked up, so normalising twice must change nothing: the
     * blanks inside quotes ({@code "` id`"}) and after a dot ({@code accounts. id}) go too.
     */
    /** {@code ${table_prefix}triggers}: a prefix filled in at run time, which queries leave out too. */
    private static final java.util.regex.Pattern PREFIX_PLACEHOLDER = java.util.regex.Pattern.compile("\\$\\{[^}]*}(?=[A-Za-z0-9_])");

    public static String normalize(String name) {
        if (name == null) return null;
        String n = PREFIX_PLACEHOLDER.matcher(name).replaceAll("");
        n = n.replace("\"", "").replace("`", "").replace("[", "").replace("]", "").trim();
        int dot = n.lastIndexOf('.');
        return (dot >= 0 ? n.substring(dot + 1).trim() : n).toLowerCase(Locale.ROOT);
    }
}
