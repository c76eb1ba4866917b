package dev.sqllint.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cache under target/sqllint: a re-run with no change parses nothing and reports exactly the same; a change
 * to a constant re-analyses the file that holds it and the files whose SQL used it, and no others; a change of
 * configuration, schema or declared types starts over.
 */
class IncrementalCacheTest {

    private static final String QUERIES = """
            package com.acme.sql;

            public final class TrackQueries {
                public static final String TRACKS = "tracks t";
                public static final String VISIBLE = "t.owner_id = ? OR t.track_id IN "
                        + "(SELECT c.track_id FROM track_collaborators c WHERE c.user_id = ?)";
            }
            """;

    private static final String TRACK_DAO = """
            package com.acme.tracks;

            import com.acme.sql.TrackQueries;
            import org.springframework.jdbc.core.JdbcTemplate;

            public class TrackDao {
                private final JdbcTemplate jdbc;

                public TrackDao(JdbcTemplate jdbc) {
                    this.jdbc = jdbc;
                }

                public Object visibleTo(long user) {
                    return jdbc.queryForList("SELECT t.* FROM " + TrackQueries.TRACKS + " WHERE " + TrackQueries.VISIBLE, user, user);
                }
            }
            """;

    private static final String TOPIC_DAO = """
            package com.acme.topics;

            import org.springframework.jdbc.core.JdbcTemplate;

            public class TopicDao {
                private final JdbcTemplate jdbc;

                public TopicDao(JdbcTemplate jdbc) {
                    this.jdbc = jdbc;
                }

                public Object mine(long user) {
                    return jdbc.queryForList("SELECT t.* FROM topics t WHERE t.user_id = ? OR t.id IN "
                            + "(SELECT s.topic_id FROM subscriptions s WHERE s.user_id = ?)", user, user);
                }

                public Object broken() {
                    return jdbc.queryForList("SELECT FROM WHERE");
                }
            }
            """;

    private static final String SERVICE = """
            package com.acme.billing;

            public class InvoiceService {
                public long total(java.util.List<Long> cents) {
                    return cents.stream().mapToLong(Long::longValue).sum();
                }
            }
            """;

    @TempDir
    Path project;
    private Path sources;
    private Path resources;

    @BeforeEach
    void writeProject() throws IOException {
        sources = project.resolve("src/main/java");
        resources = project.resolve("src/main/resources");
        write("com/acme/sql/TrackQueries.java", QUERIES);
        write("com/acme/tracks/TrackDao.java", TRACK_DAO);
        write("com/acme/topics/TopicDao.java", TOPIC_DAO);
        write("com/acme/billing/InvoiceService.java", SERVICE);
        Files.createDirectories(resources.resolve("db/migration"));
        Files.writeString(resources.resolve("db/migration/V1__tracks.sql"),
                "CREATE TABLE tracks (track_id BIGINT PRIMARY KEY, owner_id BIGINT NOT NULL);\n"
                        + "CREATE INDEX tracks_owner ON tracks (owner_id);\n");
    }

    private AnalysisConfig config() {
        return AnalysisConfig.of(project, List.of(sources))
                .withSchema(List.of(resources), List.of(), List.of(), "spring")
                .withCache(project.resolve("target/sqllint"));
    }

    private static AnalysisResult run(AnalysisConfig config) {
        return new Analyzer().analyze(config);
    }

    @Test
    void aRerunWithNoChangeParsesNothingAndReportsTheSame() {
        AnalysisResult cold = run(config());
        AnalysisResult warm = run(config());

        assertEquals(3, cold.work().roots(), "the service has no SQL: not a root");
        assertEquals(0, cold.work().cached());
        assertEquals(3, warm.work().cached());
        assertEquals(0, warm.work().parsed(), "nothing parsed");
        assertEquals(List.of(), warm.work().analysed());
        assertSameReport(cold, warm);
        assertEquals(2, warm.findings().size());
        assertEquals(1, warm.statementsNotParsed());
    }

