package dev.sqllint.rules;

import dev.sqllint.schema.KeyModel;
import dev.sqllint.sql.ParsedSql;
import dev.sqllint.sql.SqlTree;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import net.sf.jsqlparser.expression.BinaryExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.operators.relational.ComparisonOperator;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;

@RuleInfo(
        name = "JoinForScalarOnly",
        title = "Join only to read one value",
        summary = "A table pinned to one row is joined only to read a value compared in WHERE: read the value first and "
                + "pass it as a parameter",
        severity = Severity.WARNING,
        explanation = "JOIN user_stats us ON us.user_id = ? ... WHERE t.updated_at >= us.first_unread_at joins a table "
                + "that yields exactly one row, only to compare one of its values. The planner does not know that "
                + "value when it plans, so it cannot use it to pick an index range or a join order; in a "
                + "production incident it hashed 42k rows first and the query took 91 ms. Passing the value as a parameter let it "
                + "use the index range on updated_at: 5 ms. When the joined table's columns are also selected, or it "
                + "is not pinned to one row, the join is doing real work and this rule stays quiet.",
        incident = "A forum (Discourse) built each user's unread-topics report by joining user_stats, one row for "
                + "the user, only to compare topics.updated_at with the user's first_unread_at. PostgreSQL did not "
                + "apply that filter first: in production it hashed about 42k topic_users rows before filtering, and "
                + "the query took 91 ms. With first_unread_at read beforehand and passed in as a value, the planner "
                + "started from the index on topics.updated_at and the query took 5 ms.",
        incidentSource = "https://github.com/discourse/discourse/pull/22871",
        before = "SELECT t.id FROM topics t\n"
                + "JOIN user_stats us ON us.user_id = ?\n"
                + "WHERE t.updated_at >= us.first_unread_at",
        after = "-- first: SELECT us.first_unread_at FROM user_stats us WHERE us.user_id = ?\n"
                + "SELECT t.id FROM topics t WHERE t.updated_at >= ?",
        fix = "read the single value first (SELECT ... WHERE key = ?) and pass it as a parameter")
public final class JoinForScalarOnly implements Rule {

    @Override
    public List<Violation> check(Query query) {
        List<Violation> out = new ArrayList<>();
        ParsedSql sql = query.sql();
        for (PlainSelect select : sql.tree().all(PlainSelect.class)) {
            if (select.getJoins() == null || select.getJoins().isEmpty() || select.getWhere() == null) continue;
            SelectScope scope = SelectScope.of(select, sql.tree());
            Bindings bindings = Bindings.of(scope, scope.conditions());
            Set<TableRef> pinnedRows = bindings.pinRows(query.keys()); // a pinned row's columns are values too
            for (TableRef t : scope.tables) {
                if (t.join() == null || t.table() == null || !isInner(t.join())) continue;
                check(select, scope, t, bindings, pinnedRows, query).ifPresent(out::add);
            }
        }
        return out;
    }

    private static boolean isInner(Join j) {
        return !j.isLeft() && !j.isRight() && !j.isFull() && !j.isOuter() && !j.isCross() && !j.isApply();
    }

