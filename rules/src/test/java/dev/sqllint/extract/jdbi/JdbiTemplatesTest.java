package dev.sqllint.extract.jdbi;

import dev.sqllint.extract.ExtractorFixture;
import dev.sqllint.extract.SqlSite;
import dev.sqllint.sql.Origin;
import dev.sqllint.sql.SqlText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.sqllint.extract.ExtractorFixture.summary;
import static dev.sqllint.extract.ExtractorFixture.texts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Jdbi SQL objects: statements in classpath resources, and the template engines a DAO declares, expanded
 * into the statements they can render, every character keeping its origin.
 */
class JdbiTemplatesTest {

    private static final String D = dev.sqllint.sql.Placeholders.DYNAMIC;

    @TempDir
    Path resources;

    private final ExtractorFixture fx = new ExtractorFixture();

    private static Origin originOf(SqlText text, String needle) {
        int at = text.text().indexOf(needle);
        assertTrue(at >= 0, needle + " not in " + text);
        return text.originAt(at);
    }

    @Test
    void freemarkerIfElseifElseAndListBecomeOneStatementPerBranch() {
        fx.source("com/acme/tasks/TaskDao.java", """
                package com.acme.tasks;
                import org.jdbi.v3.freemarker.UseFreemarkerEngine;
                import org.jdbi.v3.sqlobject.statement.SqlQuery;
                @UseFreemarkerEngine
                interface TaskDao {
                  @SqlQuery(\"""
                      SELECT t.id FROM tasks t
                      WHERE t.project_id = :projectId
                      <#if status??>AND t.status = :status</#if>
                      <#if sort == "due">ORDER BY t.due_at<#elseif sort == "name">ORDER BY t.name<#else>ORDER BY t.id</#if>
                      \""")
                  java.util.List<Long> find(long projectId, String status, String sort);

                  @SqlQuery("SELECT t.id FROM tasks t WHERE t.id IN (<#list ids as id>${id}<#sep>, </#list>) <#-- batch -->")
                  java.util.List<Long> byIds(java.util.List<Long> ids);
                }
                """);
        List<SqlSite> sites = fx.sites("com/acme/tasks/TaskDao.java");
        String base = "SELECT t.id FROM tasks t\nWHERE t.project_id = :projectId\n";
        assertEquals(List.of(
                base + "AND t.status = :status\nORDER BY t.due_at\n",
                base + "AND t.status = :status\nORDER BY t.name\n",
                base + "AND t.status = :status\nORDER BY t.id\n",
                base + "\nORDER BY t.due_at\n",
                base + "\nORDER BY t.name\n",
                base + "\nORDER BY t.id\n"), texts(sites.get(0)));
        // the kept text keeps its place in the text block
        Origin orderBy = originOf(sites.get(0).variants().get(4), "ORDER BY t.name");
        assertEquals(10, orderBy.line());
        assertEquals(67, orderBy.column());
        assertEquals(List.of("SELECT t.id FROM tasks t WHERE t.id IN (${id}) "), texts(sites.get(1)));
    }

    @Test
    void stringTemplateConditionalsAndAttributes() {
        fx.source("com/acme/tasks/TaskSearch.java", """
                package com.acme.tasks;
                import org.jdbi.v3.sqlobject.statement.SqlQuery;
                import org.jdbi.v3.stringtemplate4.UseStringTemplateEngine;
                @UseStringTemplateEngine
                interface TaskSearch {
                  @SqlQuery("SELECT <columns> FROM tasks t WHERE t.due_at \\\\< :now <if(owner)>AND t.owner_id = :owner<elseif(team)>AND t.team_id = :team<else>AND t.public<endif> <! paging !>ORDER BY <sort; separator=\\", \\">")
                  java.util.List<Long> due(java.time.Instant now, Long owner, Long team, java.util.List<String> sort);
                }
                """);
        SqlSite site = fx.sites("com/acme/tasks/TaskSearch.java").get(0);
        String head = "SELECT " + D + " FROM tasks t WHERE t.due_at < :now ";
        assertEquals(List.of(
                head + "AND t.owner_id = :owner ORDER BY " + D,
                head + "AND t.team_id = :team ORDER BY " + D,
                head + "AND t.public ORDER BY " + D), texts(site));
        Origin team = originOf(site.variants().get(1), "AND t.team_id");
        assertEquals(6, team.line());
        assertEquals(116, team.column());
    }

    @Test
    void withoutATemplateEngineJdbiStillReplacesDefinedAttributes() {
        fx.source("com/acme/tasks/ArchiveDao.java", """
                package com.acme.tasks;
                import org.jdbi.v3.sqlobject.customizer.Define;
                import org.jdbi.v3.sqlobject.statement.SqlUpdate;
                interface ArchiveDao {
                  @SqlUpdate("INSERT INTO <table> (id, note) SELECT id, '<kept>' FROM tasks WHERE done")
                  void archive(@Define("table") String table);
                }
                """);
        assertEquals(List.of("INSERT INTO " + D + " (id, note) SELECT id, '<kept>' FROM tasks WHERE done"),
                texts(fx.sites("com/acme/tasks/ArchiveDao.java").get(0)));
    }

