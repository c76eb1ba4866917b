package dev.sqllint.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqllint.extract.JavaFile;
import dev.sqllint.schema.JpaModel.Join;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The less common mappings, and what the reader does with what it cannot read. */
class JpaMappingTest {

    private final List<String> problems = new ArrayList<>();

    private Schema schema(JpaNaming naming, String... pathsAndSources) {
        Schema schema = new Schema();
        JpaModel.read(JpaFixtures.files(pathsAndSources), naming).applyTo(schema, this::problem);
        return schema;
    }

    private void problem(Path file, int line, String reason) {
        problems.add(file.getFileName() + ":" + line + " " + reason);
    }

    private static Table table(Schema schema, String name) {
        return schema.table(name).orElseThrow(() -> new AssertionError("no table " + name));
    }

    @Test
    void entityNameNamesTheTableAndTheDefaultJoinColumnsOfALinkTable() {
        List<JavaFile> files = JpaFixtures.files("Song.java", """
                import jakarta.persistence.*;
                import java.util.Set;
                @Entity(name = "Tune")
                class Song {
                  @Id Long songId;
                  @ManyToMany Set<Genre> genres;
                }
                """, "Genre.java", """
                import jakarta.persistence.*;
                @Entity
                class Genre {
                  @Id String code;
                }
                """);
        JpaModel model = JpaModel.read(files, JpaNaming.SPRING);

        assertEquals(Optional.of("tune"), model.tableOf("Tune"));
        assertEquals(Optional.empty(), model.entityByName("Song"), "JPQL knows the entity name only");
        assertEquals("Tune", model.entityByClass("Song").orElseThrow().name());
        assertEquals(List.of(new Join("tune", List.of("song_id"), "tune_genres", List.of("tune_song_id")),
                        new Join("tune_genres", List.of("genres_code"), "genre", List.of("code"))),
                model.association("Tune", "genres").orElseThrow().joins(),
                "no inverse side: the owner column is <entity>_<key column>, the target column <property>_<key column>");
    }

    @Test
    void singleTableSubclassesShareTheRootTableJoinedOnesGetTheirOwn() {
        Schema schema = schema(JpaNaming.SPRING, "Payment.java", """
                import jakarta.persistence.*;
                @Entity
                class Payment {
                  @Id Long id;
                  long amountCents;
                }
                """, "CardPayment.java", """
                import jakarta.persistence.*;
                @Entity
                class CardPayment extends Payment {
                  String cardNumber;
                }
                """, "Account.java", """
                import jakarta.persistence.*;
                @Entity
                @Inheritance(strategy = InheritanceType.JOINED)
                class Account {
                  @Id Long id;
                  String login;
                }
                """, "Customer.java", """
                import jakarta.persistence.*;
                @Entity
                class Customer extends Account {
                  String tier;
                }
                """);

        assertEquals(List.of("account", "customer", "payment"), schema.tables().stream().map(Table::name).toList());
        assertEquals(List.of("id", "amount_cents", "dtype", "card_number"), List.copyOf(table(schema, "payment").columns()));
        Table customer = table(schema, "customer");
        assertEquals(List.of("tier", "id"), List.copyOf(customer.columns()));
        assertEquals(Optional.of(new Key(null, List.of("id"), true, "Account.java:5 @Id")), customer.primaryKey());
        assertEquals(List.of(new ForeignKey(null, List.of("id"), "account", List.of("id"), "Customer.java:2 @Entity")),
                customer.foreignKeys());

        JpaModel model = JpaModel.read(JpaFixtures.files("Payment.java", """
                import jakarta.persistence.*;
                @Entity class Payment { @Id Long id; }
                """, "CardPayment.java", """
                import jakarta.persistence.*;
                @Entity class CardPayment extends Payment { String cardNumber; }
                """), JpaNaming.SPRING);
        assertEquals(Optional.of("payment"), model.tableOf("CardPayment"));
        assertEquals(Optional.of("id"), model.columnOf("CardPayment", "id"));
        assertEquals(List.of("id"), model.entityByName("CardPayment").orElseThrow().primaryKey());
        assertEquals(List.of(), problems);
    }

