package dev.sqllint.schema;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the rules need to know about the database: which column sets are unique (so a join or a
 * correlation is to-one), which tables are append-only histories, and which indexes exist. Answers carry
 * the evidence that backs them, so a message can say why, and whether a schema proved them.
 */
public interface KeyModel {

    /** Evidence that {@code columns} cover a unique key of {@code table}, or empty when they do not. */
    Optional<Evidence> uniqueKeyCovered(String table, Set<String> columns);

    /**
     * When the schema declares {@code table}, evidence of its keys (for "X is not a key of T" messages,
     * proved); empty when only conventions speak about it.
     */
    default Optional<Evidence> declaredKeys(String table) {
        return Optional.empty();
    }

    /**
     * Evidence that {@code table}, bound on {@code bound} (its columns equated to values or to other tables), can
     * hold many rows per binding: the schema declares its keys and none is covered (proved), or a naming
     * convention strong enough says so ({@code order_lines.order_id = orders.id}). Empty when a key is covered and
     * when nothing is known: a guessed key never proves a fan-out.
     *
     * @param links the equalities that join {@code table} to the tables before it
     */
    default Optional<Evidence> manyRowsPer(String table, Set<String> bound, List<Link> links) {
        return Optional.empty();
    }

    /**
     * An equality joining {@code column} of the table judged to {@code otherColumn} of {@code otherTable}, and
     * whether that column is the other table's key (so the judged table's rows hang off one row of it).
     */
    record Link(String column, String otherTable, String otherColumn, boolean otherColumnIsKey) {
    }

    /** Evidence that {@code table} is an append-only history (configured or named like one), or empty. */
    Optional<Evidence> historyTable(String table);

    /** Evidence that {@code table} belongs to a tenant or owner (a foreign key such as workspace_id), or empty. */
    default Optional<Evidence> tenantKey(String table) {
        return Optional.empty();
    }

    /** Whether the column holds a point in time (ordering by it means "latest first"). */
    boolean isTimestamp(String table, String column);

    /** The index the database would use for {@code column} of {@code table}, described, when one is declared. */
    default Optional<String> indexOn(String table, String column) {
        return Optional.empty();
    }

    /**
     * Evidence that {@code column} of {@code table} can never hold NULL, or empty when nothing proves it. The schema
     * model keeps no NOT NULL constraints, so only a primary key column (NOT NULL by definition) is proved.
     */
    default Optional<Evidence> neverNull(String table, String column) {
        return Optional.empty();
    }

    /**
     * The declared expression index of {@code table} whose leading expression is {@code expression} (compared without
     * qualifiers, quotes, blanks and parentheses: {@code lower(u.email)} matches {@code ((lower(email)))}), described,
     * or empty.
     */
    default Optional<String> expressionIndexOn(String table, String expression) {
        return Optional.empty();
    }

    /** The declared trigram index (gin/gist with a {@code *_trgm_ops} operator class) on {@code column}, or empty. */
    default Optional<String> trigramIndexOn(String table, String column) {
        return Optional.empty();
    }

    /**
     * The mapped association or element collection {@code property} of {@code entity} (its JPQL name, or a Hibernate
     * mapping's class name), declared by it or an entity it extends; empty when no mapping declares it (then whether
     * it is a collection is unknown).
     */
    default Optional<Relation> relation(String entity, String property) {
        return Optional.empty();
    }

    /**
     * One mapped property that refers to other rows: an association ({@code @ManyToOne}, {@code @OneToMany}, an hbm
     * {@code <many-to-one>} or {@code <set>}, ...) or an element collection.
     *
     * @param target   the entity it leads to, or null (an element collection, or a target not among the sources)
     * @param toMany   a collection: one row of the entity has any number of them
     * @param evidence how it is mapped, in the user's names: {@code Order.items is @OneToMany (Order.java:42)}
     */
    record Relation(String entity, String property, String target, boolean toMany, String evidence) {
    }

    /**
     * The attribute paths of the named entity graph {@code name} ({@code @NamedEntityGraph}), with where it is
     * declared; empty when no entity declares it.
     */
    default Optional<NamedGraph> namedGraph(String name) {
        return Optional.empty();
    }

    /** A {@code @NamedEntityGraph}: its root entity, the attribute paths it fetches, and where it is declared. */
    record NamedGraph(String entity, String name, java.util.List<String> attributePaths, String source) {
        public NamedGraph {
            attributePaths = java.util.List.copyOf(attributePaths);
        }
    }

    /** Why an answer holds, and whether a schema proved it or a naming convention suggested it. */
    record Evidence(String reason, boolean proved) {
        public static Evidence convention(String reason) {
            return new Evidence(reason, false);
        }

        public static Evidence schema(String reason) {
            return new Evidence(reason, true);
        }
    }
}
