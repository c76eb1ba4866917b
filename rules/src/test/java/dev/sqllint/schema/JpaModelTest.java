package dev.sqllint.schema;

import static dev.sqllint.schema.JpaModel.Cardinality.TO_MANY;
import static dev.sqllint.schema.JpaModel.Cardinality.TO_ONE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sqllint.extract.JavaFile;
import dev.sqllint.schema.JpaModel.Association;
import dev.sqllint.schema.JpaModel.Join;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The review app's mapping, read under Spring Boot's naming and under plain JPA naming. */
class JpaModelTest {

    private final List<String> problems = new ArrayList<>();

    private Schema schema(List<JavaFile> files, JpaNaming naming) {
        Schema schema = new Schema();
        JpaModel.read(files, naming).applyTo(schema, this::problem);
        return schema;
    }

    private void problem(Path file, int line, String reason) {
        problems.add(file.getFileName() + ":" + line + " " + reason);
    }

    private static Table table(Schema schema, String name) {
        return schema.table(name).orElseThrow(() -> new AssertionError("no table " + name + " in " + names(schema)));
    }

    private static List<String> names(Schema schema) {
        return schema.tables().stream().map(Table::name).toList();
    }

    private static Key key(String name, List<String> columns, String source) {
        return new Key(name, columns, true, source);
    }

    private static ForeignKey fk(List<String> columns, String table, List<String> referenced, String source) {
        return new ForeignKey(null, columns, table, referenced, source);
    }

    @Test
    void springNamingBuildsSnakeCaseTablesWithKeysAndTheirSources() {
        Schema schema = schema(JpaFixtures.reviewApp(), JpaNaming.SPRING);

        assertEquals(List.of("owners", "profile", "review", "review_group", "review_request", "review_request_groups",
                "review_request_watchers", "track_tag", "tracks"), names(schema));

        Table owners = table(schema, "owners");
        assertEquals("Owner.java:7 @Table(name = \"owners\")", owners.source());
        assertEquals(List.of("id", "created_at", "email", "display_name", "street", "post_code", "home_city", "profile_id"),
                List.copyOf(owners.columns()));
        assertEquals(Optional.of("timestamp with time zone"), owners.columnType("created_at"));
        assertEquals(Optional.of("bigint"), owners.columnType("profile_id"));
        assertEquals(Optional.of(key(null, List.of("id"), "BaseEntity.java:8 @Id")), owners.primaryKey());
        assertEquals(List.of(key(null, List.of("email"), "Owner.java:9 @Column(unique = true)"),
                key(null, List.of("profile_id"), "Owner.java:18 @OneToOne")), owners.uniqueKeys());
        assertEquals(List.of(fk(List.of("profile_id"), "profile", List.of("id"), "Owner.java:18 @OneToOne")),
                owners.foreignKeys());

        Table tracks = table(schema, "tracks");
        assertEquals(List.of("track_id", "title", "published_run", "owner_id"), List.copyOf(tracks.columns()));
        assertEquals(Optional.of(key(null, List.of("track_id"), "Track.java:14 @Id")), tracks.primaryKey());
        assertEquals(List.of(key(null, List.of("owner_id", "title"),
                "Track.java:8 @UniqueConstraint(columnNames = { \"owner_id\", \"title\" })")), tracks.uniqueKeys());
        assertEquals(List.of(new Key("tracks_by_run", List.of("published_run"), false,
                "Track.java:9 @Index(name = \"tracks_by_run\", columnList = \"publishedRun DESC\")")), tracks.indexes());
        assertEquals(List.of(fk(List.of("owner_id"), "owners", List.of("id"), "Track.java:21 @ManyToOne")),
                tracks.foreignKeys());

        Table trackTag = table(schema, "track_tag");
        assertEquals("TrackTag.java:5 @Entity", trackTag.source());
        assertEquals(Optional.of(key(null, List.of("track_id", "tag"), "TrackTag.java:7 @EmbeddedId")), trackTag.primaryKey());
        assertEquals(List.of(fk(List.of("track_id"), "tracks", List.of("track_id"), "TrackTag.java:10 @ManyToOne")),
                trackTag.foreignKeys());

        Table requests = table(schema, "review_request");
        assertEquals(List.of("id", "created_at", "track_id"), List.copyOf(requests.columns()));
        assertEquals(Optional.of(key(null, List.of("id"), "BaseEntity.java:8 @Id")), requests.primaryKey());

        Table groups = table(schema, "review_request_groups");
        assertEquals("ReviewRequest.java:14 @JoinTable(name = \"review_request_groups\")", groups.source());
        assertEquals(List.of("request_id", "group_id"), List.copyOf(groups.columns()));
        assertEquals(Optional.of(key(null, List.of("request_id", "group_id"), "ReviewRequest.java:13 @ManyToMany")),
                groups.primaryKey(), "a Set makes the link table keyed by both sides");
        assertEquals(List.of(
                fk(List.of("request_id"), "review_request", List.of("id"), "ReviewRequest.java:13 @ManyToMany"),
                fk(List.of("group_id"), "review_group", List.of("id"), "ReviewRequest.java:13 @ManyToMany")),
                groups.foreignKeys());

        Table watchers = table(schema, "review_request_watchers");
        assertEquals("ReviewRequest.java:19 @ManyToMany", watchers.source());
        assertEquals(List.of("watched_requests_id", "watchers_id"), List.copyOf(watchers.columns()),
                "the owner's column is named after the inverse property, the target's after the owning one");
        assertEquals(Optional.empty(), watchers.primaryKey(), "a List is a bag: duplicates allowed, no key");

        Table review = table(schema, "review");
        assertEquals(List.of("id", "created_at", "score", "request_id"), List.copyOf(review.columns()));
        assertEquals(List.of(fk(List.of("request_id"), "review_request", List.of("id"), "Review.java:7 @ManyToOne")),
                review.foreignKeys());

        Table profile = table(schema, "profile");
        assertEquals(List.of("id", "bio"), List.copyOf(profile.columns()));
        assertEquals(Optional.of(key(null, List.of("id"), "Profile.java:9 @Id")), profile.primaryKey());
        assertEquals(List.of(), problems);
    }

