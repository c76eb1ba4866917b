package dev.sqllint.rules;

import dev.sqllint.extract.Language;
import dev.sqllint.sql.ParsedSql;
import dev.sqllint.sql.SqlKeywords;
import dev.sqllint.sql.SqlTree;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.AllTableColumns;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectItem;

@RuleInfo(
        name = "DistinctOverFanOutJoin",
        summary = "JOIN to a to-many relation, then DISTINCT (or COUNT(DISTINCT), or COUNT over a DISTINCT subquery) "
                + "to remove the duplicates the join made: use EXISTS",
        severity = Severity.WARNING,
        explanation = "Joining review_requests to review_request_target_groups (many rows per request) only to filter "
                + "multiplies every request by its matches; DISTINCT then sorts or hashes the whole multiplied set to "
                + "undo it. Under COUNT(*) over the DISTINCT subquery the database materialises that set first (in the "
                + "seed incident MySQL built temporary tables with full scans). EXISTS asks the same question without "
                + "producing duplicates, stops at the first match, and lets the outer COUNT(*) be a plain count. This "
                + "is the mirror of ExistsWhereJoinFits: when the joined key is unique (a to-one join) DISTINCT is not "
                + "undoing a fan-out and this rule stays quiet.",
        before = "SELECT COUNT(*) FROM (\n"
                + "  SELECT DISTINCT rr.id FROM review_requests rr\n"
                + "  LEFT JOIN review_request_target_groups tg ON tg.review_request_id = rr.id\n"
                + "  WHERE tg.group_id IN (?)) visible",
        after = "SELECT COUNT(*) FROM review_requests rr\n"
                + "WHERE EXISTS (SELECT 1 FROM review_request_target_groups tg\n"
                + "              WHERE tg.review_request_id = rr.id AND tg.group_id IN (?))",
        fix = "filter through the to-many table with EXISTS (SELECT 1 ... WHERE fk = outer.id AND ...) and drop DISTINCT")
public final class DistinctOverFanOutJoin implements Rule {

    @Override
    public List<Violation> check(Query query) {
        List<Violation> out = new ArrayList<>();
        ParsedSql sql = query.sql();
        for (PlainSelect select : sql.tree().all(PlainSelect.class)) {
            if (select.getJoins() == null || select.getJoins().isEmpty()) continue;
            if (select.getGroupBy() != null) continue; // GROUP BY/HAVING count the fan-out on purpose
            int distinctAt = distinctKeyword(select, sql);
            if (distinctAt < 0) continue;
            SelectScope scope = SelectScope.of(select, sql.tree());
            Bindings bindings = Bindings.of(scope, scope.conditions());
            Set<TableRef> selected = selectedTables(select, scope);
            List<TableRef> toMany = new ArrayList<>();
            List<String> reasons = new ArrayList<>();
            Set<TableRef> earlier = new HashSet<>();
            for (TableRef t : scope.tables) {
                Set<TableRef> before = Set.copyOf(earlier);
                earlier.add(t);
                // JOIN FETCH loads the collection: its rows are the point, DISTINCT only folds the parents
                if (t.join() == null || selected.contains(t) || t.join().isFetch()) continue;
                fanOut(t, before, bindings, query).ifPresent(why -> {
                    toMany.add(t);
                    reasons.add(why);
                });
            }
            if (toMany.isEmpty()) continue;
            boolean proved = toMany.stream().allMatch(t -> query.keys().declaredKeys(t.name()).isPresent());
            out.add(new Violation(distinctAt, message(select, toMany, reasons, sql), proved));
        }
        return out;
    }

