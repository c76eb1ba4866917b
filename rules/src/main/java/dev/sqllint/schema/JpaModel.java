package dev.sqllint.schema;

import dev.sqllint.extract.JavaFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The JPA mapping the sources declare: entities with their tables and primary keys, the column behind each
 * property, and each association with the SQL join it stands for. JPQL is written against this model, so
 * the rules use it to turn {@code t.owner.id} into {@code tracks.owner_id} and {@code join r.targetGroups}
 * into two joins through a link table; {@link #applyTo} feeds the keys it implies into the {@link Schema}.
 * Read from parsed sources only: entities of files that do not parse, or of jars, are simply absent.
 */
public final class JpaModel {

    public enum Cardinality { TO_ONE, TO_MANY }

    /** An entity: its JPQL name, class, table, and the columns of its primary key (empty when not known). */
    public record Entity(String name, String className, String table, List<String> primaryKey, Path file) {
        public Entity {
            primaryKey = List.copyOf(primaryKey);
        }
    }

    /** One equi-join step: {@code fromTable.fromColumns[i] = toTable.toColumns[i]} for every i. */
    public record Join(String fromTable, List<String> fromColumns, String toTable, List<String> toColumns) {
        public Join {
            fromColumns = List.copyOf(fromColumns);
            toColumns = List.copyOf(toColumns);
        }

        Join reversed() {
            return new Join(toTable, toColumns, fromTable, fromColumns);
        }
    }

    /**
     * The property {@code property} of {@code entity}, referring to {@code target}. {@code joins} lead from the
     * entity's table to the target's: one step over a foreign key (the entity's, for an owning to-one; the
     * target's, for {@code mappedBy} and for a unidirectional {@code @OneToMany @JoinColumn}), or two steps
     * through a join table. {@code mappedBy} is set on the inverse side, which borrows the owner's columns.
     */
    public record Association(String entity, String property, String target, Cardinality cardinality,
                              String mappedBy, List<Join> joins, String source) {
        public Association {
            joins = List.copyOf(joins);
        }

        public boolean owningSide() {
            return mappedBy == null;
        }

        /** The link table a many-to-many (or a unidirectional one-to-many without join column) goes through. */
        public Optional<String> joinTable() {
            return joins.size() == 2 ? Optional.of(joins.get(0).toTable()) : Optional.empty();
        }
    }

    /** Something the reader skipped, reported by {@link #applyTo}. */
    record Problem(Path file, int line, String reason) {
    }

    /** What a property path segment names: a column, a group of embedded properties, or an association. */
    sealed interface Property {
        record Column(String name) implements Property {
        }

        record Embedded(Map<String, Property> parts) implements Property {
        }

        record Reference() implements Property {
        }
    }

    /**
     * Everything known about one entity; {@code parent} is the entity it extends, or null; {@code relations} what each
     * association and element collection is, inherited ones included; {@code graphs} its named entity graphs.
     */
    record EntityData(Entity entity, String parent, Map<String, Property> properties,
                      Map<String, Association> associations, Map<String, KeyModel.Relation> relations,
                      List<KeyModel.NamedGraph> graphs) {
    }

    private final Map<String, EntityData> entities;
    private final Schema tables;
    private final List<Problem> problems;
    private final Set<Path> constantFiles;

    JpaModel(Collection<EntityData> entities, Schema tables, List<Problem> problems, Set<Path> constantFiles) {
        this.entities = new LinkedHashMap<>();
        for (EntityData e : entities) this.entities.put(e.entity().name(), e);
        this.tables = tables;
        this.problems = List.copyOf(problems);
        this.constantFiles = Set.copyOf(constantFiles);
    }

    /**
     * The files besides the mapped classes the model read: those declaring constants the annotations use
     * ({@code @Column(name = ModelConstants.ID_PROPERTY)}). The model changes when they do.
     */
    public Set<Path> constantFiles() {
        return constantFiles;
    }

    /** Reads the entities, mapped superclasses and embeddables of the parsed sources. */
    public static JpaModel read(Collection<JavaFile> files, JpaNaming naming) {
        return read(files, naming, new dev.sqllint.extract.ProjectIndex(files));
    }

    /** The same, resolving type names through {@code index} (which may know more files than it has parsed). */
    public static JpaModel read(Collection<JavaFile> files, JpaNaming naming, dev.sqllint.extract.ProjectIndex index) {
        return new JpaReader(files, naming, index).read();
    }

    public List<Entity> entities() {
        return entities.values().stream().map(EntityData::entity).toList();
    }

    /** All associations, in source order. */
    public List<Association> associations() {
        List<Association> all = new ArrayList<>();
        for (EntityData e : entities.values()) all.addAll(e.associations().values());
        return all;
    }

    /** The entity JPQL names {@code name}: exact match first, then the only one that matches ignoring case. */
    public Optional<Entity> entityByName(String name) {
        return data(name).map(EntityData::entity);
    }

    /** The entity of a class, by qualified or simple name ({@code JpaRepository<Track, Long>}). */
    public Optional<Entity> entityByClass(String className) {
        List<Entity> matches = entities().stream()
                .filter(e -> e.className().equals(className) || e.className().endsWith("." + className))
                .toList();
        return matches.size() == 1 ? Optional.of(matches.get(0)) : Optional.empty();
    }

    public Optional<String> tableOf(String entityName) {
        return entityByName(entityName).map(Entity::table);
    }

    /**
     * The column behind a property path: {@code title}, {@code address.city} (embedded),
     * {@code id.trackId} (embedded id), {@code owner} and {@code owner.id} (the foreign key column of an owning
     * to-one, when the path ends on the key it references). Empty when the path needs a join or is unknown.
     */
    public Optional<String> columnOf(String entityName, String propertyPath) {
        Optional<EntityData> start = data(entityName);
        if (start.isEmpty()) return Optional.empty();
        String[] segments = propertyPath.split("\\.");
        String head = segments[0];
        Optional<Property> property = property(start.get(), head);
        if (property.isEmpty()) {
            return segments.length == 1 && head.equals("id") ? singleKey(start.get()) : Optional.empty();
        }
        if (property.get() instanceof Property.Reference) {
            return foreignKeyColumn(start.get(), head, segments);
        }
        return column(property.get(), segments, 1);
    }

    /**
     * Whether the entity (or an entity it extends) maps {@code propertyPath}: a column, an embedded group, or an
     * association, following embedded groups ({@code address.city}). Spring Data's method-name parser needs
     * this to tell {@code addressCity} (a property of an embedded group) from an unknown name.
     */
    public boolean hasProperty(String entityName, String propertyPath) {
        Optional<EntityData> start = data(entityName);
        if (start.isEmpty()) return false;
        String[] segments = propertyPath.split("\\.");
        Optional<Property> head = property(start.get(), segments[0]);
        if (head.isEmpty()) return false;
        Property p = head.get();
        for (int i = 1; i < segments.length; i++) {
            if (!(p instanceof Property.Embedded embedded)) return false;
            p = embedded.parts().get(segments[i]);
            if (p == null) return false;
        }
        return true;
    }

    /** The association {@code property} of the entity, declared by it or by an entity it extends. */
    public Optional<Association> association(String entityName, String property) {
        for (EntityData e = data(entityName).orElse(null); e != null; e = parent(e)) {
            Association a = e.associations().get(property);
            if (a != null) return Optional.of(a);
        }
        return Optional.empty();
    }

    /**
     * Adds the tables, columns, primary keys, unique keys, indexes and foreign keys the mapping implies,
     * and reports what the reader skipped. Never overrides what the schema already has (migrations are
     * replayed first): a table keeps its primary key and column types, and a key is added only when no key
     * with the same columns exists. The entities' relations and named entity graphs go with them.
     */
    public void applyTo(Schema schema, SchemaProblems sink) {
        for (Table t : tables.tables()) {
            Table target = schema.createTable(t.name(), t.source());
            for (String c : t.columns()) {
                if (!target.hasColumn(c)) target.addColumn(c, t.columnType(c).orElse(""));
            }
            t.primaryKey().ifPresent(pk -> {
                if (target.primaryKey().isEmpty()) target.setPrimaryKey(pk);
            });
            for (Key index : t.indexes()) {
                if (target.indexes().stream().noneMatch(k -> sameColumns(k, index))) target.addIndex(index);
            }
            for (Key unique : t.uniqueKeys()) {
                if (t.indexes().contains(unique)) continue;
                boolean known = target.uniqueKeys().stream().anyMatch(k -> sameColumns(k, unique))
                        || target.primaryKey().filter(pk -> sameColumns(pk, unique)).isPresent();
                if (!known) target.addUniqueKey(unique);
            }
            for (ForeignKey fk : t.foreignKeys()) {
                boolean known = target.foreignKeys().stream().anyMatch(k -> k.columns().equals(fk.columns())
                        && k.referencedTable().equals(fk.referencedTable()));
                if (!known) target.addForeignKey(fk);
            }
        }
        for (EntityData e : entities.values()) {
            e.relations().values().forEach(schema::addRelation);
            e.graphs().forEach(schema::addNamedGraph);
        }
        for (Problem p : problems) sink.report(p.file(), p.line(), p.reason());
    }

    private static boolean sameColumns(Key a, Key b) {
        return a.unique() == b.unique() && a.columns().equals(b.columns());
    }

    private Optional<EntityData> data(String name) {
        if (name == null) return Optional.empty();
        EntityData exact = entities.get(name);
        if (exact != null) return Optional.of(exact);
        List<EntityData> folded = entities.values().stream()
                .filter(e -> e.entity().name().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT)))
                .toList();
        return folded.size() == 1 ? Optional.of(folded.get(0)) : Optional.empty();
    }

    private EntityData parent(EntityData e) {
        return e.parent() == null ? null : entities.get(e.parent());
    }

    private Optional<Property> property(EntityData entity, String name) {
        for (EntityData e = entity; e != null; e = parent(e)) {
            Property p = e.properties().get(name);
            if (p != null) return Optional.of(p);
        }
        return Optional.empty();
    }

    private static Optional<String> singleKey(EntityData e) {
        List<String> pk = e.entity().primaryKey();
        return pk.size() == 1 ? Optional.of(pk.get(0)) : Optional.empty();
    }

    /** Walks embedded properties down to a column. */
    private static Optional<String> column(Property property, String[] segments, int next) {
        Property p = property;
        for (int i = next; i < segments.length; i++) {
            if (!(p instanceof Property.Embedded embedded)) return Optional.empty();
            p = embedded.parts().get(segments[i]);
            if (p == null) return Optional.empty();
        }
        return p instanceof Property.Column c ? Optional.of(c.name()) : Optional.empty();
    }

    /** {@code owner} or {@code owner.id}: the owning to-one's local column for the target column named. */
    private Optional<String> foreignKeyColumn(EntityData entity, String property, String[] segments) {
        Optional<Association> a = association(entity.entity().name(), property);
        if (a.isEmpty() || !a.get().owningSide() || a.get().cardinality() != Cardinality.TO_ONE
                || a.get().joins().size() != 1) {
            return Optional.empty();
        }
        Join join = a.get().joins().get(0);
        if (segments.length == 1) {
            return join.fromColumns().size() == 1 ? Optional.of(join.fromColumns().get(0)) : Optional.empty();
        }
        String[] rest = java.util.Arrays.copyOfRange(segments, 1, segments.length);
        Optional<String> targetColumn = columnOf(a.get().target(), String.join(".", rest));
        if (targetColumn.isEmpty()) return Optional.empty();
        for (int i = 0; i < join.toColumns().size(); i++) {
            if (join.toColumns().get(i).equalsIgnoreCase(targetColumn.get())) {
                return Optional.of(join.fromColumns().get(i));
            }
        }
        return Optional.empty();
    }
}
