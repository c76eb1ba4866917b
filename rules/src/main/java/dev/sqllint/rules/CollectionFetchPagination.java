package dev.sqllint.rules;

import dev.sqllint.extract.Language;
import dev.sqllint.extract.Paging;
import dev.sqllint.schema.KeyModel;
import dev.sqllint.sql.Origin;
import dev.sqllint.sql.ParsedSql;
import dev.sqllint.sql.SqlText;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.PlainSelect;

@RuleInfo(
        name = "CollectionFetchPagination",
        title = "Paging a query that fetches a collection",
        summary = "A paged JPA query that fetch-joins a collection (join fetch, or an entity graph): Hibernate pages it "
                + "in memory, after reading every matching row",
        severity = Severity.WARNING,
        explanation = "A JPQL or Criteria query that fetches a to-many association (join fetch o.items, or an "
                + "@EntityGraph over a @OneToMany, @ManyToMany or @ElementCollection) returns one row per child, so "
                + "Hibernate cannot put a page into the SQL. Paged all the same (a Pageable, Limit or Page result, "
                + "findFirst10, setMaxResults, setFirstResult, a Specification run with a Pageable), it runs the query without a limit, reads every matching "
                + "parent with all its children and cuts the page in memory (HHH90003004; HHH000104 before Hibernate "
                + "6). The cost grows with the table, not with the page; in a production incident the service ran out "
                + "of memory. The mapping must prove the association a collection (JPA annotations or hbm.xml), and the "
                + "message says which annotation did; to-one fetches, unpaged queries, one parent pinned by its key "
                + "and associations no mapping among the sources declares stay quiet.",
        incident = "An open-source BPM platform's notification service answered paged GraphQL queries over tasks and "
                + "their variables through JPA, and ran out of memory: the queries fetch-joined each "
                + "task's variables, a collection, and were paged, so Hibernate logged HHH000104 and read every "
                + "matching task with all its variables before it cut the page in memory. The GraphQL-to-JPA library "
                + "the service used fixed it with two queries: one page of the root entities' keys, paged in SQL, "
                + "then the entities of that page with their collections fetched by key.",
        incidentSource = "https://github.com/Activiti/Activiti/issues/3139",
        exampleEntities = """
                package com.acme;
                import jakarta.persistence.*;
                import java.util.Set;
                @Entity @Table(name = "review_requests")
                class ReviewRequest {
                  @Id Long id;
                  @Column(name = "repository_id") Long repositoryId;
                  @ManyToMany
                  @JoinTable(name = "review_request_target_groups", joinColumns = @JoinColumn(name = "review_request_id"),
                      inverseJoinColumns = @JoinColumn(name = "group_id"))
                  Set<ReviewGroup> targetGroups;
                }
                @Entity @Table(name = "review_groups")
                class ReviewGroup { @Id Long id; String name; }
                """,
        before = """
                @Query("select r from ReviewRequest r join fetch r.targetGroups"
                        + " where r.repositoryId = :repositoryId order by r.id desc")
                Page<ReviewRequest> findQueue(Long repositoryId, Pageable pageable);""",
        after = """
                @Query("select r.id from ReviewRequest r where r.repositoryId = :repositoryId order by r.id desc")
                Page<Long> findQueueIds(Long repositoryId, Pageable pageable);

                @Query("select distinct r from ReviewRequest r left join fetch r.targetGroups"
                        + " where r.id in :ids order by r.id desc")
                List<ReviewRequest> findWithTargetGroups(Collection<Long> ids);""",
        fix = "page the ids first (select o.id ... with the Pageable), then join fetch the collection where o.id in "
                + ":ids; or drop the fetch and let @BatchSize / hibernate.default_batch_fetch_size load the page's "
                + "children")
public final class CollectionFetchPagination implements Rule {

    /** The incident's evidence, quoted in every message. */
    private static final String OUTCOME = "a paged query read every matching task with all its variables, and the "
            + "service ran out of memory";

    /** A fetched association: how the query fetches it, what the mapping says it is, and where to report it. */
    private record Fetch(String how, KeyModel.Relation relation, int offset) {
    }