    /**
     * With the same settings, schema and Java files, every outcome would come from the cache: the last run's summary
     * of them answers. A Java file that changed, even one no analysis reads, makes the run look its outcomes up.
     */
    @Test
    void aRerunWithNoChangeIsAnsweredByTheLastRunsSummary() throws IOException {
        AnalysisResult cold = run(config());
        AnalysisResult warm = run(config());

        assertTrue(warm.work().cacheNotes().contains(SUMMARY_ANSWERS), warm.work().cacheNotes().toString());
        assertEquals(3, warm.work().cached());
        assertSameReport(cold, warm);

        Files.writeString(file("com/acme/billing/InvoiceService.java"), SERVICE.replace("sum()", "sum() + 0"));
        AnalysisResult changed = run(config());

        assertFalse(changed.work().cacheNotes().contains(SUMMARY_ANSWERS), changed.work().cacheNotes().toString());
        assertEquals(3, changed.work().cached(), "every root's outcome from the cache, one by one");
        assertSameReport(cold, changed);
        assertTrue(run(config()).work().cacheNotes().contains(SUMMARY_ANSWERS), "the summary of the run before");
    }

    private static final String SUMMARY_ANSWERS =
            "cache: no source, schema or setting changed since the last run: its summary answers";

    /** A run that only took what the cache holds leaves it be: writing it was a good part of what it did. */
    @Test
    void aRerunWithNoChangeDoesNotWriteTheResultsAgain() throws IOException {
        run(config());
        Path results = project.resolve("target/sqllint").resolve(ResultCache.FILE_NAME);
        Object written = fileKey(results);

        AnalysisResult warm = run(config());
        AnalysisResult again = run(config());

        assertEquals(written, fileKey(results), "the same file, not a new one moved over it");
        assertEquals(3, warm.work().cached());
        assertEquals(3, again.work().cached());
        assertSameReport(warm, again);
    }

    private static Object fileKey(Path file) throws IOException {
        Object key = Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
        assumeTrue(key != null, "a file system with file keys (inodes)");
        return key;
    }

    @Test
    void changingAConstantReanalysesItsFileAndTheFilesThatUsedItOnly() throws IOException {
        run(config());
        write("com/acme/sql/TrackQueries.java", QUERIES.replace("t.owner_id = ? OR t.track_id IN", "t.track_id IN"));

        AnalysisResult after = run(config());

        assertEquals(List.of(file("com/acme/sql/TrackQueries.java"), file("com/acme/tracks/TrackDao.java")),
                after.work().analysed());
        assertEquals(List.of("TopicDao.java"), after.findings().stream().map(f -> f.file().getFileName().toString()).toList(),
                "the OR is gone from the track query; the topic finding comes from the cache");
        assertSameReport(run(config().withCache(null)), after);
    }

    @Test
    void aChangedFileThatNothingReadsIsNotEvenAnalysed() throws IOException {
        run(config());
        write("com/acme/billing/InvoiceService.java", SERVICE.replace("sum()", "sum() + 0"));

        AnalysisResult after = run(config());

        assertEquals(List.of(), after.work().analysed());
        assertEquals(0, after.work().parsed());
    }

    @Test
    void aChangeOfConfigurationSchemaOrDeclaredTypesStartsOver() throws IOException {
        run(config());
        assertEquals(0, run(config().withSchema(List.of(resources), List.of(), List.of("*_events"), "spring")).work().cached());

        run(config());
        Files.writeString(resources.resolve("db/migration/V2__unique.sql"), "CREATE UNIQUE INDEX u ON tracks (owner_id);\n");
        assertEquals(0, run(config()).work().cached(), "a new migration");

        run(config());
        write("com/acme/sql/Extra.java", "package com.acme.sql;\nclass Extra { }\n");
        assertEquals(0, run(config()).work().cached(), "a new type can change what a name resolves to");
    }

