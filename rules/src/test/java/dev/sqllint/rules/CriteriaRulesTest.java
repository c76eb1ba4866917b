package dev.sqllint.rules;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sqllint.engine.AnalysisResult;
import dev.sqllint.engine.Finding;
import dev.sqllint.testing.LintTestHelper;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every rule, expressed with the JPA Criteria API: the query a method builds is judged as the JPQL it stands
 * for, through the entity mappings, and the finding points at the Java call that wrote the offending piece
 * ({@code .distinct(true)}, {@code cb.or(}, {@code cb.exists(}, {@code cq.from(}); the same findings as the
 * equivalent hand-written JPQL.
 */
class CriteriaRulesTest {

    private static final String ENTITIES = """
            package com.acme.model;

            import jakarta.persistence.*;
            import java.time.Instant;
            import java.util.Set;

            @Entity @Table(name = "review_requests")
            public class ReviewRequest {
              @Id Long id;
              String status;
              Instant createdAt;
              @ManyToOne @JoinColumn(name = "submitter_id") Account submitter;
              @ManyToMany
              @JoinTable(name = "review_request_target_groups",
                  joinColumns = @JoinColumn(name = "review_request_id"),
                  inverseJoinColumns = @JoinColumn(name = "group_id"))
              Set<ReviewGroup> targetGroups;
            }
            @Entity @Table(name = "review_groups")
            public class ReviewGroup { @Id Long id; String name; }
            @Entity @Table(name = "accounts")
            public class Account { @Id Long id; String username; }
            @Entity @Table(name = "flow_runs")
            public class FlowRun { @Id Long id; String name; }
            @Entity @Table(name = "task_runs")
            public class TaskRun { @Id Long id; @ManyToOne @JoinColumn(name = "flow_run_id") FlowRun flowRun; String state; }
            @Entity @Table(name = "tracks")
            public class Track { @Id Long id; @Column(name = "owner_id") Long ownerId; String title; }
            @Entity @Table(name = "track_collaborators")
            public class TrackCollaborator {
              @Id Long id;
              @ManyToOne @JoinColumn(name = "track_id") Track track;
              @Column(name = "collaborator_user_id") Long userId;
            }
            @Entity @Table(name = "topics")
            public class Topic { @Id Long id; String title; Instant updatedAt; }
            @Entity @Table(name = "user_stats")
            public class UserStats { @Id @Column(name = "user_id") Long userId; Instant firstUnreadAt; int topicsEntered; }
            @Entity @Table(name = "saved_runs")
            public class SavedRun { @Id Long id; Long workspaceId; Long publishedRunId; Instant updatedAt; }
            """;

    private static LintTestHelper forRule(Class<? extends Rule> rule) {
        return LintTestHelper.forRule(rule).addSource("com/acme/model/Entities.java", ENTITIES).withProjectSchema();
    }

    @Test
    void distinctOverAJoinToACollection() {
        forRule(DistinctOverFanOutJoin.class).addSource("com/acme/reviews/ReviewRequestCriteriaDao.java", """
                package com.acme.reviews;

                import com.acme.model.ReviewGroup;
                import com.acme.model.ReviewRequest;
                import jakarta.persistence.EntityManager;
                import jakarta.persistence.criteria.CriteriaBuilder;
                import jakarta.persistence.criteria.CriteriaQuery;
                import jakarta.persistence.criteria.Join;
                import jakarta.persistence.criteria.JoinType;
                import jakarta.persistence.criteria.Root;
                import java.util.Collection;
                import java.util.List;

                class ReviewRequestCriteriaDao {
                  private EntityManager em;

                  List<ReviewRequest> targeting(Collection<String> groupNames) {
                    CriteriaBuilder cb = em.getCriteriaBuilder();
                    CriteriaQuery<ReviewRequest> cq = cb.createQuery(ReviewRequest.class);
                    Root<ReviewRequest> r = cq.from(ReviewRequest.class);
                    Join<ReviewRequest, ReviewGroup> g = r.join("targetGroups", JoinType.LEFT);
                    // BUG: DistinctOverFanOutJoin at distinct
                    cq.select(r).distinct(true).where(g.get("name").in(groupNames));
                    return em.createQuery(cq).getResultList();
                  }

                  long countTargeting(String groupName) {
                    CriteriaBuilder cb = em.getCriteriaBuilder();
                    CriteriaQuery<Long> cq = cb.createQuery(Long.class);
                    Root<ReviewRequest> r = cq.from(ReviewRequest.class);
                    // BUG: DistinctOverFanOutJoin at countDistinct
                    cq.select(cb.countDistinct(r))
                        .where(cb.equal(r.join("targetGroups").get("name"), groupName));
                    return em.createQuery(cq).getSingleResult();
                  }
                }
                """).doTest();
    }

    @Test
    void withoutTheMappingsAJoinToAPluralAttributeIsReadAsACollection() {
        // the entities live in another module: the JPQL is judged as written, JOIN r.targetGroups a path to many
        LintTestHelper.forRule(DistinctOverFanOutJoin.class).addSource("com/acme/reviews/ReviewRequestCriteriaDao.java", """
                package com.acme.reviews;

                import com.acme.model.ReviewRequest;
                import jakarta.persistence.EntityManager;
                import jakarta.persistence.criteria.*;
                import java.util.List;

                class ReviewRequestCriteriaDao {
                  private EntityManager em;

                  List<ReviewRequest> targeting(String groupName) {
                    CriteriaBuilder cb = em.getCriteriaBuilder();
                    CriteriaQuery<ReviewRequest> cq = cb.createQuery(ReviewRequest.class);
                    Root<ReviewRequest> r = cq.from(ReviewRequest.class);
                    // BUG: DistinctOverFanOutJoin at distinct
                    cq.distinct(true);
                    cq.where(cb.equal(r.join("targetGroups").get("name"), groupName));
                    return em.createQuery(cq).getResultList();
                  }

                  List<ReviewRequest> bySubmitter(String name) {
                    CriteriaBuilder cb = em.getCriteriaBuilder();
                    CriteriaQuery<ReviewRequest> cq = cb.createQuery(ReviewRequest.class);
                    Root<ReviewRequest> r = cq.from(ReviewRequest.class);
                    cq.distinct(true).where(cb.equal(r.join("submitter").get("username"), name));
                    return em.createQuery(cq).getResultList();
                  }
                }
                """).doTest();
    }

    @Test
    void distinctInASpecificationThatJoinsACollection() {
        forRule(DistinctOverFanOutJoin.class).addSource("com/acme/reviews/ReviewRequestSpecs.java", """
                package com.acme.reviews;

                import com.acme.model.ReviewGroup;
                import com.acme.model.ReviewGroup_;
                import com.acme.model.ReviewRequest;
                import com.acme.model.ReviewRequest_;
                import jakarta.persistence.criteria.Join;
                import org.springframework.data.jpa.domain.Specification;

                final class ReviewRequestSpecs {
                  static Specification<ReviewRequest> targetedAt(String groupName) {
                    return (root, query, cb) -> {
                      // BUG: DistinctOverFanOutJoin at distinct
                      query.distinct(true);
                      Join<ReviewRequest, ReviewGroup> groups = root.join(ReviewRequest_.targetGroups);
                      return cb.equal(groups.get(ReviewGroup_.name), groupName);
                    };
                  }
                }
                """).doTest();
    }

    @Test
    void aLeftJoinTestedByConditionsTheAnalysisCannotReadIsMovedIntoExistsNotDropped() {
        // the predicates are folded at run time (a stream reduce): the LEFT JOIN may filter, so it is not dropped
        AnalysisResult r = forRule(DistinctOverFanOutJoin.class).addSource("com/acme/reviews/ReviewRequestSpecs.java", """
                package com.acme.reviews;

                import com.acme.model.ReviewGroup;
                import com.acme.model.ReviewGroup_;
                import com.acme.model.ReviewRequest;
                import com.acme.model.ReviewRequest_;
                import jakarta.persistence.criteria.*;
                import java.util.ArrayList;
                import java.util.Collection;
                import java.util.List;
                import org.springframework.data.jpa.domain.Specification;

                final class ReviewRequestSpecs {
                  static Specification<ReviewRequest> inGroups(Collection<String> names, boolean orNone) {
                    return (root, query, cb) -> {
                      Predicate p = groupsPredicate(root, cb, names, orNone);
                      // BUG: DistinctOverFanOutJoin at distinct
                      query.distinct(true);
                      return p;
                    };
                  }

                  private static Predicate groupsPredicate(Root<ReviewRequest> root, CriteriaBuilder cb,
                                                           Collection<String> names, boolean orNone) {
                    SetJoin<ReviewRequest, ReviewGroup> groups = root.join(ReviewRequest_.targetGroups, JoinType.LEFT);
                    Path<String> name = groups.get(ReviewGroup_.name);
                    List<Predicate> tests = new ArrayList<>();
                    if (orNone) tests.add(name.isNull());
                    if (!names.isEmpty()) tests.add(name.in(names));
                    return tests.stream().reduce(cb::or).orElseThrow();
                  }
                }
                """).doTest();
        String message = r.findings().get(0).message();
        assertFalse(message.contains("filters nothing"), message);
        assertFalse(message.contains("sqllint_"), message);
        assertTrue(message.contains("EXISTS (SELECT 1 FROM review_request_target_groups LEFT JOIN review_groups groups"
                + " ON groups.id = review_request_target_groups.group_id WHERE review_request_target_groups"
                + ".review_request_id = root.id AND <the run-time conditions on"), message);
    }

    @Test
    void aTestForNoMatchOnTheLeftJoinedTableIsNotMovedIntoExists() {
        // name IS NULL keeps the requests without any group: inside EXISTS it would drop them
        AnalysisResult r = forRule(DistinctOverFanOutJoin.class).addSource("com/acme/reviews/ReviewRequestSpecs.java", """
                package com.acme.reviews;

                import com.acme.model.ReviewGroup;
                import com.acme.model.ReviewGroup_;
                import com.acme.model.ReviewRequest;
                import com.acme.model.ReviewRequest_;
                import jakarta.persistence.criteria.*;
                import java.util.Collection;
                import org.springframework.data.jpa.domain.Specification;

                final class ReviewRequestSpecs {
                  static Specification<ReviewRequest> inGroupsOrNone(Collection<String> names) {
                    return (root, query, cb) -> {
                      SetJoin<ReviewRequest, ReviewGroup> groups = root.join(ReviewRequest_.targetGroups, JoinType.LEFT);
                      // BUG: DistinctOverFanOutJoin at distinct
                      query.distinct(true);
                      return cb.or(groups.get(ReviewGroup_.name).isNull(), groups.get(ReviewGroup_.name).in(names));
                    };
                  }
                }
                """).doTest();
        String message = r.findings().get(0).message();
        assertTrue(message.endsWith("filter with EXISTS and drop DISTINCT; groups.name IS NULL tests that the LEFT JOIN "
                + "found no row, so it becomes a NOT EXISTS over the same tables, beside the EXISTS for the other "
                + "conditions."), message);
    }

    @Test
    void distinctOverAToOneJoinAFetchJoinAndTheExistsFixAreFine() {
        forRule(DistinctOverFanOutJoin.class).addSource("com/acme/reviews/ReviewRequestCriteriaDao.java", """
                package com.acme.reviews;

                import com.acme.model.Account;
                import com.acme.model.ReviewGroup;
                import com.acme.model.ReviewRequest;
                import jakarta.persistence.EntityManager;
                import jakarta.persistence.criteria.*;
                import java.util.Collection;
                import java.util.List;

                class ReviewRequestCriteriaDao {
                  private EntityManager em;

                  List<String> submitterNames(String status) {
                    CriteriaBuilder cb = em.getCriteriaBuilder();
                    CriteriaQuery<String> cq = cb.createQuery(String.class);
                    Root<ReviewRequest> r = cq.from(ReviewRequest.class);
                    Join<ReviewRequest, Account> a = r.join("submitter");
                    cq.select(a.get("username")).distinct(true).where(cb.equal(r.get("status"), status));
                    return em.createQuery(cq).getResultList();
                  }

                  List<ReviewRequest> pendingWithGroups() {
                    CriteriaBuilder cb = em.getCriteriaBuilder();
                    CriteriaQuery<ReviewRequest> cq = cb.createQuery(ReviewRequest.class);
                    Root<ReviewRequest> r = cq.from(ReviewRequest.class);
                    r.fetch("targetGroups", JoinType.LEFT);
                    cq.select(r).distinct(true).where(cb.equal(r.get("status"), "P"));
                    return em.createQuery(cq).getResultList();
                  }

                  List<ReviewRequest> targetingFixed(Collection<String> groupNames) {
                    CriteriaBuilder cb = em.getCriteriaBuilder();
                    CriteriaQuery<ReviewRequest> cq = cb.createQuery(ReviewRequest.class);
                    Root<ReviewRequest> r = cq.from(ReviewRequest.class);
                    Subquery<Long> sq = cq.subquery(Long.class);
                    Root<ReviewRequest> inner = sq.correlate(r);
                    Join<ReviewRequest, ReviewGroup> g = inner.join("targetGroups");
                    sq.select(g.get("id")).where(g.get("name").in(groupNames));
                    cq.select(r).where(cb.exists(sq));
                    return em.createQuery(cq).getResultList();
                  }
                }
                """).expectNoFindings(3);
    }

    @Test
    void existsOnTheParentKeyWithTheOuterRootAndWithCorrelate() {
        forRule(ExistsWhereJoinFits.class).addSource("com/acme/tasks/TaskRunCriteriaDao.java", """
                package com.acme.tasks;

                import com.acme.model.FlowRun;
                import com.acme.model.TaskRun;
                import jakarta.persistence.EntityManager;
                import jakarta.persistence.criteria.*;

                class TaskRunCriteriaDao {
                  private EntityManager em;

                  long countByFlowName(String flowName) {
                    CriteriaBuilder cb = em.getCriteriaBuilder();
                    CriteriaQuery<Long> cq = cb.createQuery(Long.class);
                    Root<TaskRun> t = cq.from(TaskRun.class);
                    Subquery<Long> sq = cq.subquery(Long.class);
                    Root<FlowRun> f = sq.from(FlowRun.class);
                    sq.select(f.get("id")).where(cb.equal(f, t.get("flowRun")), cb.like(f.get("name"), flowName));
                    // BUG: ExistsWhereJoinFits at exists
                    cq.select(cb.count(t)).where(cb.exists(sq));
                    return em.createQuery(cq).getSingleResult();
                  }

                  long countFailedInNamedFlows(String flowName) {
                    CriteriaBuilder cb = em.getCriteriaBuilder();
                    CriteriaQuery<Long> cq = cb.createQuery(Long.class);
                    Root<TaskRun> t = cq.from(TaskRun.class);
                    Subquery<Integer> sq = cq.subquery(Integer.class);
                    Root<TaskRun> outer = sq.correlate(t);
                    Root<FlowRun> f = sq.from(FlowRun.class);
                    sq.select(cb.literal(1))
                        .where(cb.equal(f.get("id"), outer.get("flowRun").get("id")), cb.like(f.get("name"), flowName));
                    cq.select(cb.count(t))
                        // BUG: ExistsWhereJoinFits at exists
                        .where(cb.equal(t.get("state"), "FAILED"), cb.exists(sq));
                    return em.createQuery(cq).getSingleResult();
                  }
                }
                """).doTest();
    }

    @Test
    void existsOverTheToManySideNotExistsAndTheJoinFixAreFine() {
        forRule(ExistsWhereJoinFits.class).addSource("com/acme/tasks/FlowRunCriteriaDao.java", """
                package com.acme.tasks;

                import com.acme.model.FlowRun;
                import com.acme.model.TaskRun;
                import jakarta.persistence.EntityManager;
                import jakarta.persistence.criteria.*;
                import java.util.List;

                class FlowRunCriteriaDao {
                  private EntityManager em;

                  List<FlowRun> withFailures() {
                    CriteriaBuilder cb = em.getCriteriaBuilder();
                    CriteriaQuery<FlowRun> cq = cb.createQuery(FlowRun.class);
                    Root<FlowRun> f = cq.from(FlowRun.class);
                    Subquery<Long> sq = cq.subquery(Long.class);
                    Root<TaskRun> t = sq.from(TaskRun.class);
                    sq.select(t.get("id")).where(cb.equal(t.get("flowRun"), f), cb.equal(t.get("state"), "FAILED"));
                    cq.where(cb.exists(sq));
                    return em.createQuery(cq).getResultList();
                  }

                  List<TaskRun> orphans() {
                    CriteriaBuilder cb = em.getCriteriaBuilder();
                    CriteriaQuery<TaskRun> cq = cb.createQuery(TaskRun.class);
                    Root<TaskRun> t = cq.from(TaskRun.class);
                    Subquery<Long> sq = cq.subquery(Long.class);
                    Root<FlowRun> f = sq.from(FlowRun.class);
                    sq.select(f.get("id")).where(cb.equal(f, t.get("flowRun")));
                    cq.where(cb.not(cb.exists(sq)));
                    return em.createQuery(cq).getResultList();
                  }

                  long countByFlowNameFixed(String flowName) {
                    CriteriaBuilder cb = em.getCriteriaBuilder();
                    CriteriaQuery<Long> cq = cb.createQuery(Long.class);
                    Root<TaskRun> t = cq.from(TaskRun.class);
                    Join<TaskRun, FlowRun> f = t.join("flowRun");
                    cq.select(cb.count(t)).where(cb.like(f.get("name"), flowName));
                    return em.createQuery(cq).getSingleResult();
                  }
                }
                """).expectNoFindings(3);
    }

    @Test
    void orBetweenTheOwnerAndACollaboratorSubquery() {
        forRule(OrAcrossAccessPaths.class).addSource("com/acme/tracks/TrackCriteriaDao.java", """
                package com.acme.tracks;

                import com.acme.model.Track;
                import com.acme.model.TrackCollaborator;
                import jakarta.persistence.EntityManager;
                import jakarta.persistence.criteria.*;
                import java.util.List;

                class TrackCriteriaDao {
                  private EntityManager em;

                  List<Track> library(long userId) {
                    CriteriaBuilder cb = em.getCriteriaBuilder();
                    CriteriaQuery<Track> cq = cb.createQuery(Track.class);
                    Root<Track> t = cq.from(Track.class);
                    Subquery<Long> shared = cq.subquery(Long.class);
                    Root<TrackCollaborator> c = shared.from(TrackCollaborator.class);
                    shared.select(c.get("track").get("id")).where(cb.equal(c.get("userId"), userId));
                    // BUG: OrAcrossAccessPaths at or(
                    cq.where(cb.or(cb.equal(t.get("ownerId"), userId), t.get("id").in(shared)));
                    return em.createQuery(cq).getResultList();
                  }

                  List<Track> visible(long userId) {
                    CriteriaBuilder cb = em.getCriteriaBuilder();
                    CriteriaQuery<Track> cq = cb.createQuery(Track.class);
                    Root<Track> t = cq.from(Track.class);
                    cq.where(visibleTo(cb, cq, t, userId));
                    return em.createQuery(cq).setMaxResults(50).getResultList();
                  }

                  private Predicate visibleTo(CriteriaBuilder cb, CriteriaQuery<?> cq, Root<Track> t, long userId) {
                    Subquery<Long> sq = cq.subquery(Long.class);
                    Root<TrackCollaborator> c = sq.from(TrackCollaborator.class);
                    sq.select(c.get("id")).where(cb.equal(c.get("track"), t), cb.equal(c.get("userId"), userId));
                    // BUG: OrAcrossAccessPaths at or(
                    return cb.or(cb.equal(t.get("ownerId"), userId), cb.exists(sq));
                  }
                }
                """).doTest();
    }

    @Test
    void andWithASubqueryAndOrOfPlainColumnTestsAreFine() {
        forRule(OrAcrossAccessPaths.class).addSource("com/acme/tracks/TrackCriteriaDao.java", """
                package com.acme.tracks;

                import com.acme.model.Track;
                import com.acme.model.TrackCollaborator;
                import jakarta.persistence.EntityManager;
                import jakarta.persistence.criteria.*;
                import java.util.List;

                class TrackCriteriaDao {
                  private EntityManager em;

                  List<Track> sharedWith(long userId) {
                    CriteriaBuilder cb = em.getCriteriaBuilder();
                    CriteriaQuery<Track> cq = cb.createQuery(Track.class);
                    Root<Track> t = cq.from(Track.class);
                    Subquery<Long> shared = cq.subquery(Long.class);
                    Root<TrackCollaborator> c = shared.from(TrackCollaborator.class);
                    shared.select(c.get("track").get("id")).where(cb.equal(c.get("userId"), userId));
                    cq.where(cb.and(cb.equal(t.get("title"), "x"), t.get("id").in(shared)));
                    return em.createQuery(cq).getResultList();
                  }

                  List<Track> libraryFixed(long userId, List<Long> sharedIds) {
                    CriteriaBuilder cb = em.getCriteriaBuilder();
                    CriteriaQuery<Track> cq = cb.createQuery(Track.class);
                    Root<Track> t = cq.from(Track.class);
                    cq.where(cb.or(cb.equal(t.get("ownerId"), userId), t.get("id").in(sharedIds)));
                    return em.createQuery(cq).getResultList();
                  }
                }
                """).expectNoFindings(2);
    }

    @Test
    void aSecondRootPinnedToOneRowOnlyForItsTimestamp() {
        forRule(JoinForScalarOnly.class).addSource("com/acme/topics/TopicCriteriaDao.java", """
                package com.acme.topics;

                import com.acme.model.Topic;
                import com.acme.model.UserStats;
                import jakarta.persistence.EntityManager;
                import jakarta.persistence.criteria.*;
                import java.util.List;

                class TopicCriteriaDao {
                  private EntityManager em;

                  List<Long> unread(long userId) {
                    CriteriaBuilder cb = em.getCriteriaBuilder();
                    CriteriaQuery<Long> cq = cb.createQuery(Long.class);
                    Root<Topic> t = cq.from(Topic.class);
                    // BUG: JoinForScalarOnly at from(
                    Root<UserStats> us = cq.from(UserStats.class);
                    cq.select(t.get("id")).where(cb.equal(us.get("userId"), userId),
                        cb.greaterThanOrEqualTo(t.get("updatedAt"), us.get("firstUnreadAt")));
                    return em.createQuery(cq).getResultList();
                  }

                  List<Object[]> unreadWithStats(long userId) {
                    CriteriaBuilder cb = em.getCriteriaBuilder();
                    CriteriaQuery<Object[]> cq = cb.createQuery(Object[].class);
                    Root<Topic> t = cq.from(Topic.class);
                    Root<UserStats> us = cq.from(UserStats.class);
                    cq.multiselect(t.get("id"), us.get("topicsEntered")).where(cb.equal(us.get("userId"), userId),
                        cb.greaterThanOrEqualTo(t.get("updatedAt"), us.get("firstUnreadAt")));
                    return em.createQuery(cq).getResultList();
                  }
                }
                """).doTest();
    }

    @Test
    void noDistinctOnInTheCriteriaApiSoNoHistoryScanFinding() {
        // JPA has no DISTINCT ON: the closest Criteria query (DISTINCT, newest first, a page) is another shape
        forRule(DistinctOnHistoryScan.class).addSource("com/acme/workflow/SavedRunCriteriaDao.java", """
                package com.acme.workflow;

                import com.acme.model.SavedRun;
                import jakarta.persistence.EntityManager;
                import jakarta.persistence.criteria.*;
                import java.util.List;

                class SavedRunCriteriaDao {
                  private EntityManager em;

                  List<Long> recentWorkflows(long workspaceId) {
                    CriteriaBuilder cb = em.getCriteriaBuilder();
                    CriteriaQuery<Long> cq = cb.createQuery(Long.class);
                    Root<SavedRun> r = cq.from(SavedRun.class);
                    cq.select(r.get("publishedRunId")).distinct(true)
                        .where(cb.equal(r.get("workspaceId"), workspaceId))
                        .orderBy(cb.desc(r.get("updatedAt")));
                    return em.createQuery(cq).setMaxResults(4).getResultList();
                  }
                }
                """).expectNoFindings(1);
    }

    @Test
    void aPredicateListBuiltUnderIfsAndAHelperOfAnotherClassAreReportedWhereTheyAreWritten() {
        AnalysisResult r = forRule(OrAcrossAccessPaths.class)
                .addSource("com/acme/tracks/TrackPredicates.java", """
                        package com.acme.tracks;

                        import com.acme.model.Track;
                        import com.acme.model.TrackCollaborator;
                        import jakarta.persistence.criteria.*;

                        final class TrackPredicates {
                          static Predicate visibleTo(CriteriaBuilder cb, AbstractQuery<?> query, Root<Track> t, long userId) {
                            Subquery<Long> sq = query.subquery(Long.class);
                            Root<TrackCollaborator> c = sq.from(TrackCollaborator.class);
                            sq.select(c.get("track").get("id")).where(cb.equal(c.get("userId"), userId));
                            return cb.or(cb.equal(t.get("ownerId"), userId), t.get("id").in(sq));
                          }
                        }
                        """)
                .addSource("com/acme/tracks/TrackSearch.java", """
                        package com.acme.tracks;

                        import com.acme.model.Track;
                        import jakarta.persistence.EntityManager;
                        import jakarta.persistence.TypedQuery;
                        import jakarta.persistence.criteria.*;
                        import java.util.ArrayList;
                        import java.util.List;

                        class TrackSearch {
                          private EntityManager em;

                          List<Track> search(long userId, String title, boolean onlyVisible, int page) {
                            CriteriaBuilder cb = em.getCriteriaBuilder();
                            CriteriaQuery<Track> cq = cb.createQuery(Track.class);
                            Root<Track> t = cq.from(Track.class);
                            List<Predicate> predicates = new ArrayList<>();
                            if (title != null) {
                              predicates.add(cb.like(cb.lower(t.get("title")), "%" + title.toLowerCase() + "%"));
                            }
                            if (onlyVisible) {
                              // BUG: OrAcrossAccessPaths at visibleTo
                              predicates.add(TrackPredicates.visibleTo(cb, cq, t, userId));
                            }
                            cq.where(predicates.toArray(new Predicate[0])).orderBy(cb.asc(t.get("title")));
                            TypedQuery<Track> query = em.createQuery(cq);
                            query.setFirstResult(page * 20);
                            query.setMaxResults(20);
                            return query.getResultList();
                          }
                        }
                        """)
                .doTest();
        Finding f = r.findings().get(0);
        assertEquals("JPA Criteria query", f.api());
        assertEquals("TrackSearch.search", f.owner());
        assertEquals("SELECT t FROM tracks t WHERE lower(t.title) LIKE ? AND (t.owner_id = ? OR t.id IN (SELECT c.track_id "
                + "FROM track_collaborators c WHERE c.collaborator_user_id = ?)) ORDER BY t.title LIMIT 20 OFFSET ?", f.sql());
    }

    @Test
    void suppressionsWorkOnCriteriaSites() {
        AnalysisResult r = forRule(DistinctOverFanOutJoin.class).addSource("com/acme/reviews/ReviewRequestCriteriaDao.java", """
                package com.acme.reviews;

                import com.acme.model.ReviewRequest;
                import jakarta.persistence.EntityManager;
                import jakarta.persistence.criteria.*;
                import java.util.List;

                class ReviewRequestCriteriaDao {
                  private EntityManager em;

                  @SuppressWarnings("sqllint:DistinctOverFanOutJoin")
                  List<ReviewRequest> adminExport(String groupName) {
                    CriteriaBuilder cb = em.getCriteriaBuilder();
                    CriteriaQuery<ReviewRequest> cq = cb.createQuery(ReviewRequest.class);
                    Root<ReviewRequest> r = cq.from(ReviewRequest.class);
                    cq.select(r).distinct(true).where(cb.equal(r.join("targetGroups").get("name"), groupName));
                    return em.createQuery(cq).getResultList();
                  }
                }
                """).run();
        assertEquals(List.of("@SuppressWarnings(\"sqllint:DistinctOverFanOutJoin\")"),
                r.findings().stream().map(Finding::suppressedBy).toList());
    }

    @Test
    void theSameFindingsAsTheEquivalentHandWrittenJpql() {
        AnalysisResult criteria = LintTestHelper.forAllRules().addSource("com/acme/model/Entities.java", ENTITIES)
                .withProjectSchema().addSource("com/acme/IncidentCriteriaDao.java", """
                        package com.acme;

                        import com.acme.model.*;
                        import jakarta.persistence.EntityManager;
                        import jakarta.persistence.criteria.*;
                        import java.util.List;

                        class IncidentCriteriaDao {
                          private EntityManager em;

                          void all(long user, List<String> groups, String flowName) {
                            CriteriaBuilder cb = em.getCriteriaBuilder();

                            CriteriaQuery<Track> library = cb.createQuery(Track.class);
                            Root<Track> t = library.from(Track.class);
                            Subquery<Long> shared = library.subquery(Long.class);
                            Root<TrackCollaborator> c = shared.from(TrackCollaborator.class);
                            shared.select(c.get("track")).where(cb.equal(c.get("userId"), user));
                            library.where(cb.or(cb.equal(t.get("ownerId"), user), t.get("id").in(shared)));
                            em.createQuery(library).getResultList();

                            CriteriaQuery<Long> count = cb.createQuery(Long.class);
                            Root<TaskRun> tr = count.from(TaskRun.class);
                            Subquery<Long> flows = count.subquery(Long.class);
                            Root<FlowRun> f = flows.from(FlowRun.class);
                            flows.select(f).where(cb.equal(f, tr.get("flowRun")), cb.like(f.get("name"), flowName));
                            count.select(cb.count(tr)).where(cb.exists(flows));
                            em.createQuery(count).getSingleResult();

                            CriteriaQuery<ReviewRequest> targeted = cb.createQuery(ReviewRequest.class);
                            Root<ReviewRequest> r = targeted.from(ReviewRequest.class);
                            Join<ReviewRequest, ReviewGroup> g = r.join("targetGroups");
                            targeted.select(r).distinct(true).where(g.get("name").in(groups));
                            em.createQuery(targeted).getResultList();

                            CriteriaQuery<Long> unread = cb.createQuery(Long.class);
                            Root<Topic> tp = unread.from(Topic.class);
                            Root<UserStats> us = unread.from(UserStats.class);
                            unread.select(tp.get("id")).where(cb.equal(us.get("userId"), user),
                                cb.greaterThanOrEqualTo(tp.get("updatedAt"), us.get("firstUnreadAt")));
                            em.createQuery(unread).getResultList();
                          }
                        }
                        """).run();
        AnalysisResult jpql = LintTestHelper.forAllRules().addSource("com/acme/model/Entities.java", ENTITIES)
                .withProjectSchema().addSource("com/acme/IncidentJpqlDao.java", """
                        package com.acme;

                        import jakarta.persistence.EntityManager;

                        class IncidentJpqlDao {
                          private EntityManager em;

                          void all() {
                            em.createQuery("SELECT t FROM Track t WHERE t.ownerId = :user OR t.id IN "
                                + "(SELECT c.track FROM TrackCollaborator c WHERE c.userId = :user)").getResultList();
                            em.createQuery("SELECT count(tr) FROM TaskRun tr WHERE EXISTS "
                                + "(SELECT f FROM FlowRun f WHERE f.id = tr.flowRun AND f.name LIKE :name)").getSingleResult();
                            em.createQuery("SELECT DISTINCT r FROM ReviewRequest r JOIN r.targetGroups g "
                                + "WHERE g.name IN :groups").getResultList();
                            em.createQuery("SELECT tp.id FROM Topic tp, UserStats us "
                                + "WHERE us.userId = :user AND tp.updatedAt >= us.firstUnreadAt").getResultList();
                          }
                        }
                        """).run();
        assertEquals(4, criteria.findings().size(), criteria.findings().toString());
        assertEquals(messages(jpql), messages(criteria));
        assertEquals(jpql.findings().stream().map(Finding::proved).toList(), criteria.findings().stream().map(Finding::proved).toList());
    }

    private static List<String> messages(AnalysisResult r) {
        return r.findings().stream().map(f -> f.rule() + ": " + f.message()).sorted().toList();
    }
}
