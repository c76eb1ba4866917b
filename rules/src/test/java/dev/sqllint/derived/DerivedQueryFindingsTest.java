package dev.sqllint.derived;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqllint.engine.AnalysisResult;
import dev.sqllint.engine.Finding;
import dev.sqllint.testing.LintTestHelper;
import org.junit.jupiter.api.Test;

/**
 * Derived queries are judged as the SQL Spring Data JPA runs for them, with the same findings as that SQL
 * written by hand; a finding points at the method name.
 */
class DerivedQueryFindingsTest {

    @Test
    void distinctOverACollectionPathIsReportedAtTheMethodName() {
        AnalysisResult r = LintTestHelper.forAllRules()
                .addSource("com/acme/app/Entities.java", DerivedQueryFixtures.ENTITIES)
                .addSource("com/acme/app/ReviewRequestRepository.java", """
                        package com.acme.app;

                        import java.util.Collection;
                        import java.util.List;
                        import org.springframework.data.jpa.repository.JpaRepository;
                        import org.springframework.data.jpa.repository.Query;

                        public interface ReviewRequestRepository extends JpaRepository<ReviewRequest, Long> {

                            // BUG: DistinctOverFanOutJoin at findDistinctByTargetGroupsNameIn
                            List<ReviewRequest> findDistinctByTargetGroupsNameIn(Collection<String> names);

                            // the same statement written by hand gets the same finding
                            // BUG: DistinctOverFanOutJoin at DISTINCT
                            @Query(nativeQuery = true, value = "SELECT DISTINCT r.* FROM review_requests r LEFT JOIN review_request_target_groups tg ON r.id = tg.review_request_id LEFT JOIN review_groups g ON tg.group_id = g.id WHERE g.name IN (:names)")
                            List<ReviewRequest> targetedAtByHand(Collection<String> names);

                            // the fix: EXISTS through the link table, no DISTINCT
                            @Query(nativeQuery = true, value = "SELECT r.* FROM review_requests r WHERE EXISTS (SELECT 1 FROM review_request_target_groups tg JOIN review_groups g ON g.id = tg.group_id WHERE tg.review_request_id = r.id AND g.name IN (:names))")
                            List<ReviewRequest> targetedAt(Collection<String> names);

                            // BUG: DistinctOverFanOutJoin at countDistinctByTargetGroupsName
                            long countDistinctByTargetGroupsName(String name);

                            // a to-one path: DISTINCT has no fan-out to undo
                            List<ReviewRequest> findDistinctByStatusAndSubmitterUsername(String status, String username);
                        }
                        """)
                .addSource("com/acme/app/TrackRepository.java", """
                        package com.acme.app;

                        import java.util.List;
                        import org.springframework.data.jpa.repository.JpaRepository;

                        public interface TrackRepository extends JpaRepository<Track, Long> {

                            // an OR across two access paths, but through joins, not a subquery: not OrAcrossAccessPaths
                            List<Track> findByOwnerIdOrCollaboratorsUserId(Long ownerId, Long userId);

                            // DISTINCT over the collaborator join is
                            // BUG: DistinctOverFanOutJoin at findDistinctByOwnerIdOrCollaboratorsUserId
                            List<Track> findDistinctByOwnerIdOrCollaboratorsUserId(Long ownerId, Long userId);
                        }
                        """)
                .withProjectSchema()
                .doTest();
        Finding derived = r.findings().stream().filter(f -> f.api().startsWith("derived query findDistinctByTargetGroups"))
                .findFirst().orElseThrow();
        assertEquals("ReviewRequestRepository.findDistinctByTargetGroupsNameIn", derived.owner());
        assertTrue(derived.proved(), derived.message());
        assertTrue(derived.message().contains("review_request_target_groups t1_0"), derived.message());
        assertEquals("SELECT DISTINCT r1_0.* FROM review_requests r1_0"
                + " LEFT JOIN review_request_target_groups t1_0 ON r1_0.id = t1_0.review_request_id"
                + " LEFT JOIN review_groups t1_1 ON t1_0.group_id = t1_1.id WHERE t1_1.name IN (?)", derived.sql());
    }

    @Test
    void derivedQueriesWithoutTheShapesFindNothing() {
        AnalysisResult r = LintTestHelper.forAllRules()
                .addSource("com/acme/app/Entities.java", DerivedQueryFixtures.ENTITIES)
                .addSource("com/acme/app/Repositories.java", """
                        package com.acme.app;

                        import java.time.Instant;
                        import java.util.List;
                        import org.springframework.data.jpa.repository.JpaRepository;

                        interface ReviewRequestRepository extends JpaRepository<ReviewRequest, Long> {
                            List<ReviewRequest> findByStatusAndSubmitterUsername(String status, String username);
                            List<ReviewRequest> findByTargetGroupsIsEmpty();
                        }
                        interface TrackRepository extends JpaRepository<Track, Long> {
                            long countByOwnerId(Long ownerId);
                            List<Track> findTop5ByOrderByCreatedAtDesc();
                            List<Track> findByOwner_Name(String name);
                            default List<Track> newest() {
                                return findTop5ByOrderByCreatedAtDesc();
                            }
                            List<Track> findByNickname(String nickname);
                        }
                        interface AccountRepository extends JpaRepository<Account, Long> {
                            boolean existsByEmail(String email);
                        }
                        interface ApiTokenRepository extends JpaRepository<ApiToken, Long> {
                            void deleteByExpiresAtBefore(Instant now);
                        }
                        """)
                .withProjectSchema()
                .expectNoFindings(7);
        // methods that are not derived queries are no SQL sites and no diagnostics: the debug log says why
        assertTrue(r.notes().contains("Spring Data derived queries: 7 methods read as SQL, 2 skipped:"
                + " TrackRepository.findByNickname (no property nickname on Track); TrackRepository.newest (default method)"),
                r.notes().toString());
    }
}
