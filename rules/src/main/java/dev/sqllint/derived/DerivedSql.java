package dev.sqllint.derived;

import dev.sqllint.schema.JpaModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes the SQL Spring Data JPA runs for a parsed method name, through the JPA mapping, in the shape
 * Hibernate gives it: the entity's table with an alias ({@code r1_0}), a join per association a property
 * path passes through, {@code ?} for each parameter. The joins follow Spring Data JPA's rules
 * ({@code JpqlUtils.toExpressionRecursively}): a path that ends on the id of an owning to-one reads the
 * foreign key and joins nothing ({@code ownerId}); any other path through an association joins it,
 * {@code LEFT JOIN} when it is optional (collections always are) or when an earlier hop was, inner
 * {@code JOIN} for {@code optional = false}; ordering by an association always joins. A many-to-many is two
 * joins, to the link table and to the target, written flat. Derived deletes run this select and remove the
 * loaded entities one by one; exists queries select the id with {@code LIMIT 1}.
 */
final class DerivedSql {

    private final JpaModel model;
    private final AssociationOptionality optionality;
    private final JpaModel.Entity root;
    private final String rootAlias;
    private final Map<Character, Integer> aliasCounters = new HashMap<>();
    /** Joins already written, by {@code fromAlias.property|type}, to the alias of the target table. */
    private final Map<String, String> joinAliases = new LinkedHashMap<>();
    private final StringBuilder joins = new StringBuilder();

    private DerivedSql(JpaModel model, AssociationOptionality optionality, JpaModel.Entity root) {
        this.model = model;
        this.optionality = optionality;
        this.root = root;
        this.rootAlias = alias(root.name());
    }

    /** The SQL of the method; throws {@link NotDerivedException} when a property or keyword cannot be written. */
    static String write(PartTree tree, JpaModel.Entity entity, JpaModel model, AssociationOptionality optionality) {
        return new DerivedSql(model, optionality, entity).write(tree);
    }

    private String write(PartTree tree) {
        List<String> alternatives = new ArrayList<>();
        for (List<PartTree.Part> and : tree.or()) {
            List<String> terms = new ArrayList<>();
            for (PartTree.Part part : and) terms.add(predicate(part));
            String conjunction = String.join(" AND ", terms);
            alternatives.add(tree.or().size() > 1 && terms.size() > 1 ? "(" + conjunction + ")" : conjunction);
        }
        List<String> orderBy = new ArrayList<>();
        boolean sorted = tree.kind() == PartTree.Kind.FIND || tree.kind() == PartTree.Kind.EXISTS;
        if (sorted) {
            for (PartTree.Order order : tree.orders()) {
                PropertyPath path = PropertyPath.resolve(model, root.name(), Names.decapitalize(order.property()));
                orderBy.add(expression(path, true) + (order.descending() ? " DESC" : " ASC"));
            }
        }
        StringBuilder sql = new StringBuilder(select(tree));
        sql.append(" FROM ").append(root.table()).append(' ').append(rootAlias).append(joins);
        if (!alternatives.isEmpty()) sql.append(" WHERE ").append(String.join(" OR ", alternatives));
        if (!orderBy.isEmpty()) sql.append(" ORDER BY ").append(String.join(", ", orderBy));
        if (tree.kind() == PartTree.Kind.EXISTS) sql.append(" LIMIT 1");
        else if (tree.kind() == PartTree.Kind.FIND && tree.maxResults() != null) sql.append(" LIMIT ").append(tree.maxResults());
        return sql.toString();
    }

    private String select(PartTree tree) {
        String distinct = tree.distinct() ? "DISTINCT " : "";
        List<String> key = root.primaryKey().stream().map(c -> rootAlias + "." + c).toList();
        return switch (tree.kind()) {
            case FIND -> "SELECT " + distinct + rootAlias + ".*";
            case DELETE -> "SELECT " + rootAlias + ".*";
            case COUNT -> "SELECT count(" + (key.isEmpty() || (key.size() > 1 && distinct.isEmpty()) ? "*"
                    : distinct + String.join(", ", key)) + ")";
            case EXISTS -> "SELECT " + distinct + (key.isEmpty() ? rootAlias + ".*" : String.join(", ", key));
        };
    }

    private String predicate(PartTree.Part part) {
        PartType type = part.type();
        if (type == PartType.NEAR || type == PartType.WITHIN) throw new NotDerivedException("vector search is not written");
        if (!type.supportedByJpa()) throw new NotDerivedException(type + " is not a Spring Data JPA keyword");
        PropertyPath path = PropertyPath.resolve(model, root.name(), part.property());
        if (type == PartType.IS_EMPTY || type == PartType.IS_NOT_EMPTY) return emptiness(path, type == PartType.IS_EMPTY);
        boolean collectionLeaf = path.leaf().isAssociation()
                && path.leaf().association().cardinality() == JpaModel.Cardinality.TO_MANY;
        if (collectionLeaf && (type == PartType.CONTAINING || type == PartType.NOT_CONTAINING)) {
            throw new NotDerivedException("MEMBER OF on a collection is not written");
        }
        String e = expression(path, false);
        boolean upper = part.ignoreCase() != PartTree.IgnoreCase.NEVER;
        String ei = upper ? "upper(" + e + ")" : e;
        String p = upper ? "upper(?)" : "?";
        return switch (type) {
            case BETWEEN -> e + " BETWEEN ? AND ?";
            case AFTER, GREATER_THAN -> e + " > ?";
            case GREATER_THAN_EQUAL -> e + " >= ?";
            case BEFORE, LESS_THAN -> e + " < ?";
            case LESS_THAN_EQUAL -> e + " <= ?";
            case IS_NULL -> e + " IS NULL";
            case IS_NOT_NULL -> e + " IS NOT NULL";
            case IN -> ei + " IN (?)";
            case NOT_IN -> ei + " NOT IN (?)";
            case LIKE, STARTING_WITH, ENDING_WITH, CONTAINING -> ei + " LIKE " + p + " ESCAPE '\\'";
            case NOT_LIKE, NOT_CONTAINING -> ei + " NOT LIKE " + p + " ESCAPE '\\'";
            case TRUE -> e + " = TRUE";
            case FALSE -> e + " = FALSE";
            case NEGATING_SIMPLE_PROPERTY -> ei + " <> " + p;
            default -> ei + " = " + p;
        };
    }

