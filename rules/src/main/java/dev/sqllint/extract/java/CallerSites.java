package dev.sqllint.extract.java;

import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import dev.sqllint.extract.JavaFile;
import dev.sqllint.sql.SqlText;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A query assembled in a helper: {@code find(String hql, ...)} appends conditions to the prefix its callers
 * pass and calls {@code getSession().createQuery(hql)}. The sink's argument reads a text parameter, so it is
 * folded once per call of the helper in the same file (its callers' arguments standing for the parameters;
 * a caller that is itself such a helper is followed one more level), and the statements are all of those.
 * Without callers in the file, or when they pass nothing known, the argument keeps its one folding.
 */
public final class CallerSites {

    private static final int MAX_CALLERS = 8;
    private static final int MAX_LEVELS = 2;
    private static final Set<String> TEXT_TYPES = Set.of("String", "CharSequence", "StringBuilder", "StringBuffer");

    private final StringFolder folder;

    public CallerSites(StringFolder folder) {
        this.folder = folder;
    }

    /** {@code arg}'s statements through the callers of its method, or empty when that does not apply. */
    public Optional<List<SqlText>> fold(Expression arg) {
        return fold(arg, 0);
    }

    private Optional<List<SqlText>> fold(Expression arg, int level) {
        MethodDeclaration helper = arg.findAncestor(MethodDeclaration.class).orElse(null);
        if (helper == null || level >= MAX_LEVELS || !readsTextParameter(arg, helper)) return Optional.empty();
        if (helper.findCompilationUnit().isEmpty()) return Optional.empty();
        List<SqlText> out = new ArrayList<>();
        int callers = 0;
        for (MethodCallExpr call : JavaFile.findAllInUnitOf(helper, MethodCallExpr.class)) {
            if (!calls(call, helper) || call.findAncestor(MethodDeclaration.class).orElse(null) == helper) continue;
            if (++callers > MAX_CALLERS) break;
            Map<String, List<SqlText>> values = new HashMap<>();
            for (int i = 0; i < helper.getParameters().size(); i++) {
                Parameter p = helper.getParameter(i);
                if (!TEXT_TYPES.contains(p.getType().asString())) continue;
                Expression passed = call.getArgument(i);
                values.put(p.getNameAsString(), fold(passed, level + 1).orElseGet(() -> folder.fold(passed)));
            }
            out = Variants.union(out, CallerArguments.binding(helper, values, () -> folder.fold(arg)));
        }
        return out.isEmpty() ? Optional.empty() : Optional.of(out);
    }

    private static boolean calls(MethodCallExpr call, MethodDeclaration helper) {
        return call.getNameAsString().equals(helper.getNameAsString()) && call.getArguments().size() == helper.getParameters().size()
                && !helper.isAbstract() && (call.getScope().isEmpty() || call.getScope().get() instanceof ThisExpr);
    }

    /** Whether the argument, or a local it reads, names a text parameter of the method. */
    private static boolean readsTextParameter(Expression arg, MethodDeclaration helper) {
        Set<String> params = new java.util.HashSet<>();
        for (Parameter p : helper.getParameters()) if (TEXT_TYPES.contains(p.getType().asString())) params.add(p.getNameAsString());
        if (params.isEmpty()) return false;
        for (NameExpr n : arg.findAll(NameExpr.class)) {
            if (params.contains(n.getNameAsString())) return true;
            Declarations.Resolved r = Declarations.resolve(n.getNameAsString(), n);
            if (r != null && r.kind() == Declarations.Resolved.Kind.LOCAL) {
                for (NameExpr m : r.block().getParentNode().orElse(helper).findAll(NameExpr.class)) {
                    if (params.contains(m.getNameAsString())) return true;
                }
            }
        }
        return false;
    }
}
