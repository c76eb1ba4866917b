package dev.sqllint.extract;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;
import dev.sqllint.extract.sinks.SinkCatalog;
import dev.sqllint.sql.SqlText;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Hibernate's SQL fragments made into statements the parser and the rules can read, around the table they
 * apply to: {@code @Formula("(select count(*) from orders o where o.customer_id = id)")} on a field of
 * {@code Customer} reads as {@code SELECT <formula> FROM customer}; {@code @Where}/{@code @SQLRestriction}
 * on an entity as {@code SELECT 1 FROM <its table> WHERE <condition>}, on a collection as the same over the
 * element entity's table. The added words take the fragment's first (or last) origin, so findings point into
 * the annotation. The table comes from the JPA mappings; when they do not name it the fragment is skipped and
 * counted as unresolved rather than guessed.
 */
final class HibernateFragments {

    private static final Set<String> COLLECTIONS = Set.of("List", "Set", "Collection", "SortedSet", "Iterable", "Bag");

    private final TypeNames typeNames;
    private final Function<String, Optional<String>> entityTable;

    /** {@code entityTable}: qualified entity class name to its table. */
    HibernateFragments(TypeNames typeNames, Function<String, Optional<String>> entityTable) {
        this.typeNames = typeNames;
        this.entityTable = entityTable;
    }

    /** The wrapped variants, or empty when the table is not known. */
    Optional<List<SqlText>> wrap(SinkCatalog.Shape shape, AnnotationExpr a, List<SqlText> fragments) {
        Optional<String> table = tableFor(shape, a);
        if (table.isEmpty()) return Optional.empty();
        List<SqlText> out = new ArrayList<>();
        for (SqlText f : fragments) {
            if (f.length() == 0) continue;
            SqlText head = SqlText.of(shape == SinkCatalog.Shape.EXPRESSION ? "SELECT " : "SELECT 1 FROM " + table.get() + " WHERE ",
                    f.originAt(0));
            SqlText tail = shape == SinkCatalog.Shape.EXPRESSION
                    ? SqlText.of(" FROM " + table.get(), f.originAt(f.length() - 1)) : SqlText.empty();
            out.add(head.append(f).append(tail));
        }
        return Optional.of(out);
    }

    private Optional<String> tableFor(SinkCatalog.Shape shape, AnnotationExpr a) {
        Node target = a.getParentNode().orElse(null);
        Optional<String> entity;
        if (target instanceof ClassOrInterfaceDeclaration c) {
            entity = Optional.of(ProjectIndex.qualifiedName(c));
        } else if (shape == SinkCatalog.Shape.CONDITION && target instanceof FieldDeclaration f) {
            entity = elementEntity(f.getElementType(), f);
        } else if (shape == SinkCatalog.Shape.CONDITION && target instanceof MethodDeclaration m) {
            entity = elementEntity(m.getType(), m);
        } else {
            entity = a.findAncestor(TypeDeclaration.class).map(t -> ProjectIndex.qualifiedName((TypeDeclaration<?>) t));
        }
        return entity.flatMap(entityTable);
    }

    /** {@code List<Comment>}: {@code Comment}; {@code Map<K, V>}: {@code V}; a single entity: itself. */
    private Optional<String> elementEntity(Type type, Node context) {
        if (!(type instanceof ClassOrInterfaceType t)) return Optional.empty();
        Type element = t;
        if (t.getTypeArguments().isPresent() && !t.getTypeArguments().get().isEmpty()) {
            var args = t.getTypeArguments().get();
            if (COLLECTIONS.contains(t.getNameAsString())) element = args.get(0);
            else if (t.getNameAsString().endsWith("Map")) element = args.get(args.size() - 1);
        }
        if (!(element instanceof ClassOrInterfaceType e)) return Optional.empty();
        return Optional.of(typeNames.resolve(e.getNameWithScope(), context));
    }
}
