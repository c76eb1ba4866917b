package dev.sqllint.extract.java;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import dev.sqllint.extract.FileDependencies;
import dev.sqllint.sql.SqlText;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A {@code final} field without an initializer takes its value in the constructors: the row-mapper idiom
 * <pre>
 * private final String schemaSql;
 * LoanMapper() {
 *     StringBuilder sb = new StringBuilder();
 *     sb.append("l.id as id, ... from m_loan l ");
 *     this.schemaSql = sb.toString();
 * }
 * public String schema() { return this.schemaSql; }
 * </pre>
 * Its variants are those of every constructor's assignment, folded where the assignment is (so the
 * builder's appends before it count). Without this the whole select list and FROM clause became one
 * placeholder, and {@code "select " + mapper.schema() + " where ..."} did not parse.
 */
final class ConstructorFields {

    private final StringFolder folder;
    // by position, not by node: the memo must not keep syntax trees alive
    private final FileDependencies.Memo<NodeKey, List<SqlText>> cache = FileDependencies.Memo.concurrent();
    // per thread, not in the shared cache: another file's thread must never see a half-folded field
    private final ThreadLocal<Set<VariableDeclarator>> folding =
            ThreadLocal.withInitial(() -> Collections.newSetFromMap(new IdentityHashMap<>()));

    ConstructorFields(StringFolder folder) {
        this.folder = folder;
    }

    void dropMemo() {
        cache.clear();
    }

    /** The variants of field {@code name} of the innermost enclosing type that declares it, if it is such a field. */
    Optional<List<SqlText>> fold(String name, Node use, int depth) {
        for (Node p = use.getParentNode().orElse(null); p != null; p = p.getParentNode().orElse(null)) {
            if (!(p instanceof TypeDeclaration<?> type)) continue;
            for (FieldDeclaration field : type.getFields()) {
                if (field.isStatic()) continue;
                for (VariableDeclarator v : field.getVariables()) {
                    if (!v.getNameAsString().equals(name)) continue;
                    if (!field.isFinal() || v.getInitializer().isPresent()) return Optional.empty();
                    return Optional.of(assigned(type, v, depth)).filter(l -> !l.isEmpty());
                }
            }
            return Optional.empty(); // the innermost type: an outer field of that name is shadowed or out of reach
        }
        return Optional.empty();
    }

    private List<SqlText> assigned(TypeDeclaration<?> type, VariableDeclarator field, int depth) {
        NodeKey key = NodeKey.of(field);
        List<SqlText> cached = key == null ? null : cache.get(key);
        if (cached != null) return cached;
        if (!folding.get().add(field)) return List.of(); // a field assigned from itself folds to nothing, not forever
        try {
            return key == null ? fold(type, field, depth) : cache.compute(key, () -> fold(type, field, depth));
        } finally {
            folding.get().remove(field);
        }
    }

    private List<SqlText> fold(TypeDeclaration<?> type, VariableDeclarator field, int depth) {
        List<SqlText> out = new ArrayList<>();
        String name = field.getNameAsString();
        for (ConstructorDeclaration c : type.getConstructors()) {
            boolean shadowed = c.getParameters().stream().anyMatch(p -> p.getNameAsString().equals(name));
            for (AssignExpr a : c.findAll(AssignExpr.class)) {
                if (a.getOperator() != AssignExpr.Operator.ASSIGN || !targets(a.getTarget(), name, shadowed)) continue;
                if (a.findAncestor(ConstructorDeclaration.class).orElse(null) != c) continue; // a lambda or local class
                out = Variants.union(out, folder.fold(a.getValue(), depth + 1));
            }
        }
        String label = type.getNameAsString() + "." + name;
        return out.stream().map(t -> t.throughConstant(label)).toList();
    }

    private static boolean targets(Expression target, String name, boolean shadowed) {
        if (target instanceof FieldAccessExpr f) return f.getScope() instanceof ThisExpr && f.getNameAsString().equals(name);
        return !shadowed && target instanceof NameExpr n && n.getNameAsString().equals(name);
    }
}
