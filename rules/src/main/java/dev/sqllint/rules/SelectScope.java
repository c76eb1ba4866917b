package dev.sqllint.rules;

import dev.sqllint.sql.SqlTree;
import java.util.ArrayList;
import java.util.List;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.update.Update;

/**
 * The tables one SELECT (or the UPDATE or DELETE of a statement) reads and the scope around it, so a column
 * can be traced to its table, and a subquery column that refers outside (a correlation) can be told from a
 * local one.
 */
final class SelectScope {

    /** The select, or null when this is the scope of an UPDATE or DELETE. */
    final PlainSelect select;
    /** The UPDATE or DELETE (or the select): the node whose WHERE this scope filters by. */
    final Object owner;
    final Expression where;
    final SelectScope outer;
    final List<TableRef> tables = new ArrayList<>();
    private final List<Join> joins = new ArrayList<>();

    private SelectScope(PlainSelect select, SelectScope outer) {
        this.select = select;
        this.owner = select;
        this.where = select.getWhere();
        this.outer = outer;
        add(select.getFromItem(), null);
        addJoins(select.getJoins());
    }

    /** UPDATE t SET ... [FROM ...] WHERE: the target table and what FROM and JOIN add. */
    private SelectScope(Update update, SelectScope outer) {
        this.select = null;
        this.owner = update;
        this.where = update.getWhere();
        this.outer = outer;
        // SQL Server's UPDATE RES SET ... FROM ACT_HI_DEC_IN RES: the target is an alias of the FROM, not a table
        if (!targetIsAlias(update)) add(update.getTable(), null);
        addJoins(update.getStartJoins());
        add(update.getFromItem(), null);
        addJoins(update.getJoins());
    }

    private static boolean targetIsAlias(Update update) {
        Table target = update.getTable();
        if (target == null || target.getSchemaName() != null || target.getName() == null) return false;
        List<FromItem> items = new ArrayList<>();
        if (update.getFromItem() != null) items.add(update.getFromItem());
        if (update.getJoins() != null) for (Join j : update.getJoins()) items.add(j.getRightItem());
        for (FromItem item : items) {
            if (item.getAlias() != null && target.getName().equalsIgnoreCase(item.getAlias().getName())) return true;
        }
        return false;
    }

    /** DELETE FROM t [USING ...] [JOIN ...] WHERE. */
    private SelectScope(Delete delete, SelectScope outer) {
        this.select = null;
        this.owner = delete;
        this.where = delete.getWhere();
        this.outer = outer;
        add(delete.getTable(), null);
        if (delete.getUsingFromItemList() != null) for (FromItem using : delete.getUsingFromItemList()) add(using, null);
        addJoins(delete.getJoins());
    }

    private void addJoins(List<Join> list) {
        if (list == null) return;
        for (Join j : list) {
            joins.add(j);
            add(j.getRightItem(), j);
        }
    }

    static SelectScope of(PlainSelect select, SqlTree tree) {
        return new SelectScope(select, enclosing(select, tree));
    }

    /** The scope of the SELECT, UPDATE or DELETE that holds {@code node}, or null. */
    static SelectScope enclosing(Object node, SqlTree tree) {
        for (Object p = tree.parent(node); p != null; p = tree.parent(p)) {
            if (p instanceof PlainSelect s) return of(s, tree);
            if (p instanceof Update u) return new SelectScope(u, enclosing(u, tree));
            if (p instanceof Delete d) return new SelectScope(d, enclosing(d, tree));
        }
        return null;
    }

    /**
     * A scope for every SELECT, UPDATE and DELETE of the statement that filters with a WHERE, outermost first:
     * where conditions of the whole statement are read from, subqueries and CTEs included.
     */
    static List<SelectScope> withWhere(SqlTree tree) {
        List<SelectScope> out = new ArrayList<>();
        for (Object n : tree.all(Object.class)) {
            if (n instanceof PlainSelect s && s.getWhere() != null) out.add(of(s, tree));
            else if (n instanceof Update u && u.getWhere() != null) out.add(new SelectScope(u, enclosing(u, tree)));
            else if (n instanceof Delete d && d.getWhere() != null) out.add(new SelectScope(d, enclosing(d, tree)));
        }
        return out;
    }

