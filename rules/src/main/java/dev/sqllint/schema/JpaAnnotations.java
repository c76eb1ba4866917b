package dev.sqllint.schema;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MemberValuePair;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.SingleMemberAnnotationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import com.github.javaparser.ast.nodeTypes.NodeWithAnnotations;
import dev.sqllint.extract.ProjectIndex;
import dev.sqllint.extract.TypeNames;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads mapping annotations the way the compiler sees them, without a classpath: an annotation counts as
 * JPA's only when its name is qualified with, or imported from, {@code jakarta.persistence} or
 * {@code javax.persistence}, so Spring Data JDBC's {@code @Table} or {@code @Id} never pass for JPA's.
 * Attribute values are literals, or constants: of the class that holds the annotation, of another class of the
 * sources ({@code ModelConstants.ID_PROPERTY}), statically imported or inherited; anything else is reported and the
 * attribute treated as absent. Where a constant was declared in another file, that file is one the schema depends on
 * ({@link #constantFiles}).
 */
final class JpaAnnotations {

    static final Set<String> JPA = Set.of("jakarta.persistence", "javax.persistence");
    static final Set<String> HIBERNATE = Set.of("org.hibernate.annotations");

    private final Map<CompilationUnit, Path> files;
    private final List<JpaModel.Problem> problems;
    private final TypeNames typeNames;
    private final Set<Path> constantFiles = new LinkedHashSet<>();

    JpaAnnotations(Map<CompilationUnit, Path> files, List<JpaModel.Problem> problems, ProjectIndex index) {
        this.files = files;
        this.problems = problems;
        this.typeNames = new TypeNames(index, Set.of());
    }

    /** The files outside the mapping that declared a constant an attribute used. */
    Set<Path> constantFiles() {
        return constantFiles;
    }

    static boolean isJpa(AnnotationExpr a, String simpleName) {
        return is(a, simpleName, JPA);
    }

    static boolean is(AnnotationExpr a, String simpleName, Set<String> packages) {
        if (!a.getName().getIdentifier().equals(simpleName)) return false;
        if (a.getName().getQualifier().isPresent()) return packages.contains(a.getName().getQualifier().get().asString());
        CompilationUnit cu = a.findCompilationUnit().orElse(null);
        if (cu == null) return false;
        boolean onDemand = false;
        for (ImportDeclaration imp : cu.getImports()) {
            if (imp.isStatic()) continue;
            String q = imp.getNameAsString();
            if (imp.isAsterisk()) {
                onDemand |= packages.contains(q);
            } else if (q.endsWith("." + simpleName)) {
                return packages.contains(q.substring(0, q.length() - simpleName.length() - 1));
            }
        }
        return onDemand;
    }

    static Optional<AnnotationExpr> find(NodeWithAnnotations<?> node, String simpleName) {
        return node.getAnnotations().stream().filter(a -> isJpa(a, simpleName)).findFirst();
    }

    static boolean has(NodeWithAnnotations<?> node, String simpleName) {
        return find(node, simpleName).isPresent();
    }

    /** A repeatable annotation, written repeatedly or inside its container ({@code @JoinColumns({...})}). */
    static List<AnnotationExpr> findRepeated(NodeWithAnnotations<?> node, String simpleName, String container) {
        List<AnnotationExpr> found = new ArrayList<>();
        for (AnnotationExpr a : node.getAnnotations()) {
            if (isJpa(a, simpleName)) found.add(a);
            if (isJpa(a, container)) found.addAll(nested(a, "value"));
        }
        return found;
    }

    static Optional<Expression> value(AnnotationExpr a, String attribute) {
        if (a instanceof SingleMemberAnnotationExpr single) {
            return attribute.equals("value") ? Optional.of(single.getMemberValue()) : Optional.empty();
        }
        if (a instanceof NormalAnnotationExpr normal) {
            for (MemberValuePair p : normal.getPairs()) {
                if (p.getNameAsString().equals(attribute)) return Optional.of(p.getValue());
            }
        }
        return Optional.empty();
    }

    /** Annotations nested in an attribute, whether written as one or as an array. */
    static List<AnnotationExpr> nested(AnnotationExpr a, String attribute) {
        List<AnnotationExpr> found = new ArrayList<>();
        for (Expression e : elements(value(a, attribute))) {
            if (e instanceof AnnotationExpr inner) found.add(inner);
        }
        return found;
    }

    /** {@code InheritanceType.JOINED} or a statically imported {@code JOINED}: the constant's name. */
    static Optional<String> enumName(AnnotationExpr a, String attribute) {
        return value(a, attribute).map(e -> e instanceof FieldAccessExpr f ? f.getNameAsString()
                : e instanceof NameExpr n ? n.getNameAsString() : null);
    }

    /** {@code targetEntity = Owner.class}: the class as written. */
    static Optional<String> classLiteral(AnnotationExpr a, String attribute) {
        return value(a, attribute).filter(ClassExpr.class::isInstance).map(e -> ((ClassExpr) e).getType().asString())
                .filter(t -> !t.equals("void"));
    }

    static Optional<Boolean> bool(AnnotationExpr a, String attribute) {
        return value(a, attribute).filter(BooleanLiteralExpr.class::isInstance)
                .map(e -> ((BooleanLiteralExpr) e).getValue());
    }

    /** A string attribute; empty when absent, blank (the JPA default), or not a constant (then reported). */
    Optional<String> string(AnnotationExpr a, String attribute) {
        Optional<Expression> e = value(a, attribute);
        if (e.isEmpty()) return Optional.empty();
        Optional<String> s = constant(e.get(), 0);
        if (s.isEmpty()) unresolved(a, attribute, e.get());
        return s.filter(v -> !v.isBlank());
    }

    /** A {@code String[]} attribute, written as one value or an array; elements that are not constants are reported. */
    List<String> strings(AnnotationExpr a, String attribute) {
        List<String> values = new ArrayList<>();
        for (Expression e : elements(value(a, attribute))) {
            Optional<String> s = constant(e, 0);
            if (s.isEmpty()) unresolved(a, attribute, e);
            s.filter(v -> !v.isBlank()).ifPresent(values::add);
        }
        return values;
    }

    private static List<Expression> elements(Optional<Expression> value) {
        if (value.isEmpty()) return List.of();
        if (value.get() instanceof ArrayInitializerExpr array) return array.getValues();
        return List.of(value.get());
    }

    /** A string literal, text block, {@code +} of those, or a constant (see the class comment). */
    private Optional<String> constant(Expression e, int depth) {
        if (depth > 8) return Optional.empty();
        if (e instanceof StringLiteralExpr s) return Optional.of(s.asString());
        if (e instanceof TextBlockLiteralExpr t) return Optional.of(t.asString());
        if (e instanceof EnclosedExpr enclosed) return constant(enclosed.getInner(), depth + 1);
        if (e instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.PLUS) {
            Optional<String> left = constant(b.getLeft(), depth + 1);
            Optional<String> right = constant(b.getRight(), depth + 1);
            return left.isPresent() && right.isPresent() ? Optional.of(left.get() + right.get()) : Optional.empty();
        }
        if (e instanceof NameExpr n) return field(e, null, n.getNameAsString(), depth);
        if (e instanceof FieldAccessExpr f) return field(e, f.getScope().toString(), f.getNameAsString(), depth);
        return Optional.empty();
    }

    /**
     * The constant {@code name} of the type written {@code owner}, or (when null) of an enclosing class, its supertypes
     * or a static import, as javac finds it. An annotation's value must be a compile-time constant, so a field it names
     * is one wherever it was declared.
     */
    private Optional<String> field(Node use, String owner, String name, int depth) {
        for (Node n = use; n != null; n = n.getParentNode().orElse(null)) {
            if (!(n instanceof TypeDeclaration<?> type)) continue;
            if (owner != null && !owner.equals(type.getNameAsString()) && !owner.endsWith("." + type.getNameAsString())) {
                continue;
            }
            Optional<VariableDeclarator> declared = declared(type, name);
            if (declared.isPresent()) {
                return declared.get().getInitializer().flatMap(init -> constant(init, depth + 1));
            }
            Optional<String> inherited = declaredElsewhere(ProjectIndex.qualifiedName(type), name, depth);
            if (inherited.isPresent() || owner != null) return inherited;
        }
        if (owner != null) return declaredElsewhere(typeNames.resolve(owner, use), name, depth);
        return typeNames.staticImportOwner(name, use).flatMap(o -> declaredElsewhere(o, name, depth));
    }

    /** The field {@code name} of this very declaration, when it is a constant ({@code static final}, or in an interface). */
    private static Optional<VariableDeclarator> declared(TypeDeclaration<?> type, String name) {
        Optional<FieldDeclaration> field = type.getFieldByName(name);
        if (field.isEmpty()) return Optional.empty();
        boolean isInterface = type instanceof ClassOrInterfaceDeclaration c && c.isInterface();
        if (!isInterface && !(field.get().isStatic() && field.get().isFinal())) return Optional.empty();
        return field.get().getVariables().stream().filter(v -> v.getNameAsString().equals(name)).findFirst();
    }

    /** A constant of {@code typeName} or its supertypes, found through the index of the sources; its file is recorded. */
    private Optional<String> declaredElsewhere(String typeName, String name, int depth) {
        return typeNames.constant(typeName, name).flatMap(c -> {
            Optional<String> value = constant(c.initializer(), depth + 1);
            if (value.isPresent() && c.file() != null) constantFiles.add(c.file().path());
            return value;
        });
    }

    private void unresolved(AnnotationExpr a, String attribute, Expression value) {
        problems.add(new JpaModel.Problem(file(a), line(a), "@" + a.getName().getIdentifier() + "(" + attribute
                + " = " + value + ") is not a literal or a constant of the sources; the attribute is ignored"));
    }

    Path file(Node node) {
        return node.findCompilationUnit().map(files::get).orElse(null);
    }

    static int line(Node node) {
        return node.getBegin().map(p -> p.line).orElse(0);
    }

    /**
     * Evidence for a user: {@code Account.java:14 @Column(unique = true)}, showing only the attributes that
     * matter (all of them when none are named).
     */
    String source(AnnotationExpr a, String... attributes) {
        return where(a) + " " + render(a, attributes.length == 0 ? null : List.of(attributes));
    }

    /** Evidence naming the annotation alone: {@code Track.java:20 @ManyToOne}. */
    String bareSource(AnnotationExpr a) {
        return where(a) + " " + render(a, List.of());
    }

    private String where(AnnotationExpr a) {
        Path file = file(a);
        return (file == null || file.getFileName() == null ? "?" : file.getFileName().toString()) + ":" + line(a);
    }

    /** The annotation with the attributes named ({@code null}: all of them). */
    static String render(AnnotationExpr a, List<String> attributes) {
        StringBuilder s = new StringBuilder("@").append(a.getName().getIdentifier());
        List<String> pairs = new ArrayList<>();
        if (a instanceof SingleMemberAnnotationExpr single) {
            if (attributes == null || attributes.contains("value")) pairs.add(single.getMemberValue().toString());
        } else if (a instanceof NormalAnnotationExpr normal) {
            for (MemberValuePair p : normal.getPairs()) {
                if (attributes == null || attributes.contains(p.getNameAsString())) {
                    pairs.add(p.getNameAsString() + " = " + p.getValue());
                }
            }
        }
        if (!pairs.isEmpty()) s.append('(').append(String.join(", ", pairs)).append(')');
        return s.toString().replaceAll("\\s+", " ");
    }
}
