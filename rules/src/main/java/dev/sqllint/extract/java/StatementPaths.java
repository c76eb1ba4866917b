package dev.sqllint.extract.java;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.LabeledStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.SynchronizedStmt;
import com.github.javaparser.ast.stmt.TryStmt;
import com.github.javaparser.ast.stmt.WhileStmt;
import java.util.Optional;

/**
 * The walkers that follow a local's value up to one use ({@link LocalFlow} for strings,
 * {@link dev.sqllint.extract.fluent.JooqLocals} for jOOQ values) both descend, at the statement holding the
 * use, into the one nested statement on the way to it.
 */
public final class StatementPaths {

    private StatementPaths() {
    }

    /**
     * The statement directly inside {@code s} that leads to {@code use}: the if branch, the loop body, the try
     * block holding it; a label's or a synchronized block's body as such. Empty when the use is elsewhere in
     * {@code s} (its condition, a catch or finally block, a switch).
     */
    public static Optional<Statement> branchHolding(Statement s, Node use) {
        if (s instanceof IfStmt ifs) {
            if (contains(ifs.getThenStmt(), use)) return Optional.of(ifs.getThenStmt());
            return ifs.getElseStmt().filter(e -> contains(e, use));
        }
        if (s instanceof ForStmt f) return holding(f.getBody(), use);
        if (s instanceof ForEachStmt f) return holding(f.getBody(), use);
        if (s instanceof WhileStmt w) return holding(w.getBody(), use);
        if (s instanceof DoStmt d) return holding(d.getBody(), use);
        if (s instanceof LabeledStmt l) return Optional.of(l.getStatement());
        if (s instanceof SynchronizedStmt sy) return Optional.of(sy.getBody());
        if (s instanceof TryStmt t) return holding(t.getTryBlock(), use);
        return Optional.empty();
    }

    private static Optional<Statement> holding(Statement inner, Node use) {
        return contains(inner, use) ? Optional.of(inner) : Optional.empty();
    }

    public static boolean contains(Node outer, Node inner) {
        for (Node n = inner; n != null; n = n.getParentNode().orElse(null)) if (n == outer) return true;
        return false;
    }
}
