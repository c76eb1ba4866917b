package dev.sqllint.extract.fluent;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import dev.sqllint.extract.ProjectIndex;
import dev.sqllint.extract.TypeNames;
import dev.sqllint.extract.java.Declarations;
import dev.sqllint.extract.java.StringFolder;
import dev.sqllint.schema.Schema;
import dev.sqllint.sql.Origin;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What translating a fluent query API (jOOQ chains, JPA Criteria queries) needs from the project: its types
 * and constants, import resolution, string folding (jOOQ's plain-SQL entry points, Criteria attribute names),
 * the schema (for jOOQ's {@code onKey()}), where each Java node is, and the project's helper methods.
 */
public final class FluentContext {

    final ProjectIndex index;
    final TypeNames typeNames;
    final StringFolder folder;
    final Schema schema;
    final JooqRoots roots;
    /**
     * While translating a constant or helper of another file: the origin every piece gets, so that a finding
     * points at the use in the file being analysed rather than into a file the site does not belong to.
     */
    private Origin override;

    public FluentContext(ProjectIndex index, TypeNames typeNames, StringFolder folder, Schema schema) {
        this.index = index;
        this.typeNames = typeNames;
        this.folder = folder;
        this.schema = schema;
        this.roots = new JooqRoots(typeNames);
    }

    /** A context of its own for one evaluation: files are analysed in parallel, and the override is per evaluation. */
    FluentContext fresh() {
        return new FluentContext(index, typeNames, folder, schema);
    }

    Origin origin(Node n) {
        return override != null ? override : folder.origin(n);
    }

    /** The origin of a call's method name: {@code or} in {@code .or(...)}, where a finding about it points. */
    Origin nameOrigin(MethodCallExpr m) {
        return origin(m.getName());
    }

    /**
     * Sets every origin to the use's, unless already overridden; {@code null} lifts the override (code of the file
     * analysed, run from another file's helper). Returns the previous override, for {@link #restore}.
     */
    Origin overrideWith(Origin use) {
        Origin previous = override;
        if (override == null || use == null) override = use;
        return previous;
    }

    void restore(Origin previous) {
        override = previous;
    }

    /** Whether two nodes are in the same source file. */
    static boolean sameFile(Node a, Node b) {
        return a.findRootNode() == b.findRootNode();
    }

    /** A field named {@code name} of the types around {@code use}, or of their project supertypes. */
    Optional<VariableDeclarator> field(String name, Node use) {
        for (Node p = use.getParentNode().orElse(null); p != null; p = p.getParentNode().orElse(null)) {
            if (p instanceof TypeDeclaration<?> type) {
                Optional<VariableDeclarator> found = fieldIn(type, name, 0);
                if (found.isPresent()) return found;
            }
        }
        return Optional.empty();
    }

    private Optional<VariableDeclarator> fieldIn(TypeDeclaration<?> type, String name, int level) {
        for (FieldDeclaration f : type.getFields()) {
            for (VariableDeclarator v : f.getVariables()) if (v.getNameAsString().equals(name)) return Optional.of(v);
        }
        if (level > 4 || !(type instanceof ClassOrInterfaceDeclaration c)) return Optional.empty();
        for (ClassOrInterfaceType s : c.getExtendedTypes()) {
            Optional<TypeDeclaration<?>> parent = index.type(typeNames.resolve(s.getNameWithScope(), c));
            if (parent.isPresent()) {
                Optional<VariableDeclarator> found = fieldIn(parent.get(), name, level + 1);
                if (found.isPresent()) return found;
            }
        }
        return Optional.empty();
    }

    /** {@code Tables}, {@code Book}, {@code com.acme.db.Tables}, {@code Book_}: a type, not a variable. */
    boolean isTypeReference(Expression e) {
        if (e instanceof NameExpr n) {
            String name = n.getNameAsString();
            if (!JooqNames.isTypeName(name)) return false;
            Declarations.Resolved r = Declarations.resolve(name, n);
            if (r != null && r.kind() != Declarations.Resolved.Kind.FIELD_SCOPE) return false;
            return field(name, n).isEmpty();
        }
        if (e instanceof FieldAccessExpr f) {
            return JooqNames.isTypeName(f.getNameAsString()) && isPackageOrType(f.getScope());
        }
        return false;
    }

    private static boolean isPackageOrType(Expression e) {
        if (e instanceof NameExpr n) return Character.isLowerCase(n.getNameAsString().charAt(0)) || JooqNames.isTypeName(n.getNameAsString());
        return e instanceof FieldAccessExpr f && isPackageOrType(f.getScope());
    }

    /**
     * The project method a call invokes, by name and number of arguments: of {@code type} and the types
     * around it (a call without receiver), or of {@code type} only when it is another file's (a static helper).
     */
    static Optional<MethodDeclaration> helper(MethodCallExpr m, TypeDeclaration<?> type) {
        if (type == null) return Optional.empty();
        for (TypeDeclaration<?> t = type; t != null; t = enclosingType(t)) {
            for (MethodDeclaration d : t.getMethodsByName(m.getNameAsString())) {
                if (d.getParameters().size() == m.getArguments().size() && d.getBody().isPresent()) return Optional.of(d);
            }
            if (t == type && !sameFile(t, m)) break;
        }
        return Optional.empty();
    }

    /** What a helper returns: the expression of its last {@code return} (not one of a lambda inside it). */
    static Optional<Expression> lastReturn(MethodDeclaration d) {
        Expression last = null;
        for (ReturnStmt r : d.getBody().map(b -> b.findAll(ReturnStmt.class)).orElse(List.of())) {
            if (r.getExpression().isEmpty() || r.findAncestor(LambdaExpr.class).isPresent()) continue;
            if (r.findAncestor(MethodDeclaration.class).orElse(null) != d) continue;
            last = r.getExpression().get();
        }
        return Optional.ofNullable(last);
    }

    private static final Set<String> LIST_FACTORIES = Set.of("of", "asList", "singletonList", "copyOf", "ofNullable");
    private static final Set<String> COLLECTIONS = Set.of("List", "Set", "Arrays", "Collections", "Stream",
            "ImmutableList", "ImmutableSet");

    /** {@code List.of(a, b)}, {@code Arrays.asList(...)}: its arguments are the items of a collection. */
    static boolean isCollectionFactory(MethodCallExpr m, Expression scope) {
        return LIST_FACTORIES.contains(m.getNameAsString()) && COLLECTIONS.contains(scope.toString());
    }

    /** The type declaring {@code n} (for a type, the type around it), or null. */
    static TypeDeclaration<?> enclosingType(Node n) {
        return n.findAncestor(TypeDeclaration.class).map(t -> (TypeDeclaration<?>) t).orElse(null);
    }

    static boolean isFinal(VariableDeclarator v) {
        return v.getParentNode().filter(FieldDeclaration.class::isInstance)
                .map(p -> ((FieldDeclaration) p).isFinal() || isInterfaceField((FieldDeclaration) p)).orElse(false);
    }

    private static boolean isInterfaceField(FieldDeclaration f) {
        return f.getParentNode().filter(ClassOrInterfaceDeclaration.class::isInstance)
                .map(p -> ((ClassOrInterfaceDeclaration) p).isInterface()).orElse(false);
    }
}