    private Optional<Violation> check(PlainSelect select, SelectScope scope, TableRef t, Bindings bindings,
                                      Set<TableRef> pinnedRows, Query query) {
        Set<String> fixed = bindings.fixedColumns(t, bindings.columnsInEqualities(t));
        Optional<KeyModel.Evidence> pinned = query.keys().uniqueKeyCovered(t.name(), fixed);
        if (pinned.isEmpty()) return Optional.empty();

        // Every use of t's columns must be a pinning equality or a comparison against another table in WHERE.
        Map<Column, Boolean> allowed = new IdentityHashMap<>();
        List<BinaryExpression> comparisons = new ArrayList<>();
        for (Expression term : Expressions.conjuncts(select.getWhere())) {
            classify(term, scope, t, bindings, pinnedRows, allowed, comparisons);
        }
        for (Join j : select.getJoins()) {
            if (j.getOnExpressions() == null) continue;
            for (Expression on : j.getOnExpressions()) {
                for (Expression term : Expressions.conjuncts(on)) {
                    if (isPinningEquality(term, scope, t, bindings)) markColumns(term, allowed);
                }
            }
        }
        if (comparisons.isEmpty()) return Optional.empty();
        for (Column c : SqlTree.within(select, Column.class, null)) {
            if (allowed.containsKey(c)) continue;
            TableRef owner = scope.resolve(c);
            if (owner == t) return Optional.empty(); // selected, ordered, grouped, or used some other way
            if (owner == null && Expressions.qualifier(c) != null && Expressions.qualifier(c).equals(t.key())) {
                return Optional.empty();
            }
        }
        BinaryExpression cmp = comparisons.get(0);
        Column read = columnOf(cmp, scope, t);
        String value = Advice.column(read);
        String comparison = Advice.sql(cmp, 80);
        String alias = t.key();
        String where = String.join(" AND ", new TreeSet<>(fixed).stream().map(c -> alias + "." + c + " = ?").toList());
        String message = String.format(
                "%s is pinned to one row (%s) and joined only to read %s for %s: the planner does not know that value "
                        + "when it plans, so it cannot use it to pick an index range or a join order and may join "
                        + "first and filter later %s. %s",
                Advice.table(t), pinned.get().reason(), value, comparison,
                Advice.incident("42k rows hashed, 91 ms; 5 ms once the value was a parameter"),
                Advice.forDatabase(query.dialect(), String.format(
                        "read it first (SELECT %s FROM %s WHERE %s) and pass it as a parameter: %s.",
                        value, Advice.table(t), where, Advice.replacing(cmp, unwrapped(cmp, read), "?", 80))));
        int at = query.sql().start(t.table());
        return Optional.of(new Violation(Math.max(at, 0), message, pinned.get().proved()));
    }

    /** The side of {@code cmp} that is {@code column} (perhaps in parentheses), for the rewrite. */
    private static Expression unwrapped(BinaryExpression cmp, Column column) {
        return Expressions.unwrap(cmp.getLeftExpression()) == column ? cmp.getLeftExpression() : cmp.getRightExpression();
    }

    private static void classify(Expression term, SelectScope scope, TableRef t, Bindings bindings,
                                 Set<TableRef> pinnedRows, Map<Column, Boolean> allowed,
                                 List<BinaryExpression> comparisons) {
        if (isPinningEquality(term, scope, t, bindings)) {
            markColumns(term, allowed);
            return;
        }
        // a range or inequality: the planner cannot estimate it from a value it learns only while joining.
        // An equality to another table (client.image_id = image.id) is a plain lookup join it plans well.
        if (term instanceof ComparisonOperator cmp && !(term instanceof EqualsTo)) {
            Column l = Expressions.column(cmp.getLeftExpression());
            Column r = Expressions.column(cmp.getRightExpression());
            if (l != null && r != null) {
                TableRef lt = scope.resolve(l);
                TableRef rt = scope.resolve(r);
                // against another pinned row it compares two values: nothing for an index range to gain
                TableRef other = lt == t ? rt : lt;
                if ((lt == t || rt == t) && other != null && other != t && !pinnedRows.contains(other)) {
                    comparisons.add(cmp);
                    allowed.put(lt == t ? l : r, true);
                }
            }
        }
    }

    /** {@code us.user_id = u.id} or {@code us.user_id = ?}: an equality that holds t to its one row. */
    private static boolean isPinningEquality(Expression term, SelectScope scope, TableRef t, Bindings bindings) {
        if (!(term instanceof EqualsTo eq)) return false;
        for (Expression side : List.of(eq.getLeftExpression(), eq.getRightExpression())) {
            Column c = Expressions.column(side);
            if (c != null && scope.resolve(c) == t && bindings.isFixed(t, Expressions.columnName(c))) return true;
        }
        // an equality among other tables' fixed columns (u.id = ?) keeps the pin chain; it does not use t
        return false;
    }

    private static void markColumns(Expression term, Map<Column, Boolean> allowed) {
        for (Column c : SqlTree.within(term, Column.class, Select.class)) allowed.put(c, true);
    }

    private static Column columnOf(BinaryExpression cmp, SelectScope scope, TableRef t) {
        Column l = Expressions.column(cmp.getLeftExpression());
        return l != null && scope.resolve(l) == t ? l : Expressions.column(cmp.getRightExpression());
    }
}
