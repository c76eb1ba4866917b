package dev.sqllint.extract;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParserConfiguration;
import dev.sqllint.extract.sinks.SinkCatalog;
import dev.sqllint.schema.JpaModel;
import dev.sqllint.schema.JpaNaming;
import dev.sqllint.schema.Schema;
import dev.sqllint.sql.Origin;
import dev.sqllint.sql.SqlText;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * JPA Criteria queries as the JPQL they stand for, read through the real extractor: the query a method builds
 * statement by statement (roots, joins, selections, predicates in lists, helpers and subqueries), the
 * {@code LIMIT} of the typed query that runs it, Spring Data Specifications, and the origin of every piece (the
 * Java call a finding should point at).
 */
class CriteriaQueriesTest {

    private static final String HEAD = """
            package com.acme.reviews;

            import jakarta.persistence.EntityManager;
            import jakarta.persistence.TypedQuery;
            import jakarta.persistence.criteria.*;
            import java.util.ArrayList;
            import java.util.Collection;
            import java.util.List;

            class ReviewQueries {
              private EntityManager em;
            """;

    private static List<SqlSite> sites(String body) {
        return new ExtractorFixture().source("com/acme/reviews/ReviewQueries.java", HEAD + body + "}\n")
                .sites("com/acme/reviews/ReviewQueries.java");
    }

    private static String jpql(SqlSite site) {
        assertEquals(1, site.variants().size(), "variants of " + site);
        return site.variants().get(0).text();
    }

    /** Line and column (in the file, whose first 11 lines are {@link #HEAD}) that {@code needle} in the JPQL comes from. */
    private static String at(SqlSite site, String needle) {
        SqlText text = site.variants().get(0);
        int i = text.text().indexOf(needle);
        assertTrue(i >= 0, needle + " not in " + text);
        Origin o = text.originAt(i);
        return (o.line() - 11) + ":" + o.column();
    }

    @Test
    void aQueryBuiltStatementByStatementWithItsLimit() {
        List<SqlSite> sites = sites("""
                  List<ReviewRequest> targeting(Collection<String> names) {
                    CriteriaBuilder cb = em.getCriteriaBuilder();
                    CriteriaQuery<ReviewRequest> cq = cb.createQuery(ReviewRequest.class);
                    Root<ReviewRequest> r = cq.from(ReviewRequest.class);
                    Join<ReviewRequest, ReviewGroup> g = r.join("targetGroups", JoinType.LEFT);
                    cq.select(r).distinct(true)
                        .where(cb.and(g.get("name").in(names), cb.equal(r.get("status"), "P")))
                        .orderBy(cb.desc(r.get("createdAt")));
                    return em.createQuery(cq).setMaxResults(20).getResultList();
                  }
                """);
        assertEquals(1, sites.size());
        SqlSite s = sites.get(0);
        assertEquals("JPA Criteria query", s.api());
        assertEquals(Language.JPQL, s.language());
        assertEquals("ReviewQueries.targeting", s.owner());
        assertEquals((9 + 11) + ":27", s.line() + ":" + s.column()); // the argument of createQuery
        assertEquals("SELECT DISTINCT r FROM ReviewRequest r LEFT JOIN r.targetGroups g "
                + "WHERE g.name IN (?) AND r.status = ? ORDER BY r.createdAt DESC LIMIT 20", jpql(s));
        assertEquals("6:8", at(s, "SELECT"));
        assertEquals("6:18", at(s, "DISTINCT"));
        assertEquals("4:32", at(s, "FROM"));
        assertEquals("5:44", at(s, "LEFT JOIN"));
        assertEquals("7:10", at(s, "WHERE"));
        assertEquals("7:19", at(s, "AND"));
        assertEquals("7:37", at(s, " IN ("));
        assertEquals("8:10", at(s, "ORDER BY"));
        assertEquals("9:31", at(s, "LIMIT"));
        assertEquals(SourceKind.JPA_CRITERIA, SourceKind.of(s));
    }

