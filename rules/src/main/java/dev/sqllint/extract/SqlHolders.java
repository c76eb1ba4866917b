package dev.sqllint.extract;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.stmt.ReturnStmt;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A project value object that carries a statement to where it runs: a per-database mapper returns
 * {@code new MapperResult(sql, params)}, and a service calls {@code jdbc.query(result.getSql(), ...)} in another
 * class. The statement is read where the object is made, as for a constructor sink: a project class (or record)
 * whose constructor keeps a text parameter named for SQL ({@code sql}, {@code countSql}, {@code query},
 * {@code hql}) in a field that a getter hands out. The name alone does not make a site: the argument must also
 * read as a statement (the caller checks), so {@code new SearchRequest(query)} with a user's search words is not one.
 */
final class SqlHolders {

    private static final Pattern SQL_NAME = Pattern.compile("(?i).*(sql|query|hql|jpql)");

    /** Names of variables and constants that hold statements. */
    private static final Pattern NAMED = Pattern.compile("(?i).*(sql|query|hql|jpql|select|insert|update|delete).*");

    private static final Pattern STARTS = Pattern.compile("(?is)\\s*\\(*\\s*(select|with|insert|update|delete|merge)\\b");

    private final ProjectIndex index;

    SqlHolders(ProjectIndex index) {
        this.index = index;
    }

    /**
     * Whether one of the arguments may be a statement, judged from the call alone: a name that speaks of SQL
     * ({@code sql}, {@code countQuery}), a constant, or a literal that starts like one. Checked before the constructed type is
     * looked up, so constructing the project's other value objects loads no file.
     */
    static boolean mayPassStatement(List<Expression> arguments) {
        for (Expression a : arguments) {
            Expression e = a;
            while (e instanceof BinaryExpr b) e = b.getLeft();
            if (e instanceof NameExpr n && (NAMED.matcher(n.getNameAsString()).matches() || constant(n.getNameAsString()))) {
                return true;
            }
            if (e instanceof FieldAccessExpr f && NAMED.matcher(f.getNameAsString()).matches()) return true;
            if (e instanceof StringLiteralExpr l && STARTS.matcher(l.getValue()).lookingAt()) return true;
            if (e instanceof TextBlockLiteralExpr t && STARTS.matcher(t.getValue()).lookingAt()) return true;
        }
        return false;
    }

    /** {@code OPEN_ORDERS}: a constant's name, whatever it says. */
    private static boolean constant(String name) {
        return name.length() > 1 && name.equals(name.toUpperCase(java.util.Locale.ROOT)) && Character.isLetter(name.charAt(0));
    }

    /** The position of the statement among {@code arguments} arguments of {@code type}'s constructor, if it holds one. */
    Optional<Integer> statementArgument(String type, int arguments) {
        Optional<TypeDeclaration<?>> declared = index.type(type);
        if (declared.isEmpty()) return Optional.empty();
        TypeDeclaration<?> t = declared.get();
        if (t instanceof RecordDeclaration record) {
            // a record's components are its fields, each with its accessor
            return record.getParameters().size() == arguments ? sqlText(record.getParameters()) : Optional.empty();
        }
        if (!(t instanceof ClassOrInterfaceDeclaration c) || c.isInterface()) return Optional.empty();
        for (ConstructorDeclaration constructor : c.getConstructors()) {
            if (constructor.getParameters().size() != arguments) continue;
            Optional<Integer> at = sqlText(constructor.getParameters())
                    .filter(i -> keptAndHandedOut(c, constructor, constructor.getParameter(i).getNameAsString()));
            if (at.isPresent()) return at;
        }
        return Optional.empty();
    }

    private static Optional<Integer> sqlText(List<Parameter> parameters) {
        Integer found = null;
        for (int i = 0; i < parameters.size(); i++) {
            Parameter p = parameters.get(i);
            if (!p.getType().asString().equals("String") || !SQL_NAME.matcher(p.getNameAsString()).matches()) continue;
            if (found != null) return Optional.empty(); // two candidates: which one runs is not ours to guess
            found = i;
        }
        return Optional.ofNullable(found);
    }

    /** The constructor stores the parameter in a field of the class, and a method without parameters returns it. */
    private static boolean keptAndHandedOut(ClassOrInterfaceDeclaration c, ConstructorDeclaration constructor,
                                            String parameter) {
        for (AssignExpr assign : constructor.getBody().findAll(AssignExpr.class)) {
            if (assign.getOperator() != AssignExpr.Operator.ASSIGN) continue;
            if (!(assign.getValue() instanceof NameExpr value) || !value.getNameAsString().equals(parameter)) continue;
            String field = fieldName(assign.getTarget());
            if (field != null && declaresField(c, field) && returnsField(c, field)) return true;
        }
        return false;
    }

    private static String fieldName(Expression target) {
        if (target instanceof FieldAccessExpr f && f.getScope() instanceof ThisExpr) return f.getNameAsString();
        if (target instanceof NameExpr n) return n.getNameAsString();
        return null;
    }

    private static boolean declaresField(ClassOrInterfaceDeclaration c, String name) {
        for (FieldDeclaration f : c.getFields()) {
            if (!f.isStatic() && f.getVariables().stream().anyMatch(v -> v.getNameAsString().equals(name))) return true;
        }
        return false;
    }

    private static boolean returnsField(ClassOrInterfaceDeclaration c, String field) {
        for (MethodDeclaration m : c.getMethods()) {
            if (!m.getParameters().isEmpty() || m.isStatic() || m.getBody().isEmpty()) continue;
            for (ReturnStmt r : m.getBody().get().findAll(ReturnStmt.class)) {
                if (r.getExpression().map(e -> fieldName(e)).filter(field::equals).isPresent() && ownedBy(r, m)) return true;
            }
        }
        return false;
    }

    /** A return of the method itself, not of a lambda or local class inside it. */
    private static boolean ownedBy(ReturnStmt r, MethodDeclaration m) {
        for (Node p = r.getParentNode().orElse(null); p != null; p = p.getParentNode().orElse(null)) {
            if (p == m) return true;
            if (p instanceof com.github.javaparser.ast.expr.LambdaExpr || p instanceof TypeDeclaration<?>) return false;
        }
        return false;
    }
}
