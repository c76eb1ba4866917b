package dev.sqllint.extract.fluent;

import dev.sqllint.sql.Origin;
import dev.sqllint.sql.SqlText;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code CriteriaQuery} or {@code Subquery} as the statements of a method build it: its roots and joins, and
 * its selection, {@code DISTINCT}, restriction, grouping and order, kept as the clauses of a select being built
 * ({@link JooqQuery}, which renders them for jOOQ too). {@link #render()} writes the JPQL it stands for, each
 * keyword at the Java call that set it ({@code DISTINCT} at {@code .distinct(true)}, {@code WHERE} at
 * {@code .where(}, a join at its {@code .join(}), so that the JPQL path ({@code JpqlToSql}) can judge it through
 * the mappings and report findings at the Java that wrote them.
 */
final class CriteriaSelect implements CriteriaValue {

    /** The query a subquery is nested in, or null. */
    final CriteriaSelect outer;
    /** SELECT (at the {@code cb.createQuery(...)} or {@code cq.subquery(...)} call until {@code select}), DISTINCT, WHERE, ... */
    final JooqQuery clauses;
    final List<CriteriaFrom> roots = new ArrayList<>();
    /** Every join, in the order the code made them (a join's parent always comes first). */
    final List<CriteriaFrom> joins = new ArrayList<>();

    CriteriaSelect(CriteriaSelect outer, Origin origin) {
        this.outer = outer;
        this.clauses = new JooqQuery(origin);
    }

    SqlText render() {
        JooqQuery q = clauses.copy();
        if (q.items.isEmpty()) q.items = rootAliases(q.selectOrigin);
        SqlText from = from();
        if (from.length() > 0) {
            q.from = List.of(new JooqValue.Table(new JooqValue.TableRef(null, null, from)));
            q.fromOrigin = from.originAt(0);
        }
        return q.render();
    }

    /** Without {@code select(...)}, JPA selects the root (a subquery, its root too). */
    private List<SqlText> rootAliases(Origin at) {
        List<SqlText> aliases = new ArrayList<>();
        for (CriteriaFrom r : roots) aliases.add(SqlText.of(r.alias, at));
        return aliases.isEmpty() ? List.of(SqlText.placeholder(at)) : aliases;
    }

    /** {@code Track t JOIN t.collaborators c, Account a}: each root followed by the joins made from it. */
    private SqlText from() {
        SqlText s = SqlText.empty();
        for (CriteriaFrom root : roots) {
            if (s.length() > 0) s = s.append(SqlText.of(", ", root.origin));
            s = s.append(root.entity).append(SqlText.of(" " + root.alias, root.origin));
            for (CriteriaFrom j : joins) if (j.root() == root) s = s.append(j.renderJoin());
        }
        // a subquery's joins from a correlated root of the outer query: JPQL names the outer variable, and a
        // subquery with no root of its own ranges over the first of them (FROM t.tags g)
        for (CriteriaFrom j : joins) {
            if (j.root() != null && roots.contains(j.root())) continue;
            s = s.append(s.length() == 0 ? j.renderAsRange() : j.renderJoin());
        }
        return s;
    }
}