    @Test
    void subqueriesCorrelatedThroughTheOuterRootOrCorrelate() {
        List<SqlSite> sites = sites("""
                  long countInNamedFlows(String name) {
                    CriteriaBuilder cb = em.getCriteriaBuilder();
                    CriteriaQuery<Long> cq = cb.createQuery(Long.class);
                    Root<TaskRun> t = cq.from(TaskRun.class);
                    Subquery<Long> sq = cq.subquery(Long.class);
                    Root<FlowRun> f = sq.from(FlowRun.class);
                    sq.select(f.get("id")).where(cb.equal(f, t.get("flowRun")), cb.like(f.get("name"), name));
                    cq.select(cb.count(t)).where(cb.exists(sq));
                    return em.createQuery(cq).getSingleResult();
                  }

                  List<Track> library(long userId) {
                    CriteriaBuilder cb = em.getCriteriaBuilder();
                    CriteriaQuery<Track> cq = cb.createQuery(Track.class);
                    Root<Track> t = cq.from(Track.class);
                    Subquery<Long> shared = cq.subquery(Long.class);
                    Root<Track> outer = shared.correlate(t);
                    Join<Track, Collaborator> c = outer.join("collaborators");
                    shared.select(c.get("id")).where(cb.equal(c.get("userId"), userId));
                    cq.where(cb.or(cb.equal(t.get("ownerId"), userId), cb.exists(shared)),
                        cb.not(cb.exists(archived(cb, cq, t))));
                    return em.createQuery(cq).getResultList();
                  }

                  private Subquery<Long> archived(CriteriaBuilder cb, CriteriaQuery<?> cq, Root<Track> t) {
                    Subquery<Long> sq = cq.subquery(Long.class);
                    Root<Archive> a = sq.from(Archive.class);
                    return sq.select(cb.literal(1L)).where(cb.equal(a.get("track"), t));
                  }
                """);
        assertEquals(List.of(
                "SELECT count(t) FROM TaskRun t WHERE EXISTS (SELECT f.id FROM FlowRun f WHERE f.id = t.flowRun AND f.name LIKE ?)",
                "SELECT t FROM Track t WHERE (t.ownerId = ? OR EXISTS (SELECT c.id FROM t.collaborators c WHERE c.userId = ?)) "
                        + "AND NOT EXISTS (SELECT 1 FROM Archive a WHERE a.track = t.id)"),
                sites.stream().map(CriteriaQueriesTest::jpql).toList());
        assertEquals("8:37", at(sites.get(0), "EXISTS"));
        assertEquals("20:17", at(sites.get(1), "OR"));
        assertEquals("21:12", at(sites.get(1), "NOT EXISTS"));
        assertEquals("27:26", at(sites.get(1), "FROM Archive")); // in the helper, where it is written
    }

    @Test
    void predicateListsUnderIfsVoidHelpersAndATypedQueryLocal() {
        List<SqlSite> sites = sites("""
                  List<ReviewRequest> search(String status, String title, boolean mine, long me, int page) {
                    CriteriaBuilder cb = em.getCriteriaBuilder();
                    CriteriaQuery<ReviewRequest> cq = cb.createQuery(ReviewRequest.class);
                    Root<ReviewRequest> r = cq.from(ReviewRequest.class);
                    List<Predicate> predicates = new ArrayList<>();
                    if (status != null) {
                      predicates.add(cb.equal(r.get("status"), status));
                    } else {
                      predicates.add(r.get("status").in("P", "A"));
                    }
                    if (title != null) predicates.add(cb.like(cb.lower(r.get("title")), title));
                    addOwnership(cb, r, predicates, mine, me);
                    cq.where(predicates.toArray(new Predicate[0]));
                    TypedQuery<ReviewRequest> query = em.createQuery(cq);
                    query.setFirstResult(page * 20);
                    query.setMaxResults(20);
                    return query.getResultList();
                  }

                  private void addOwnership(CriteriaBuilder cb, Root<ReviewRequest> r, List<Predicate> ps, boolean mine, long me) {
                    if (mine) ps.add(cb.equal(r.get("submitter").get("id"), me));
                  }
                """);
        assertEquals(List.of("SELECT r FROM ReviewRequest r WHERE r.status = ? AND lower(r.title) LIKE ? "
                + "AND r.submitter.id = ? LIMIT 20 OFFSET ?"), sites.stream().map(CriteriaQueriesTest::jpql).toList());
    }

