package dev.sqllint.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqllint.extract.SourceKind;
import dev.sqllint.report.ConsoleReport;
import dev.sqllint.report.SourcesReport;
import dev.sqllint.testing.LintTestHelper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The coverage measurement: sites, variants and parsed statements per source kind, and the unresolved sites. */
class SourceCountsTest {

    @Test
    void countsPerKindVariantsParsedAndUnresolved() {
        LintTestHelper helper = LintTestHelper.forAllRules();
        helper.addSource("com/acme/app/TrackDao.java", """
                package com.acme.app;
                import java.sql.Connection;
                import org.springframework.jdbc.core.JdbcTemplate;
                class TrackDao {
                  private final JdbcTemplate jdbc;
                  TrackDao(JdbcTemplate jdbc) { this.jdbc = jdbc; }
                  Object list(boolean archived, String userSql) throws Exception {
                    jdbc.queryForList("SELECT t.id FROM tracks t" + (archived ? " WHERE t.archived" : ""));
                    jdbc.queryForList(userSql);
                    return null;
                  }
                  void raw(Connection c) throws Exception {
                    c.prepareStatement("SELECT t.id FROM tracks t WHERE t.id = ?");
                    c.prepareStatement("SELECT FROM WHERE");
                  }
                }
                """);
        helper.addSource("com/acme/app/TrackRepository.java", """
                package com.acme.app;
                import org.springframework.data.jpa.repository.Query;
                interface TrackRepository extends org.springframework.data.repository.Repository<Track, Long> {
                  @Query(value = "SELECT t.* FROM tracks t WHERE t.owner_id = ?1", nativeQuery = true)
                  java.util.List<Track> byOwner(long owner);
                }
                """);
        helper.addSource("com/acme/app/TagDao.java", """
                package com.acme.app;
                import org.jdbi.v3.sqlobject.statement.SqlQuery;
                interface TagDao {
                  @SqlQuery("SELECT g.name FROM tags g WHERE g.track_id = :id")
                  java.util.List<String> names(long id);
                }
                """);
        AnalysisResult r = helper.run();
        SourceCounts s = r.sources();
        Map<String, String> perKind = new LinkedHashMap<>();
        s.perKind().forEach((k, c) -> perKind.put(k.label(), c.sites() + " sites, " + c.variants() + " variants, " + c.parsed() + " parsed"));
        assertEquals(Map.of(
                "JDBC", "2 sites, 2 variants, 1 parsed",
                "Spring JDBC", "1 sites, 2 variants, 2 parsed",
                "Spring Data @Query", "1 sites, 1 variants, 1 parsed",
                "Jdbi", "1 sites, 1 variants, 1 parsed"), perKind);
        assertEquals(List.of(SourceKind.JDBC, SourceKind.SPRING_JDBC, SourceKind.SPRING_DATA_QUERY, SourceKind.JDBI),
                List.copyOf(s.perKind().keySet())); // catalogue order
        assertEquals(r.sqlSites(), s.sites());
        assertEquals(r.statementsParsed(), s.parsed());
        assertEquals(r.statementsParsed() + r.statementsNotParsed(), s.variants());
        assertEquals(Map.of("entirely dynamic argument", 1), s.unresolvedPerReason());

        assertEquals("sqllint: sources: JDBC 2, Spring JDBC 1, Spring Data @Query 1, Jdbi 1; 6 variants analysed, 5 parsed (83.3%); "
                + "1 site unresolved (per kind and reasons under -X): 1 entirely dynamic argument", SourcesReport.summaryLine(r));
        // the statement that does not parse, counted by why in the summary, with where it is under -X
        assertTrue(ConsoleReport.summary(r).contains("sqllint: not analysed, per reason: 1 JSqlParser stops at \"SELECT\""),
                String.join("\n", ConsoleReport.summary(r)));
        assertTrue(ConsoleReport.summary(r).contains(SourcesReport.summaryLine(r)));
        List<String> listing = SourcesReport.listing(r);
        assertEquals("  JDBC                           2 sites      2 variants      1 parsed (50.0%)", listing.get(1));
        assertEquals("sqllint: statements not analysed, per reason (examples):", listing.get(5));
        assertEquals("      1  JSqlParser stops at \"SELECT\"", listing.get(6));
        assertTrue(listing.get(7).strip().startsWith(helper.root().resolve("com/acme/app/TrackDao.java").toAbsolutePath()
                + ":[14,1] Connection.prepareStatement: "), listing.get(7));
        assertEquals("      1  entirely dynamic argument", listing.get(9));
        assertEquals(helper.root().resolve("com/acme/app/TrackDao.java").toAbsolutePath()
                + ":[9,23] JdbcTemplate.queryForList: entirely dynamic argument", listing.get(10).strip());
    }

    @Test
    void theChangedFilesViewKeepsTheCounts() {
        LintTestHelper helper = LintTestHelper.forAllRules();
        helper.addSource("com/acme/app/A.java", """
                package com.acme.app;
                class A {
                  void run(java.sql.Statement st) throws Exception { st.executeQuery("SELECT a.id FROM a_table a"); }
                }
                """);
        AnalysisResult r = helper.run();
        assertEquals(r.sources(), r.withFindings(List.of()).sources());
    }
}
