package com.example.demo.reviews;

import java.util.Collection;
import java.util.List;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;

import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The review search screen: requests in a status that target any of the selected groups, built with the JPA
 * Criteria API.
 */
@Repository
@Transactional(readOnly = true)
public class ReviewRequestSearchDao {

    @PersistenceContext
    private EntityManager entityManager;

    /**
     * One page of the requests in {@code status} targeted at one of {@code groupNames}, newest first.
     */
    public List<ReviewRequest> search(String status, Collection<String> groupNames, int pageSize) {
        CriteriaBuilder cb = entityManager.getCriteriaBuilder();
        CriteriaQuery<ReviewRequest> cq = cb.createQuery(ReviewRequest.class);
        Root<ReviewRequest> request = cq.from(ReviewRequest.class);
        Join<ReviewRequest, ReviewGroup> group = request.join("targetGroups");
        cq.select(request).distinct(true)
                .where(cb.equal(request.get("status"), status), group.get("name").in(groupNames))
                .orderBy(cb.desc(request.get("id")));
        return entityManager.createQuery(cq).setMaxResults(pageSize).getResultList();
    }

    /**
     * Fix for {@link #search(String, Collection, int)}: tests the target groups of each request with
     * {@code EXISTS}, so no duplicate rows are made and none have to be removed.
     */
    public List<ReviewRequest> searchFixed(String status, Collection<String> groupNames, int pageSize) {
        CriteriaBuilder cb = entityManager.getCriteriaBuilder();
        CriteriaQuery<ReviewRequest> cq = cb.createQuery(ReviewRequest.class);
        Root<ReviewRequest> request = cq.from(ReviewRequest.class);
        Subquery<Long> targeted = cq.subquery(Long.class);
        Join<ReviewRequest, ReviewGroup> group = targeted.correlate(request).join("targetGroups");
        targeted.select(group.get("id")).where(group.get("name").in(groupNames));
        cq.select(request)
                .where(cb.equal(request.get("status"), status), cb.exists(targeted))
                .orderBy(cb.desc(request.get("id")));
        return entityManager.createQuery(cq).setMaxResults(pageSize).getResultList();
    }
}
