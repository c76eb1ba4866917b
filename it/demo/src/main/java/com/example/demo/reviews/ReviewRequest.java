package com.example.demo.reviews;

import java.util.HashSet;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * A code review request, targeted at groups and individual reviewers.
 */
@Entity
@Table(name = "review_requests")
@NamedQuery(name = "ReviewRequest.byRepository",
        query = "select r from ReviewRequest r where r.repositoryId = :repositoryId")
public class ReviewRequest {

    /** Status of a request that is waiting for reviewers. */
    public static final String PENDING = "P";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "repository_id", nullable = false)
    private Long repositoryId;

    @Column(name = "submitter_id", nullable = false)
    private Long submitterId;

    @Column(name = "status", nullable = false, length = 1)
    private String status;

    @Column(name = "summary")
    private String summary;

    @ManyToMany
    @JoinTable(name = "review_request_target_groups",
            joinColumns = @JoinColumn(name = "review_request_id"),
            inverseJoinColumns = @JoinColumn(name = "group_id"))
    private Set<ReviewGroup> targetGroups = new HashSet<>();

    protected ReviewRequest() {
    }

    public ReviewRequest(Long repositoryId, Long submitterId, String summary) {
        this.repositoryId = repositoryId;
        this.submitterId = submitterId;
        this.summary = summary;
        this.status = PENDING;
    }

    public Long getId() {
        return id;
    }

    public Long getRepositoryId() {
        return repositoryId;
    }

    public Long getSubmitterId() {
        return submitterId;
    }

    public String getStatus() {
        return status;
    }

    public String getSummary() {
        return summary;
    }

    public Set<ReviewGroup> getTargetGroups() {
        return targetGroups;
    }
}
