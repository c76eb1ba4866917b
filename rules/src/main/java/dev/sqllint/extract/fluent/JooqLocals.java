package dev.sqllint.extract.fluent;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import dev.sqllint.extract.java.Declarations;

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
    private final class Walk extends StatementWalk<JooqValue> {
        private final VariableDeclarator local;
        private final String name;

        Walk(VariableDeclarator local, Node use) {
            super(use);
            this.local = local;
            this.name = local.getNameAsString();
        }

        @Override
        protected JooqValue apply(Expression e, JooqValue state) {
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
