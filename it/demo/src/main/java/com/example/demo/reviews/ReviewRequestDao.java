package com.example.demo.reviews;

import java.util.Collection;
import java.util.List;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Review request queries behind the dashboard's "incoming reviews" counter and lists.
 */
@Repository
@Transactional(readOnly = true)
public class ReviewRequestDao {

    private static final String VISIBLE_PENDING_IDS =
            "SELECT DISTINCT rr.id FROM review_requests rr"
            + " LEFT JOIN review_request_target_groups tg ON tg.review_request_id = rr.id"
            + " LEFT JOIN review_request_target_people tp ON tp.review_request_id = rr.id"
            + " WHERE rr.status = 'P' AND (tg.group_id IN (:groupIds) OR tp.user_id = :userId)";

    private static final String COUNT_VISIBLE_PENDING =
            "SELECT COUNT(*) FROM (" + VISIBLE_PENDING_IDS + ") visible";

    private static final String COUNT_VISIBLE_PENDING_FIXED =
            "SELECT COUNT(*) FROM review_requests rr"
            + " WHERE rr.status = 'P' AND ("
            + "EXISTS (SELECT 1 FROM review_request_target_groups tg"
            + " WHERE tg.review_request_id = rr.id AND tg.group_id IN (:groupIds))"
            + " OR EXISTS (SELECT 1 FROM review_request_target_people tp"
            + " WHERE tp.review_request_id = rr.id AND tp.user_id = :userId))";

    private static final String SUBMITTER_NAMES =
            "SELECT DISTINCT u.username FROM review_requests rr"
            + " JOIN users u ON u.id = rr.submitter_id"
            + " WHERE rr.repository_id = :repositoryId";

    @PersistenceContext
    private EntityManager entityManager;

    /**
     * Number of pending requests targeted at the user directly or at one of the user's groups.
     */
    public long countIncoming(long userId, Collection<Long> groupIds) {
        Number count = (Number) entityManager.createNativeQuery(COUNT_VISIBLE_PENDING)
                .setParameter("groupIds", groupIds)
                .setParameter("userId", userId)
                .getSingleResult();
        return count.longValue();
    }

    /**
     * Fix for {@link #countIncoming(long, Collection)}: counts each request once by testing each
     * target table with {@code EXISTS} instead of de-duplicating the product of both joins.
     */
    public long countIncomingFixed(long userId, Collection<Long> groupIds) {
        Number count = (Number) entityManager.createNativeQuery(COUNT_VISIBLE_PENDING_FIXED)
                .setParameter("groupIds", groupIds)
                .setParameter("userId", userId)
                .getSingleResult();
        return count.longValue();
    }

    /**
     * User names of everyone who submitted a review request in the repository.
     */
    @SuppressWarnings("unchecked")
    public List<String> submitterNames(long repositoryId) {
        return entityManager.createNativeQuery(SUBMITTER_NAMES)
                .setParameter("repositoryId", repositoryId)
                .getResultList();
    }

    /**
     * Review requests in the given status.
     */
    public List<ReviewRequest> findByStatus(String status) {
        return entityManager.createQuery("select r from ReviewRequest r where r.status = :status", ReviewRequest.class)
                .setParameter("status", status)
                .getResultList();
    }

    /**
     * Review requests of a repository.
     */
    public List<ReviewRequest> findByRepository(long repositoryId) {
        return entityManager.createNamedQuery("ReviewRequest.byRepository", ReviewRequest.class)
                .setParameter("repositoryId", repositoryId)
                .getResultList();
    }
}