    /** {@code r.targetGroups IS EMPTY}: Hibernate writes a correlated (NOT) EXISTS on the collection's first table. */
    private String emptiness(PropertyPath path, boolean empty) {
        PropertyPath.Step step = path.leaf();
        if (path.steps().size() != 1 || !step.isAssociation() || step.association().joins().isEmpty()
                || step.association().cardinality() != JpaModel.Cardinality.TO_MANY) {
            throw new NotDerivedException("IsEmpty/IsNotEmpty only on a collection of the entity itself");
        }
        JpaModel.Join first = step.association().joins().get(0);
        String alias = alias(step.association().property());
        return (empty ? "NOT EXISTS" : "EXISTS") + " (SELECT 1 FROM " + first.toTable() + " " + alias + " WHERE "
                + equalities(rootAlias, first.fromColumns(), alias, first.toColumns()) + ")";
    }

    /** The column a property path compares, joining what Spring Data JPA joins on the way. */
    private String expression(PropertyPath path, boolean forSelection) {
        String alias = rootAlias;
        boolean outer = false;
        List<PropertyPath.Step> steps = path.steps();
        for (int i = 0; i < steps.size(); i++) {
            PropertyPath.Step step = steps.get(i);
            if (!step.isAssociation()) return alias + "." + column(step.entity(), step.property());
            JpaModel.Association a = step.association();
            boolean leaf = i == steps.size() - 1;
            PropertyPath.Step next = leaf ? null : steps.get(i + 1);
            boolean collection = a.cardinality() == JpaModel.Cardinality.TO_MANY;
            boolean relationshipId = next != null && isId(a.target(), next);
            boolean inverseOneToOne = !collection && !a.owningSide();
            boolean requiresOuter = (leaf || relationshipId) && !forSelection && !collection && !inverseOneToOne && !outer
                    ? false
                    : outer || optionality.optional(step.entity(), a);
            if (!requiresOuter && (leaf || relationshipId)) {
                if (!leaf && i + 2 != steps.size()) throw new NotDerivedException("a path below a relationship id");
                String property = leaf ? a.property() : a.property() + "." + next.property();
                return alias + "." + column(step.entity(), property);
            }
            alias = join(alias, a, requiresOuter);
            if (leaf) return alias + "." + singleKey(a.target());
            outer = requiresOuter;
        }
        throw new NotDerivedException("empty property path");
    }

    /** Whether {@code next} is the (single-column) id of {@code target}: then {@code owner.id} is the foreign key. */
    private boolean isId(String target, PropertyPath.Step next) {
        if (next.isAssociation() || next.property().contains(".")) return false;
        List<String> key = model.entityByName(target).map(JpaModel.Entity::primaryKey).orElse(List.of());
        Optional<String> column = model.columnOf(target, next.property());
        return key.size() == 1 && column.isPresent() && column.get().equalsIgnoreCase(key.get(0));
    }

    private String column(String entity, String property) {
        return model.columnOf(entity, property)
                .orElseThrow(() -> new NotDerivedException("no column for " + entity + "." + property));
    }

    private String singleKey(String entity) {
        List<String> key = model.entityByName(entity).map(JpaModel.Entity::primaryKey).orElse(List.of());
        if (key.size() != 1) throw new NotDerivedException("comparing " + entity + " needs its single-column id");
        return key.get(0);
    }

    /** Joins the association from {@code from} (once per path and join type), returning the target table's alias. */
    private String join(String from, JpaModel.Association a, boolean left) {
        String key = from + "." + a.property() + (left ? "|left" : "|inner");
        String known = joinAliases.get(key);
        if (known != null) return known;
        if (a.joins().isEmpty() || a.joins().size() > 2) throw new NotDerivedException("no join known for " + a.property());
        String keyword = left ? " LEFT JOIN " : " JOIN ";
        String stem = alias(a.property());
        String previous = from;
        String target = null;
        for (int i = 0; i < a.joins().size(); i++) {
            JpaModel.Join step = a.joins().get(i);
            String alias = stem.substring(0, stem.length() - 1) + i;
            joins.append(keyword).append(step.toTable()).append(' ').append(alias).append(" ON ")
                    .append(equalities(previous, step.fromColumns(), alias, step.toColumns()));
            previous = alias;
            target = alias;
        }
        joinAliases.put(key, target);
        return target;
    }

    private static String equalities(String left, List<String> leftColumns, String right, List<String> rightColumns) {
        List<String> terms = new ArrayList<>();
        for (int i = 0; i < Math.min(leftColumns.size(), rightColumns.size()); i++) {
            terms.add(left + "." + leftColumns.get(i) + " = " + right + "." + rightColumns.get(i));
        }
        return String.join(" AND ", terms);
    }

    /** Hibernate's alias: the name's first letter, a counter per letter, {@code _0} for the first table of the group. */
    private String alias(String name) {
        char c = name.isEmpty() || !Character.isLetter(name.charAt(0)) ? 'x' : Character.toLowerCase(name.charAt(0));
        int n = aliasCounters.merge(c, 1, Integer::sum);
        return c + String.valueOf(n) + "_0";
    }
}