    @Test
    void plainJpaNamingKeepsNamesAsWrittenAndJoinsTablesByBothNames() {
        Schema schema = schema(JpaFixtures.reviewApp(), JpaNaming.JPA);

        assertEquals(List.of("owners", "profile", "review", "review_request_groups", "reviewgroup", "reviewrequest",
                "reviewrequest_reviewgroup", "tracks", "tracktag"), names(schema));
        assertEquals(List.of("id", "createdat", "email", "displayname", "street", "postcode", "home_city", "profile_id"),
                List.copyOf(table(schema, "owners").columns()));
        assertEquals(List.of("track_id", "title", "publishedrun", "owner_id"), List.copyOf(table(schema, "tracks").columns()));
        assertEquals(List.of("publishedrun"), table(schema, "tracks").indexes().get(0).columns());
        assertEquals(Optional.of(key(null, List.of("trackid", "tag"), "TrackTag.java:7 @EmbeddedId")),
                table(schema, "TrackTag").primaryKey());
        assertEquals(List.of("watchedRequests_id", "watchers_id").stream().map(Schema::normalize).toList(),
                List.copyOf(table(schema, "ReviewRequest_ReviewGroup").columns()));
        assertEquals("ReviewRequest.java:19 @ManyToMany", table(schema, "ReviewRequest_ReviewGroup").source());

        JpaModel model = JpaModel.read(JpaFixtures.reviewApp(), JpaNaming.JPA);
        assertEquals(Optional.of("ReviewRequest"), model.tableOf("ReviewRequest"));
        assertEquals(Optional.of("publishedRun"), model.columnOf("Track", "publishedRun"));
        assertEquals(List.of(new Join("ReviewRequest", List.of("id"), "ReviewRequest_ReviewGroup", List.of("watchedRequests_id")),
                        new Join("ReviewRequest_ReviewGroup", List.of("watchers_id"), "ReviewGroup", List.of("id"))),
                model.association("ReviewRequest", "watchers").orElseThrow().joins());
    }