    @Test
    void metamodelAttributesChainedJoinsFetchesAndSelections() {
        List<SqlSite> sites = sites("""
                  List<Object[]> perTeam(List<Long> ids) {
                    CriteriaBuilder cb = em.getCriteriaBuilder();
                    CriteriaQuery<Object[]> cq = cb.createQuery(Object[].class);
                    Root<Track> t = cq.from(Track.class);
                    Join<Account, Team> team = t.join(Track_.owner).join(Account_.TEAM, JoinType.LEFT);
                    t.fetch(Track_.tags, JoinType.LEFT);
                    CriteriaBuilder.In<Long> in = cb.in(t.get(Track_.id));
                    for (Long id : ids) in.value(id);
                    cq.multiselect(team.get(Team_.name), cb.countDistinct(t)).where(in)
                        .groupBy(team.get(Team_.name)).having(cb.gt(cb.count(t), 3));
                    return em.createQuery(cq).getResultList();
                  }

                  List<TrackRow> rows() {
                    CriteriaBuilder cb = em.getCriteriaBuilder();
                    CriteriaQuery<TrackRow> cq = cb.createQuery(TrackRow.class);
                    Root<Track> t = cq.from(Track.class);
                    cq.select(cb.construct(TrackRow.class, t.get("id"), cb.upper(t.get("title"))));
                    return em.createQuery(cq).getResultList();
                  }
                """);
        assertEquals(List.of(
                "SELECT team.name, count(DISTINCT t) FROM Track t JOIN t.owner o LEFT JOIN o.team team "
                        + "LEFT JOIN FETCH t.tags t2 WHERE t.id IN (?) GROUP BY team.name HAVING count(t) > 3",
                "SELECT t.id, upper(t.title) FROM Track t"),
                sites.stream().map(CriteriaQueriesTest::jpql).toList());
    }

    @Test
    void specificationsReturnedAssignedOrImplemented() {
        List<SqlSite> sites = new ExtractorFixture().source("com/acme/tracks/TrackSpecs.java", """
                package com.acme.tracks;

                import jakarta.persistence.criteria.*;
                import org.springframework.data.jpa.domain.Specification;

                final class TrackSpecs {
                  static Specification<Track> taggedWith(String tag) {
                    return (root, query, cb) -> {
                      query.distinct(true);
                      Join<Track, Tag> tags = root.join(Track_.tags);
                      return cb.equal(tags.get(Tag_.name), tag);
                    };
                  }

                  static final Specification<Track> PUBLISHED = (track, q, cb) -> cb.isTrue(track.get("published"));

                  static class NotArchived implements Specification<Track> {
                    @Override
                    public Predicate toPredicate(Root<Track> root, CriteriaQuery<?> query, CriteriaBuilder cb) {
                      return cb.isNull(root.get("archivedAt"));
                    }
                  }

                  static <T> Specification<T> any() {
                    return (root, query, cb) -> cb.conjunction();
                  }

                  static Specification<Track> all() {
                    return (root, query, cb) -> null;
                  }
                }
                """).sites("com/acme/tracks/TrackSpecs.java");
        assertEquals(List.of(
                "JPA Criteria Specification 8:12: SELECT DISTINCT root FROM Track root JOIN root.tags tags WHERE tags.name = ?",
                "JPA Criteria Specification 15:49: SELECT track FROM Track track WHERE track.published = TRUE",
                "JPA Criteria Specification 19:22: SELECT root FROM Track root WHERE root.archivedAt IS NULL",
                "JPA Criteria Specification 29:12: SELECT root FROM Track root"),
                ExtractorFixture.summary(sites));
        SqlText taggedWith = sites.get(0).variants().get(0);
        assertEquals(9, taggedWith.originAt(taggedWith.text().indexOf("DISTINCT")).line());
        assertEquals(13, taggedWith.originAt(taggedWith.text().indexOf("DISTINCT")).column());
    }

