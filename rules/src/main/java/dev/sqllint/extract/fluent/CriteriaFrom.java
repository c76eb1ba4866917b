package dev.sqllint.extract.fluent;

import dev.sqllint.extract.fluent.JooqValue.Cond;
import dev.sqllint.sql.Origin;
import dev.sqllint.sql.SqlText;

/**
 * A root ({@code cq.from(Track.class)}), a join ({@code r.join("collaborators", JoinType.LEFT)}, {@code fetch})
 * or a correlated root ({@code sq.correlate(r)}) of a Criteria query. It renders as its JPQL identification
 * variable: {@code alias} when selected or counted, {@code alias.id} when compared as an entity, and
 * {@code alias.attribute} for its paths.
 */
final class CriteriaFrom implements CriteriaValue {

    /** The query whose FROM clause it belongs to. */
    final CriteriaSelect owner;
    final String alias;
    /** A root's entity name as JPQL names it, with the origin of its {@code X.class}; null for a join. */
    final SqlText entity;
    /** A join's: what it joins from, the attribute, and {@code JOIN}, {@code LEFT JOIN}, {@code JOIN FETCH}, ... */
    final CriteriaFrom parent;
    final String attribute;
    final String keyword;
    /** The {@code from}, {@code join} or {@code fetch} call the FROM text points at. */
    final Origin origin;
    /** What {@code join.on(...)} adds. */
    Cond on = Cond.NONE;

    private CriteriaFrom(CriteriaSelect owner, String alias, SqlText entity, CriteriaFrom parent, String attribute,
                         String keyword, Origin origin) {
        this.owner = owner;
        this.alias = alias;
        this.entity = entity;
        this.parent = parent;
        this.attribute = attribute;
        this.keyword = keyword;
        this.origin = origin;
    }

    static CriteriaFrom root(CriteriaSelect owner, String alias, SqlText entity, Origin origin) {
        return new CriteriaFrom(owner, alias, entity, null, null, null, origin);
    }

    /** A join from {@code parent} into the query {@code owner} (a subquery joining from a correlated root). */
    static CriteriaFrom join(CriteriaSelect owner, CriteriaFrom parent, String attribute, String keyword, String alias,
                             Origin origin) {
        return new CriteriaFrom(owner, alias, null, parent, attribute, keyword, origin);
    }

    /** {@code sq.correlate(r)}: the outer root under the same name, whose joins go into the subquery. */
    static CriteriaFrom correlated(CriteriaSelect subquery, CriteriaFrom outer, Origin origin) {
        return new CriteriaFrom(subquery, outer.alias, null, null, null, null, origin);
    }

    boolean isRoot() {
        return entity != null;
    }

    /** The root a chain of joins starts from, or null for a correlated root's joins. */
    CriteriaFrom root() {
        CriteriaFrom f = this;
        while (f.parent != null) f = f.parent;
        return f.isRoot() ? f : null;
    }

    /** {@code r.status}: the path of one of its attributes, at the call that named it. */
    SqlText path(String name, Origin at) {
        return SqlText.of(alias + "." + name, at);
    }

    /** As a compared value: the entity is compared by its identifier (JPQL's {@code r.id}). */
    SqlText asOperand(Origin at) {
        return path("id", at);
    }

    /** {@code t.tags g}: a join of a correlated root, as the range of a subquery that has no root of its own. */
    SqlText renderAsRange() {
        return SqlText.of(parent.alias + "." + attribute + " " + alias, origin);
    }

    /** {@code  LEFT JOIN r.collaborators c ON ...}, all at the join call. */
    SqlText renderJoin() {
        SqlText s = SqlText.of(" " + keyword + " " + parent.alias + "." + attribute + " " + alias, origin);
        if (!on.isNone()) s = s.append(SqlText.of(" ON ", origin)).append(on.sql());
        return s;
    }
}
