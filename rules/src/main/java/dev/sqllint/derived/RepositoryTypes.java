package dev.sqllint.derived;

import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.MemberValuePair;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;
import com.github.javaparser.ast.type.TypeParameter;
import dev.sqllint.extract.ProjectIndex;
import dev.sqllint.extract.TypeNames;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The entity a Spring Data repository interface manages: the first type argument of the Spring Data
 * interface it extends ({@code JpaRepository<Track, Long>}), directly or through the project's own base
 * interfaces ({@code interface BaseRepository<T, ID> extends JpaRepository<T, ID>}), or the
 * {@code domainClass} of {@code @RepositoryDefinition}. Names resolve by imports and packages, without a
 * classpath; a type that resolves to another framework's {@code Repository} is not one.
 */
final class RepositoryTypes {

    private static final Set<String> SPRING_DATA = Set.of("Repository", "CrudRepository", "ListCrudRepository",
            "PagingAndSortingRepository", "ListPagingAndSortingRepository", "JpaRepository");
    private static final int MAX_DEPTH = 8;

    private final ProjectIndex index;
    private final TypeNames typeNames;

    RepositoryTypes(ProjectIndex index, TypeNames typeNames) {
        this.index = index;
        this.typeNames = typeNames;
    }

    /** The entity class (qualified when it resolves), or empty when the interface is not a repository. */
    Optional<String> entityOf(ClassOrInterfaceDeclaration repository) {
        if (!repository.isInterface()) return Optional.empty();
        Optional<String> defined = repositoryDefinition(repository);
        if (defined.isPresent()) return defined;
        return found(repository, 0).filter(f -> !f.typeVariable()).map(Found::name);
    }

    ProjectIndex index() {
        return index;
    }

    /**
     * The method {@code name} with {@code arity} parameters, declared by the interface or by one of the project's
     * interfaces it extends (nearest first).
     */
    Optional<com.github.javaparser.ast.body.MethodDeclaration> declared(ClassOrInterfaceDeclaration iface, String name,
                                                                        int arity) {
        return declared(iface, name, arity, 0);
    }

    private Optional<com.github.javaparser.ast.body.MethodDeclaration> declared(ClassOrInterfaceDeclaration iface,
                                                                                String name, int arity, int depth) {
        for (var m : iface.getMethodsByName(name)) if (m.getParameters().size() == arity) return Optional.of(m);
        if (depth >= MAX_DEPTH) return Optional.empty();
        for (ClassOrInterfaceType extended : iface.getExtendedTypes()) {
            String resolved = typeNames.resolve(extended.getNameWithScope(), iface);
            if (isSpringData(resolved)) continue;
            Optional<ClassOrInterfaceDeclaration> base = index.type(resolved)
                    .filter(ClassOrInterfaceDeclaration.class::isInstance).map(ClassOrInterfaceDeclaration.class::cast);
            if (base.isEmpty()) continue;
            Optional<com.github.javaparser.ast.body.MethodDeclaration> found = declared(base.get(), name, arity, depth + 1);
            if (found.isPresent()) return found;
        }
        return Optional.empty();
    }

    /** A type argument found: a class name, or the name of a type variable of the interface it was found in. */
    private record Found(String name, boolean typeVariable) {
    }

    private Optional<Found> found(ClassOrInterfaceDeclaration iface, int depth) {
        List<String> variables = iface.getTypeParameters().stream().map(TypeParameter::getNameAsString).toList();
        for (ClassOrInterfaceType extended : iface.getExtendedTypes()) {
            List<Type> args = extended.getTypeArguments().map(List::copyOf).orElse(List.of());
            String resolved = typeNames.resolve(extended.getNameWithScope(), iface);
            if (isSpringData(resolved)) {
                if (args.isEmpty()) continue;
                return Optional.of(argument(args.get(0), iface, variables));
            }
            Optional<ClassOrInterfaceDeclaration> base = index.type(resolved)
                    .filter(ClassOrInterfaceDeclaration.class::isInstance).map(ClassOrInterfaceDeclaration.class::cast)
                    .filter(ClassOrInterfaceDeclaration::isInterface);
            if (base.isEmpty() || depth >= MAX_DEPTH) continue;
            Optional<Found> inner = found(base.get(), depth + 1);
            if (inner.isEmpty()) continue;
            if (!inner.get().typeVariable()) return inner;
            int position = base.get().getTypeParameters().stream().map(TypeParameter::getNameAsString).toList()
                    .indexOf(inner.get().name());
            if (position >= 0 && position < args.size()) return Optional.of(argument(args.get(position), iface, variables));
        }
        return Optional.empty();
    }

    private Found argument(Type arg, ClassOrInterfaceDeclaration context, List<String> variables) {
        String written = arg.asString();
        if (variables.contains(written)) return new Found(written, true);
        String name = arg instanceof ClassOrInterfaceType c ? c.getNameWithScope() : written;
        return new Found(typeNames.resolve(name, context), false);
    }

    private static boolean isSpringData(String resolved) {
        String simple = resolved.substring(resolved.lastIndexOf('.') + 1);
        return SPRING_DATA.contains(simple) && (!resolved.contains(".") || resolved.startsWith("org.springframework.data."));
    }

    private Optional<String> repositoryDefinition(ClassOrInterfaceDeclaration repository) {
        for (AnnotationExpr a : repository.getAnnotations()) {
            if (!a.getName().getIdentifier().equals("RepositoryDefinition") || !(a instanceof NormalAnnotationExpr n)) continue;
            for (MemberValuePair p : n.getPairs()) {
                if (p.getNameAsString().equals("domainClass") && p.getValue() instanceof ClassExpr c) {
                    Type t = c.getType();
                    String name = t instanceof ClassOrInterfaceType ct ? ct.getNameWithScope() : t.asString();
                    return Optional.of(typeNames.resolve(name, repository));
                }
            }
        }
        return Optional.empty();
    }
}
