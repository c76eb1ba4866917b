package dev.sqllint.extract;

import dev.sqllint.schema.Schema;
import java.util.List;
import org.junit.jupiter.api.Test;

import static dev.sqllint.extract.ExtractorFixture.summary;
import static dev.sqllint.extract.ExtractorFixture.texts;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * SQL that reaches the driver through a project method rewriting it: a table-prefix helper in another class
 * ({@code rtp(SELECT_JOB)} calling {@code MessageFormat.format}), {@code String.format}, {@code replace}. The
 * unknown prefix is glued to the table name, and the schema still recognises the table.
 */
class RewritingHelpersTest {

    private static final String D = dev.sqllint.sql.Placeholders.DYNAMIC;

    private final ExtractorFixture fx = new ExtractorFixture();

    @Test
    void aPrefixReplacingHelperInAnotherClassYieldsTheConstantWithTheTableRecognised() {
        fx.source("org/acme/store/Constants.java", """
                package org.acme.store;
                public interface Constants {
                  String TABLE_PREFIX_SUBST = "{0}";
                  String SCHED_NAME_SUBST = "{1}";
                  String TABLE_JOBS = "JOBS";
                  String SELECT_JOB = "SELECT * FROM " + TABLE_PREFIX_SUBST + TABLE_JOBS
                      + " WHERE SCHED_NAME = " + SCHED_NAME_SUBST + " AND JOB_NAME = ? AND JOB_GROUP = ?";
                  int IGNORE = -1;
                  String SELECT_DUE = "SELECT * FROM " + TABLE_PREFIX_SUBST + TABLE_JOBS + " WHERE NOT (POLICY = " + IGNORE + ")";
                  String DELETE_JOB = "DELETE FROM " + TABLE_PREFIX_SUBST + TABLE_JOBS + " WHERE SCHED_NAME = {1} AND JOB_GROUP = ''DEFAULT''";
                }
                """);
        fx.source("org/acme/store/Util.java", """
                package org.acme.store;
                import java.text.MessageFormat;
                public final class Util {
                  public static String rtp(String query, String tablePrefix, String schedNameLiteral) {
                    return MessageFormat.format(query, new Object[]{tablePrefix, schedNameLiteral});
                  }
                }
                """);
        fx.source("org/acme/store/JobDelegate.java", """
                package org.acme.store;
                import java.sql.Connection;
                import java.sql.PreparedStatement;
                public class JobDelegate implements Constants {
                  protected String tablePrefix;
                  protected String schedName;
                  PreparedStatement select(Connection conn) throws Exception {
                    return conn.prepareStatement(rtp(SELECT_JOB));
                  }
                  PreparedStatement delete(Connection conn) throws Exception {
                    return conn.prepareStatement(rtp(DELETE_JOB));
                  }
                  protected final String rtp(String query) {
                    return Util.rtp(query, tablePrefix, getSchedulerNameLiteral());
                  }
                  protected String getSchedulerNameLiteral() {
                    return "'" + schedName + "'";
                  }
                }
                """);
        fx.source("org/acme/store/OracleJobDelegate.java", """
                package org.acme.store;
                import java.sql.Connection;
                import java.sql.PreparedStatement;
                public class OracleJobDelegate extends JobDelegate {
                  PreparedStatement due(Connection conn) throws Exception {
                    return conn.prepareStatement(rtp(SELECT_DUE));
                  }
                }
                """);
        assertEquals(List.of("Connection.prepareStatement 6:34: SELECT * FROM " + D + "JOBS WHERE NOT (POLICY = -1)"),
                summary(fx.sites("org/acme/store/OracleJobDelegate.java")));
        List<SqlSite> sites = fx.sites("org/acme/store/JobDelegate.java");
        assertEquals(List.of(
                "Connection.prepareStatement 8:34: SELECT * FROM " + D + "JOBS WHERE SCHED_NAME = ' " + D + " ' AND JOB_NAME = ? AND JOB_GROUP = ?",
                "Connection.prepareStatement 11:34: DELETE FROM " + D + "JOBS WHERE SCHED_NAME = ' " + D + " ' AND JOB_GROUP = 'DEFAULT'"), summary(sites));
        assertEquals(List.of(), fx.unresolvedSummary());
        // the statement's text points at the constant it came from
        SqlSite select = sites.get(0);
        int where = select.variants().get(0).text().indexOf("JOB_NAME");
        assertEquals(7, select.variants().get(0).originAt(where).line());
    }

    @Test
    void formatAndReplaceWithAnUnknownPrefixGlueItToTheName() {
        fx.source("org/acme/store/Reports.java", """
                package org.acme.store;
                import org.springframework.jdbc.core.JdbcTemplate;
                class Reports {
                  private static final String COUNT = "SELECT count(*) FROM ${prefix}runs WHERE state = ?";
                  private JdbcTemplate jdbc;
                  private String prefix;
                  int count() {
                    return jdbc.queryForObject(COUNT.replace("${prefix}", prefix), Integer.class, "DONE");
                  }
                  int older() {
                    return jdbc.queryForObject(String.format("SELECT count(*) FROM %sruns r WHERE r.age > %d", prefix, 3), Integer.class);
                  }
                }
                """);
        assertEquals(List.of(
                "JdbcTemplate.queryForObject 8:32: SELECT count(*) FROM " + D + "runs WHERE state = ?",
                "JdbcTemplate.queryForObject 11:32: SELECT count(*) FROM " + D + "runs r WHERE r.age > " + D),
                summary(fx.sites("org/acme/store/Reports.java")));
    }

    @Test
    void aHelperWithoutKnownTextKeepsOneFoldingForAllCallers() {
        fx.source("org/acme/store/Lookup.java", """
                package org.acme.store;
                import org.springframework.jdbc.core.JdbcTemplate;
                class Lookup {
                  private JdbcTemplate jdbc;
                  String where(String column) {
                    return " WHERE " + column + " = ?";
                  }
                  Object byName(String name) {
                    return jdbc.queryForList("SELECT id FROM users" + where("name"), name);
                  }
                  Object byColumn(String column, String value) {
                    return jdbc.queryForList("SELECT id FROM users" + where(column), value);
                  }
                }
                """);
        List<SqlSite> sites = fx.sites("org/acme/store/Lookup.java");
        assertEquals(List.of("SELECT id FROM users WHERE name = ?"), texts(sites.get(0)));
        assertEquals(List.of("SELECT id FROM users WHERE  " + D + "  = ?"), texts(sites.get(1)));
    }

    @Test
    void aGluedPrefixFindsTheOneTableEndingWithTheName() {
        Schema schema = new Schema();
        schema.createTable("qrtz_jobs", "tables.sql");
        schema.createTable("qrtz_triggers", "tables.sql");
        schema.createTable("triggers", "other.sql");
        assertEquals("qrtz_jobs", schema.table(D + "JOBS").orElseThrow().name());
        assertEquals("triggers", schema.table(D + "TRIGGERS").orElseThrow().name());
        assertEquals(true, schema.table(D + "S").isEmpty()); // several tables end with "s": none is known
        assertEquals(true, schema.table(D).isEmpty());
    }
}
