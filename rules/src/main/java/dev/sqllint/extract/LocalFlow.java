package dev.sqllint.extract;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.SwitchEntry;
import com.github.javaparser.ast.stmt.SwitchStmt;
import dev.sqllint.sql.SqlText;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The values a local String or StringBuilder can hold at one use, found by walking the statements between
 * its declaration and the use: {@code append} chains, {@code +=} and {@code x = x + ...} add text; an
 * {@code if} yields the variants with and without its branch; a loop body counts as one pass (one item).
 */
final class LocalFlow extends StatementWalk<List<SqlText>> {

    private final StringFolder folder;
    private final Declarations.Resolved decl;
    private final int depth;
    private final String name;

    LocalFlow(StringFolder folder, Declarations.Resolved decl, Node use, int depth) {
        super(use);
        this.folder = folder;
        this.decl = decl;
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

    /** An {@code if} yields the variants with and without its branch (or with each of its two branches). */
    @Override
    protected List<SqlText> ifElse(IfStmt s, List<SqlText> state) {
        List<SqlText> then = step(s.getThenStmt(), state);
        List<SqlText> otherwise = s.getElseStmt().map(e -> step(e, state)).orElse(state);
        return Variants.union(then, otherwise);
    }

    /** A {@code switch} yields the variants of each entry, and without any when it has no default. */
    @Override
    protected List<SqlText> switchStatement(SwitchStmt sw, List<SqlText> state) {
        List<SqlText> out = new ArrayList<>();
        boolean hasDefault = false;
        for (SwitchEntry entry : sw.getEntries()) {
            hasDefault |= entry.getLabels().isEmpty();
            out = Variants.union(out, run(entry.getStatements(), 0, state));
        }
        return hasDefault ? out : Variants.union(out, state);
    }

    @Override
    protected List<SqlText> apply(Expression e, List<SqlText> state) {
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