    private void add(FromItem item, Join join) {
        if (item == null) return;
        String alias = item.getAlias() == null ? null : Expressions.lower(item.getAlias().getName());
        if (item instanceof Table t) {
            String name = Expressions.lower(t.getName());
            String schema = Expressions.lower(t.getSchemaName());
            String owner = schema != null && byKey(schema) != null ? schema : null;
            tables.add(new TableRef(name, alias, t, join, owner));
        } else {
            tables.add(new TableRef(null, alias, null, join, null));
        }
    }

    private TableRef byKey(String key) {
        for (TableRef t : tables) {
            if (key.equals(t.key()) || (t.alias() == null && key.equals(t.name()))) return t;
        }
        return null;
    }

    /**
     * The AND-ed terms of WHERE and of every JOIN ... ON, and the equalities a JOIN ... USING (c) stands for:
     * where this select's equalities are read from.
     */
    List<Expression> conditions() {
        List<Expression> out = new ArrayList<>();
        if (where != null) out.addAll(Expressions.conjuncts(where));
        for (Join j : joins) {
            if (j.getOnExpressions() != null) for (Expression on : j.getOnExpressions()) out.addAll(Expressions.conjuncts(on));
        }
        for (int i = 0; i < tables.size(); i++) {
            Join j = tables.get(i).join();
            if (j != null && j.getUsingColumns() != null) out.addAll(usingEqualities(i, j.getUsingColumns()));
        }
        return out;
    }

    /** {@code a JOIN b USING (c)}: {@code a.c = b.c}, with {@code a} the earlier table that has {@code c}. */
    List<Expression> usingEqualities(int joined, List<Column> using) {
        List<Expression> out = new ArrayList<>();
        TableRef right = tables.get(joined);
        if (right.key() == null) return out;
        for (Column u : using) {
            String name = Expressions.columnName(u);
            TableRef left = usingSide(joined, name);
            if (left == null || left.key() == null) continue;
            out.add(new EqualsTo(new Column(new Table(left.key()), name), new Column(new Table(right.key()), name)));
        }
        return out;
    }

    /**
     * The table before {@code joined} a USING column comes from: the only one, else the only one the query names
     * that column of; unknown (null) otherwise.
     */
    private TableRef usingSide(int joined, String column) {
        if (joined == 1) return tables.get(0);
        TableRef found = null;
        for (Column c : SqlTree.within(owner, Column.class, null)) {
            if (!column.equals(Expressions.columnName(c)) || Expressions.qualifier(c) == null) continue;
            TableRef t = local(c);
            if (t == null || tables.indexOf(t) >= joined) continue;
            if (found != null && found != t) return null;
            found = t;
        }
        return found;
    }

    /** The table of this scope a column belongs to, or null (unknown, or from an outer scope). */
    TableRef local(Column c) {
        String q = Expressions.qualifier(c);
        if (q == null) return tables.size() == 1 ? tables.get(0) : null; // unqualified: only when unambiguous
        TableRef byAlias = byKey(q);
        if (byAlias != null) return byAlias;
        for (TableRef t : tables) if (q.equals(t.name())) return t;
        return null;
    }

    /** Whether a qualified column names a table of an enclosing scope and none of this one. */
    boolean isOuter(Column c) {
        String q = Expressions.qualifier(c);
        if (q == null || local(c) != null) return false;
        for (SelectScope s = outer; s != null; s = s.outer) if (s.local(c) != null) return true;
        return false;
    }

    /** The table a column resolves to in this scope or an enclosing one. */
    TableRef resolve(Column c) {
        for (SelectScope s = this; s != null; s = s.outer) {
            TableRef t = s.local(c);
            if (t != null) return t;
        }
        return null;
    }
}