    @Test
    void aMapperPropertyTheJavaSetsIsReadAgainWhenThatJavaChanges() throws IOException {
        // the settings class issues no SQL, so it is no root: its change misses no file's entry, yet the mapper's
        // ${limitAfter} is what it puts
        Files.createDirectories(resources.resolve("mapping"));
        Files.writeString(resources.resolve("mapping/JobMapper.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <mapper namespace="com.acme.jobs.JobMapper">
                  <select id="selectJobsPage" resultType="map">
                    select j.id from jobs j order by j.id ${limitAfter}
                  </select>
                </mapper>
                """);
        String settings = """
                package com.acme.db;

                import java.util.Properties;

                public class MyBatisSettings {
                    public Properties properties() {
                        Properties properties = new Properties();
                        properties.put("limitAfter", "LIMIT #{maxResults}");
                        return properties;
                    }
                }
                """;
        write("com/acme/db/MyBatisSettings.java", settings);
        AnalysisResult cold = run(config());
        assertEquals(3, cold.work().roots(), "the settings class is no root");
        assertEquals(1, cold.statementsNotParsed(), "TopicDao.broken only");

        write("com/acme/db/MyBatisSettings.java", settings.replace("\"LIMIT #{maxResults}\"", "\"LIMIT LIMIT\""));
        AnalysisResult after = run(config());

        assertEquals(2, after.statementsNotParsed(), "the page query now ends in LIMIT LIMIT");
        assertSameReport(run(config().withCache(null)), after);
    }

    /**
     * Whether a fetched association is a collection is read from the entity, not from the repository that pages the
     * query: changing the entity's mapping must re-judge the repository, which the cache holds unchanged.
     */
    @Test
    void aCollectionFetchIsJudgedAgainWhenTheEntityMappingChanges() throws IOException {
        String order = """
                package com.acme.shop;

                import jakarta.persistence.*;
                import java.util.List;

                @Entity
                @Table(name = "orders")
                public class Order {
                    @Id Long id;
                    String status;
                    @OneToMany(mappedBy = "order") List<OrderLine> lines;
                }
                """;
        write("com/acme/shop/Order.java", order);
        write("com/acme/shop/OrderLine.java", """
                package com.acme.shop;

                import jakarta.persistence.*;

                @Entity
                @Table(name = "order_lines")
                public class OrderLine {
                    @Id Long id;
                    @ManyToOne Order order;
                }
                """);
        write("com/acme/shop/OrderRepository.java", """
                package com.acme.shop;

                import org.springframework.data.domain.Page;
                import org.springframework.data.domain.Pageable;
                import org.springframework.data.jpa.repository.JpaRepository;
                import org.springframework.data.jpa.repository.Query;

                public interface OrderRepository extends JpaRepository<Order, Long> {
                    @Query("select o from Order o join fetch o.lines where o.status = :status")
                    Page<Order> open(String status, Pageable pageable);
                }
                """);
        AnalysisResult cold = run(config());
        assertEquals(1, cold.findings().stream().filter(f -> f.rule().equals("CollectionFetchPagination")).count());

        // the lines move out of the entity: nothing maps Order.lines any more, so nothing proves a collection
        write("com/acme/shop/Order.java", order.replace("@OneToMany(mappedBy = \"order\") List<OrderLine> lines;", ""));
        AnalysisResult after = run(config());

        assertEquals(0, after.findings().stream().filter(f -> f.rule().equals("CollectionFetchPagination")).count());
        assertSameReport(run(config().withCache(null)), after);
    }

    /**
     * The key a rule relies on comes from an entity whose table is named by a constant of another file: changing the
     * constant changes the schema, so every file's results are judged again, though neither the entity nor the DAO
     * changed.
     */
    @Test
    void aConstantNamingAMappedTableIsADependencyOfEveryFile() throws IOException {
        String names = """
                package com.acme.model;

                public final class TableNames {
                    public static final String OWNERS = "owners";
                }
                """;
        write("com/acme/model/TableNames.java", names);
        write("com/acme/model/Owner.java", """
                package com.acme.model;

                import jakarta.persistence.*;

                @Entity
                @Table(name = TableNames.OWNERS)
                public class Owner {
                    @Id @Column(name = "owner_no") Long ownerNo;
                    String city;
                }
                """);
        write("com/acme/pets/PetDao.java", """
                package com.acme.pets;

                import org.springframework.jdbc.core.JdbcTemplate;

                public class PetDao {
                    private final JdbcTemplate jdbc;

                    public PetDao(JdbcTemplate jdbc) {
                        this.jdbc = jdbc;
                    }

                    public Object inCity(String city) {
                        return jdbc.queryForList("SELECT p.* FROM pets p WHERE EXISTS "
                                + "(SELECT 1 FROM owners o WHERE o.owner_no = p.owner_no AND o.city = ?)", city);
                    }
                }
                """);
        AnalysisResult cold = run(config());
        assertEquals(1, cold.findings().stream().filter(f -> f.rule().equals("ExistsWhereJoinFits")).count(),
                "owners.owner_no is the key the entity maps");

        write("com/acme/model/TableNames.java", names.replace("\"owners\"", "\"people\""));
        AnalysisResult after = run(config());

        assertEquals(0, after.findings().stream().filter(f -> f.rule().equals("ExistsWhereJoinFits")).count(),
                "nothing maps owners any more: its key is unknown");
        assertTrue(after.work().analysed().contains(file("com/acme/pets/PetDao.java")));
        assertSameReport(run(config().withCache(null)), after);
    }

    /**
     * A repository's count judged at its caller: the caller's entry depends on the repository it read, so changing the
     * repository's query re-judges the unchanged caller.
     */
    @Test
    void aRepositoryCountIsJudgedAgainAtItsCallerWhenTheRepositoryChanges() throws IOException {
        write("com/acme/shop/Order.java", """
                package com.acme.shop;

                import jakarta.persistence.*;

                @Entity
                @Table(name = "orders")
                public class Order {
                    @Id Long id;
                    String status;
                }
                """);
        String repository = """
                package com.acme.shop;

                import org.springframework.data.jpa.repository.JpaRepository;

                public interface OrderRepository extends JpaRepository<Order, Long> {
                    long countByStatus(String status);
                }
                """;
        write("com/acme/shop/OrderRepository.java", repository);
        write("com/acme/shop/OrderService.java", """
                package com.acme.shop;

                public class OrderService {
                    private OrderRepository orders;

                    public boolean anyOpen() {
                        return orders.countByStatus("OPEN") > 0;
                    }
                }
                """);
        AnalysisResult cold = run(config());
        assertEquals(List.of("OrderService.java"), cold.findings().stream().filter(f -> f.rule().equals("CountForExistence"))
                .map(f -> f.file().getFileName().toString()).toList());

        // the count now reads one row by the primary key: counting it costs what EXISTS does
        write("com/acme/shop/OrderRepository.java", repository.replace("    long countByStatus(String status);",
                "    @org.springframework.data.jpa.repository.Query(value = \"SELECT count(*) FROM orders o WHERE o.id = 1\","
                        + " nativeQuery = true)\n    long countByStatus(String status);"));
        AnalysisResult after = run(config());

        assertEquals(0, after.findings().stream().filter(f -> f.rule().equals("CountForExistence")).count());
        assertSameReport(run(config().withCache(null)), after);
    }

    /**
     * QueryInLoop one call away: the finding in the loop's file rests on the called method's body in another file, so
     * a change there re-analyses the loop's file (the callee was read through the index, which records it).
     */
    @Test
    void aQueryInLoopThroughAMethodOfAnotherFileFollowsThatFile() throws IOException {
        String lookups = """
                package com.acme.billing;

                import org.springframework.jdbc.core.JdbcTemplate;

                public class Lookups {
                    private JdbcTemplate jdbc;

                    public String owner(long trackId) {
                        return jdbc.queryForObject("SELECT u.name FROM users u JOIN tracks t ON t.owner_id = u.id WHERE t.track_id = ?",
                                String.class, trackId);
                    }
                }
                """;
        write("com/acme/billing/Lookups.java", lookups);
        write("com/acme/tracks/TrackReport.java", """
                package com.acme.tracks;

                import com.acme.billing.Lookups;
                import org.springframework.jdbc.core.JdbcTemplate;

                public class TrackReport {
                    private JdbcTemplate jdbc;
                    private Lookups lookups;

                    public void print() {
                        for (Long id : jdbc.queryForList("SELECT t.track_id FROM tracks t", Long.class)) {
                            System.out.println(lookups.owner(id));
                        }
                    }
                }
                """);
        assertEquals(List.of("TrackReport.java:12"), loopFindings(run(config())));

        write("com/acme/billing/Lookups.java", lookups.replace("return jdbc.queryForObject(", "return String.valueOf(trackId); // ")
                .replace("String.class, trackId);", ""));
        AnalysisResult after = run(config());

        assertTrue(after.work().analysed().contains(file("com/acme/tracks/TrackReport.java")), after.work().analysed().toString());
        assertEquals(List.of(), loopFindings(after), "the called method no longer queries");
        assertSameReport(run(config().withCache(null)), after);
    }

    private static List<String> loopFindings(AnalysisResult r) {
        return r.findings().stream().filter(f -> f.rule().equals("QueryInLoop"))
                .map(f -> f.file().getFileName() + ":" + f.line()).toList();
    }

    @Test
    void aCorruptCacheIsIgnoredWithANote() throws IOException {
        AnalysisResult cold = run(config());
        Files.writeString(project.resolve("target/sqllint/" + ResultCache.FILE_NAME), "not a cache");
        Files.write(project.resolve("target/sqllint/" + OutlineCache.FILE_NAME), new byte[] {0, 0, 0, 7, 's', 'q', 'l'});

        AnalysisResult again = run(config());

        assertEquals(0, again.work().cached());
        assertTrue(again.work().cacheNotes().get(0).contains("changed since the last run")
                || again.work().cacheNotes().get(0).contains("could not be read"), again.work().cacheNotes().toString());
        assertSameReport(cold, again);
    }

    /**
     * The outcomes and the global part are decoded only when a run asks for them: a file cut short after its summary
     * fails there, in the middle of the run, and the run still analyses every file and says why.
     */
    @Test
    void aCacheCutShortAfterItsSummaryIsIgnoredWhereItFails() throws IOException {
        AnalysisResult cold = run(config());
        Path results = project.resolve("target/sqllint/" + ResultCache.FILE_NAME);
        byte[] bytes = Files.readAllBytes(results);
        Files.write(results, java.util.Arrays.copyOf(bytes, bytes.length - 40));
        Files.writeString(file("com/acme/billing/InvoiceService.java"), SERVICE.replace("sum()", "sum() + 0"));

        AnalysisResult again = run(config());

        assertEquals(0, again.work().cached());
        assertTrue(again.work().cacheNotes().stream().anyMatch(n -> n.contains("could not be read")),
                again.work().cacheNotes().toString());
        assertSameReport(cold, again);
    }

    @Test
    void withoutACacheDirectoryNothingIsWritten() {
        run(config().withCache(null));
        assertFalse(Files.exists(project.resolve("target")));
    }

    private static void assertSameReport(AnalysisResult expected, AnalysisResult actual) {
        assertEquals(expected.findings(), actual.findings());
        assertEquals(expected.diagnostics(), actual.diagnostics());
        assertEquals(expected.filesScanned(), actual.filesScanned());
        assertEquals(expected.sqlSites(), actual.sqlSites());
        assertEquals(expected.statementsParsed(), actual.statementsParsed());
        assertEquals(expected.statementsNotParsed(), actual.statementsNotParsed());
        assertEquals(expected.schema(), actual.schema());
        assertEquals(expected.notes(), actual.notes());
        assertEquals(expected.sources(), actual.sources());
    }

    private Path file(String path) {
        return sources.resolve(path);
    }

    private void write(String path, String text) throws IOException {
        Path p = sources.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
    }
}
