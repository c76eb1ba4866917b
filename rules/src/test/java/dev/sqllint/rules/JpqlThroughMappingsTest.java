package dev.sqllint.rules;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqllint.engine.AnalysisResult;
import dev.sqllint.testing.LintTestHelper;
import org.junit.jupiter.api.Test;

/** JPQL is judged as the SQL its JPA mapping runs: entities are tables, association paths are joins. */
class JpqlThroughMappingsTest {

    private static final String ENTITIES = """
            package com.acme.reviews;
            import jakarta.persistence.*;
            import java.util.Set;
            @Entity
            @Table(name = "review_requests")
            class ReviewRequest {
              @Id Long id;
              String status;
              @ManyToOne @JoinColumn(name = "submitter_id") Account submitter;
              @ManyToMany
              @JoinTable(name = "review_request_target_groups",
                  joinColumns = @JoinColumn(name = "review_request_id"),
                  inverseJoinColumns = @JoinColumn(name = "group_id"))
              Set<ReviewGroup> targetGroups;
            }
            @Entity @Table(name = "review_groups")
            class ReviewGroup { @Id Long id; String name; }
            @Entity @Table(name = "accounts")
            class Account { @Id Long id; String username; }
            @Entity @Table(name = "flow_runs")
            class FlowRun { @Id Long id; String name; }
            @Entity @Table(name = "task_runs")
            class TaskRun { @Id Long id; @ManyToOne FlowRun flowRun; String state; }
            """;

    @Test
    void collectionJoinWithDistinctAndExistsOnAToOneKey() {
        AnalysisResult r = LintTestHelper.forAllRules()
                .addSource("com/acme/reviews/Entities.java", ENTITIES)
                .addSource("com/acme/reviews/ReviewRequestRepository.java", """
                        package com.acme.reviews;
                        import java.util.List;
                        import org.springframework.data.jpa.repository.JpaRepository;
                        import org.springframework.data.jpa.repository.Query;
                        interface ReviewRequestRepository extends JpaRepository<ReviewRequest, Long> {
                          // BUG: DistinctOverFanOutJoin at distinct
                          @Query("select distinct r from ReviewRequest r join r.targetGroups g where g.name in :names")
                          List<ReviewRequest> targeting(List<String> names);

                          // a to-one path: no fan-out
                          @Query("select distinct a.username from ReviewRequest r join r.submitter a where r.status = 'P'")
                          List<String> submitters();

                          // JOIN FETCH loads the collection: DISTINCT folds the parents, the join is the point
                          @Query("select distinct r from ReviewRequest r join fetch r.targetGroups g where r.status = 'P'")
                          List<ReviewRequest> pendingWithGroups();
                        }
                        """)
                .addSource("com/acme/reviews/TaskRunRepository.java", """
                        package com.acme.reviews;
                        import org.springframework.data.jpa.repository.JpaRepository;
                        import org.springframework.data.jpa.repository.Query;
                        interface TaskRunRepository extends JpaRepository<TaskRun, Long> {
                          // BUG: ExistsWhereJoinFits at exists
                          @Query("select count(t) from TaskRun t where exists (select 1 from FlowRun f where f.id = t.flowRun.id and f.name like :name)")
                          long countByFlowName(String name);

                          // the same question asked in native SQL gets the same finding
                          // BUG: ExistsWhereJoinFits at EXISTS
                          @Query(nativeQuery = true, value = "SELECT count(*) FROM task_runs t WHERE EXISTS (SELECT 1 FROM flow_runs f WHERE f.id = t.flow_run_id AND f.name LIKE :name)")
                          long countByFlowNameNative(String name);
                        }
                        """)
                .withProjectSchema()
                .doTest();
        // keys come from the mappings, so the findings are proved
        assertTrue(r.findings().stream().allMatch(f -> f.proved()), r.findings().toString());
        assertTrue(r.findings().stream().anyMatch(f -> f.message().contains("flow_runs.id is the primary key (Entities.java")),
                r.findings().toString());
    }
}
