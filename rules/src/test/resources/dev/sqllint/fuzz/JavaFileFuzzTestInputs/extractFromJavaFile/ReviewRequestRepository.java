package com.acme.reviews;

import jakarta.persistence.*;
import java.util.List;
import java.util.Set;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

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

interface ReviewRequestRepository extends JpaRepository<ReviewRequest, Long> {
    @Query("select distinct r from ReviewRequest r join r.targetGroups g where g.name in :names")
    List<ReviewRequest> targeting(@Param("names") List<String> names);

    @Query(value = "SELECT * FROM review_requests rr WHERE rr.submitter_id = ?1 OR rr.id IN "
            + "(SELECT g.review_request_id FROM review_request_target_groups g WHERE g.group_id = ?2)",
            nativeQuery = true)
    List<ReviewRequest> visibleTo(long userId, long groupId);

    @Query("select r from #{#entityName} r where r.submitter.username = :#{#name}")
    List<ReviewRequest> bySubmitter(String name);

    List<ReviewRequest> findDistinctByTargetGroupsNameAndStatusOrderByIdDesc(String name, String status);

    long countBySubmitterUsernameOrStatus(String username, String status);
}
