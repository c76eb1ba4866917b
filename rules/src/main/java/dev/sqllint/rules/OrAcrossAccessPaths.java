package dev.sqllint.rules;

import dev.sqllint.schema.KeyModel;
import dev.sqllint.sql.ParsedSql;
import dev.sqllint.sql.SqlKeywords;
import dev.sqllint.sql.SqlTree;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.sf.jsqlparser.expression.AnyComparisonExpression;
import net.sf.jsqlparser.expression.BinaryExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.NotExpression;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.conditional.OrExpression;
import net.sf.jsqlparser.expression.operators.relational.Between;
import net.sf.jsqlparser.expression.operators.relational.ComparisonOperator;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.expression.operators.relational.ExistsExpression;
import net.sf.jsqlparser.expression.operators.relational.InExpression;
import net.sf.jsqlparser.expression.operators.relational.IsNullExpression;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;

@RuleInfo(
        name = "OrAcrossAccessPaths",
        title = "OR across two access paths",
        summary = "OR between an indexed column test and a subquery (IN/EXISTS): no single index serves the OR, so "
                + "the table is scanned",
        severity = Severity.WARNING,
        explanation = "WHERE owner_id = ? OR id IN (SELECT ...) asks for rows reachable by two different access "
                + "paths: the owner_id index and a semi-join through another table. A B-tree index can answer one "
                + "side; the planner cannot combine it with a subquery inside an OR, so it falls back to a sequential "
                + "scan of the whole table and evaluates the subquery per row. Two subqueries that each feed a "
                + "column, ORed, give up both indexes the same way. In a production incident this turned one of an "
                + "API's busiest endpoints into a sequential scan of its tracks table on every request. ORs of plain "
                + "column tests (owner_id = ? OR id = ANY(?)) are fine: the planner ORs two index bitmaps. AND with a "
                + "subquery is fine too.",
        incident = "A music app's API added the tracks a user collaborates on to the query behind its profile "
                + "pages: owner_id = $1 OR track_id IN (SELECT ... FROM track_collaborators ...). The index on "
                + "tracks(owner_id) no longer applied, and PostgreSQL scanned the whole tracks table on every profile "
                + "load, one of the API's busiest endpoints. The fix fetched the user's collaboration track ids first "
                + "(an index-only lookup, empty for almost every user), ran the original owner-only query when there "
                + "were none, and otherwise tested owner_id = $1 OR track_id = ANY($2) with the ids as an array, which "
                + "PostgreSQL serves with a BitmapOr of two indexes.",
        before = "SELECT t.* FROM tracks t\n"
                + "WHERE t.owner_id = ? OR t.track_id IN (SELECT c.track_id FROM track_collaborators c\n"
                + "                                      WHERE c.collaborator_user_id = ?)",
        after = "-- first: SELECT c.track_id FROM track_collaborators c WHERE c.collaborator_user_id = ?\n"
                + "SELECT t.* FROM tracks t WHERE t.owner_id = ? OR t.track_id = ANY(?)  -- ids from the first query\n"
                + "-- (or, when there are none, the owner-only query; or a UNION of the two)",
        fix = "fetch the subquery's ids first and test them with = ANY(?) (a BitmapOr of two indexes), or UNION two queries")
public final class OrAcrossAccessPaths implements Rule {

    /** The incident's evidence, quoted in every message. */
    private static final String BUSIEST_ENDPOINT = "one of an API's busiest endpoints read its whole table on every request";

    /** One side of the OR: the column an index could serve, or a subquery (with the column it feeds, if any). */
    private record Path(Expression node, Column written, String column, boolean subquery, String table, boolean exists) {
        Path(Expression node, Column written, String column, boolean subquery, String table) {
            this(node, written, column, subquery, table, false);
        }
    }

    @Override
    public List<Violation> check(Query query) {
        List<Violation> out = new ArrayList<>();
        ParsedSql sql = query.sql();
        // every WHERE of the statement: top-level SELECT, UPDATE, DELETE, subqueries and CTEs
        for (SelectScope scope : SelectScope.withWhere(sql.tree())) {
            Map<Object, Boolean> nested = new IdentityHashMap<>();
            for (OrExpression or : SqlTree.within(scope.where, OrExpression.class, Select.class)) {
                if (nested.containsKey(or)) continue;
                for (OrExpression inner : SqlTree.within(or, OrExpression.class, Select.class)) nested.put(inner, true);
                check(or, scope, query).ifPresent(out::add);
            }
        }
        return out;
    }

