package dev.sqllint.rules;

import dev.sqllint.schema.KeyModel;
import dev.sqllint.sql.ParsedSql;
import dev.sqllint.sql.SqlKeywords;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.select.OrderByElement;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectItem;

@RuleInfo(
        name = "DistinctOnHistoryScan",
        summary = "DISTINCT ON over an append-only history table, newest first, to show a few rows: reads and sorts "
                + "the whole history of the tenant",
        severity = Severity.WARNING,
        explanation = "SELECT DISTINCT ON (x) ... ORDER BY x, ts DESC LIMIT n over a history table (runs, events, "
                + "versions) must read every matching row of the tenant and sort it before the first distinct row can "
                + "be emitted: the LIMIT does not cut the scan. In the seed incident a workspace had 1.78M runs but 1-3 "
                + "distinct workflows; the home page spent 2.39 s in a parallel seq scan and an on-disk sort to show 4 "
                + "cards. No rewrite of the query fixes it, because the work is O(history). Keep a small table of the "
                + "latest row per key (upserted on every write) and read that.",
        before = "SELECT DISTINCT ON (r.published_run_id) r.published_run_id, r.updated_at\n"
                + "FROM saved_runs r WHERE r.workspace_id = ?\n"
                + "ORDER BY r.published_run_id, r.updated_at DESC LIMIT 4",
        after = "-- on every save: INSERT INTO recent_workflows (workspace_id, published_run_id, last_used_at)\n"
                + "--   VALUES (?, ?, now()) ON CONFLICT (workspace_id, published_run_id) DO UPDATE SET last_used_at = now()\n"
                + "SELECT w.published_run_id, w.last_used_at FROM recent_workflows w\n"
                + "WHERE w.workspace_id = ? ORDER BY w.last_used_at DESC LIMIT 4",
        fix = "keep a denormalised latest-per-key table, upserted on write, and read it with ORDER BY ... LIMIT")
public final class DistinctOnHistoryScan implements Rule {

    @Override
    public List<Violation> check(Query query) {
        List<Violation> out = new ArrayList<>();
        ParsedSql sql = query.sql();
        for (PlainSelect select : sql.tree().all(PlainSelect.class)) {
            if (select.getDistinct() == null || select.getDistinct().getOnSelectItems() == null
                    || select.getDistinct().getOnSelectItems().isEmpty()) {
                continue;
            }
            check(select, query).ifPresent(out::add);
        }
        return out;
    }

    private Optional<Violation> check(PlainSelect select, Query query) {
        KeyModel keys = query.keys();
        SelectScope scope = SelectScope.of(select, query.sql().tree());
        if (scope.tables.isEmpty() || scope.tables.get(0).table() == null) return Optional.empty();
        TableRef history = scope.tables.get(0);

        List<String> onColumns = new ArrayList<>();
        for (SelectItem<?> item : select.getDistinct().getOnSelectItems()) {
            Column c = Expressions.column(item.getExpression());
            if (c == null) return Optional.empty();
            onColumns.add(Expressions.columnName(c));
        }
        if (keys.uniqueKeyCovered(history.name(), Set.copyOf(onColumns)).isPresent()) return Optional.empty();

        String newestFirst = timestampOrder(select, scope, history, keys);
        Optional<KeyModel.Evidence> historyEvidence = keys.historyTable(history.name());
        Optional<KeyModel.Evidence> tenant = tenantOf(history, scope, keys);
        // a history by name or configuration; or by shape: per-tenant rows read newest first
        if (historyEvidence.isEmpty() && (newestFirst == null || tenant.isEmpty())) return Optional.empty();
        String limit = limitOf(select, query);
        if (limit == null) return Optional.empty();

        int at = SqlKeywords.first(query.sql().sql(), "DISTINCT", query.sql().start(select), query.sql().sql().length());
        String why = historyEvidence.map(KeyModel.Evidence::reason)
                .orElseGet(() -> history.name() + " is read per " + tenant.get().reason() + ", newest first, like a history");
        String message = String.format(
                "DISTINCT ON (%s) over %s (%s)%s with %s: the database reads and sorts every matching row of the "
                        + "history before it can return the first few; the LIMIT does not cut the scan (seed incident: "
                        + "1.78M rows read and disk-sorted for 4 cards, 2.39 s per home-page load). Keep a latest-per-key "
                        + "table upserted on each write and read it instead: SELECT %s, last_used_at FROM recent_%s "
                        + "WHERE <tenant> = ? ORDER BY last_used_at DESC %s.",
                String.join(", ", onColumns), history.name(), why,
                newestFirst == null ? "" : ", newest first by " + newestFirst, limit,
                onColumns.get(0), history.name(), limit);
        boolean proved = keys.declaredKeys(history.name()).isPresent()
                && (historyEvidence.map(KeyModel.Evidence::proved).orElse(false) || tenant.map(KeyModel.Evidence::proved).orElse(false));
        return Optional.of(new Violation(at, message, proved));
    }

    /** The tenant or owner the rows belong to: a declared foreign key, or an equality filter on a *_id column. */
    private static Optional<KeyModel.Evidence> tenantOf(TableRef history, SelectScope scope, KeyModel keys) {
        Optional<KeyModel.Evidence> declared = keys.tenantKey(history.name());
        if (declared.isPresent()) return declared;
        for (Expression term : scope.conditions()) {
            if (!(term instanceof EqualsTo eq)) continue;
            for (Expression side : List.of(eq.getLeftExpression(), eq.getRightExpression())) {
                Column c = Expressions.column(side);
                Expression other = side == eq.getLeftExpression() ? eq.getRightExpression() : eq.getLeftExpression();
                if (c != null && scope.local(c) == history && Expressions.columnName(c).endsWith("_id") && Expressions.isValue(other)) {
                    return Optional.of(KeyModel.Evidence.convention(Expressions.columnName(c)));
                }
            }
        }
        return Optional.empty();
    }

    /** The timestamp column the select orders by, or null. */
    private static String timestampOrder(PlainSelect select, SelectScope scope, TableRef history, KeyModel keys) {
        List<OrderByElement> order = select.getOrderByElements();
        if (order == null) return null;
        for (OrderByElement e : order) {
            Column c = Expressions.column(e.getExpression());
            if (c != null && keys.isTimestamp(history.name(), Expressions.columnName(c))) {
                TableRef t = scope.local(c);
                if (t == null || t == history) return Expressions.columnName(c) + (e.isAsc() ? "" : " DESC");
            }
        }
        return null;
    }

    /** The LIMIT (or FETCH/TOP) on this select or on a select that wraps it as a derived table, or null. */
    private static String limitOf(PlainSelect select, Query query) {
        for (Object node = select; node != null; node = query.sql().tree().parent(node)) {
            if (node instanceof Select s) {
                if (s.getLimit() != null) return s.getLimit().toString().trim();
                if (s.getFetch() != null) return s.getFetch().toString().trim();
                if (s instanceof PlainSelect p && p.getTop() != null) return p.getTop().toString().trim();
            } else if (node instanceof Expression) {
                return null; // a subquery inside a condition: an outer LIMIT is not about it
            }
        }
        return null;
    }
}
