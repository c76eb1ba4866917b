package dev.sqllint.rules;

import dev.sqllint.schema.KeyModel;
import dev.sqllint.sql.ParsedSql;
import dev.sqllint.sql.SqlKeywords;
import dev.sqllint.sql.SqlTree;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import net.sf.jsqlparser.expression.AnyComparisonExpression;
import net.sf.jsqlparser.expression.BinaryExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.NotExpression;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.conditional.OrExpression;
import net.sf.jsqlparser.expression.operators.relational.Between;
import net.sf.jsqlparser.expression.operators.relational.ComparisonOperator;
import net.sf.jsqlparser.expression.operators.relational.ExistsExpression;
import net.sf.jsqlparser.expression.operators.relational.InExpression;
import net.sf.jsqlparser.expression.operators.relational.IsNullExpression;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;

@RuleInfo(
        name = "OrAcrossAccessPaths",
        summary = "OR between an indexed column test and a subquery (IN/EXISTS): no single index serves the OR, so "
                + "the table is scanned",
        severity = Severity.WARNING,
        explanation = "WHERE owner_id = ? OR id IN (SELECT ...) asks for rows reachable by two different access "
                + "paths: the owner_id index and a semi-join through another table. A B-tree index can answer one "
                + "side; the planner cannot combine it with a subquery inside an OR, so it falls back to a sequential "
                + "scan of the whole table and evaluates the subquery per row. In the seed incident this turned a "
                + "profile endpoint (top QPS) into a seq scan of tracks on every request. ORs of plain column tests "
                + "(owner_id = ? OR id = ANY(?)) are fine: the planner ORs two index bitmaps. AND with a subquery "
                + "is fine too.",
        before = "SELECT t.* FROM tracks t\n"
                + "WHERE t.owner_id = ? OR t.track_id IN (SELECT c.track_id FROM track_collaborators c\n"
                + "                                      WHERE c.collaborator_user_id = ?)",
        after = "-- first: SELECT c.track_id FROM track_collaborators c WHERE c.collaborator_user_id = ?\n"
                + "SELECT t.* FROM tracks t WHERE t.owner_id = ? OR t.track_id = ANY(?)  -- ids from the first query\n"
                + "-- (or, when there are none, the owner-only query; or a UNION of the two)",
        fix = "fetch the subquery's ids first and test them with = ANY(?) (a BitmapOr of two indexes), or UNION two queries")
public final class OrAcrossAccessPaths implements Rule {

    /** One side of the OR: the column an index could serve, or a subquery. */
    private record Path(Expression node, String column, boolean subquery, String table) {
    }

    @Override
    public List<Violation> check(Query query) {
        List<Violation> out = new ArrayList<>();
        ParsedSql sql = query.sql();
        for (PlainSelect select : sql.tree().all(PlainSelect.class)) {
            if (select.getWhere() == null) continue;
            SelectScope scope = SelectScope.of(select, sql.tree());
            Map<Object, Boolean> nested = new IdentityHashMap<>();
            for (OrExpression or : SqlTree.within(select.getWhere(), OrExpression.class, Select.class)) {
                if (nested.containsKey(or)) continue;
                for (OrExpression inner : SqlTree.within(or, OrExpression.class, Select.class)) nested.put(inner, true);
                check(or, scope, sql, query.keys()).ifPresent(out::add);
            }
        }
        return out;
    }

    private java.util.Optional<Violation> check(OrExpression or, SelectScope scope, ParsedSql sql, KeyModel keys) {
        List<Expression> terms = Expressions.disjuncts(or);
        List<Path> paths = new ArrayList<>();
        for (Expression term : terms) paths.add(pathOf(term, scope));
        for (int i = 0; i < paths.size(); i++) {
            Path sub = paths.get(i);
            if (sub == null || !sub.subquery()) continue;
            for (Path indexed : paths) {
                if (indexed == null || indexed.subquery() || indexed.column().equals(sub.column())) continue;
                int at = orKeywordBefore(terms, i, sql);
                java.util.Optional<String> index = indexed.table() == null ? java.util.Optional.empty()
                        : keys.indexOn(indexed.table(), indexed.column());
                String message = String.format(
                        "%s OR %s: an OR across two access paths (%s and a subquery) defeats the index, "
                                + "so the planner seq-scans %s and runs the subquery per row (seed incident: a top-QPS "
                                + "profile endpoint seq-scanning tracks on every load). Fetch the subquery's ids first, "
                                + "then: WHERE %s OR %s = ANY(?) (a BitmapOr of two indexes), or UNION the two queries.",
                        Expressions.brief(indexed.node(), 60), Expressions.brief(sub.node(), 70),
                        index.orElse("the index on " + qualified(indexed)), indexed.table() == null ? "the table" : indexed.table(),
                        Expressions.brief(indexed.node(), 60), sub.column() == null ? "id" : sub.column());
                return java.util.Optional.of(new Violation(at, message, index.isPresent()));
            }
        }
        return java.util.Optional.empty();
    }

