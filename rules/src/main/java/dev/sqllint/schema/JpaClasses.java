package dev.sqllint.schema;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.nodeTypes.NodeWithAnnotations;
import com.github.javaparser.ast.type.Type;
import dev.sqllint.extract.JavaFile;
import dev.sqllint.extract.ProjectIndex;
import dev.sqllint.extract.TypeNames;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The classes of the sources that take part in the mapping (entities, mapped superclasses, embeddables,
 * nested ones included) and their persistent attributes: fields, or getters under property access, or
 * record components. Java structure only; what the attributes map to is {@link JpaReader}'s business.
 */
final class JpaClasses {

    enum Kind { ENTITY, MAPPED_SUPERCLASS, EMBEDDABLE }

    /** A class with a JPA role, and the annotation that gives it. */
    record MappedClass(Kind kind, String qualifiedName, TypeDeclaration<?> type, JavaFile file, AnnotationExpr marker) {
    }

    /** A persistent field, getter or record component, and where its annotations are. */
    record Attr(String name, Type type, NodeWithAnnotations<?> annotated) {
        Optional<AnnotationExpr> jpa(String simpleName) {
            return JpaAnnotations.find(annotated, simpleName);
        }

        boolean has(String simpleName) {
            return jpa(simpleName).isPresent();
        }

        boolean isId() {
            return has("Id") || has("EmbeddedId");
        }

        Node node() {
            return (Node) annotated;
        }
    }

    private final Map<String, MappedClass> classes = new LinkedHashMap<>();
    private final TypeNames typeNames;

    JpaClasses(Collection<JavaFile> files, ProjectIndex index) {
        this.typeNames = new TypeNames(index, Set.of());
        for (JavaFile f : files) {
            for (TypeDeclaration<?> t : f.unit().getTypes()) classify(t, f);
        }
    }

    private void classify(TypeDeclaration<?> type, JavaFile file) {
        String qualified = ProjectIndex.qualifiedName(type);
        for (Kind kind : Kind.values()) {
            String marker = switch (kind) {
                case ENTITY -> "Entity";
                case MAPPED_SUPERCLASS -> "MappedSuperclass";
                case EMBEDDABLE -> "Embeddable";
            };
            Optional<AnnotationExpr> a = JpaAnnotations.find(type, marker);
            if (a.isPresent()) {
                classes.put(qualified, new MappedClass(kind, qualified, type, file, a.get()));
                break;
            }
        }
        for (BodyDeclaration<?> member : type.getMembers()) {
            if (member instanceof TypeDeclaration<?> nested) classify(nested, file);
        }
    }

    /** In source order. */
    Collection<MappedClass> all() {
        return classes.values();
    }

    /** The qualified name a type written at {@code context} stands for (generics dropped). */
    String qualify(String written, Node context) {
        return typeNames.resolve(written, context);
    }

    Optional<MappedClass> resolve(String written, Node context) {
        return Optional.ofNullable(classes.get(qualify(written, context)));
    }

    Optional<MappedClass> superclass(MappedClass c) {
        if (!(c.type() instanceof ClassOrInterfaceDeclaration cls) || cls.getExtendedTypes().isEmpty()) {
            return Optional.empty();
        }
        return resolve(cls.getExtendedTypes(0).getNameWithScope(), cls);
    }

    /** Property access when {@code @Access(PROPERTY)} says so, or when {@code @Id} sits on a getter. */
    static boolean propertyAccess(List<MappedClass> hierarchy) {
        for (MappedClass c : hierarchy) {
            Optional<Boolean> explicit = explicitPropertyAccess(c);
            if (explicit.isPresent()) return explicit.get();
        }
        for (MappedClass c : hierarchy) {
            for (MethodDeclaration m : c.type().getMethods()) {
                if (JpaAnnotations.has(m, "Id") || JpaAnnotations.has(m, "EmbeddedId")) return true;
            }
        }
        return false;
    }

    static Optional<Boolean> explicitPropertyAccess(MappedClass c) {
        return JpaAnnotations.find(c.type(), "Access").flatMap(a -> JpaAnnotations.enumName(a, "value"))
                .map("PROPERTY"::equals);
    }

    /** Persistent attributes in declaration order: not static, not {@code transient}, not {@code @Transient}. */
    static List<Attr> attributes(TypeDeclaration<?> type, boolean propertyAccess) {
        List<Attr> attrs = new ArrayList<>();
        if (type instanceof RecordDeclaration record) {
            for (Parameter p : record.getParameters()) {
                if (!JpaAnnotations.has(p, "Transient")) attrs.add(new Attr(p.getNameAsString(), p.getType(), p));
            }
            return attrs;
        }
        if (propertyAccess) {
            for (MethodDeclaration m : type.getMethods()) {
                String property = getterProperty(m);
                if (property != null && !m.isStatic() && !JpaAnnotations.has(m, "Transient") && !formula(m)) {
                    attrs.add(new Attr(property, m.getType(), m));
                }
            }
            return attrs;
        }
        for (FieldDeclaration f : type.getFields()) {
            if (f.isStatic() || f.isTransient() || JpaAnnotations.has(f, "Transient") || formula(f)) continue;
            for (VariableDeclarator v : f.getVariables()) attrs.add(new Attr(v.getNameAsString(), v.getType(), f));
        }
        return attrs;
    }

    /** Hibernate's {@code @Formula}: computed in the select, no column. */
    private static boolean formula(NodeWithAnnotations<?> n) {
        return n.getAnnotations().stream().anyMatch(a -> JpaAnnotations.is(a, "Formula", JpaAnnotations.HIBERNATE));
    }

    /** {@code getTitle} → {@code title}, {@code isPaid} → {@code paid}, {@code getURL} → {@code URL}. */
    private static String getterProperty(MethodDeclaration m) {
        if (!m.getParameters().isEmpty() || m.getType().isVoidType()) return null;
        String n = m.getNameAsString();
        String bare = n.startsWith("get") ? n.substring(3) : n.startsWith("is") ? n.substring(2) : "";
        if (bare.isEmpty() || !Character.isUpperCase(bare.charAt(0))) return null;
        if (bare.length() > 1 && Character.isUpperCase(bare.charAt(1))) return bare;
        return Character.toLowerCase(bare.charAt(0)) + bare.substring(1);
    }
}
