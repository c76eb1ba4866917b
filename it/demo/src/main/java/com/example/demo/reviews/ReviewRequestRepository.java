package com.example.demo.reviews;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/**
 * Review requests by the groups they are targeted at, for the group review queues.
 */
public interface ReviewRequestRepository extends JpaRepository<ReviewRequest, Long> {

    /**
     * Requests in a status targeted at any of the named groups, each request once. Spring Data JPA
     * derives the query from the name: a join through review_request_target_groups to review_groups,
     * then DISTINCT to fold the rows the join multiplied.
     */
    List<ReviewRequest> findDistinctByStatusAndTargetGroupsNameIn(String status, Collection<String> groupNames);

    /**
     * Fix for {@link #findDistinctByStatusAndTargetGroupsNameIn(String, Collection)}: tests the target
     * groups with {@code EXISTS}, so no row is multiplied and nothing needs folding.
     */
    @Query(value = "SELECT r.* FROM review_requests r WHERE r.status = :status"
            + " AND EXISTS (SELECT 1 FROM review_request_target_groups tg"
            + " JOIN review_groups g ON g.id = tg.group_id"
            + " WHERE tg.review_request_id = r.id AND g.name IN (:groupNames))",
            nativeQuery = true)
    List<ReviewRequest> findTargetedAtGroups(@Param("status") String status,
                                             @Param("groupNames") Collection<String> groupNames);

    /**
     * Number of requests in a status, for the queue badge.
     */
    long countByStatus(String status);
}
