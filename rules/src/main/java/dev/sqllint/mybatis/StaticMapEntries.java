package dev.sqllint.mybatis;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.InitializerDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.Statement;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The entries a class puts into its static {@code Map<String, String>} fields, read from its static initialisers
 * the way they run: statement by statement, in order, each {@code MAP.put(KEY, VALUE)} whose key and value are
 * text written in the class ({@code put(POSTGRES, "LIMIT #{maxResults}")}, a local {@code String} of the block, a
 * constant of the class, another map's entry {@code OTHER.get(POSTGRES)}, and {@code +} of those). Engines keep
 * their per-database SQL pieces so (one map per piece, keyed by database name). Whatever is not text written
 * there (a method's result, a loop) is left out: that entry is unknown.
 */
final class StaticMapEntries {

    /** Each map field by name: its keys in the order put, to their last value. */
    private final Map<String, Map<String, String>> maps = new HashMap<>();
    private final TypeDeclaration<?> type;

    private StaticMapEntries(TypeDeclaration<?> type) {
        this.type = type;
    }

    static StaticMapEntries of(TypeDeclaration<?> type) {
        StaticMapEntries entries = new StaticMapEntries(type);
        for (var member : type.getMembers()) {
            if (member instanceof InitializerDeclaration init && init.isStatic()) entries.run(init.getBody(), new HashMap<>());
        }
        return entries;
    }

    /** The entries of the static map field {@code field}, empty when the class puts none that are text. */
    Map<String, String> entries(String field) {
        return maps.getOrDefault(field, Map.of());
    }

    private void run(BlockStmt block, Map<String, String> locals) {
        for (Statement s : block.getStatements()) {
            if (s instanceof BlockStmt inner) run(inner, new HashMap<>(locals));
            if (!(s instanceof ExpressionStmt es)) continue;
            Expression e = es.getExpression();
            if (e instanceof VariableDeclarationExpr vars) {
                for (VariableDeclarator v : vars.getVariables()) {
                    locals.remove(v.getNameAsString());
                    v.getInitializer().flatMap(init -> text(init, locals)).ifPresent(t -> locals.put(v.getNameAsString(), t));
                }
            } else if (e instanceof AssignExpr assign && assign.getTarget() instanceof NameExpr name
                    && assign.getOperator() == AssignExpr.Operator.ASSIGN && locals.containsKey(name.getNameAsString())) {
                Optional<String> value = text(assign.getValue(), locals);
                if (value.isPresent()) locals.put(name.getNameAsString(), value.get());
                else locals.remove(name.getNameAsString());
            } else if (e instanceof MethodCallExpr call && call.getNameAsString().equals("put") && call.getArguments().size() == 2) {
                ownField(call.getScope().orElse(null)).ifPresent(field -> {
                    Optional<String> key = text(call.getArgument(0), locals);
                    Optional<String> value = text(call.getArgument(1), locals);
                    if (key.isEmpty()) return;
                    Map<String, String> map = maps.computeIfAbsent(field, f -> new LinkedHashMap<>());
                    if (value.isPresent()) map.put(key.get(), value.get());
                    else map.remove(key.get()); // put, but not as text we can read: unknown, not the earlier value
                });
            }
        }
    }

    /** The text an expression of the block evaluates to, when it is made of text written in the class. */
    private Optional<String> text(Expression e, Map<String, String> locals) {
        if (e instanceof StringLiteralExpr s) return Optional.of(s.asString());
        if (e instanceof TextBlockLiteralExpr t) return Optional.of(t.asString());
        if (e instanceof EnclosedExpr enclosed) return text(enclosed.getInner(), locals);
        if (e instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.PLUS) {
            Optional<String> left = text(b.getLeft(), locals);
            Optional<String> right = left.isEmpty() ? Optional.empty() : text(b.getRight(), locals);
            return right.map(r -> left.get() + r);
        }
        if (e instanceof NameExpr name) {
            String local = locals.get(name.getNameAsString());
            return local != null ? Optional.of(local) : constant(name.getNameAsString());
        }
        if (e instanceof FieldAccessExpr access && access.getScope() instanceof NameExpr owner
                && owner.getNameAsString().equals(type.getNameAsString())) {
            return constant(access.getNameAsString());
        }
        if (e instanceof MethodCallExpr call && call.getNameAsString().equals("get") && call.getArguments().size() == 1) {
            Optional<String> field = ownField(call.getScope().orElse(null));
            Optional<String> key = field.isEmpty() ? Optional.empty() : text(call.getArgument(0), locals);
            return key.map(k -> entries(field.get()).get(k));
        }
        return Optional.empty();
    }

    /** A {@code static final} text field of the class ({@code POSTGRES = "postgres"}). */
    private Optional<String> constant(String name) {
        for (FieldDeclaration field : type.getFields()) {
            if (!field.isStatic() || !field.isFinal()) continue;
            for (VariableDeclarator v : field.getVariables()) {
                if (!v.getNameAsString().equals(name)) continue;
                Optional<Expression> init = v.getInitializer();
                if (init.isPresent() && (init.get() instanceof StringLiteralExpr || init.get() instanceof TextBlockLiteralExpr)) {
                    return text(init.get(), Map.of());
                }
            }
        }
        return Optional.empty();
    }

    /** The static field of this class a map call's receiver names ({@code MAP}, {@code ThisClass.MAP}), if it is one. */
    private Optional<String> ownField(Node scope) {
        String name = null;
        if (scope instanceof NameExpr n) name = n.getNameAsString();
        if (scope instanceof FieldAccessExpr f && f.getScope() instanceof NameExpr owner
                && owner.getNameAsString().equals(type.getNameAsString())) {
            name = f.getNameAsString();
        }
        if (name == null) return Optional.empty();
        for (FieldDeclaration field : type.getFields()) {
            if (!field.isStatic()) continue;
            for (VariableDeclarator v : field.getVariables()) {
                if (v.getNameAsString().equals(name) && isMap(v.getTypeAsString())) return Optional.of(name);
            }
        }
        return Optional.empty();
    }

    /** {@code Map<String, String>}, {@code HashMap<...>}, {@code java.util.Map}: a map by its type's name. */
    private static boolean isMap(String type) {
        int lt = type.indexOf('<');
        return (lt < 0 ? type : type.substring(0, lt)).endsWith("Map");
    }
}
