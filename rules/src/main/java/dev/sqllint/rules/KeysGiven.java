package dev.sqllint.rules;

import dev.sqllint.sql.SqlTree;
import java.util.List;
import net.sf.jsqlparser.expression.AnyComparisonExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.expression.operators.relational.InExpression;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.WithItem;

/**
 * How a query names the keys it wants the latest row of (for DistinctOnHistoryScan without a LIMIT): a list of
 * them ({@code IN (...)}, {@code = ANY(?)}, an IN subquery), one value, or a join to another table's column, in
 * the DISTINCT ON select itself or, for a CTE or derived table, in the query that reads it. The fix that fits
 * follows from it: a top-1 per key over the list or the joined table.
 *
 * @param source    the joined column, as the query names it ({@code p.id}), for {@link Kind#JOINED}
 * @param from      where the keys come from, as a FROM item ({@code unnest(?) AS k(pipeline_id)}, {@code pipelines p})
 * @param outerJoin whether the reading query keeps rows without a match (LEFT JOIN)
 */
record KeysGiven(Kind kind, String source, String from, boolean outerJoin) {

    enum Kind { LIST, ONE, JOINED }

    /**
     * The keys the DISTINCT ON column is restricted to: an IN list or subquery, {@code = ANY(?)}, one value, a
     * join to another table's column; or, for a CTE or derived table, the same tests by the query that reads it.
     */
    static KeysGiven of(PlainSelect select, Column key, SelectScope scope, Query query) {
        TableRef history = scope.local(key);
        KeysGiven direct = restriction(scope, history, Expressions.columnName(key), false);
        if (direct != null) return direct;
        // the select as a CTE or a derived table: how the reading query restricts its key column
        SqlTree tree = query.sql().tree();
        Object parent = tree.parent(select);
        if (!(parent instanceof ParenthesedSelect ps)) return null;
        Object holder = tree.parent(ps);
        String name = Expressions.columnName(key);
        if (holder instanceof WithItem<?> with && with.getAlias() != null) {
            String cte = Expressions.lower(with.getAlias().getName());
            for (PlainSelect reader : tree.all(PlainSelect.class)) {
                if (reader == select) continue;
                SelectScope readerScope = SelectScope.of(reader, tree);
                for (TableRef t : readerScope.tables) {
                    if (!cte.equals(t.name())) continue;
                    KeysGiven k = restriction(readerScope, t, name, isOuter(t));
                    if (k != null) return k;
                }
            }
        } else if (ps.getAlias() != null) {
            SelectScope readerScope = SelectScope.enclosing(ps, tree);
            if (readerScope == null) return null;
            for (TableRef t : readerScope.tables) {
                if (t.table() == null && ps.getAlias().getName() != null
                        && Expressions.lower(ps.getAlias().getName()).equals(t.alias())) {
                    return restriction(readerScope, t, name, isOuter(t));
                }
            }
        }
        return null;
    }

    private static boolean isOuter(TableRef t) {
        return t.join() != null && (t.join().isLeft() || t.join().isRight() || t.join().isFull());
    }

    /** How the conditions of {@code scope} restrict column {@code column} of {@code t}, or null. */
    private static KeysGiven restriction(SelectScope scope, TableRef t, String column, boolean outerJoin) {
        for (Expression term : scope.conditions()) {
            if (term instanceof InExpression in && !in.isNot() && isColumnOf(in.getLeftExpression(), t, column, scope)) {
                String keys = in.getRightExpression() instanceof ParenthesedSelect sub ? Advice.sql(sub, 100) + " AS k(" + column + ")"
                        : "unnest(?) AS k(" + column + ")";
                return new KeysGiven(KeysGiven.Kind.LIST, null, keys, outerJoin);
            }
            if (term instanceof EqualsTo eq) {
                for (Expression side : List.of(eq.getLeftExpression(), eq.getRightExpression())) {
                    if (!isColumnOf(side, t, column, scope)) continue;
                    Expression other = side == eq.getLeftExpression() ? eq.getRightExpression() : eq.getLeftExpression();
                    if (other instanceof AnyComparisonExpression || (Expressions.unwrap(other) instanceof Function f
                            && "any".equalsIgnoreCase(f.getName()))) {
                        return new KeysGiven(KeysGiven.Kind.LIST, null, "unnest(?) AS k(" + column + ")", outerJoin);
                    }
                    if (Expressions.isValue(other)) return new KeysGiven(KeysGiven.Kind.ONE, null, null, outerJoin);
                    Column c = Expressions.column(other);
                    TableRef owner = c == null ? null : scope.resolve(c);
                    // a join names keys only when the joined table is itself filtered (pipelines p WHERE p.project_id
                    // = ?); a lookup join to a dictionary (JOIN key_dictionary kd ON kd.key_id = a.key) names them all
                    if (owner != null && owner != t && isFiltered(owner, scope)) {
                        return new KeysGiven(KeysGiven.Kind.JOINED, Advice.column(c), Advice.table(owner), outerJoin);
                    }
                }
            }
        }
        return null;
    }

    /** Whether a condition of the scope tests a column of {@code t} against a value or a list of values. */
    private static boolean isFiltered(TableRef t, SelectScope scope) {
        for (SelectScope s = scope; s != null; s = s.outer) {
            for (Expression term : s.conditions()) {
                Expression left = term instanceof EqualsTo eq ? eq.getLeftExpression()
                        : term instanceof InExpression in && !in.isNot() ? in.getLeftExpression() : null;
                Expression right = term instanceof EqualsTo eq ? eq.getRightExpression() : null;
                Column l = left == null ? null : Expressions.column(left);
                Column r = right == null ? null : Expressions.column(right);
                if (l != null && s.resolve(l) == t && (right == null || Expressions.isValue(right))) return true;
                if (r != null && s.resolve(r) == t && Expressions.isValue(left)) return true;
            }
        }
        return false;
    }

    private static boolean isColumnOf(Expression e, TableRef t, String column, SelectScope scope) {
        Column c = Expressions.column(e);
        return c != null && column.equals(Expressions.columnName(c)) && scope.local(c) == t;
    }
}
