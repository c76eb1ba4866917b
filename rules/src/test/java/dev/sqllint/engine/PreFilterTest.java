package dev.sqllint.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqllint.bench.Corpus;
import dev.sqllint.bench.SyntheticCorpus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pre-filter parses only the files a text scan finds SQL-relevant and what their analysis asks about; the
 * findings must be exactly those of parsing everything. The project below keeps every piece of its SQL away from
 * the call: in constants classes without a SQL word, a base class, an interface, a static import, a helper of
 * another class, a base repository and an entity in other packages.
 */
class PreFilterTest {

    @TempDir
    Path project;

    @Test
    void findingsAreThoseOfParsingEverythingWhenTheSqlIsAssembledFromFilesWithoutSql() throws IOException {
        write("com/acme/names/Tables.java", """
                package com.acme.names;

                public interface Tables {
                    String TRACKS = "tracks t";
                    String COLLABORATORS = "track_collaborators c";
                }
                """);
        write("com/acme/names/Columns.java", """
                package com.acme.names;

                public final class Columns {
                    public static final String OWNER = "t.owner_id";
                    public static final String TRACK = "t.track_id";
                    private Columns() {
                    }
                }
                """);
        write("com/acme/names/Clauses.java", """
                package com.acme.names;

                public final class Clauses {
                    public static String ownerOr() {
                        return Columns.OWNER + " = ? OR " + Columns.TRACK + " IN ";
                    }
                }
                """);
        write("com/acme/base/BaseDao.java", """
                package com.acme.base;

                public abstract class BaseDao implements com.acme.names.Tables {
                    protected static final String WHERE = " WHERE ";
                }
                """);
        write("com/acme/tracks/TrackDao.java", """
                package com.acme.tracks;

                import static com.acme.names.Columns.TRACK;

                import com.acme.base.BaseDao;
                import com.acme.names.Clauses;
                import org.springframework.jdbc.core.JdbcTemplate;

                public class TrackDao extends BaseDao {
                    private final JdbcTemplate jdbc;

                    public TrackDao(JdbcTemplate jdbc) {
                        this.jdbc = jdbc;
                    }

                    public Object visibleTo(long user) {
                        return jdbc.queryForList("SELECT t.* FROM " + TRACKS + WHERE + Clauses.ownerOr()
                                + "(SELECT c.track_id FROM " + COLLABORATORS + " WHERE c.user_id = ?)", user, user);
                    }

                    public Object one(long id) {
                        return jdbc.queryForMap("SELECT t.* FROM " + TRACKS + WHERE + TRACK + " = ?", id);
                    }
                }
                """);
        write("com/acme/model/Group.java", """
                package com.acme.model;

                import jakarta.persistence.*;

                @Entity
                @Table(name = "groups")
                public class Group {
                    @Id Long id;
                    String name;
                    @ManyToMany(mappedBy = "groups") java.util.Set<Member> members;
                }
                """);
        write("com/acme/model/Member.java", """
                package com.acme.model;

                import jakarta.persistence.*;

                @Entity
                @Table(name = "members")
                public class Member {
                    @Id Long id;
                    @ManyToMany @JoinTable(name = "member_groups") java.util.Set<Group> groups;
                }
                """);
        write("com/acme/repo/BaseRepository.java", """
                package com.acme.repo;

                import org.springframework.data.repository.NoRepositoryBean;
                import org.springframework.data.jpa.repository.JpaRepository;

                @NoRepositoryBean
                public interface BaseRepository<T> extends JpaRepository<T, Long> {
                }
                """);
        write("com/acme/repo/MemberFinder.java", """
                package com.acme.repo;

                import com.acme.model.Member;
                import java.util.List;

                public interface MemberFinder extends BaseRepository<Member> {
                    List<Member> findDistinctByGroupsNameIn(List<String> names);
                }
                """);
        write("com/acme/billing/InvoiceService.java", """
                package com.acme.billing;

                public class InvoiceService {
                    public String describe(int count) {
                        return "Please choose the invoices to send: " + count;
                    }
                }
                """);

        AnalysisConfig config = AnalysisConfig.of(project, List.of(project));
        AnalysisResult everything = new Analyzer().analyze(config.withPreFilter(false));
        AnalysisResult filtered = new Analyzer().analyze(config);

        assertEquals(List.of("DistinctOverFanOutJoin MemberFinder.java", "OrAcrossAccessPaths TrackDao.java"),
                everything.findings().stream().map(f -> f.rule() + " " + f.file().getFileName()).toList());
        assertEquals(everything.findings(), filtered.findings());
        assertEquals(everything.sqlSites(), filtered.sqlSites());
        assertEquals(everything.statementsParsed(), filtered.statementsParsed());
        assertEquals(everything.sources(), filtered.sources());
        assertEquals(10, filtered.work().javaFiles());
        assertEquals(List.of("BaseRepository.java", "Group.java", "Member.java", "MemberFinder.java", "TrackDao.java"),
                filtered.work().analysed().stream().map(p -> p.getFileName().toString()).sorted().toList(),
                "the roots: a sink, entities, a repository and the interface extending it");
        assertTrue(filtered.work().parsedOnDemand() >= 4, "Tables, Columns, Clauses, BaseDao: " + filtered.work());
        List<String> parsed = filtered.work().parsedFiles().stream().map(p -> p.getFileName().toString()).toList();
        assertEquals(filtered.work().parsed(), parsed.size(), "every file parsed, once: " + parsed);
        assertTrue(parsed.containsAll(List.of("TrackDao.java", "BaseDao.java")), "up front and on demand: " + parsed);
        assertFalse(parsed.contains("InvoiceService.java"), "nothing asked about it");
    }