    /** Why joining {@code t} can yield several rows per outer row, or empty when it is to-one or unknown. */
    private static Optional<String> fanOut(TableRef t, Set<TableRef> before, Bindings bindings, Query query) {
        if (t.isAssociationPath()) {
            // JPQL: JOIN o.items i; a plural property is a collection
            return t.name().endsWith("s") && query.language() == Language.JPQL
                    ? Optional.of(t.pathOwner() + "." + t.name() + " is a collection")
                    : Optional.empty();
        }
        if (t.table() == null) return Optional.empty();
        Set<String> joined = bindings.columnsEquatedTo(t, before);
        if (joined.isEmpty()) return Optional.empty(); // no equi-join: not a relation we can judge
        Set<String> bound = new HashSet<>(joined);
        bound.addAll(bindings.fixedColumns(t, bindings.columnsInEqualities(t)));
        if (query.keys().uniqueKeyCovered(t.name(), bound).isPresent()) return Optional.empty();
        String keys = query.keys().declaredKeys(t.name()).map(e -> "; its keys: " + e.reason()).orElse("");
        return Optional.of("joined on " + String.join(", ", new TreeSet<>(joined))
                + ", which is not a key of " + t.name() + keys);
    }

    /** Tables whose columns the select list returns: DISTINCT over them is not only undoing a fan-out. */
    private static Set<TableRef> selectedTables(PlainSelect select, SelectScope scope) {
        Set<TableRef> out = new HashSet<>();
        for (SelectItem<?> item : select.getSelectItems()) {
            Expression e = item.getExpression();
            if (e instanceof AllTableColumns all) {
                TableRef t = scope.local(new Column(all.getTable(), "x"));
                if (t != null) out.add(t);
                continue;
            }
            if (e instanceof AllColumns) {
                out.addAll(scope.tables);
                continue;
            }
            if (e instanceof Function f && f.isDistinct()) continue; // COUNT(DISTINCT x): the trigger, not output
            for (Column c : SqlTree.within(e, Column.class, Select.class)) {
                TableRef t = scope.local(c);
                if (t != null) out.add(t);
                else if (Expressions.qualifier(c) != null) {
                    // JPQL: SELECT o FROM Order o (an alias as a column)
                    for (TableRef r : scope.tables) if (Expressions.columnName(c).equals(r.key())) out.add(r);
                }
            }
        }
        for (SelectItem<?> item : select.getSelectItems()) {
            Column c = Expressions.column(item.getExpression());
            if (c != null && Expressions.qualifier(c) == null) {
                for (TableRef r : scope.tables) if (Expressions.columnName(c).equals(r.key())) out.add(r);
            }
        }
        return out;
    }

    /** Offset of DISTINCT in SELECT DISTINCT or COUNT(DISTINCT ...), or -1. */
    private static int distinctKeyword(PlainSelect select, ParsedSql sql) {
        int start = sql.start(select);
        if (start < 0) return -1;
        if (select.getDistinct() != null && select.getDistinct().getOnSelectItems() == null) {
            return SqlKeywords.first(sql.sql(), "DISTINCT", start, sql.sql().length());
        }
        for (SelectItem<?> item : select.getSelectItems()) {
            if (item.getExpression() instanceof Function f && f.isDistinct()) {
                int at = SqlKeywords.first(sql.sql(), "DISTINCT", Math.max(start, sql.start(f)), sql.sql().length());
                if (at >= 0) return at;
            }
        }
        return -1;
    }

    private static String message(PlainSelect select, List<TableRef> toMany, List<String> reasons, ParsedSql sql) {
        TableRef t = toMany.get(0);
        String tables = String.join(", ", toMany.stream().map(TableRef::display).toList());
        String why = String.join("; ", reasons);
        boolean countedOutside = sql.tree().parent(select) instanceof ParenthesedSelect ps
                && sql.tree().parent(ps) instanceof PlainSelect outer
                && outer.getFromItem() == ps
                && outer.getSelectItems().stream().anyMatch(i -> i.getExpression() instanceof Function f
                        && f.getName() != null && f.getName().equalsIgnoreCase("count"));
        return String.format(
                "DISTINCT%s over a JOIN to %s, to-many (%s): the join multiplies rows and DISTINCT sorts or "
                        + "hashes them all to undo it%s (seed incident: temp tables and full scans). Filter with EXISTS "
                        + "instead and drop DISTINCT: WHERE EXISTS (SELECT 1 FROM %s WHERE <join condition> AND ...).",
                countedOutside ? " under an outer COUNT" : "", tables, why,
                countedOutside ? ", and the outer COUNT materialises the whole distinct set first" : "",
                t.display());
    }
}
