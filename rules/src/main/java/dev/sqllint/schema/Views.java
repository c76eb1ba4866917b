package dev.sqllint.schema;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.create.view.CreateView;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.AllTableColumns;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectItem;

/**
 * {@code CREATE VIEW} and {@code CREATE MATERIALIZED VIEW} as relations queries join like tables. A view that
 * selects from one table, with no join, grouping, DISTINCT or set operation, has a row per row of that table:
 * every key of the table whose columns it selects is a key of the view, under the view's column names
 * ({@code CREATE VIEW builds_view AS SELECT uuid, name FROM builds} keeps {@code builds.uuid}). Any other view
 * is declared with its keys unknown: queries on it are judged as on an undeclared table, never as on a table
 * that has no key.
 */
final class Views {

    private static final Pattern CREATE_VIEW = Pattern.compile("(?is)\\s*CREATE\\s+(?:OR\\s+REPLACE\\s+)?"
            + "(?:(?:TEMP|TEMPORARY|MATERIALIZED|RECURSIVE|SECURE|FORCE|NOFORCE)\\s+)*VIEW\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?"
            + "([A-Za-z0-9_$.\"`\\[\\]]+).*");

    private Views() {
    }

    static void create(Schema schema, CreateView create, String source) {
        String name = create.getView().getName();
        Optional<Map<String, String>> columns = columnsOfOneTable(create);
        Optional<Table> base = baseTable(schema, create.getSelect());
        schema.dropTable(name);
        Table view = schema.createTable(name, source);
        if (columns.isEmpty() || base.isEmpty() || !base.get().keysKnown()) {
            view.keysUnknown();
            return;
        }
        Map<String, String> renamed = new HashMap<>(columns.get());
        Table t = base.get();
        if (renamed.remove("*") != null) { // SELECT *: every column under its own name
            t.columns().forEach(c -> renamed.putIfAbsent(c, c));
            t.primaryKey().ifPresent(k -> k.columns().forEach(c -> renamed.putIfAbsent(c, c)));
            t.uniqueKeys().forEach(k -> k.columns().forEach(c -> renamed.putIfAbsent(c, c)));
        }
        renamed.values().forEach(c -> view.addColumn(c, ""));
        String from = " (view over " + t.name() + ", " + source + ")";
        t.primaryKey().flatMap(k -> mapped(k, renamed, from)).ifPresent(view::setPrimaryKey);
        for (Key k : t.uniqueKeys()) {
            if (t.indexes().contains(k)) continue; // added below with the indexes
            mapped(k, renamed, from).ifPresent(view::addUniqueKey);
        }
        for (Key k : t.indexes()) mapped(k, renamed, from).ifPresent(view::addIndex);
        if (view.primaryKey().isEmpty() && view.uniqueKeys().isEmpty()) view.keysUnknown();
    }

    /** A view whose statement did not parse: it exists, its keys are unknown. */
    static boolean declareUnparsed(Schema schema, String statement, String source) {
        Matcher m = CREATE_VIEW.matcher(statement);
        if (!m.matches()) return false;
        schema.dropTable(m.group(1));
        schema.createTable(m.group(1), source).keysUnknown();
        return true;
    }

    private static Optional<Key> mapped(Key key, Map<String, String> renamed, String from) {
        List<String> columns = new ArrayList<>();
        for (String c : key.columns()) {
            String to = renamed.get(c);
            if (to == null) return Optional.empty();
            columns.add(to);
        }
        return Optional.of(new Key(key.name(), columns, key.unique(), key.source() + from));
    }

    private static Optional<Table> baseTable(Schema schema, Select select) {
        if (!(select instanceof PlainSelect ps) || !(ps.getFromItem() instanceof net.sf.jsqlparser.schema.Table t)) {
            return Optional.empty();
        }
        return schema.table(t.getName());
    }

    /**
     * Base column (normalised) to the view's column name, when the view is a plain projection of one table; empty
     * when it is not (a join, GROUP BY, DISTINCT, UNION, a subquery in FROM).
     */
    private static Optional<Map<String, String>> columnsOfOneTable(CreateView create) {
        if (!(create.getSelect() instanceof PlainSelect ps)) return Optional.empty();
        if (!(ps.getFromItem() instanceof net.sf.jsqlparser.schema.Table base)) return Optional.empty();
        if (ps.getJoins() != null && !ps.getJoins().isEmpty()) return Optional.empty();
        if (ps.getDistinct() != null || ps.getGroupBy() != null || ps.getHaving() != null) return Optional.empty();
        if (ps.getWithItemsList() != null && !ps.getWithItemsList().isEmpty()) return Optional.empty();
        String alias = base.getAlias() == null ? null : Schema.normalize(base.getAlias().getName());
        String baseName = Schema.normalize(base.getName());
        List<String> viewColumns = new ArrayList<>();
        if (create.getColumnNames() != null) {
            for (Column c : create.getColumnNames()) viewColumns.add(Schema.normalize(c.getColumnName()));
        }
        Map<String, String> out = new HashMap<>();
        List<SelectItem<?>> items = ps.getSelectItems();
        for (int i = 0; i < items.size(); i++) {
            Expression e = items.get(i).getExpression();
            if (e instanceof AllColumns || e instanceof AllTableColumns) {
                out.put("*", "*");
                continue;
            }
            if (!(e instanceof Column c)) continue;
            if (c.getTable() != null && c.getTable().getName() != null) {
                String q = Schema.normalize(c.getTable().getName());
                if (!q.equals(alias) && !q.equals(baseName)) continue;
            }
            String to = i < viewColumns.size() ? viewColumns.get(i)
                    : items.get(i).getAlias() != null ? Schema.normalize(items.get(i).getAlias().getName())
                    : Schema.normalize(c.getColumnName());
            out.putIfAbsent(Schema.normalize(c.getColumnName()), to.toLowerCase(Locale.ROOT));
        }
        return Optional.of(out);
    }
}