    @Test
    void associationsKnowTheirTargetCardinalityAndSqlJoin() {
        JpaModel model = JpaModel.read(JpaFixtures.reviewApp(), JpaNaming.SPRING);

        assertEquals(new Association("Track", "owner", "Owner", TO_ONE, null,
                        List.of(new Join("tracks", List.of("owner_id"), "owners", List.of("id"))), "Track.java:21 @ManyToOne"),
                model.association("Track", "owner").orElseThrow());
        assertEquals(new Association("Owner", "tracks", "Track", TO_MANY, "owner",
                        List.of(new Join("owners", List.of("id"), "tracks", List.of("owner_id"))),
                        "Owner.java:22 @OneToMany(mappedBy = \"owner\")"),
                model.association("Owner", "tracks").orElseThrow());
        assertEquals(new Association("Owner", "profile", "Profile", TO_ONE, null,
                        List.of(new Join("owners", List.of("profile_id"), "profile", List.of("id"))), "Owner.java:18 @OneToOne"),
                model.association("Owner", "profile").orElseThrow());
        assertEquals(new Association("Profile", "owner", "Owner", TO_ONE, "profile",
                        List.of(new Join("profile", List.of("id"), "owners", List.of("profile_id"))),
                        "Profile.java:13 @OneToOne(mappedBy = \"profile\")"),
                model.association("Profile", "owner").orElseThrow());
        assertEquals(new Association("TrackTag", "track", "Track", TO_ONE, null,
                        List.of(new Join("track_tag", List.of("track_id"), "tracks", List.of("track_id"))),
                        "TrackTag.java:10 @ManyToOne"),
                model.association("TrackTag", "track").orElseThrow());
        assertEquals(new Association("ReviewRequest", "targetGroups", "ReviewGroup", TO_MANY, null, List.of(
                        new Join("review_request", List.of("id"), "review_request_groups", List.of("request_id")),
                        new Join("review_request_groups", List.of("group_id"), "review_group", List.of("id"))),
                        "ReviewRequest.java:13 @ManyToMany"),
                model.association("ReviewRequest", "targetGroups").orElseThrow());
        assertEquals(new Association("ReviewGroup", "requests", "ReviewRequest", TO_MANY, "targetGroups", List.of(
                        new Join("review_group", List.of("id"), "review_request_groups", List.of("group_id")),
                        new Join("review_request_groups", List.of("request_id"), "review_request", List.of("id"))),
                        "ReviewGroup.java:13 @ManyToMany(mappedBy = \"targetGroups\")"),
                model.association("ReviewGroup", "requests").orElseThrow());
        assertEquals(new Association("ReviewRequest", "reviews", "Review", TO_MANY, "request",
                        List.of(new Join("review_request", List.of("id"), "review", List.of("request_id"))),
                        "ReviewRequest.java:22 @OneToMany(mappedBy = \"request\")"),
                model.association("ReviewRequest", "reviews").orElseThrow());
        assertEquals(Optional.of("review_request_groups"),
                model.association("ReviewRequest", "targetGroups").orElseThrow().joinTable());

        assertEquals(List.of("Owner.profile", "Owner.tracks", "Profile.owner", "Track.owner", "TrackTag.track",
                        "ReviewRequest.track", "ReviewRequest.targetGroups", "ReviewRequest.watchers", "ReviewRequest.reviews",
                        "ReviewGroup.requests", "ReviewGroup.watchedRequests", "Review.request"),
                model.associations().stream().map(a -> a.entity() + "." + a.property()).toList());
        assertEquals(Optional.empty(), model.association("Track", "title"));
    }

    @Test
    void propertyPathsResolveToColumnsTheWayJpqlReadsThem() {
        JpaModel model = JpaModel.read(JpaFixtures.reviewApp(), JpaNaming.SPRING);

        assertEquals(Optional.of("track_id"), model.columnOf("Track", "trackId"));
        assertEquals(Optional.of("track_id"), model.columnOf("Track", "id"), "id names the identifier");
        assertEquals(Optional.of("published_run"), model.columnOf("Track", "publishedRun"));
        assertEquals(Optional.of("owner_id"), model.columnOf("Track", "owner.id"), "the FK, no join needed");
        assertEquals(Optional.of("owner_id"), model.columnOf("Track", "owner"));
        assertEquals(Optional.empty(), model.columnOf("Track", "owner.email"), "needs a join to owners");
        assertEquals(Optional.empty(), model.columnOf("Track", "label"), "@Transient");
        assertEquals(Optional.empty(), model.columnOf("Track", "plays"), "transient");
        assertEquals(Optional.of("tag"), model.columnOf("TrackTag", "id.tagName"));
        assertEquals(Optional.of("track_id"), model.columnOf("TrackTag", "track.trackId"));
        assertEquals(Optional.of("post_code"), model.columnOf("Owner", "address.zip"));
        assertEquals(Optional.of("home_city"), model.columnOf("Owner", "address.city"));
        assertEquals(Optional.of("id"), model.columnOf("Owner", "id"), "inherited from the mapped superclass");
        assertEquals(Optional.of("request_id"), model.columnOf("Review", "request.id"));
        assertEquals(Optional.empty(), model.columnOf("Owner", "tracks"), "to-many");
        assertEquals(Optional.empty(), model.columnOf("Profile", "owner.id"), "the inverse side has no column");
        assertEquals(Optional.empty(), model.columnOf("Nobody", "id"));

        assertEquals("Track", model.entityByName("track").orElseThrow().name(), "case-insensitive fallback");
        assertEquals("com.acme.review.Track", model.entityByName("Track").orElseThrow().className());
        assertEquals(List.of("track_id", "tag"), model.entityByName("TrackTag").orElseThrow().primaryKey());
        assertEquals(Optional.of("review_request"), model.tableOf("ReviewRequest"));
        assertEquals("ReviewRequest", model.entityByClass("com.acme.review.ReviewRequest").orElseThrow().name());
    }
}