    @Override
    public List<Violation> check(Query query) {
        List<Violation> out = new ArrayList<>();
        Query.Jpa jpa = query.jpa();
        ParsedSql jpql = jpa.written() != null ? jpa.written()
                : query.language() == Language.JPQL ? query.sql() : null;
        PlainSelect select = jpql != null && jpql.statement() instanceof PlainSelect p ? p : null;
        String pagedBy = jpa.paging().pagedBy();
        if (pagedBy == null && select != null) pagedBy = limitInQuery(select);
        if (pagedBy == null) return out;
        List<Fetch> fetches = new ArrayList<>();
        Map<String, String> aliases = new HashMap<>();
        String root = null;
        if (select != null) {
            root = entity(select.getFromItem(), aliases);
            if (select.getJoins() != null) for (Join j : select.getJoins()) join(j, jpql, query, aliases, fetches);
        } else if (jpql == null) {
            root = jpa.entity(); // a derived query: the repository's entity
        }
        if (jpa.paging().graph() != null && root != null) graph(jpa.paging().graph(), root, query.keys(), fetches);
        Fetch first = fetches.stream().filter(f -> f.relation().toMany()).findFirst().orElse(null);
        if (first == null || onePinnedRoot(query)) return out;
        KeyModel.Relation r = first.relation();
        String owner = r.entity();
        String alias = select != null && select.getFromItem().getAlias() != null
                ? select.getFromItem().getAlias().getName() : owner.substring(0, 1).toLowerCase(Locale.ROOT);
        String message = String.format("%s loads %s.%s, a collection (%s), and the query is paged (%s): Hibernate "
                        + "cannot page rows that repeat each %s once per element, so it runs the query without a limit, "
                        + "reads every matching %s with all its %s and cuts the page in memory (HHH90003004 / "
                        + "HHH000104: \"firstResult/maxResults specified with collection fetch; applying in memory\") %s. %s",
                first.how(), owner, r.property(), r.evidence(), pagedBy, owner, owner, r.property(),
                Advice.incident(OUTCOME), Advice.forDatabase(query.dialect(), advice(select, jpql, alias, owner, r)));
        out.add(new Violation(Math.max(0, mapped(first.offset(), jpql, query.sql())), message, true));
        return out;
    }

    /**
     * The query reads at most one root row: its WHERE binds a unique key of the root table to values ({@code where
     * o.id = :id}, often with {@code setMaxResults(1)}). The page is then cut from that one row's children in memory,
     * which costs nothing.
     */
    private static boolean onePinnedRoot(Query query) {
        if (!(query.sql().statement() instanceof PlainSelect s) || !(s.getFromItem() instanceof Table t)
                || t.getName() == null || s.getWhere() == null) {
            return false;
        }
        String alias = t.getAlias() != null ? t.getAlias().getName() : t.getName();
        Set<String> bound = new HashSet<>();
        for (Expression term : Expressions.conjuncts(s.getWhere())) {
            if (!(term instanceof EqualsTo eq)) continue;
            for (Expression[] sides : new Expression[][] {{eq.getLeftExpression(), eq.getRightExpression()},
                    {eq.getRightExpression(), eq.getLeftExpression()}}) {
                Column c = Expressions.column(sides[0]);
                if (c != null && c.getTable() != null && alias.equalsIgnoreCase(c.getTable().getName())
                        && Expressions.isValue(sides[1])) {
                    bound.add(Expressions.columnName(c));
                }
            }
        }
        return !bound.isEmpty() && query.keys().uniqueKeyCovered(t.getName(), bound).isPresent();
    }

    /** {@code LIMIT 10} or {@code OFFSET ?} on the outer select (Criteria's setMaxResults, HQL 6's limit). */
    private static String limitInQuery(PlainSelect select) {
        if (select.getLimit() != null) return "`" + select.getLimit().toString().trim() + "` in the query";
        if (select.getOffset() != null) return "`" + select.getOffset().toString().trim() + "` in the query";
        if (select.getFetch() != null) return "`" + select.getFetch().toString().trim() + "` in the query";
        return null;
    }

    /** The entity a FROM item names, recorded under its alias; null when it is not a plain entity name. */
    private static String entity(FromItem item, Map<String, String> aliases) {
        if (!(item instanceof Table t) || t.getName() == null) return null;
        String name = t.getName();
        aliases.put(item.getAlias() != null ? item.getAlias().getName() : name, name);
        return name;
    }