    @Test
    void idOnAGetterMeansPropertyAccess() {
        Schema schema = schema(JpaNaming.SPRING, "Invoice.java", """
                import jakarta.persistence.*;
                @Entity
                @Table(name = "invoices")
                class Invoice {
                  private Long id;
                  private String number;
                  private String cachedLabel;
                  @Id @Column(name = "invoice_id") public Long getId() { return id; }
                  @Column(unique = true) public String getNumber() { return number; }
                  public boolean isPaid() { return false; }
                  @Transient public String getLabel() { return cachedLabel; }
                  public static Invoice empty() { return new Invoice(); }
                }
                """);

        Table invoices = table(schema, "invoices");
        assertEquals(List.of("invoice_id", "number", "paid"), List.copyOf(invoices.columns()));
        assertEquals(Optional.of(new Key(null, List.of("invoice_id"), true, "Invoice.java:8 @Id")), invoices.primaryKey());
        assertEquals(List.of(new Key(null, List.of("number"), true, "Invoice.java:9 @Column(unique = true)")),
                invoices.uniqueKeys());
    }

    @Test
    void unidirectionalOneToManyPutsTheKeyInTheTargetOrUsesALinkTable() {
        List<JavaFile> files = JpaFixtures.files("Playlist.java", """
                import jakarta.persistence.*;
                import java.util.List;
                import java.util.Set;
                @Entity
                class Playlist {
                  @Id Long id;
                  @OneToMany @JoinColumn(name = "playlist_id") List<Track> tracks;
                  @OneToMany Set<Track> featured;
                }
                """, "Track.java", """
                import jakarta.persistence.*;
                @Entity
                @Table(name = "tracks")
                class Track {
                  @Id @Column(name = "track_id") Long trackId;
                }
                """);
        Schema schema = new Schema();
        JpaModel model = JpaModel.read(files, JpaNaming.SPRING);
        model.applyTo(schema, this::problem);

        assertEquals(List.of(new Join("playlist", List.of("id"), "tracks", List.of("playlist_id"))),
                model.association("Playlist", "tracks").orElseThrow().joins());
        assertEquals(List.of(new ForeignKey(null, List.of("playlist_id"), "playlist", List.of("id"), "Playlist.java:7 @OneToMany")),
                table(schema, "tracks").foreignKeys());

        assertEquals(List.of(new Join("playlist", List.of("id"), "playlist_featured", List.of("playlist_id")),
                        new Join("playlist_featured", List.of("featured_track_id"), "tracks", List.of("track_id"))),
                model.association("Playlist", "featured").orElseThrow().joins());
        Table featured = table(schema, "playlist_featured");
        assertEquals(List.of(new Key(null, List.of("playlist_id", "featured_track_id"), true, "Playlist.java:8 @OneToMany"),
                        new Key(null, List.of("featured_track_id"), true, "Playlist.java:8 @OneToMany")),
                List.of(featured.primaryKey().orElseThrow(), featured.uniqueKeys().get(0)),
                "each track is featured by one playlist at most");
    }

    @Test
    void javaxAndJakartaCountButLookalikesFromOtherPackagesDoNot() {
        Schema schema = schema(JpaNaming.SPRING, "Legacy.java", """
                import javax.persistence.*;
                @Entity
                @Table(name = "legacy_rows")
                class Legacy {
                  @Id Long id;
                }
                """, "Event.java", """
                import jakarta.persistence.Entity;
                import org.springframework.data.annotation.Id;
                @Entity
                class Event {
                  @Id Long id;
                }
                """, "Audit.java", """
                import org.springframework.data.relational.core.mapping.Table;
                import org.springframework.data.annotation.Id;
                @Table("audit")
                class Audit {
                  @Id Long id;
                }
                """);

        assertEquals(List.of("event", "legacy_rows"), schema.tables().stream().map(Table::name).toList());
        assertEquals(Optional.empty(), table(schema, "event").primaryKey());
        assertEquals(List.of("Event.java:3 entity Event has no @Id or @EmbeddedId among the sources; its primary key is unknown"),
                problems);
    }

    @Test
    void aConstantOfTheSameClassIsReadOneTheSourcesDoNotDeclareIsReportedAndIgnored() {
        Schema schema = schema(JpaNaming.SPRING, "Run.java", """
                import jakarta.persistence.*;
                @Entity
                @Table(name = Names.RUNS)
                class Run {
                  private static final String PREFIX = "run_";
                  @Id @Column(name = PREFIX + "id") Long id;
                  @ManyToOne Pipeline pipeline;
                }
                """);

        assertEquals(List.of("run"), schema.tables().stream().map(Table::name).toList(), "default name, Names.RUNS unknown");
        assertEquals(List.of("run_id"), table(schema, "run").primaryKey().orElseThrow().columns());
        assertEquals(List.of(
                "Run.java:3 @Table(name = Names.RUNS) is not a literal or a constant of the sources; the attribute is ignored",
                "Run.java:7 Run.pipeline: the target entity Pipeline is not among the sources"), problems);
    }

