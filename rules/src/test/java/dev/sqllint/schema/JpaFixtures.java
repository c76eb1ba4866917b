package dev.sqllint.schema;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParserConfiguration;
import dev.sqllint.extract.JavaFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A review app's entities, as a team would write them: a {@code @MappedSuperclass} with the id, owners with
 * an embedded address and a one-to-one profile (the profile still on {@code javax.persistence}), tracks
 * keyed by {@code track_id}, tags with a composite {@code @EmbeddedId}, and review requests linked to groups
 * through an explicit and an implicit join table.
 */
final class JpaFixtures {

    static final String BASE_ENTITY = """
            package com.acme.review;

            import jakarta.persistence.*;
            import java.time.Instant;

            @MappedSuperclass
            public abstract class BaseEntity {
                @Id
                @GeneratedValue
                private Long id;

                private Instant createdAt;
            }
            """;

    static final String OWNER = """
            package com.acme.review;

            import jakarta.persistence.*;
            import java.util.List;

            @Entity
            @Table(name = "owners")
            public class Owner extends BaseEntity {
                @Column(unique = true, nullable = false)
                private String email;

                private String displayName;

                @Embedded
                @AttributeOverride(name = "city", column = @Column(name = "home_city"))
                private Address address;

                @OneToOne
                @JoinColumn(name = "profile_id")
                private Profile profile;

                @OneToMany(mappedBy = "owner")
                private List<Track> tracks;
            }
            """;

    static final String ADDRESS = """
            package com.acme.review;

            import jakarta.persistence.Column;
            import jakarta.persistence.Embeddable;

            @Embeddable
            public class Address {
                private String street;
                @Column(name = "postCode")
                private String zip;
                private String city;
            }
            """;

    static final String PROFILE = """
            package com.acme.review;

            import javax.persistence.Entity;
            import javax.persistence.Id;
            import javax.persistence.OneToOne;

            @Entity
            public class Profile {
                @Id
                private Long id;
                private String bio;

                @OneToOne(mappedBy = "profile")
                private Owner owner;
            }
            """;

    static final String TRACK = """
            package com.acme.review;

            import jakarta.persistence.*;
            import java.time.Instant;

            @Entity
            @Table(name = "tracks",
                   uniqueConstraints = @UniqueConstraint(columnNames = {"owner_id", "title"}),
                   indexes = @Index(name = "tracks_by_run", columnList = "publishedRun DESC"))
            public class Track {
                static final String ID_COLUMN = "track_id";
                private static int instances;

                @Id
                @Column(name = ID_COLUMN)
                private Long trackId;

                private String title;
                private Instant publishedRun;

                @ManyToOne(fetch = FetchType.LAZY)
                private Owner owner;

                @Transient
                private String label;
                private transient int plays;
            }
            """;

    static final String TRACK_TAG = """
            package com.acme.review;

            import jakarta.persistence.*;

            @Entity
            public class TrackTag {
                @EmbeddedId
                private TrackTagId id;

                @ManyToOne
                @JoinColumn(name = "trackId", insertable = false, updatable = false)
                private Track track;
            }
            """;

    static final String TRACK_TAG_ID = """
            package com.acme.review;

            import jakarta.persistence.Column;
            import jakarta.persistence.Embeddable;
            import java.io.Serializable;

            @Embeddable
            public class TrackTagId implements Serializable {
                private Long trackId;
                @Column(name = "tag")
                private String tagName;
            }
            """;

    static final String REVIEW_REQUEST = """
            package com.acme.review;

            import jakarta.persistence.*;
            import java.util.List;
            import java.util.Set;

            @Entity
            public class ReviewRequest extends BaseEntity {
                @ManyToOne
                @JoinColumn(name = "track_id")
                private Track track;

                @ManyToMany
                @JoinTable(name = "review_request_groups",
                        joinColumns = @JoinColumn(name = "request_id"),
                        inverseJoinColumns = @JoinColumn(name = "group_id"))
                private Set<ReviewGroup> targetGroups;

                @ManyToMany
                private List<ReviewGroup> watchers;

                @OneToMany(mappedBy = "request")
                private List<Review> reviews;
            }
            """;

    static final String REVIEW_GROUP = """
            package com.acme.review;

            import jakarta.persistence.*;
            import java.util.List;
            import java.util.Set;

            @Entity
            public class ReviewGroup {
                @Id
                private Long id;
                private String name;

                @ManyToMany(mappedBy = "targetGroups")
                private Set<ReviewRequest> requests;

                @ManyToMany(mappedBy = "watchers")
                private List<ReviewRequest> watchedRequests;
            }
            """;

    static final String REVIEW = """
            package com.acme.review;

            import jakarta.persistence.*;

            @Entity
            public class Review extends BaseEntity {
                @ManyToOne(optional = false)
                private ReviewRequest request;

                private int score;
            }
            """;

    private JpaFixtures() {
    }

    /** The review app's files. */
    static List<JavaFile> reviewApp() {
        return files(
                "src/main/java/com/acme/review/BaseEntity.java", BASE_ENTITY,
                "src/main/java/com/acme/review/Owner.java", OWNER,
                "src/main/java/com/acme/review/Address.java", ADDRESS,
                "src/main/java/com/acme/review/Profile.java", PROFILE,
                "src/main/java/com/acme/review/Track.java", TRACK,
                "src/main/java/com/acme/review/TrackTag.java", TRACK_TAG,
                "src/main/java/com/acme/review/TrackTagId.java", TRACK_TAG_ID,
                "src/main/java/com/acme/review/ReviewRequest.java", REVIEW_REQUEST,
                "src/main/java/com/acme/review/ReviewGroup.java", REVIEW_GROUP,
                "src/main/java/com/acme/review/Review.java", REVIEW);
    }

    /** Parses path, source, path, source, ... */
    static List<JavaFile> files(String... pathsAndSources) {
        JavaParser parser = new JavaParser(new ParserConfiguration()
                .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17));
        List<JavaFile> files = new ArrayList<>();
        for (int i = 0; i < pathsAndSources.length; i += 2) {
            files.add(new JavaFile(Path.of(pathsAndSources[i]),
                    parser.parse(pathsAndSources[i + 1]).getResult().orElseThrow()));
        }
        return files;
    }
}