    private static String qualified(Path p) {
        return p.table() == null ? p.column() : p.table() + "(" + p.column() + ")";
    }

    /** The OR keyword just before term {@code i} (or just after it, when it comes first). */
    private static int orKeywordBefore(List<Expression> terms, int i, ParsedSql sql) {
        String text = sql.sql();
        if (i > 0) {
            int from = Math.max(0, sql.end(terms.get(i - 1)));
            int to = sql.earliestStart(terms.get(i));
            int at = SqlKeywords.last(text, "OR", from, to < 0 ? text.length() : to);
            if (at >= 0) return at;
        }
        int from = Math.max(0, sql.end(terms.get(i)));
        int at = SqlKeywords.first(text, "OR", from, text.length());
        return at >= 0 ? at : Math.max(0, sql.earliestStart(terms.get(i)));
    }

    private static Path pathOf(Expression term, SelectScope scope) {
        term = Expressions.unwrap(term);
        if (term instanceof NotExpression) return null;
        if (term instanceof ExistsExpression exists) {
            return exists.isNot() ? null : new Path(term, null, true, null);
        }
        if (term instanceof InExpression in && !in.isNot()) {
            Column c = Expressions.column(in.getLeftExpression());
            if (in.getRightExpression() instanceof Select) return new Path(term, c == null ? null : name(c), true, table(c, scope));
            if (c != null && in.getRightExpression() instanceof ParenthesedExpressionList<?> list
                    && allValues(list)) {
                return indexed(term, c, scope);
            }
            return null;
        }
        if (term instanceof ComparisonOperator cmp) {
            if (cmp.getRightExpression() instanceof AnyComparisonExpression) {
                Column c = Expressions.column(cmp.getLeftExpression());
                return new Path(term, c == null ? null : name(c), true, table(c, scope));
            }
            return indexedComparison(cmp, scope, term);
        }
        if (term instanceof Between between && !between.isNot()) {
            Column c = Expressions.column(between.getLeftExpression());
            if (c != null && Expressions.isValue(between.getBetweenExpressionStart())
                    && Expressions.isValue(between.getBetweenExpressionEnd())) {
                return indexed(term, c, scope);
            }
        }
        if (term instanceof IsNullExpression isNull && !isNull.isNot()) {
            Column c = Expressions.column(isNull.getLeftExpression());
            return c == null ? null : indexed(term, c, scope);
        }
        if (term instanceof AndExpression) {
            // (a = ? AND b = ?) OR ...: the group is reachable through the index on its first indexable test
            for (Expression part : Expressions.conjuncts(term)) {
                Path p = pathOf(part, scope);
                if (p != null && !p.subquery()) return new Path(term, p.column(), false, p.table());
            }
        }
        return null;
    }

    private static boolean allValues(List<?> values) {
        for (Object v : values) if (!(v instanceof Expression) || !Expressions.isValue((Expression) v)) return false;
        return true;
    }

    private static Path indexedComparison(BinaryExpression cmp, SelectScope scope, Expression term) {
        Column left = Expressions.column(cmp.getLeftExpression());
        Column right = Expressions.column(cmp.getRightExpression());
        if (left != null && Expressions.isValue(cmp.getRightExpression())) return indexed(term, left, scope);
        if (right != null && Expressions.isValue(cmp.getLeftExpression())) return indexed(term, right, scope);
        return null;
    }

    private static Path indexed(Expression term, Column c, SelectScope scope) {
        if (scope.isOuter(c)) return null; // a correlation, not an access path of this table
        return new Path(term, name(c), false, table(c, scope));
    }

    private static String name(Column c) {
        return Expressions.columnName(c);
    }

    private static String table(Column c, SelectScope scope) {
        if (c == null) return null;
        TableRef t = scope.local(c);
        return t == null ? null : t.name();
    }
}
