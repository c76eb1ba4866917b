package dev.sqllint.extract;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The ancestors of a type as far as the sources show them: a project class is followed through its
 * {@code extends} and {@code implements} clauses (resolved in its own file), a library type ends the walk.
 * So {@code class UserQuery extends MappingSqlQuery<User>} and {@code class AuditQuery extends UserQuery}
 * both reach {@code org.springframework.jdbc.object.MappingSqlQuery}.
 */
public final class Supertypes {

    private static final int MAX_LEVELS = 8;

    private final ProjectIndex index;
    private final TypeNames typeNames;

    Supertypes(ProjectIndex index, TypeNames typeNames) {
        this.index = index;
        this.typeNames = typeNames;
    }

    /** The type itself, then its ancestors nearest first. */
    public List<String> lineage(String qualified) {
        Set<String> out = new LinkedHashSet<>();
        List<String> level = List.of(qualified);
        for (int depth = 0; depth <= MAX_LEVELS && !level.isEmpty(); depth++) {
            List<String> next = new ArrayList<>();
            for (String t : level) {
                if (!out.add(t)) continue;
                next.addAll(direct(t));
            }
            level = next;
        }
        return List.copyOf(out);
    }

    /** The nearest of the type and its ancestors that satisfies {@code wanted}. */
    Optional<String> find(String qualified, Predicate<String> wanted) {
        return lineage(qualified).stream().filter(wanted).findFirst();
    }

    /** The nearest of the type and its project ancestors that declares a method of that name and arity. */
    Optional<String> declaring(String qualified, String method, int arity) {
        return find(qualified, t -> index.type(t).map(d -> d.getMethodsByName(method).stream()
                .anyMatch(m -> m.getParameters().size() == arity)).orElse(false));
    }

    /** The superclass of a project class, resolved; empty for interfaces, library types and {@code Object}. */
    Optional<String> superclass(ClassOrInterfaceDeclaration c) {
        if (c.isInterface() || c.getExtendedTypes().isEmpty()) return Optional.empty();
        return Optional.of(typeNames.resolve(c.getExtendedTypes().get(0).getNameWithScope(), c));
    }

    /** The qualified name of the named class or interface that encloses {@code n}, if any. */
    public static Optional<TypeDeclaration<?>> enclosingType(Node n) {
        for (Node p = n.getParentNode().orElse(null); p != null; p = p.getParentNode().orElse(null)) {
            if (p instanceof TypeDeclaration<?> t) return Optional.of(t);
            if (p instanceof com.github.javaparser.ast.expr.ObjectCreationExpr o && o.getAnonymousClassBody().isPresent()) {
                return Optional.empty(); // an anonymous class: its supertype is the created type, read elsewhere
            }
        }
        return Optional.empty();
    }

    private List<String> direct(String qualified) {
        if (!index.mayHaveSupertypes(qualified)) return List.of(); // not parsed only to learn it extends nothing
        Optional<TypeDeclaration<?>> type = index.type(qualified);
        if (type.isEmpty() || !(type.get() instanceof ClassOrInterfaceDeclaration c)) return List.of();
        List<String> out = new ArrayList<>();
        List<ClassOrInterfaceType> supers = new ArrayList<>(c.getExtendedTypes());
        supers.addAll(c.getImplementedTypes());
        for (ClassOrInterfaceType s : supers) out.add(typeNames.resolve(s.getNameWithScope(), c));
        return out;
    }
}
