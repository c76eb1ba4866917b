package dev.sqllint.rules;

import dev.sqllint.schema.KeyModel;
import dev.sqllint.sql.ParsedSql;
import dev.sqllint.sql.SqlKeywords;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import net.sf.jsqlparser.expression.BinaryExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.operators.relational.Between;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.expression.operators.relational.GreaterThan;
import net.sf.jsqlparser.expression.operators.relational.GreaterThanEquals;
import net.sf.jsqlparser.expression.operators.relational.MinorThan;
import net.sf.jsqlparser.expression.operators.relational.MinorThanEquals;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.select.OrderByElement;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectItem;

@RuleInfo(
        name = "DistinctOnHistoryScan",
        title = "Latest row per key read from the whole history",
        summary = "DISTINCT ON to keep the newest row per key of an append-only history table: the database reads "
                + "and sorts every row of those keys' history first",
        severity = Severity.WARNING,
        explanation = "SELECT DISTINCT ON (k) ... ORDER BY k, ts DESC over a history table (rows only added, many "
                + "per key) keeps the newest row per key only after reading and sorting every matching row: the work "
                + "grows with the history. With a LIMIT (on the select or a query around it), over a table the schema "
                + "or historyTables call a history, or read per tenant newest first: the LIMIT does not cut the scan, "
                + "so keep the latest row per key in a small table, upserted on every insert, and read that; in a "
                + "production incident this shape sorted 1.78M rows to show 4. Without a LIMIT, when the query names "
                + "its keys (IN, = ANY(?), = ?, a join to a filtered table), directly or where a CTE or derived table "
                + "is read, from a table or a view: read one row per key with a top-1 on an index (k, ts DESC), "
                + "LATERAL ... LIMIT 1 or, on SQL Server, APPLY with TOP 1. Quiet when the DISTINCT ON columns (and "
                + "those fixed) are a unique key, a time range bounds the rows, on current-state tables (latest_, "
                + "current_) and in migrations.",
        incident = "A workflow application's home page showed the four workflows a workspace had used most recently. "
                + "It derived them from its table of saved runs (7.4M rows) with DISTINCT ON the published workflow, "
                + "newest first, LIMIT 4. One workspace had 1.78M runs of a single workflow: PostgreSQL read them all "
                + "in a parallel sequential scan and sorted them on disk, 2.39 s on every home-page load, to return 4 "
                + "rows. The developers replaced the query with a small table holding one row per workspace and "
                + "workflow and its last-used time, upserted whenever a run is saved; the page then reads between 1 and "
                + "240 rows.",
        before = "SELECT DISTINCT ON (r.published_run_id) r.published_run_id, r.updated_at\n"
                + "FROM saved_runs r WHERE r.workspace_id = ?\n"
                + "ORDER BY r.published_run_id, r.updated_at DESC LIMIT 4",
        after = "-- on every save: INSERT INTO recent_workflows (workspace_id, published_run_id, last_used_at)\n"
                + "--   VALUES (?, ?, now()) ON CONFLICT (workspace_id, published_run_id) DO UPDATE SET last_used_at = now()\n"
                + "SELECT w.published_run_id, w.last_used_at FROM recent_workflows w\n"
                + "WHERE w.workspace_id = ? ORDER BY w.last_used_at DESC LIMIT 4",
        fix = "keep a denormalised latest-per-key table, upserted on write, and read it with ORDER BY ... LIMIT")
public final class DistinctOnHistoryScan implements Rule {

    /** Table names that hold the current state, one row per key, rather than its history. */
    private static final Set<String> CURRENT_STATE_WORDS = Set.of("latest", "current", "last");

    /** The tenant the rows are read for: the column, and why it counts. */
    private record Tenant(String column, KeyModel.Evidence evidence) {
    }