    private Optional<Violation> check(OrExpression or, SelectScope scope, Query query) {
        List<Expression> terms = Expressions.disjuncts(or);
        List<Path> paths = new ArrayList<>();
        for (Expression term : terms) paths.add(pathOf(term, scope, query.sql().tree()));
        for (int i = 0; i < paths.size(); i++) {
            Path sub = paths.get(i);
            if (sub == null || !sub.subquery()) continue;
            // an indexable test beside the subquery: the OR gives up that index (same column included: no
            // index serves "c = ? OR c IN (SELECT ...)" either). Only a test of the subquery's own table: an OR
            // across two tables of a join is served by no index, subquery or not, and turning the subquery into
            // a list would not change that
            Path indexed = null;
            TableRef subTable = sub.written() == null ? null : scope.local(sub.written());
            for (Path p : paths) {
                if (p == null || p.subquery()) continue;
                TableRef pTable = p.written() == null ? null : scope.local(p.written());
                if (subTable != null && pTable != null && pTable != subTable) continue;
                boolean differs = p.column() != null && !p.column().equals(sub.column());
                boolean chosenDiffers = indexed != null && indexed.column() != null && !indexed.column().equals(sub.column());
                if (indexed == null || (differs && !chosenDiffers)) indexed = p;
            }
            if (indexed != null) {
                return Optional.of(indexedAndSubquery(or, indexed, sub, orKeywordBefore(terms, i, query.sql()), scope, query));
            }
            // two subqueries that each feed a column: both columns' indexes are given up (two EXISTS feed none)
            for (int j = i + 1; j < paths.size(); j++) {
                Path other = paths.get(j);
                if (other == null || !other.subquery() || other.exists() || sub.exists()
                        || other.written() == null || sub.written() == null) {
                    continue;
                }
                return Optional.of(twoSubqueries(or, sub, other, orKeywordBefore(terms, j, query.sql()), scope, query));
            }
        }
        return Optional.empty();
    }

    private static Violation indexedAndSubquery(OrExpression or, Path indexed, Path sub, int at, SelectScope scope,
                                                Query query) {
        KeyModel keys = query.keys();
        Optional<String> index = indexed.table() == null ? Optional.empty() : keys.indexOn(indexed.table(), indexed.column());
        String table = scanned(indexed, scope);
        boolean sameColumn = sub.column() != null && sub.column().equals(indexed.column());
        String diagnosis;
        String advice;
        if (sameColumn) {
            String col = Advice.column(indexed.written());
            diagnosis = String.format("%s OR %s: both sides test %s, one with a value and one with a subquery; no index "
                            + "serves that OR, so the database reads all of %s and tests the subquery row by row",
                    Advice.sql(indexed.node(), 60), Advice.sql(sub.node(), 70), col, table);
            advice = Advice.forDatabase(query.dialect(),
                    "fetch the subquery's values first and test them with the other value in one list: " + col + " = ANY(?)"
                            + " (one index scan), or fold the value into the subquery: " + col + " IN (SELECT ... UNION ALL SELECT ?).",
                    "fetch the subquery's values first and test them with the other value in one list: " + col
                            + " IN (?, ?, ...) (one index range scan), or UNION the two queries.",
                    "fetch the subquery's values first and test them with the other value in one list: " + col
                            + " IN (...) (one index seek per value), or UNION the two queries.");
        } else {
            String served = index.map(ix -> ix + " serves " + Advice.sql(indexed.node(), 60) + " alone, not the OR")
                    .orElse("no single index serves both sides");
            diagnosis = String.format("%s OR %s: an OR across two access paths (%s); the database reads all of %s "
                            + "and runs the subquery row by row",
                    Advice.sql(indexed.node(), 60), Advice.sql(sub.node(), 70), served, table);
            advice = fetchFirst(or, List.of(sub), scope, query);
        }
        String message = diagnosis + " " + Advice.incident(BUSIEST_ENDPOINT) + ". " + advice;
        return new Violation(at, message, index.isPresent());
    }

    private static Violation twoSubqueries(OrExpression or, Path first, Path second, int at, SelectScope scope, Query query) {
        String table = scanned(first, scope);
        String message = String.format("%s OR %s: each side feeds a column from a subquery; no index serves the OR, so "
                        + "the database reads all of %s and runs both subqueries row by row %s. %s",
                Advice.sql(first.node(), 60), Advice.sql(second.node(), 60), table,
                Advice.incident(BUSIEST_ENDPOINT), fetchFirst(or, List.of(first, second), scope, query));
        return new Violation(at, message, false);
    }