    @Test
    void theDemoProjectGivesTheSameFindingsAndCountsWithAndWithoutThePreFilter() throws IOException {
        Path demo = Path.of("../it/demo").toAbsolutePath().normalize();
        AnalysisConfig config = AnalysisConfig.of(demo, List.of(demo.resolve("src/main/java")))
                .withSchema(List.of(demo.resolve("src/main/resources")), List.of(), List.of(), "spring");
        AnalysisResult everything = new Analyzer().analyze(config.withPreFilter(false));
        AnalysisResult filtered = new Analyzer().analyze(config);

        assertEquals(15, everything.findings().size());
        assertEquals(everything.findings(), filtered.findings());
        assertEquals(everything.sqlSites(), filtered.sqlSites());
        assertEquals(everything.statementsParsed(), filtered.statementsParsed());
        assertEquals(everything.schema(), filtered.schema());
        assertEquals(everything.sources(), filtered.sources());
        try (Stream<Path> s = Files.walk(demo.resolve("src/main/java"))) {
            assertEquals(s.filter(p -> p.toString().endsWith(".java")).count(), filtered.work().javaFiles());
        }
        assertTrue(filtered.work().roots() < filtered.work().javaFiles(), filtered.work().toString());
    }

    @Test
    void aGeneratedCorpusGivesThePlantedFindingsWithAndWithoutThePreFilterAndWithTheCache() throws IOException {
        Corpus corpus = SyntheticCorpus.write(project.resolve("corpus"), 600, 11);
        AnalysisResult everything = new Analyzer().analyze(corpus.config().withPreFilter(false));
        AnalysisResult filtered = new Analyzer().analyze(corpus.config());
        Path cache = project.resolve("cache");
        new Analyzer().analyze(corpus.config().withCache(cache));
        AnalysisResult warm = new Analyzer().analyze(corpus.config().withCache(cache));

        assertEquals(corpus.findings().size(), everything.findings().size());
        for (AnalysisResult r : List.of(filtered, warm)) {
            assertEquals(everything.findings(), r.findings());
            assertEquals(everything.sources(), r.sources());
            assertEquals(everything.statementsParsed(), r.statementsParsed());
        }
        assertTrue(filtered.work().roots() < 600 / 5, "roots: " + filtered.work().roots());
        assertEquals(0, warm.work().parsed());
    }

    private void write(String path, String text) throws IOException {
        Path p = project.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
    }
}