    /**
     * {@code join fetch o.items i}: the path's association (through the entity of its alias), recorded as a fetch
     * when the join fetches; the join's alias names the association's target for the joins after it.
     */
    private static void join(Join j, ParsedSql jpql, Query query, Map<String, String> aliases, List<Fetch> fetches) {
        if (!(j.getRightItem() instanceof Table t) || t.getName() == null) return;
        String[] path = t.getFullyQualifiedName().split("\\.");
        if (path.length < 2) {
            entity(t, aliases); // FROM Order o, Customer c
            return;
        }
        String entity = aliases.get(path[0]);
        KeyModel.Relation last = null;
        for (int i = 1; i < path.length && entity != null; i++) {
            last = query.keys().relation(entity, path[i]).orElse(null);
            entity = last == null ? null : last.target();
        }
        if (last == null) return; // not mapped among the sources: unknown stays unknown
        if (j.getRightItem().getAlias() != null && last.target() != null) {
            aliases.put(j.getRightItem().getAlias().getName(), last.target());
        }
        if (j.isFetch()) {
            int start = joinKeyword(jpql, t);
            int end = jpql.end(t);
            String written = start >= 0 && end > start ? jpql.sql().substring(start, end) : j.toString();
            fetches.add(new Fetch("`" + written.replaceAll("\\s+", " ").trim() + "`", last, start));
        }
    }

    /**
     * The offset of the join's first keyword ({@code left join fetch o.items}) in the query as written; -1 when the
     * path's position is not known.
     */
    private static int joinKeyword(ParsedSql jpql, Table path) {
        int at = jpql.start(path);
        if (at < 0) return -1;
        String lower = jpql.sql().toLowerCase(Locale.ROOT);
        int join = lower.lastIndexOf("join", at);
        if (join < 0) return at;
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?:(?:left|right|inner|outer)\\s+)+$")
                .matcher(lower.substring(0, join));
        return m.find() ? m.start() : join;
    }

    /** Each attribute path of the entity graph, walked from the root entity; its collections are fetches. */
    private static void graph(Paging.EntityGraph graph, String root, KeyModel keys, List<Fetch> fetches) {
        List<String> paths = graph.attributePaths();
        String written = graph.written();
        if (paths.isEmpty() && graph.named() != null) {
            Optional<KeyModel.NamedGraph> named = keys.namedGraph(graph.named());
            if (named.isEmpty()) return;
            paths = named.get().attributePaths();
            written += " (" + named.get().source() + ")";
        }
        for (String p : paths) {
            String entity = root;
            for (String segment : p.split("\\.")) {
                KeyModel.Relation r = entity == null ? null : keys.relation(entity, segment).orElse(null);
                if (r == null) break;
                if (r.toMany()) {
                    fetches.add(new Fetch("The entity graph " + written, r, 0));
                    break;
                }
                entity = r.target();
            }
        }
    }

    /**
     * The two fixes in the user's names: the ids query (the statement's own joins and conditions, without the
     * fetch) and the fetch by ids; or batch fetching.
     */
    private static String advice(PlainSelect select, ParsedSql jpql, String alias, String owner, KeyModel.Relation r) {
        StringBuilder ids = new StringBuilder("select ").append(alias).append(".id from ").append(owner).append(' ')
                .append(alias);
        if (select != null) {
            if (select.getJoins() != null) {
                for (Join j : select.getJoins()) if (!j.isFetch()) ids.append(' ').append(Advice.sql(j, 120));
            }
            if (select.getWhere() != null) ids.append(" where ").append(Advice.sql(select.getWhere(), 200));
            if (select.getOrderByElements() != null && !select.getOrderByElements().isEmpty()) {
                ids.append(" order by ").append(String.join(", ",
                        select.getOrderByElements().stream().map(o -> Advice.sql(o, 80)).toList()));
            }
        }
        return "page the ids first (" + ids.toString().replaceAll("\\s+", " ") + ", with the paging), then load that "
                + "page with select distinct " + alias + " from " + owner + " " + alias + " left join fetch " + alias + "."
                + r.property() + " where " + alias + ".id in :ids (keep the order by); or drop the fetch and let "
                + "@BatchSize on " + owner + "." + r.property() + " (or hibernate.default_batch_fetch_size) load the "
                + "page's " + r.property() + " in a few IN queries.";
    }

    /** The offset in the SQL the rules check that comes from the same source position as {@code offset} in the JPQL. */
    private static int mapped(int offset, ParsedSql jpql, ParsedSql checked) {
        if (offset < 0 || jpql == null) return 0;
        if (jpql == checked) return offset;
        Origin want = jpql.text().originAt(offset);
        SqlText text = checked.text();
        for (int i = 0; i < text.length(); i++) {
            if (want.equals(text.originAt(i))) return i;
        }
        return 0;
    }
}