    @Override
    public List<Violation> check(Query query) {
        List<Violation> out = new ArrayList<>();
        ParsedSql sql = query.sql();
        if (MigrationCode.isMigration(sql)) return out; // runs once, on purpose over the whole history
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
        if (scope.tables.isEmpty()) return Optional.empty();

        List<Column> onColumns = new ArrayList<>();
        for (SelectItem<?> item : select.getDistinct().getOnSelectItems()) {
            Column c = Expressions.column(item.getExpression());
            if (c == null) return Optional.empty();
            onColumns.add(c);
        }
        TableRef keyTable = scope.local(onColumns.get(0));
        TableRef history = keyTable != null ? keyTable : scope.tables.get(0);
        if (history.table() == null || isCurrentState(history.name())) return Optional.empty();
        Set<String> onNames = new LinkedHashSet<>();
        for (Column c : onColumns) onNames.add(Expressions.columnName(c));
        // one row per key already: a unique key on the DISTINCT ON columns (and those the query fixes)
        Bindings bindings = Bindings.of(scope, scope.conditions());
        Set<String> bound = new HashSet<>(onNames);
        bound.addAll(bindings.fixedColumns(history, bindings.columnsInEqualities(history)));
        if (keys.uniqueKeyCovered(history.name(), bound).isPresent()) return Optional.empty();
        if (inTimeWindow(scope, history, keys)) return Optional.empty();

        OrderByElement newest = timestampOrder(select, scope, history, keys);
        Optional<KeyModel.Evidence> historyEvidence = keys.historyTable(history.name());
        String limit = limitOf(select, query);
        int at = SqlKeywords.first(query.sql().sql(), "DISTINCT", query.sql().start(select), query.sql().sql().length());
        if (limit != null) {
            Optional<Tenant> tenant = tenantOf(history, scope, keys);
            // a history by name or configuration; or by shape: per-tenant rows read newest first
            if (historyEvidence.isEmpty() && (newest == null || tenant.isEmpty())) return Optional.empty();
            String why = historyEvidence.map(KeyModel.Evidence::reason)
                    .orElseGet(() -> history.name() + " is read per " + tenant.get().column() + ", newest first, like a history");
            boolean proved = keys.declaredKeys(history.name()).isPresent()
                    && (historyEvidence.map(KeyModel.Evidence::proved).orElse(false)
                            || tenant.map(t -> t.evidence().proved()).orElse(false));
            return Optional.of(new Violation(at, limitMessage(history, onColumns, why, newest, limit, tenant, query), proved));
        }
        // without a LIMIT: the latest row of keys the query names, read by scanning every row of those keys
        if (newest == null || newest.isAsc()) return Optional.empty();
        KeysGiven given = KeysGiven.of(select, onColumns.get(0), scope, query);
        if (given == null) return Optional.empty();
        String why = historyEvidence.map(KeyModel.Evidence::reason).orElse(null);
        boolean proved = keys.declaredKeys(history.name()).isPresent()
                && historyEvidence.map(KeyModel.Evidence::proved).orElse(false);
        return Optional.of(new Violation(at, latestPerKeyMessage(history, onColumns, why, newest, given, query), proved));
    }

    /** {@code builds_view}, {@code v_builds}: a view, which takes its indexes from the table behind it. */
    private static boolean isViewName(String table) {
        String t = table.toLowerCase(Locale.ROOT);
        return t.endsWith("_view") || t.endsWith("_vw") || t.endsWith("_v") || t.startsWith("v_") || t.startsWith("vw_");
    }

    private static boolean isCurrentState(String table) {
        for (String word : table.toLowerCase(Locale.ROOT).split("[_.]")) if (CURRENT_STATE_WORDS.contains(word)) return true;
        return false;
    }

