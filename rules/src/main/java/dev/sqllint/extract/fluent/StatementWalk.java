package dev.sqllint.extract.fluent;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.LabeledStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.SwitchEntry;
import com.github.javaparser.ast.stmt.SwitchStmt;
import com.github.javaparser.ast.stmt.SynchronizedStmt;
import com.github.javaparser.ast.stmt.TryStmt;
import com.github.javaparser.ast.stmt.WhileStmt;
import dev.sqllint.extract.java.StatementPaths;
import java.util.List;
import java.util.Optional;

/**
 * Walks statements in order up to one use, threading a state through what each expression statement does:
 * the string folder's locals ({@link dev.sqllint.extract.java.LocalFlow}), jOOQ's locals ({@link JooqLocals})
 * and the JPA Criteria interpreter ({@link CriteriaInterpreter}) differ only in their state and in how an
 * {@code if} or a {@code switch} combines its branches. A loop body counts once; at the statement holding the use only the
 * path to it is followed ({@link StatementPaths}), then the walk stops.
 *
 * @param <S> what is tracked: the variants of a string, a jOOQ value, a count of effects
 */
abstract class StatementWalk<S> {

    private final Node use;
    private boolean reached;

    /** {@code use}: where the walk stops; a node outside the statements walked lets it run to their end. */
    StatementWalk(Node use) {
        this.use = use;
    }

    /** What an expression statement does to the state. */
    protected abstract S apply(Expression e, S state);

    /** An {@code if}: by default its branch, or its {@code else} when the branch changes nothing. */
    protected S ifElse(IfStmt s, S state) {
        S then = step(s.getThenStmt(), state);
        if (s.getElseStmt().isEmpty() || then != state) return then;
        return step(s.getElseStmt().get(), state);
    }

    /** A {@code switch}: by default every entry in turn. */
    protected S switchStatement(SwitchStmt sw, S state) {
        for (SwitchEntry entry : sw.getEntries()) state = run(entry.getStatements(), 0, state);
        return state;
    }

    final S run(List<Statement> statements, int from, S state) {
        for (int i = from; i < statements.size() && !reached; i++) state = step(statements.get(i), state);
        return state;
    }

    /** Whether the walk got to the use (and stopped there). */
    final boolean reached() {
        return reached;
    }

    final S step(Statement s, S state) {
        if (use != null && StatementPaths.contains(s, use)) return enter(s, state);
        if (s instanceof ExpressionStmt es) return apply(es.getExpression(), state);
        if (s instanceof BlockStmt b) return run(b.getStatements(), 0, state);
        if (s instanceof IfStmt ifs) return ifElse(ifs, state);
        if (s instanceof ForStmt f) return step(f.getBody(), state);
        if (s instanceof ForEachStmt f) return step(f.getBody(), state);
        if (s instanceof WhileStmt w) return step(w.getBody(), state);
        if (s instanceof DoStmt d) return step(d.getBody(), state);
        if (s instanceof LabeledStmt l) return step(l.getStatement(), state);
        if (s instanceof SynchronizedStmt sy) return step(sy.getBody(), state);
        if (s instanceof TryStmt t) {
            S after = step(t.getTryBlock(), state);
            return t.getFinallyBlock().isPresent() ? step(t.getFinallyBlock().get(), after) : after;
        }
        if (s instanceof SwitchStmt sw) return switchStatement(sw, state);
        return otherStatement(s, state);
    }

    /** A {@code return}, a {@code throw}, a local class, ...: by default nothing. */
    protected S otherStatement(Statement s, S state) {
        return state;
    }

    /** The statement holds the use: follow only the path that leads to it, then stop. */
    private S enter(Statement s, S state) {
        if (s instanceof BlockStmt b) return run(b.getStatements(), 0, state);
        Optional<Statement> branch = StatementPaths.branchHolding(s, use);
        if (branch.isPresent()) return enter(branch.get(), state);
        if (s instanceof TryStmt t) {
            S after = step(t.getTryBlock(), state);
            if (t.getFinallyBlock().isPresent() && StatementPaths.contains(t.getFinallyBlock().get(), use)) {
                return enter(t.getFinallyBlock().get(), after);
            }
            for (CatchClause c : t.getCatchClauses()) if (StatementPaths.contains(c.getBody(), use)) return enter(c.getBody(), after);
        } else if (s instanceof SwitchStmt sw) {
            for (SwitchEntry entry : sw.getEntries()) {
                for (int i = 0; i < entry.getStatements().size(); i++) {
                    if (StatementPaths.contains(entry.getStatement(i), use)) {
                        S before = run(entry.getStatements().subList(0, i), 0, state);
                        return enter(entry.getStatement(i), before);
                    }
                }
            }
        }
        reached = true;
        return state;
    }
}
