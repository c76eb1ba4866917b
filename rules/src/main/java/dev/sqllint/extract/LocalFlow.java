package dev.sqllint.extract;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
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
import dev.sqllint.sql.SqlText;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Optional;

/**
 * The values a local String or StringBuilder can hold at one use, found by walking the statements between
 * its declaration and the use: {@code append} chains, {@code +=} and {@code x = x + ...} add text; an
 * {@code if} yields the variants with and without its branch; a loop body counts as one pass (one item).
 */
final class LocalFlow {


    private final StringFolder folder;
    private final Declarations.Resolved decl;
    private final Node use;
    private final int depth;
    private final String name;
    private boolean reached;

    LocalFlow(StringFolder folder, Declarations.Resolved decl, Node use, int depth) {
        this.folder = folder;
        this.decl = decl;
        this.use = use;
        this.depth = depth;
        this.name = decl.local().getNameAsString();
    }

    List<SqlText> variants() {
        List<SqlText> state = initial();
        NodeList<Statement> block = decl.block();
        return run(block, decl.index() + 1, state);
    }

    private List<SqlText> initial() {
        Expression init = decl.local().getInitializer().orElse(null);
        if (init == null) return List.of(SqlText.empty());
        return folder.fold(init, depth);
    }



    private List<SqlText> run(List<Statement> statements, int from, List<SqlText> state) {
        for (int i = from; i < statements.size() && !reached; i++) {
            state = step(statements.get(i), state);
        }
        return state;
    }

    private List<SqlText> step(Statement s, List<SqlText> state) {
        if (StatementPaths.contains(s, use)) return enter(s, state);
        if (s instanceof ExpressionStmt es) return apply(es.getExpression(), state);
        if (s instanceof BlockStmt b) return run(b.getStatements(), 0, state);
        if (s instanceof IfStmt ifs) {
            List<SqlText> then = step(ifs.getThenStmt(), state);
            List<SqlText> otherwise = ifs.getElseStmt().map(e -> step(e, state)).orElse(state);
            return Variants.union(then, otherwise);
        }
        if (s instanceof ForStmt f) return step(f.getBody(), state);
        if (s instanceof ForEachStmt f) return step(f.getBody(), state);
        if (s instanceof WhileStmt w) return step(w.getBody(), state);
        if (s instanceof DoStmt d) return step(d.getBody(), state);
        if (s instanceof LabeledStmt l) return step(l.getStatement(), state);
        if (s instanceof SynchronizedStmt sy) return step(sy.getBody(), state);
        if (s instanceof TryStmt t) {
            List<SqlText> after = step(t.getTryBlock(), state);
            return t.getFinallyBlock().map(f -> step(f, after)).orElse(after);
        }
        if (s instanceof SwitchStmt sw) {
            List<SqlText> out = new ArrayList<>();
            boolean hasDefault = false;
            for (SwitchEntry entry : sw.getEntries()) {
                hasDefault |= entry.getLabels().isEmpty();
                out = Variants.union(out, run(entry.getStatements(), 0, state));
            }
            return hasDefault ? out : Variants.union(out, state);
        }
        return state;
    }

    /** The statement holds the use: follow only the path that leads to it, then stop. */
    private List<SqlText> enter(Statement s, List<SqlText> state) {
        if (s instanceof BlockStmt b) return run(b.getStatements(), 0, state);
        Optional<Statement> branch = StatementPaths.branchHolding(s, use);
        if (branch.isPresent()) return enter(branch.get(), state);
        if (s instanceof TryStmt t) {
            List<SqlText> after = step(t.getTryBlock(), state);
            if (t.getFinallyBlock().isPresent() && StatementPaths.contains(t.getFinallyBlock().get(), use)) {
                return enter(t.getFinallyBlock().get(), after);
            }
            for (var c : t.getCatchClauses()) if (StatementPaths.contains(c.getBody(), use)) return enter(c.getBody(), after);
        } else if (s instanceof SwitchStmt sw) {
            for (SwitchEntry entry : sw.getEntries()) {
                for (int i = 0; i < entry.getStatements().size(); i++) {
                    if (StatementPaths.contains(entry.getStatement(i), use)) {
                        List<SqlText> before = run(entry.getStatements().subList(0, i), 0, state);
                        return enter(entry.getStatement(i), before);
                    }
                }
            }
        }
        reached = true;
        return state;
    }

    private List<SqlText> apply(Expression e, List<SqlText> state) {
        if (e instanceof MethodCallExpr call && rootedAtVariable(call)) return applyBuilderCalls(call, state);
        if (e instanceof AssignExpr a && a.getTarget() instanceof NameExpr t && t.getNameAsString().equals(name)) {
            if (a.getOperator() == AssignExpr.Operator.PLUS) return Variants.concat(state, folder.fold(a.getValue(), depth));
            if (a.getOperator() == AssignExpr.Operator.ASSIGN) {
                List<Expression> operands = new ArrayList<>();
                flattenPlus(a.getValue(), operands);
                if (operands.size() < 2 || !isSelf(operands.get(0))) return folder.fold(a.getValue(), depth);
                // x = x + a + b: append a and b, folded one by one (no new AST nodes: the tree stays as parsed)
                for (Expression operand : operands.subList(1, operands.size())) {
                    state = Variants.concat(state, folder.fold(operand, depth));
                }
                return state;
            }
        }
        return state;
    }

    private boolean isSelf(Expression e) {
        return e instanceof NameExpr n && n.getNameAsString().equals(name);
    }

    private static void flattenPlus(Expression e, List<Expression> out) {
        if (e instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.PLUS) {
            flattenPlus(b.getLeft(), out);
            flattenPlus(b.getRight(), out);
        } else {
            out.add(e);
        }
    }

    private boolean rootedAtVariable(MethodCallExpr call) {
        Expression scope = call;
        while (scope instanceof MethodCallExpr m && m.getScope().isPresent()) scope = m.getScope().get();
        return scope instanceof NameExpr n && n.getNameAsString().equals(name);
    }

    private List<SqlText> applyBuilderCalls(MethodCallExpr outer, List<SqlText> state) {
        List<MethodCallExpr> chain = new ArrayList<>();
        for (Expression e = outer; e instanceof MethodCallExpr m; e = m.getScope().orElse(null)) chain.add(0, m);
        for (MethodCallExpr m : chain) {
            String method = m.getNameAsString();
            Optional<List<SqlText>> trimmed = BuilderTrims.apply(m, state, folder, depth);
            if (trimmed.isPresent()) {
                state = trimmed.get(); // sb.setLength(sb.length() - 5), sql.replace(sql.lastIndexOf(sep), ...)
            } else if (method.equals("append") && m.getArguments().size() == 1) {
                state = Variants.concat(state, folder.fold(m.getArgument(0), depth));
            } else if (method.equals("setLength")) {
                state = List.of(SqlText.empty());
            }
        }
        return state;
    }

}
