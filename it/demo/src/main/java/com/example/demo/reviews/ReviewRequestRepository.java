package com.example.demo.reviews;

import java.util.Collection;
import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
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

    /**
     * A repository's review queue, a page at a time, each request with its target groups. The groups are a
     * collection: Hibernate cannot cut the page in SQL, so it loads every request of the repository with all
     * its groups and pages in memory.
     */
    @Query(value = "select r from ReviewRequest r join fetch r.targetGroups"
            + " where r.repositoryId = :repositoryId order by r.id desc",
            countQuery = "select count(r) from ReviewRequest r where r.repositoryId = :repositoryId")
    Page<ReviewRequest> findQueue(@Param("repositoryId") Long repositoryId, Pageable pageable);

    /**
     * Fix for {@link #findQueue(Long, Pageable)}, step one: the page of request ids, paged in SQL.
     */
    @Query("select r.id from ReviewRequest r where r.repositoryId = :repositoryId order by r.id desc")
    Page<Long> findQueueIds(@Param("repositoryId") Long repositoryId, Pageable pageable);

    /**
     * Fix for {@link #findQueue(Long, Pageable)}, step two: the requests of that page with their target
     * groups, by id (unpaged: the ids are the page).
     */
    @Query("select distinct r from ReviewRequest r left join fetch r.targetGroups"
            + " where r.id in :ids order by r.id desc")
    List<ReviewRequest> findWithTargetGroups(@Param("ids") Collection<Long> ids);
}
