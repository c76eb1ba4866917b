package dev.sqllint.extract.fluent;

import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;

/**
 * What evaluating the Java expressions of a fluent query API (jOOQ's {@link JooqEvaluator}, the JPA Criteria
 * {@link CriteriaInterpreter}) has in common: a depth limit, parentheses and casts looked through, a ternary
 * read as its branch that builds query (the most SQL), and names, field accesses and calls handed to the API's
 * own reading.
 *
 * @param <V> what an expression stands for in the API
 */
abstract class FluentEvaluator<V> {

    private static final int MAX_DEPTH = 80;
    private int depth;

    final V eval(Expression e) {
        if (depth > MAX_DEPTH) return tooDeep(e);
        depth++;
        try {
            if (e instanceof EnclosedExpr en) return eval(en.getInner());
            if (e instanceof CastExpr c) return eval(c.getExpression());
            if (e instanceof NameExpr n) return name(n);
            if (e instanceof FieldAccessExpr f) return fieldAccess(f);
            if (e instanceof MethodCallExpr m) return call(m);
            if (e instanceof ConditionalExpr c) {
                V then = eval(c.getThenExpr());
                return isJavaValue(then) ? eval(c.getElseExpr()) : then;
            }
            return other(e);
        } finally {
            depth--;
        }
    }

    /** Past the depth limit: what cannot be read. */
    abstract V tooDeep(Expression e);

    abstract V name(NameExpr n);

    abstract V fieldAccess(FieldAccessExpr f);

    abstract V call(MethodCallExpr m);

    /** Literals, object and array creations, and the rest. */
    abstract V other(Expression e);

    /** A Java value or something unread, rather than a piece of the query. */
    abstract boolean isJavaValue(V v);
}