    /**
     * "fetch the subquery's ids first, then WHERE <the OR with each subquery as = ANY(?)>", worded per database. When
     * the OR also tests another table of the join (an engine's or-query over its joined tables), no two indexes serve
     * it even then: the advice says so and splits it by table.
     */
    private static String fetchFirst(OrExpression or, List<Path> subqueries, SelectScope scope, Query query) {
        String pg = rewritten(or, subqueries, " = ANY(?)");
        String other = rewritten(or, subqueries, " IN (...)");
        boolean select = scope.select != null;
        String then = select ? ", or UNION the two queries." : ", or run the statement once per side.";
        String ids = subqueries.size() == 1 ? "the subquery's ids" : "both subqueries' ids";
        Optional<String> elsewhere = otherTable(or, subqueries.get(0), scope);
        if (elsewhere.isPresent()) {
            String split = " (no subquery row by row; the OR also tests " + elsewhere.get() + ", which no index of "
                    + scanned(subqueries.get(0), scope) + " serves: UNION one query per table's tests for index access).";
            return Advice.forDatabase(query.dialect(), "fetch " + ids + " first, then WHERE " + pg + split,
                    "fetch " + ids + " first, then WHERE " + other + " with the ids listed" + split,
                    "fetch " + ids + " first, then WHERE " + other + " with the ids listed" + split);
        }
        return Advice.forDatabase(query.dialect(),
                "fetch " + ids + " first, then WHERE " + pg + " (a BitmapOr of two indexes)" + then,
                "fetch " + ids + " first, then WHERE " + other + " with the ids listed (an index merge of two indexes)" + then,
                "fetch " + ids + " first, then WHERE " + other + " with the ids listed (two index seeks)" + then);
    }

    /** A table of the join, other than the subquery's, that a term of the OR tests (as the query names it); empty when none. */
    private static Optional<String> otherTable(OrExpression or, Path sub, SelectScope scope) {
        TableRef own = sub.written() == null ? null : scope.local(sub.written());
        if (own == null) return Optional.empty();
        for (Expression term : Expressions.disjuncts(or)) {
            for (Column c : SqlTree.within(term, Column.class, Select.class)) {
                TableRef t = scope.local(c);
                if (t != null && t != own && t.name() != null) return Optional.of(Advice.table(t));
            }
        }
        return Optional.empty();
    }

    private static String rewritten(OrExpression or, List<Path> subqueries, String test) {
        List<String> parts = new ArrayList<>();
        for (Expression term : Expressions.disjuncts(or)) {
            Path match = null;
            for (Path p : subqueries) if (p.node() == Expressions.unwrap(term)) match = p;
            if (match == null) parts.add(Advice.sql(term, 60));
            else parts.add(match.written() == null ? "<id column>" + test : Advice.column(match.written()) + test);
        }
        String all = String.join(" OR ", parts);
        return all.length() <= 200 ? all : all.substring(0, 199) + "…";
    }

    /** The table the OR filters, as the query names it. */
    private static String scanned(Path p, SelectScope scope) {
        if (p.written() != null) {
            TableRef t = scope.local(p.written());
            if (t != null && t.name() != null) return Advice.table(t);
        }
        return scope.tables.size() == 1 && scope.tables.get(0).name() != null ? Advice.table(scope.tables.get(0)) : "the table";
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

    private static Path pathOf(Expression term, SelectScope scope, SqlTree tree) {
        term = Expressions.unwrap(term);
        if (term instanceof NotExpression) return null;
        if (term instanceof ExistsExpression exists) {
            if (exists.isNot()) return null;
            Column outer = correlatedColumn(exists, scope, tree);
            return new Path(term, outer, outer == null ? null : name(outer), true, table(outer, scope), true);
        }
        if (term instanceof InExpression in && !in.isNot()) {
            Column c = Expressions.column(in.getLeftExpression());
            if (in.getRightExpression() instanceof Select) return new Path(term, c, c == null ? null : name(c), true, table(c, scope));
            if (c != null && in.getRightExpression() instanceof ParenthesedExpressionList<?> list
                    && allValues(list)) {
                return indexed(term, c, scope);
            }
            return null;
        }
        if (term instanceof ComparisonOperator cmp) {
            if (cmp.getRightExpression() instanceof AnyComparisonExpression) {
                Column c = Expressions.column(cmp.getLeftExpression());
                return new Path(term, c, c == null ? null : name(c), true, table(c, scope));
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
                Path p = pathOf(part, scope, tree);
                if (p != null && !p.subquery()) return new Path(term, p.written(), p.column(), false, p.table());
            }
        }
        return null;
    }

    /**
     * The column of the OR's table an EXISTS is correlated on ({@code i.id} in {@code EXISTS (SELECT 1 FROM
     * invoice_shares s WHERE s.invoice_id = i.id ...)}): the column its ids would be tested against. Null when the
     * EXISTS is correlated on none or on several.
     */
    private static Column correlatedColumn(ExistsExpression exists, SelectScope scope, SqlTree tree) {
        if (!(exists.getRightExpression() instanceof ParenthesedSelect ps) || !(ps.getSelect() instanceof PlainSelect sub)
                || sub.getWhere() == null) {
            return null;
        }
        SelectScope inner = SelectScope.of(sub, tree);
        Column found = null;
        for (Expression term : inner.conditions()) {
            if (!(term instanceof EqualsTo eq)) continue;
            for (Expression side : List.of(eq.getLeftExpression(), eq.getRightExpression())) {
                Column c = Expressions.column(side);
                if (c == null || inner.local(c) != null || scope.local(c) == null) continue;
                if (found != null) return null;
                found = c;
            }
        }
        return found;
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
        return new Path(term, c, name(c), false, table(c, scope));
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