    private static String limitMessage(TableRef history, List<Column> on, String why, OrderByElement newest, String limit,
                                       Optional<Tenant> tenant, Query query) {
        String cols = String.join(", ", on.stream().map(Advice::column).toList());
        String ts = newest == null ? null : Expressions.columnName(Expressions.column(newest.getExpression()));
        List<String> keyColumns = new ArrayList<>();
        tenant.ifPresent(t -> keyColumns.add(t.column()));
        for (Column c : on) keyColumns.add(Expressions.columnName(c));
        String perKey = keyColumns.size() == 1 ? keyColumns.get(0) : "(" + String.join(", ", keyColumns) + ")";
        String readBack = tenant.map(t -> "WHERE " + t.column() + " = ? ").orElse("")
                + "ORDER BY " + (ts == null ? "<its time column>" : ts) + " DESC " + limit;
        String diagnosis = String.format("DISTINCT ON (%s) over %s (%s)%s with %s: the database reads and sorts every "
                        + "matching row of %s before it can return the first few; the LIMIT does not cut the scan %s.",
                cols, Advice.table(history), why, newest == null ? "" : ", newest first by " + Advice.sql(newest, 60),
                limit, history.name(), Advice.incident("1.78M rows read and sorted on disk to show 4 rows, 2.39 s a page load"));
        String text = "keep one row per " + perKey + " in a table of its own, upserted on each insert into " + history.name()
                + (ts == null ? "" : " (indexed on " + (tenant.isPresent() ? tenant.get().column() + ", " : "") + ts + " DESC)")
                + ", and read it with " + readBack + ". A top-1 per key does not fit here: the keys are not known before the scan.";
        return diagnosis + " " + Advice.forDatabase(query.dialect(), text);
    }

    private static String latestPerKeyMessage(TableRef history, List<Column> on, String why, OrderByElement newest,
                                              KeysGiven given, Query query) {
        Column key = on.get(0);
        String keyName = Expressions.columnName(key);
        String ts = Expressions.columnName(Expressions.column(newest.getExpression()));
        String alias = history.key();
        String keyCol = alias + "." + keyName;
        String tsCol = alias + "." + ts;
        String diagnosis = String.format("DISTINCT ON (%s) over %s keeps the newest row per %s by %s, but the database "
                        + "first reads and sorts every %s row of those keys: the work grows with the history, not with the "
                        + "number of keys asked for (%s).",
                String.join(", ", on.stream().map(Advice::column).toList()), Advice.table(history), keyName, ts,
                history.name(), why != null ? why : "several rows per " + keyName + " are read newest first");
        String index = isViewName(history.name())
                ? "an index (" + keyName + ", " + ts + " DESC) on the table behind " + history.name()
                : "an index " + history.name() + " (" + keyName + ", " + ts + " DESC)";
        String top1 = "SELECT " + alias + ".* FROM " + Advice.table(history) + " WHERE " + keyCol + " = %s ORDER BY " + tsCol
                + " DESC";
        String latestTable = " If the latest row is read far more often than rows are added, keep it in a table of its own "
                + "(one row per " + keyName + ", upserted on each insert into " + history.name() + ").";
        if (given.kind() == KeysGiven.Kind.ONE) {
            String text = "ask for one row: ORDER BY " + tsCol + " DESC LIMIT 1 on " + index + " reads one index entry.";
            return diagnosis + " " + Advice.forDatabase(query.dialect(), text,
                    "ask for one row: ORDER BY " + tsCol + " DESC LIMIT 1 on " + index + " reads one index entry.",
                    "ask for one row: SELECT TOP 1 ... ORDER BY " + tsCol + " DESC on " + index + " reads one index entry.");
        }
        boolean joined = given.kind() == KeysGiven.Kind.JOINED;
        String outerKey = joined ? given.source() : "k." + keyName;
        String lateral = "(" + String.format(top1, outerKey) + " LIMIT 1) " + alias;
        String pg = "read one row per key with a LATERAL top-1 on " + index + ": SELECT " + alias + ".* FROM " + given.from() + " "
                + (given.outerJoin() ? "LEFT JOIN LATERAL " + lateral + " ON true" : "CROSS JOIN LATERAL " + lateral)
                + "." + latestTable;
        String mysql = "read one row per key with a LATERAL top-1 (MySQL 8.0.14+) on " + index + ": SELECT " + alias
                + ".* FROM " + keysFrom(given, keyName, "ROW(?)") + " " + (given.outerJoin() ? "LEFT JOIN" : "JOIN")
                + " LATERAL " + lateral + " ON true." + latestTable;
        String mssql = "read one row per key with a top-1 on " + index + ": SELECT " + alias + ".* FROM "
                + keysFrom(given, keyName, "(?)") + " " + (given.outerJoin() ? "OUTER APPLY" : "CROSS APPLY") + " ("
                + String.format(top1, outerKey)
                .replaceFirst("^SELECT ", "SELECT TOP 1 ") + ") " + alias + "." + latestTable;
        return diagnosis + " " + Advice.forDatabase(query.dialect(), pg, mysql, mssql);
    }

