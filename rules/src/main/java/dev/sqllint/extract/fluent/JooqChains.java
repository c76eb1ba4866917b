package dev.sqllint.extract.fluent;

import com.github.javaparser.Position;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import dev.sqllint.extract.JavaFile;
import dev.sqllint.extract.JavaSqlExtractor;
import dev.sqllint.extract.Language;
import dev.sqllint.extract.SqlSite;
import dev.sqllint.extract.Suppressions;
import dev.sqllint.extract.fluent.JooqValue.Table;
import dev.sqllint.sql.Origin;
import dev.sqllint.sql.Placeholders;
import dev.sqllint.sql.SqlText;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the queries a file runs through jOOQ's DSL and translates each into the SQL it renders, one
 * {@link SqlSite} per statement:
 * <ul>
 *   <li>a select chain ended by a call that runs it ({@code fetch*}, {@code execute}, {@code stream}, ...),
 *       started on a {@code DSLContext} or by {@code DSL.select...} (also statically imported), possibly
 *       through a local or a helper method ({@code api} {@code jOOQ select});</li>
 *   <li>a select or a table handed to a {@code DSLContext} method: {@code dsl.fetchCount(select)},
 *       {@code dsl.fetch(BOOK, condition)};</li>
 *   <li>the plain-SQL entry points {@code dsl.fetch(String)}, {@code resultQuery}, {@code query},
 *       {@code execute}: the string folded like any SQL string ({@code api} {@code DSLContext.fetch}, ...).</li>
 * </ul>
 * Generated names map to SQL names without the generated classes ({@link JooqNames}). A chain that cannot be
 * translated is skipped; the other chains of the file still are.
 */
public final class JooqChains {

    static final String API = "jOOQ select";

    private final FluentContext cx;

    public JooqChains(FluentContext cx) {
        this.cx = cx;
    }

    public List<SqlSite> sites(JavaFile file) {
        if (!JooqRoots.usesJooq(file.unit())) return List.of();
        List<SqlSite> out = new ArrayList<>();
        for (MethodCallExpr m : file.findAll(MethodCallExpr.class)) {
            try {
                out.addAll(sites(m, file.path()));
            } catch (RuntimeException | StackOverflowError e) {
                // a chain sqllint cannot follow is not SQL it can judge; the rest of the file still is
            }
        }
        return out;
    }

    private List<SqlSite> sites(MethodCallExpr m, Path file) {
        String name = m.getNameAsString();
        Optional<Expression> scope = m.getScope();
        if (scope.isEmpty()) return List.of();
        boolean contextQuery = JooqRoots.CONTEXT_QUERIES.contains(name) && !m.getArguments().isEmpty();
        boolean terminal = JooqRoots.TERMINALS.contains(name) && !hasTerminalInside(scope.get());
        if (!contextQuery && !terminal) return List.of();
        JooqEvaluator ev = new JooqEvaluator(cx);
        JooqValue receiver = ev.eval(scope.get());
        if (contextQuery && receiver instanceof JooqValue.Dsl) return contextQuery(m, ev, file);
        if (terminal && receiver instanceof JooqQuery q) return List.of(site(file, scope.get(), API, List.of(q.render()), m));
        return List.of();
    }

    /** {@code dsl.fetch(select)}, {@code dsl.fetchCount(select)}, {@code dsl.fetch(BOOK, cond)}, {@code dsl.fetch("SELECT ...")}. */
    private List<SqlSite> contextQuery(MethodCallExpr m, JooqEvaluator ev, Path file) {
        String name = m.getNameAsString();
        Expression arg = m.getArgument(0);
        Origin at = cx.nameOrigin(m);
        JooqValue v = ev.eval(arg);
        if (v instanceof Table t && name.startsWith("fetch")) {
            JooqQuery q = new JooqQuery(at);
            q.from = List.of(t);
            q.fromOrigin = at;
            q.items = List.of(SqlText.of(name.equals("fetchCount") ? "count(*)" : t.base().qualifier() + ".*", at));
            JooqValue.Cond where = JooqValue.Cond.NONE;
            for (int i = 1; i < m.getArguments().size(); i++) {
                where = JooqValue.Cond.and(where, ev.condition(ev.eval(m.getArgument(i)), m.getArgument(i)), at);
            }
            q.where = where;
            q.whereOrigin = at;
            if (name.equals("fetchCount")) return List.of(site(file, arg, API, List.of(q.render()), m));
            v = q;
        }
        if (v instanceof JooqQuery q) {
            JooqQuery wrapped = q.copy();
            if (name.equals("fetchCount")) {
                wrapped.wrapBefore = SqlText.of("SELECT count(*) FROM (", at);
                wrapped.wrapAfter = SqlText.of(") AS q", at);
            } else if (name.equals("fetchExists")) {
                wrapped.wrapBefore = SqlText.of("SELECT EXISTS (", at);
                wrapped.wrapAfter = SqlText.of(")", at);
            }
            return List.of(site(file, arg, API, List.of(wrapped.render()), m));
        }
        if (name.equals("fetchCount") || name.equals("fetchExists")) return List.of();
        List<SqlText> variants = new ArrayList<>();
        for (SqlText t : new JooqPlainSql(ev).variants(m, 0)) {
            if (!t.text().replace(Placeholders.DYNAMIC, "").isBlank()) variants.add(t);
        }
        if (variants.isEmpty()) return List.of();
        return List.of(site(file, arg, "DSLContext." + name, variants, m));
    }

    /** {@code .fetch().stream()}: the inner {@code fetch} runs the query; {@code stream} works on its result. */
    private static boolean hasTerminalInside(Expression scope) {
        for (Expression e = scope; e instanceof MethodCallExpr m; e = m.getScope().orElse(null)) {
            if (JooqRoots.TERMINALS.contains(m.getNameAsString())) return true;
        }
        return false;
    }

    private static SqlSite site(Path file, Node at, String api, List<SqlText> variants, Node context) {
        Position p = at.getBegin().orElse(new Position(1, 1));
        return new SqlSite(file, p.line, p.column, api, Language.SQL, variants, JavaSqlExtractor.owner(context), null,
                Suppressions.enclosing(context));
    }
}
