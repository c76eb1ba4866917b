package dev.sqllint.extract;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
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
import java.util.List;
import java.util.Optional;

/**
 * The value a local holds where a chain uses it: its initializer, then what the statements between the
 * declaration and the use do to it. jOOQ's dynamic SQL re-assigns a condition ({@code c = c.and(...)}) or
 * adds to a list ({@code conditions.add(...)}) under {@code if}s; sqllint reads the variant with every
 * branch taken (the most SQL, where the shapes show), and of an {@code if}/{@code else} that both write the
 * local, the {@code if} branch. A loop body counts once.
 */
final class JooqLocals {

    private final JooqEvaluator ev;

    JooqLocals(JooqEvaluator ev) {
        this.ev = ev;
    }

    JooqValue valueAt(Declarations.Resolved local, NameExpr use) {
        VariableDeclarator d = local.local();
        JooqValue initial = d.getInitializer().map(ev::eval).orElseGet(() -> new JooqValue.Unknown(ev.cx.origin(d)));
        return new Walk(d, use).run(local.block(), local.index() + 1, initial);
    }

    /** One walk from the declaration to the use. */
    private final class Walk {
        private final VariableDeclarator local;
        private final String name;
        private final Node use;
        private boolean reached;

        Walk(VariableDeclarator local, Node use) {
            this.local = local;
            this.name = local.getNameAsString();
            this.use = use;
        }

        JooqValue run(List<Statement> statements, int from, JooqValue state) {
            for (int i = from; i < statements.size() && !reached; i++) state = step(statements.get(i), state);
            return state;
        }

        private JooqValue step(Statement s, JooqValue state) {
            if (StatementPaths.contains(s, use)) return enter(s, state);
            if (s instanceof ExpressionStmt es) return apply(es.getExpression(), state);
            if (s instanceof BlockStmt b) return run(b.getStatements(), 0, state);
            if (s instanceof IfStmt ifs) {
                JooqValue then = step(ifs.getThenStmt(), state);
                if (ifs.getElseStmt().isEmpty() || then != state) return then;
                return step(ifs.getElseStmt().get(), state);
            }
            if (s instanceof ForStmt f) return step(f.getBody(), state);
            if (s instanceof ForEachStmt f) return step(f.getBody(), state);
            if (s instanceof WhileStmt w) return step(w.getBody(), state);
            if (s instanceof DoStmt d) return step(d.getBody(), state);
            if (s instanceof LabeledStmt l) return step(l.getStatement(), state);
            if (s instanceof SynchronizedStmt sy) return step(sy.getBody(), state);
            if (s instanceof TryStmt t) {
                state = step(t.getTryBlock(), state);
                return t.getFinallyBlock().isPresent() ? step(t.getFinallyBlock().get(), state) : state;
            }
            if (s instanceof SwitchStmt sw) {
                for (SwitchEntry entry : sw.getEntries()) state = run(entry.getStatements(), 0, state);
            }
            return state;
        }

        /** The statement holds the use: follow the path to it, then stop. */
        private JooqValue enter(Statement s, JooqValue state) {
            if (s instanceof BlockStmt b) return run(b.getStatements(), 0, state);
            Optional<Statement> branch = StatementPaths.branchHolding(s, use);
            if (branch.isPresent()) return enter(branch.get(), state);
            reached = true;
            return state;
        }

        private JooqValue apply(Expression e, JooqValue state) {
            if (e instanceof AssignExpr a && a.getOperator() == AssignExpr.Operator.ASSIGN
                    && a.getTarget() instanceof NameExpr t && t.getNameAsString().equals(name)) {
                ev.bind(local, state);
                try {
                    return ev.eval(a.getValue());
                } finally {
                    ev.bind(local, null);
                }
            }
            if (e instanceof MethodCallExpr m && m.getScope().filter(s -> s instanceof NameExpr n && n.getNameAsString().equals(name)).isPresent()
                    && state instanceof JooqValue.ListOf list) {
                if (m.getNameAsString().equals("add") && m.getArguments().size() == 1) return list.with(ev.eval(m.getArgument(0)));
                if (m.getNameAsString().equals("addAll") && m.getArguments().size() == 1) {
                    JooqValue added = ev.eval(m.getArgument(0));
                    if (added instanceof JooqValue.ListOf more) {
                        for (JooqValue v : more.items()) list = list.with(v);
                        return list;
                    }
                    return list.with(added);
                }
            }
            return state;
        }
    }

}