    @Test
    void classpathLocatorReadsTheSqlFileNamedAfterTypeAndMethod() throws IOException {
        write("com/acme/users/UserDao/findByEmail.sql", """
                -- users by e-mail, newest first
                SELECT u.id, u.email
                  FROM users u
                 WHERE lower(u.email) = lower(:email)
                """);
        write("com/acme/users/UserDao/recent.sql", "SELECT u.id FROM users u ORDER BY u.created_at DESC LIMIT <n>\n");
        fx.resources(resources).source("com/acme/users/UserDao.java", """
                package com.acme.users;
                import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
                import org.jdbi.v3.sqlobject.statement.SqlQuery;
                @UseClasspathSqlLocator
                public interface UserDao {
                  @SqlQuery
                  Long findByEmail(String email);

                  @SqlQuery("recent")
                  java.util.List<Long> newest(@org.jdbi.v3.sqlobject.customizer.Define("n") int n);

                  @SqlQuery
                  java.util.List<Long> missing();
                }
                """);
        List<SqlSite> sites = fx.sites("com/acme/users/UserDao.java");
        assertEquals(List.of(
                "@SqlQuery 1:1: -- users by e-mail, newest first\nSELECT u.id, u.email\n  FROM users u\n WHERE lower(u.email) = lower(:email)\n",
                "@SqlQuery 1:1: SELECT u.id FROM users u ORDER BY u.created_at DESC LIMIT " + D + "\n"), summary(sites));
        assertEquals(resources.resolve("com/acme/users/UserDao/findByEmail.sql"), sites.get(0).file());
        Origin where = originOf(sites.get(0).variants().get(0), "WHERE");
        assertEquals(resources.resolve("com/acme/users/UserDao/findByEmail.sql"), where.file());
        assertEquals(4, where.line());
        assertEquals(2, where.column());
        assertEquals("UserDao.findByEmail", sites.get(0).owner());
        assertEquals(List.of("@SqlQuery 12:3: SQL resource not found (com/acme/users/UserDao/missing.sql)"), fx.unresolvedSummary());
    }

    @Test
    void freemarkerAndStringTemplateLocatorsReadTheirFiles() throws IOException {
        write("com/acme/reports/ReportDao/totals.sql.ftl", """
                SELECT r.region, sum(r.amount) FROM revenue r
                <#if year??>WHERE r.year = :year</#if>
                GROUP BY r.region
                """);
        write("com/acme/reports/ReportDao.sql.stg", """
                byRegion(region) ::= <<
                SELECT r.id FROM revenue r <if(region)>WHERE r.region = :region<endif>
                >>

                top(n) ::= "SELECT r.id FROM revenue r ORDER BY r.amount DESC LIMIT <n>"
                """);
        fx.resources(resources).source("com/acme/reports/ReportDao.java", """
                package com.acme.reports;
                import org.jdbi.v3.freemarker.UseFreemarkerSqlLocator;
                import org.jdbi.v3.sqlobject.statement.SqlQuery;
                import org.jdbi.v3.stringtemplate4.UseStringTemplateSqlLocator;
                interface ReportDao {
                  @SqlQuery @UseFreemarkerSqlLocator
                  java.util.List<Object> totals(Integer year);

                  @SqlQuery @UseStringTemplateSqlLocator
                  java.util.List<Long> byRegion(String region);

                  @SqlQuery("top") @UseStringTemplateSqlLocator
                  java.util.List<Long> best(int n);
                }
                """);
        List<SqlSite> sites = fx.sites("com/acme/reports/ReportDao.java");
        assertEquals(List.of(
                "SELECT r.region, sum(r.amount) FROM revenue r\nWHERE r.year = :year\nGROUP BY r.region\n",
                "SELECT r.region, sum(r.amount) FROM revenue r\n\nGROUP BY r.region\n"), texts(sites.get(0)));
        // ST drops the newline before >> as it drops the one after <<
        assertEquals(List.of("SELECT r.id FROM revenue r WHERE r.region = :region", "SELECT r.id FROM revenue r "),
                texts(sites.get(1)));
        assertEquals(List.of("SELECT r.id FROM revenue r ORDER BY r.amount DESC LIMIT " + D), texts(sites.get(2)));
        Origin where = originOf(sites.get(1).variants().get(0), "WHERE");
        assertEquals(resources.resolve("com/acme/reports/ReportDao.sql.stg"), where.file());
        assertEquals(2, where.line());
        assertEquals(40, where.column());
        assertEquals(List.of(), fx.unresolved);
    }

    @Test
    void templatesNeverFailOnUnbalancedTags() {
        SqlText broken = SqlText.of("SELECT 1 FROM t <#if a>WHERE x = 1 <#else>", Origin.at(Path.of("A.java"), 1, 1));
        assertEquals(List.of("SELECT 1 FROM t WHERE x = 1 ", "SELECT 1 FROM t "),
                FreemarkerVariants.expand(broken).stream().map(SqlText::text).toList());
        SqlText stray = SqlText.of("SELECT 1 FROM t <endif> WHERE a <if(x)>AND b", Origin.at(Path.of("A.java"), 1, 1));
        assertEquals(List.of("SELECT 1 FROM t  WHERE a AND b", "SELECT 1 FROM t  WHERE a "),
                StringTemplateVariants.expand(stray).stream().map(SqlText::text).toList());
    }

    /** An inline template reads a string with an escaped quote as group files do (one scanner, TemplateExpressions). */
    @Test
    void anEscapedQuoteInsideAnExpressionDoesNotEndIt() {
        SqlText quoted = SqlText.of("SELECT 1 FROM t WHERE a IN (<ids; separator=\"\\\">\">) AND b = 1",
                Origin.at(Path.of("A.java"), 1, 1));
        assertEquals(List.of("SELECT 1 FROM t WHERE a IN (" + D + ") AND b = 1"),
                StringTemplateVariants.expand(quoted).stream().map(SqlText::text).toList());
    }

    private void write(String relative, String text) throws IOException {
        Path p = resources.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }
}