    @Test
    void aSpecificationAppliedAndAPageSetByAHelperOfAnotherClass() {
        ExtractorFixture fixture = new ExtractorFixture().source("com/acme/support/QuerySupport.java", """
                package com.acme.support;

                import jakarta.persistence.EntityManager;
                import jakarta.persistence.TypedQuery;
                import jakarta.persistence.criteria.*;
                import org.springframework.data.jpa.domain.Specification;

                public class QuerySupport {
                  private final EntityManager em;

                  public QuerySupport(EntityManager em) { this.em = em; }

                  public <T> void restrict(Root<T> root, Specification<T> spec, CriteriaQuery<?> query) {
                    Predicate p = spec.toPredicate(root, query, em.getCriteriaBuilder());
                    if (p != null) query.where(p);
                  }

                  public <T> java.util.List<T> page(TypedQuery<T> query, int page, int size) {
                    query.setFirstResult(page * size);
                    query.setMaxResults(size);
                    return query.getResultList();
                  }
                }
                """).source("com/acme/reviews/ReviewSearch.java", """
                package com.acme.reviews;

                import com.acme.support.QuerySupport;
                import jakarta.persistence.EntityManager;
                import jakarta.persistence.TypedQuery;
                import jakarta.persistence.criteria.*;
                import java.util.List;
                import org.springframework.data.jpa.domain.Specification;

                class ReviewSearch {
                  private EntityManager em;
                  private QuerySupport support;

                  List<ReviewRequest> search(String group, int page) {
                    CriteriaBuilder cb = em.getCriteriaBuilder();
                    CriteriaQuery<ReviewRequest> cq = cb.createQuery(ReviewRequest.class);
                    Root<ReviewRequest> r = cq.from(ReviewRequest.class);
                    Specification<ReviewRequest> spec = (root, query, builder) ->
                        builder.equal(root.join("targetGroups").get("name"), group);
                    support.restrict(r, spec, cq);
                    TypedQuery<ReviewRequest> query = em.createQuery(cq.select(r).distinct(true));
                    return support.page(query, page, 20);
                  }
                }
                """);
        List<SqlSite> sites = fixture.sites("com/acme/reviews/ReviewSearch.java");
        SqlSite search = sites.stream().filter(s -> s.api().equals("JPA Criteria query")).findFirst().orElseThrow();
        assertEquals("SELECT DISTINCT r FROM ReviewRequest r JOIN r.targetGroups t WHERE t.name = ? LIMIT 20 OFFSET ?", jpql(search));
        SqlText text = search.variants().get(0);
        // the lambda's join stays where it is written; what the helper writes is placed at the call of the helper
        assertEquals(19, text.originAt(text.text().indexOf("JOIN")).line());
        assertEquals("20:13", text.originAt(text.text().indexOf("WHERE")).line() + ":" + text.originAt(text.text().indexOf("WHERE")).column());
        assertEquals("22:20", text.originAt(text.text().indexOf("LIMIT")).line() + ":" + text.originAt(text.text().indexOf("LIMIT")).column());
    }

