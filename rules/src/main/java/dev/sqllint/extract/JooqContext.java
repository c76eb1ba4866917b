package dev.sqllint.extract;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import dev.sqllint.schema.Schema;
import dev.sqllint.sql.Origin;
import java.util.Optional;

/**
 * What translating jOOQ chains needs from the project: its types and constants, import resolution, string
 * folding for jOOQ's plain-SQL entry points, the schema (for {@code onKey()}), and where each Java node is.
 */
final class JooqContext {

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

    JooqContext(ProjectIndex index, TypeNames typeNames, StringFolder folder, Schema schema) {
        this.index = index;
        this.typeNames = typeNames;
        this.folder = folder;
        this.schema = schema;
        this.roots = new JooqRoots(typeNames);
    }

    /** A context of its own for one evaluation: files are analysed in parallel, and the override is per evaluation. */
    JooqContext fresh() {
        return new JooqContext(index, typeNames, folder, schema);
    }

    Origin origin(Node n) {
        return override != null ? override : folder.origin(n);
    }

    /** The origin of a call's method name: {@code or} in {@code .or(...)}, where a finding about it points. */
    Origin nameOrigin(MethodCallExpr m) {
        return origin(m.getName());
    }

    /** Runs {@code body} with every origin set to the use's, unless already overridden; returns the previous override. */
    Origin overrideWith(Origin use) {
        Origin previous = override;
        if (override == null) override = use;
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

    static boolean isFinal(VariableDeclarator v) {
        return v.getParentNode().filter(FieldDeclaration.class::isInstance)
                .map(p -> ((FieldDeclaration) p).isFinal() || isInterfaceField((FieldDeclaration) p)).orElse(false);
    }

    private static boolean isInterfaceField(FieldDeclaration f) {
        return f.getParentNode().filter(ClassOrInterfaceDeclaration.class::isInstance)
                .map(p -> ((ClassOrInterfaceDeclaration) p).isInterface()).orElse(false);
    }
}
