package dev.sqllint.rules;

import dev.sqllint.sql.SqlTree;
import java.util.ArrayList;
import java.util.List;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.PlainSelect;

/**
 * The tables one SELECT reads and the scope around it, so a column can be traced to its table, and a
 * subquery column that refers outside (a correlation) can be told from a local one.
 */
final class SelectScope {

    final PlainSelect select;
    final SelectScope outer;
    final List<TableRef> tables = new ArrayList<>();

    private SelectScope(PlainSelect select, SelectScope outer) {
        this.select = select;
        this.outer = outer;
        add(select.getFromItem(), null);
        if (select.getJoins() != null) for (Join j : select.getJoins()) add(j.getRightItem(), j);
    }

    static SelectScope of(PlainSelect select, SqlTree tree) {
        PlainSelect enclosing = tree.enclosing(select, PlainSelect.class);
        return new SelectScope(select, enclosing == null ? null : of(enclosing, tree));
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

    /** The AND-ed terms of WHERE and of every JOIN ... ON: where this select's equalities are read from. */
    List<Expression> conditions() {
        List<Expression> out = new ArrayList<>();
        if (select.getWhere() != null) out.addAll(Expressions.conjuncts(select.getWhere()));
        if (select.getJoins() != null) {
            for (Join j : select.getJoins()) {
                if (j.getOnExpressions() != null) for (Expression on : j.getOnExpressions()) out.addAll(Expressions.conjuncts(on));
            }
        }
        return out;
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