    @Test
    void unknownPartsArePlaceholdersAndQueriesNotSeenBuiltAreUnresolved() {
        ExtractorFixture fixture = new ExtractorFixture().source("com/acme/reviews/ReviewQueries.java", HEAD + """
                  private ReviewFilters filters;

                  List<ReviewRequest> sorted(String sortField, Predicate extra) {
                    CriteriaBuilder cb = em.getCriteriaBuilder();
                    CriteriaQuery<ReviewRequest> cq = cb.createQuery(ReviewRequest.class);
                    Root<ReviewRequest> r = cq.from(ReviewRequest.class);
                    cq.where(extra, filters.build(cb, r)).orderBy(cb.asc(r.get(sortField)));
                    return em.createQuery(cq).getResultList();
                  }

                  <T> List<T> list(CriteriaQuery<T> cq) {
                    return em.createQuery(cq).getResultList();
                  }

                  int archive(CriteriaUpdate<ReviewRequest> update) {
                    return em.createQuery(update).executeUpdate();
                  }

                  List<ReviewRequest> jpql() {
                    return em.createQuery("select r from ReviewRequest r", ReviewRequest.class).getResultList();
                  }
                }
                """);
        List<SqlSite> sites = fixture.sites("com/acme/reviews/ReviewQueries.java");
        assertEquals(List.of(
                "JPA Criteria query 19:27: SELECT r FROM ReviewRequest r WHERE  sqllint_dyn  AND  sqllint_dyn  ORDER BY  sqllint_dyn ",
                "EntityManager.createQuery 31:27: select r from ReviewRequest r"), ExtractorFixture.summary(sites));
        assertEquals(List.of(
                "JPA Criteria query 23:27: Criteria query not read (passed in as a parameter)",
                "JPA Criteria query 27:27: Criteria query not read (an update or delete)"), fixture.unresolvedSummary());
    }

    @Test
    void varLocalsWithoutCriteriaImportsAndTheBuildersCreateQueryIsNoSink() {
        ExtractorFixture fixture = new ExtractorFixture().source("com/acme/users/UserQueries.java", """
                package com.acme.users;

                import jakarta.persistence.EntityManager;
                import java.util.List;

                class UserQueries {
                  private EntityManager em;

                  List<User> active() {
                    var cq = em.getCriteriaBuilder().createQuery(User.class);
                    var u = cq.from(User.class);
                    cq.select(u).where(em.getCriteriaBuilder().isTrue(u.get("active")));
                    return em.createQuery(cq).getResultList();
                  }
                }
                """);
        assertEquals(List.of("JPA Criteria query 13:27: SELECT u FROM User u WHERE u.active = TRUE"),
                ExtractorFixture.summary(fixture.sites("com/acme/users/UserQueries.java")));
        // em.getCriteriaBuilder().createQuery(User.class) is not EntityManager.createQuery on an unread receiver
        assertEquals(List.of(), fixture.unresolvedSummary());
    }

    @Test
    void entityNamesFromTheMappings() {
        JavaParser parser = new JavaParser(new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_21));
        List<JavaFile> files = new ArrayList<>();
        files.add(new JavaFile(Path.of("com/acme/Run.java"), parser.parse("""
                package com.acme;
                import jakarta.persistence.*;
                @Entity(name = "WorkflowRun") @Table(name = "runs")
                public class Run { @Id Long id; }
                """).getResult().orElseThrow()));
        files.add(new JavaFile(Path.of("com/acme/RunDao.java"), parser.parse("""
                package com.acme;
                import jakarta.persistence.EntityManager;
                import jakarta.persistence.criteria.*;
                class RunDao {
                  EntityManager em;
                  Object all() {
                    CriteriaQuery<Run> cq = em.getCriteriaBuilder().createQuery(Run.class);
                    cq.from(Run.class);
                    return em.createQuery(cq).getResultList();
                  }
                }
                """).getResult().orElseThrow()));
        JpaModel jpa = JpaModel.read(files, JpaNaming.SPRING);
        JavaSqlExtractor extractor = new JavaSqlExtractor(SinkCatalog.standard(), files, jpa, ExtractionContext.NONE, new Schema());
        assertEquals(List.of("JPA Criteria query 9:27: SELECT w FROM WorkflowRun w"), ExtractorFixture.summary(extractor.sites(files.get(1))));
    }
}