    /**
     * Where the keys come from, as a FROM item of the project's database: PostgreSQL's {@code unnest(?)} of an
     * array parameter is a VALUES list of {@code row} elsewhere ({@code ROW(?)} on MySQL 8.0.19+, {@code (?)} on
     * SQL Server); a subquery or a joined table stays as the query wrote it.
     */
    private static String keysFrom(KeysGiven given, String keyName, String row) {
        if (given.kind() != KeysGiven.Kind.LIST || !given.from().startsWith("unnest(")) return given.from();
        return "(VALUES " + row + ", " + row + ", ...) AS k(" + keyName + ")";
    }

    /** A range on a time column of the history: the rows read are bounded by the window, whatever the history holds. */
    private static boolean inTimeWindow(SelectScope scope, TableRef history, KeyModel keys) {
        for (Expression term : scope.conditions()) {
            Column c = null;
            if (term instanceof Between between && !between.isNot()) {
                c = Expressions.column(between.getLeftExpression());
            } else if (term instanceof GreaterThan || term instanceof GreaterThanEquals || term instanceof MinorThan
                    || term instanceof MinorThanEquals) {
                BinaryExpression b = (BinaryExpression) term;
                c = Expressions.column(b.getLeftExpression());
                if (c == null) c = Expressions.column(b.getRightExpression());
            }
            if (c != null && scope.local(c) == history && keys.isTimestamp(history.name(), Expressions.columnName(c))) return true;
        }
        return false;
    }

    /** The tenant or owner the rows belong to: a declared foreign key, or an equality filter on a *_id column. */
    private static Optional<Tenant> tenantOf(TableRef history, SelectScope scope, KeyModel keys) {
        Optional<KeyModel.Evidence> declared = keys.tenantKey(history.name());
        for (Expression term : scope.conditions()) {
            if (!(term instanceof EqualsTo eq)) continue;
            for (Expression side : List.of(eq.getLeftExpression(), eq.getRightExpression())) {
                Column c = Expressions.column(side);
                Expression other = side == eq.getLeftExpression() ? eq.getRightExpression() : eq.getLeftExpression();
                if (c != null && scope.local(c) == history && Expressions.columnName(c).endsWith("_id") && Expressions.isValue(other)) {
                    String column = Expressions.columnName(c);
                    return Optional.of(new Tenant(column, declared.orElse(KeyModel.Evidence.convention(column))));
                }
            }
        }
        return declared.map(d -> new Tenant(tenantColumn(d.reason()), d));
    }

    /** "shipment_scans.carrier_id references carriers (V1:2)" names carrier_id. */
    private static String tenantColumn(String reason) {
        String first = reason.split(" ")[0];
        return first.substring(first.lastIndexOf('.') + 1);
    }

    /** The ORDER BY element on a timestamp column of the history, or null. */
    private static OrderByElement timestampOrder(PlainSelect select, SelectScope scope, TableRef history, KeyModel keys) {
        List<OrderByElement> order = select.getOrderByElements();
        if (order == null) return null;
        for (OrderByElement e : order) {
            Column c = Expressions.column(e.getExpression());
            if (c != null && keys.isTimestamp(history.name(), Expressions.columnName(c))) {
                TableRef t = scope.local(c);
                if (t == null || t == history) return e;
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
