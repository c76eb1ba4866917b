package dev.sqllint.extract.fluent;

import dev.sqllint.sql.Origin;
import dev.sqllint.sql.SqlText;
import java.util.ArrayList;
import java.util.List;

/**
 * A jOOQ select as it is being built by a chain: {@code select(...)}, then {@code .from(...)}, joins,
 * {@code .where(...)} and so on, each step a copy with one clause changed ({@link JooqSelectSteps}), so a
 * select kept in a local and extended later is still the same value. {@link #render()} writes the SQL jOOQ
 * would send (without its quoting and schema prefixes), each keyword with the origin of its Java call. A JPA
 * Criteria query keeps its clauses in one too ({@link CriteriaSelect}).
 */
final class JooqQuery implements JooqValue {

    /** Which condition a {@code .and(...)} or {@code .or(...)} of the chain extends. */
    enum Target { ON, WHERE, HAVING }

    Origin selectOrigin;
    Origin distinctOrigin;
    List<SqlText> distinctOn = List.of();
    Origin distinctOnOrigin;
    List<SqlText> items = List.of();
    List<Table> from = List.of();
    Origin fromOrigin;
    Cond where = Cond.NONE;
    Origin whereOrigin;
    List<SqlText> groupBy = List.of();
    Origin groupByOrigin;
    Cond having = Cond.NONE;
    Origin havingOrigin;
    List<SqlText> orderBy = List.of();
    Origin orderByOrigin;
    SqlText limit;
    SqlText offset;
    SqlText forUpdate;
    /** {@code a.union(b)}: the set operation; the ORDER BY and LIMIT that follow apply to all of it. */
    SqlText compound;
    Target target = Target.WHERE;
    /** {@code dsl.fetchCount(select)} and the like wrap the select: {@code SELECT count(*) FROM (...) AS q}. */
    SqlText wrapBefore;
    SqlText wrapAfter;

    JooqQuery(Origin selectOrigin) {
        this.selectOrigin = selectOrigin;
    }

    JooqQuery copy() {
        JooqQuery q = new JooqQuery(selectOrigin);
        q.distinctOrigin = distinctOrigin;
        q.distinctOn = distinctOn;
        q.distinctOnOrigin = distinctOnOrigin;
        q.items = items;
        q.from = from;
        q.fromOrigin = fromOrigin;
        q.where = where;
        q.whereOrigin = whereOrigin;
        q.groupBy = groupBy;
        q.groupByOrigin = groupByOrigin;
        q.having = having;
        q.havingOrigin = havingOrigin;
        q.orderBy = orderBy;
        q.orderByOrigin = orderByOrigin;
        q.limit = limit;
        q.offset = offset;
        q.forUpdate = forUpdate;
        q.compound = compound;
        q.target = target;
        q.wrapBefore = wrapBefore;
        q.wrapAfter = wrapAfter;
        return q;
    }

    /** Every table of the FROM clause so far, in order (for {@code onKey()}). */
    List<TableRef> tableRefs() {
        List<TableRef> out = new ArrayList<>();
        for (Table t : from) out.addAll(t.refs());
        return out;
    }

    boolean hasOrderOrLimit() {
        return !orderBy.isEmpty() || limit != null || offset != null;
    }

    SqlText render() {
        SqlText s = compound != null ? compound : renderSelect();
        if (!orderBy.isEmpty()) s = s.append(SqlText.of(" ORDER BY ", orderByOrigin)).append(list(orderBy, orderByOrigin));
        if (limit != null) s = s.append(limit);
        if (offset != null) s = s.append(offset);
        if (forUpdate != null) s = s.append(forUpdate);
        if (wrapBefore != null) s = wrapBefore.append(s).append(wrapAfter);
        return s;
    }

    /** As an operand of UNION, EXCEPT, INTERSECT: parenthesised when it has its own ORDER BY or LIMIT. */
    SqlText renderOperand() {
        return hasOrderOrLimit() ? JooqEvaluator.parenthesised(render()) : render();
    }

    private SqlText renderSelect() {
        SqlText s = SqlText.of("SELECT ", selectOrigin);
        if (distinctOrigin != null) {
            s = s.append(SqlText.of("DISTINCT ", distinctOrigin));
            if (!distinctOn.isEmpty()) {
                s = s.append(SqlText.of("ON (", distinctOnOrigin)).append(list(distinctOn, distinctOnOrigin))
                        .append(SqlText.of(") ", distinctOnOrigin));
            }
        }
        s = s.append(items.isEmpty() ? SqlText.of("*", selectOrigin) : list(items, selectOrigin));
        if (!from.isEmpty()) {
            s = s.append(SqlText.of(" FROM ", fromOrigin));
            boolean first = true;
            for (Table t : from) {
                if (!first) s = s.append(SqlText.of(", ", fromOrigin));
                s = s.append(renderTable(t, false));
                first = false;
            }
        }
        if (!where.isNone()) s = s.append(SqlText.of(" WHERE ", whereOrigin)).append(where.sql());
        if (!groupBy.isEmpty()) s = s.append(SqlText.of(" GROUP BY ", groupByOrigin)).append(list(groupBy, groupByOrigin));
        if (!having.isNone()) s = s.append(SqlText.of(" HAVING ", havingOrigin)).append(having.sql());
        return s;
    }

    /** A FROM item with its joins; a joined group on the right of a join is parenthesised. */
    static SqlText renderTable(Table t, boolean nested) {
        SqlText s = t.base().sql();
        for (Join j : t.joins()) {
            SqlText right = j.right().joins().isEmpty()
                    // the joined table's name points at the .join(...) call that brought it in
                    ? SqlText.of(j.right().base().sql().text(), j.origin())
                    : renderTable(j.right(), true);
            s = s.append(SqlText.of(" " + j.keyword() + " ", j.origin())).append(right);
            if (j.on() != null && !j.on().isNone()) {
                s = s.append(SqlText.of(" ON ", j.on().sql().originAt(0))).append(j.on().sql());
            } else if (j.using() != null) {
                s = s.append(j.using());
            } else if (!j.keyword().startsWith("CROSS") && !j.keyword().startsWith("NATURAL")) {
                s = s.append(SqlText.of(" ON 1 = 1", j.origin()));
            }
        }
        if (nested && !t.joins().isEmpty()) {
            Origin o = s.originAt(0);
            s = SqlText.of("(", o).append(s).append(SqlText.of(")", o));
        }
        return s;
    }

    static SqlText list(List<SqlText> parts, Origin separator) {
        SqlText s = SqlText.empty();
        boolean first = true;
        for (SqlText p : parts) {
            if (!first) s = s.append(SqlText.of(", ", separator));
            s = s.append(p);
            first = false;
        }
        return s;
    }
}
