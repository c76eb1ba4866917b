package dev.sqllint.derived;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParserConfiguration;
import dev.sqllint.extract.JavaFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A review and music app's entities, as a team would map them: review requests targeted at groups through a
 * link table and submitted by an account; tracks owned by an account and shared with collaborators (a
 * {@code mappedBy} collection whose rows must name their track: {@code optional = false}); accounts with an
 * embedded address; API tokens that expire.
 */
final class DerivedQueryFixtures {

    static final String ENTITIES = """
            package com.acme.app;

            import jakarta.persistence.*;
            import java.time.Instant;
            import java.util.Set;

            @Entity
            @Table(name = "review_requests")
            class ReviewRequest {
                @Id @GeneratedValue Long id;
                String status;
                Instant createdAt;
                @ManyToOne @JoinColumn(name = "submitter_id") Account submitter;
                @ManyToMany
                @JoinTable(name = "review_request_target_groups",
                        joinColumns = @JoinColumn(name = "review_request_id"),
                        inverseJoinColumns = @JoinColumn(name = "group_id"))
                Set<ReviewGroup> targetGroups;
            }

            @Entity
            @Table(name = "review_groups")
            class ReviewGroup {
                @Id @GeneratedValue Long id;
                String name;
            }

            @Embeddable
            class Address {
                String street;
                String city;
            }

            @Entity
            @Table(name = "accounts")
            class Account {
                @Id @GeneratedValue Long id;
                String username;
                String name;
                String email;
                @Embedded Address address;
            }

            @Entity
            @Table(name = "tracks")
            class Track {
                @Id @GeneratedValue @Column(name = "track_id") Long id;
                String title;
                boolean archived;
                Instant createdAt;
                @ManyToOne Account owner;
                @OneToMany(mappedBy = "track") Set<Collaborator> collaborators;
            }

            @Entity
            @Table(name = "track_collaborators")
            class Collaborator {
                @Id @GeneratedValue Long id;
                @ManyToOne(optional = false) @JoinColumn(name = "track_id") Track track;
                @ManyToOne @JoinColumn(name = "user_id") Account user;
                String role;
            }

            @Entity
            @Table(name = "api_tokens")
            class ApiToken {
                @Id @GeneratedValue Long id;
                Instant expiresAt;
            }
            """;

    private DerivedQueryFixtures() {
    }

    /** Parses {@code path, text} pairs into the files the analysis reads. */
    static List<JavaFile> parse(String... pathsAndTexts) {
        List<JavaFile> files = new ArrayList<>();
        JavaParser parser = new JavaParser(new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_21));
        for (int i = 0; i < pathsAndTexts.length; i += 2) {
            files.add(new JavaFile(Path.of(pathsAndTexts[i]), parser.parse(pathsAndTexts[i + 1]).getResult().orElseThrow()));
        }
        return files;
    }
}