    /** ThingsBoard's shape: every column named by a constant of one constants class, used qualified or imported. */
    @Test
    void constantsOfAnotherClassAreReadQualifiedStaticallyImportedOrInherited() {
        JpaModel model = JpaModel.read(JpaFixtures.files(
                "ModelConstants.java", """
                        package com.acme.model;
                        public final class ModelConstants {
                            public static final String PREFIX = "tb_";
                            public static final String DEVICE_TABLE = PREFIX + "device";
                            public static final String ID = "id";
                            public static final String TENANT_ID = "tenant_id";
                        }
                        """,
                "Columns.java", """
                        package com.acme.model;
                        public interface Columns {
                            String LABEL = "label";
                        }
                        """,
                "Device.java", """
                        package com.acme.model;
                        import static com.acme.model.ModelConstants.TENANT_ID;
                        import jakarta.persistence.*;
                        @Entity
                        @Table(name = ModelConstants.DEVICE_TABLE)
                        class Device implements Columns {
                          @Id @Column(name = ModelConstants.ID) Long id;
                          @Column(name = TENANT_ID) Long tenantId;
                          @Column(name = LABEL) String label;
                        }
                        """), JpaNaming.SPRING);
        Schema schema = new Schema();
        model.applyTo(schema, this::problem);

        assertEquals(List.of("tb_device"), schema.tables().stream().map(Table::name).toList());
        assertEquals(List.of("id"), table(schema, "tb_device").primaryKey().orElseThrow().columns());
        assertTrue(table(schema, "tb_device").hasColumn("tenant_id"));
        assertTrue(table(schema, "tb_device").hasColumn("label"));
        assertEquals(List.of(), problems);
        assertEquals(Set.of("ModelConstants.java", "Columns.java"), model.constantFiles().stream()
                .map(p -> p.getFileName().toString()).collect(java.util.stream.Collectors.toSet()),
                "the schema depends on the files that declared the constants");
    }

    @Test
    void sourcesThatDoNotCompileStillGiveAnAnswer() {
        Schema schema = schema(JpaNaming.SPRING, "Loop.java", """
                import jakarta.persistence.*;
                @Entity class Chicken extends Egg { @Id Long id; }
                @Entity class Egg extends Chicken { String shell; }
                @Entity class Self extends Self { @Id Long id; @ManyToOne(targetEntity = void.class) Self parent; }
                """);

        assertEquals(List.of("egg", "self"), schema.tables().stream().map(Table::name).toList(),
                "the cycle is cut where it closes: Chicken extends Egg, Egg is a root");
        assertEquals(List.of("id"), table(schema, "self").primaryKey().orElseThrow().columns());
    }

    @Test
    void migrationsWinJpaOnlyAddsWhatTheyDoNotSay() {
        Schema schema = new Schema();
        Table tracks = schema.createTable("tracks", "V1__tracks.sql:1");
        tracks.addColumn("track_id", "bigserial");
        tracks.addColumn("title", "text");
        tracks.addColumn("owner_id", "bigint");
        tracks.setPrimaryKey(new Key("tracks_pkey", List.of("track_id"), true, "V1__tracks.sql:2"));
        tracks.addUniqueKey(new Key("tracks_owner_title", List.of("owner_id", "title"), true, "V1__tracks.sql:6"));

        JpaModel.read(JpaFixtures.reviewApp(), JpaNaming.SPRING).applyTo(schema, this::problem);

        Table after = table(schema, "tracks");
        assertEquals("V1__tracks.sql:1", after.source());
        assertEquals(Optional.of(new Key("tracks_pkey", List.of("track_id"), true, "V1__tracks.sql:2")), after.primaryKey());
        assertEquals(Optional.of("text"), after.columnType("title"));
        assertEquals(List.of(new Key("tracks_owner_title", List.of("owner_id", "title"), true, "V1__tracks.sql:6")),
                after.uniqueKeys());
        assertEquals(Optional.of("timestamp with time zone"), after.columnType("published_run"), "a column only JPA knows");
        assertEquals(1, after.indexes().size());
        assertEquals(1, after.foreignKeys().size());
        assertTrue(schema.table("review_request_groups").isPresent());
    }
}
