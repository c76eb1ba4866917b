package dev.sqllint.extract.java;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.SwitchEntry;
import com.github.javaparser.ast.stmt.TryStmt;
import com.github.javaparser.ast.type.Type;

/**
 * Finds what a simple name refers to at a point in a method body, by Java's scoping rules: a local
 * variable declared earlier in an enclosing block, a parameter, or (when neither) a field of an enclosing
 * type. No symbol solver: declared types are read as written.
 */
public final class Declarations {

    /** What a name resolved to. Exactly one of the kinds is set; {@code type} is its declared type or null. */
    public record Resolved(Kind kind, String type, VariableDeclarator local, NodeList<Statement> block, int index,
                    TypeDeclaration<?> owner) {
        public enum Kind { LOCAL, PARAMETER, FIELD_SCOPE }
    }

    private Declarations() {
    }

    public static Resolved resolve(String name, Node use) {
        Node child = use;
        for (Node n = use.getParentNode().orElse(null); n != null; child = n, n = n.getParentNode().orElse(null)) {
            if (n instanceof BlockStmt block) {
                Resolved r = inStatements(name, block.getStatements(), child);
                if (r != null) return r;
            } else if (n instanceof SwitchEntry entry) {
                Resolved r = inStatements(name, entry.getStatements(), child);
                if (r != null) return r;
            } else if (n instanceof ForStmt loop) {
                for (Expression init : loop.getInitialization()) {
                    if (init instanceof VariableDeclarationExpr v) {
                        for (VariableDeclarator d : v.getVariables()) {
                            if (d.getNameAsString().equals(name)) return param(d.getType());
                        }
                    }
                }
            } else if (n instanceof ForEachStmt each) {
                for (VariableDeclarator d : each.getVariable().getVariables()) {
                    if (d.getNameAsString().equals(name)) return param(d.getType());
                }
            } else if (n instanceof TryStmt tryStmt) {
                for (Expression res : tryStmt.getResources()) {
                    if (res instanceof VariableDeclarationExpr v) {
                        for (VariableDeclarator d : v.getVariables()) {
                            if (d.getNameAsString().equals(name)) return param(declaredType(d));
                        }
                    }
                }
            } else if (n instanceof CatchClause c && c.getParameter().getNameAsString().equals(name)) {
                return param(c.getParameter().getType());
            } else if (n instanceof LambdaExpr lambda) {
                for (Parameter p : lambda.getParameters()) {
                    if (p.getNameAsString().equals(name)) return param(p.getType());
                }
            } else if (n instanceof CallableDeclaration<?> callable) {
                for (Parameter p : callable.getParameters()) {
                    if (p.getNameAsString().equals(name)) return param(p.getType());
                }
            } else if (n instanceof TypeDeclaration<?> type) {
                return new Resolved(Resolved.Kind.FIELD_SCOPE, null, null, null, -1, type);
            }
        }
        return null;
    }

    private static Resolved inStatements(String name, NodeList<Statement> statements, Node child) {
        int limit = statements.indexOf(child);
        if (limit < 0) limit = statements.size();
        for (int i = limit - 1; i >= 0; i--) {
            if (statements.get(i) instanceof ExpressionStmt es && es.getExpression() instanceof VariableDeclarationExpr v) {
                for (VariableDeclarator d : v.getVariables()) {
                    if (d.getNameAsString().equals(name)) {
                        return new Resolved(Resolved.Kind.LOCAL, declaredType(d), d, statements, i, null);
                    }
                }
            }
        }
        return null;
    }

    private static Resolved param(Type type) {
        return param(type == null ? null : type.asString());
    }

    private static Resolved param(String type) {
        return new Resolved(Resolved.Kind.PARAMETER, type, null, null, -1, null);
    }

    /** The declared type of field {@code name} in the types enclosing {@code use}, innermost first. */
    public static java.util.Optional<String> fieldType(String name, Node use) {
        for (Node p = use.getParentNode().orElse(null); p != null; p = p.getParentNode().orElse(null)) {
            if (p instanceof TypeDeclaration<?> type) {
                for (var field : type.getFields()) {
                    for (VariableDeclarator v : field.getVariables()) {
                        if (v.getNameAsString().equals(name)) return java.util.Optional.of(declaredType(v));
                    }
                }
            }
        }
        return java.util.Optional.empty();
    }

    /** The declared type of a receiver ({@code jdbc}, {@code this.jdbc}), as written, when it can be read. */
    public static java.util.Optional<String> receiverType(Expression scope) {
        if (scope instanceof NameExpr n) {
            Resolved r = resolve(n.getNameAsString(), n);
            if (r == null) return java.util.Optional.empty();
            // a lambda parameter without a type (con -> con.prepareStatement(sql)) is a receiver of unread type
            if (r.kind() != Resolved.Kind.FIELD_SCOPE) return java.util.Optional.ofNullable(r.type()).filter(t -> !t.isBlank());
            return fieldType(n.getNameAsString(), n);
        }
        if (scope instanceof FieldAccessExpr f && f.getScope() instanceof ThisExpr) return fieldType(f.getNameAsString(), f);
        return java.util.Optional.empty();
    }

    /** The declared type, or for {@code var x = new T(...)} the created type. */
    static String declaredType(VariableDeclarator d) {
        if (d.getType().isVarType()) {
            return d.getInitializer()
                    .filter(ObjectCreationExpr.class::isInstance)
                    .map(i -> ((ObjectCreationExpr) i).getType().getNameWithScope())
                    .orElse(null);
        }
        return d.getType().asString();
    }
}
