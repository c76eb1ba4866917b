package dev.sqllint.derived;

import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.MemberValuePair;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.nodeTypes.NodeWithAnnotations;
import dev.sqllint.extract.ProjectIndex;
import dev.sqllint.extract.TypeNames;
import dev.sqllint.schema.JpaModel;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether a to-one association is {@code optional}, which decides the join Spring Data JPA writes for a path
 * through it: {@code LEFT JOIN} for an optional one (the default, and always for collections), an inner
 * {@code JOIN} for {@code @ManyToOne(optional = false)}. Read from the annotation on the field or getter, in
 * the entity class or a class it extends; an annotation that cannot be found counts as optional, as in JPA.
 */
final class AssociationOptionality {

    private static final int MAX_DEPTH = 10;

    private final JpaModel model;
    private final ProjectIndex index;
    private final TypeNames typeNames;
    private final Map<String, Boolean> cache = new ConcurrentHashMap<>();

    AssociationOptionality(JpaModel model, ProjectIndex index, TypeNames typeNames) {
        this.model = model;
        this.index = index;
        this.typeNames = typeNames;
    }

    boolean optional(String entity, JpaModel.Association association) {
        if (association.cardinality() == JpaModel.Cardinality.TO_MANY) return true;
        return cache.computeIfAbsent(entity + "#" + association.property(), k -> read(entity, association.property()));
    }

    private boolean read(String entity, String property) {
        Optional<String> className = model.entityByName(entity).map(JpaModel.Entity::className);
        TypeDeclaration<?> type = className.flatMap(index::type).orElse(null);
        for (int depth = 0; type != null && depth < MAX_DEPTH; depth++) {
            Optional<Boolean> declared = declared(type, property);
            if (declared.isPresent()) return declared.get();
            type = superclass(type);
        }
        return true;
    }

    private static Optional<Boolean> declared(TypeDeclaration<?> type, String property) {
        for (var field : type.getFields()) {
            for (VariableDeclarator v : field.getVariables()) {
                if (v.getNameAsString().equals(property)) return Optional.of(optionalOn(field));
            }
        }
        String getter = "get" + Character.toUpperCase(property.charAt(0)) + property.substring(1);
        for (MethodDeclaration m : type.getMethodsByName(getter)) {
            if (m.getParameters().isEmpty()) return Optional.of(optionalOn(m));
        }
        return Optional.empty();
    }

    private static boolean optionalOn(NodeWithAnnotations<?> member) {
        for (AnnotationExpr a : member.getAnnotations()) {
            String name = a.getName().getIdentifier();
            if (!name.equals("ManyToOne") && !name.equals("OneToOne")) continue;
            if (a instanceof NormalAnnotationExpr normal) {
                for (MemberValuePair p : normal.getPairs()) {
                    if (p.getNameAsString().equals("optional") && p.getValue() instanceof BooleanLiteralExpr b) {
                        return b.getValue();
                    }
                }
            }
        }
        return true;
    }

    private TypeDeclaration<?> superclass(TypeDeclaration<?> type) {
        if (!(type instanceof ClassOrInterfaceDeclaration c) || c.getExtendedTypes().isEmpty()) return null;
        String name = typeNames.resolve(c.getExtendedTypes().get(0).getNameWithScope(), c);
        return index.type(name).orElse(null);
    }
}
