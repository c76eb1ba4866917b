package dev.sqllint.extract;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.sqllint.extract.ExtractorFixture.texts;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Jdbi DAOs whose SQL is in StringTemplate group files next to them: templates calling templates with
 * arguments, a shared base group imported and overridden, {@code <if>} sections (twins decided together),
 * {@code <list>} arguments; the sites are in the group files, at the template's line.
 */
class JdbiGroupFilesTest {

    private static final String D = dev.sqllint.sql.Placeholders.DYNAMIC;

    @TempDir
    Path resources;

    private final ExtractorFixture fx = new ExtractorFixture();

    private void resource(String path, String text) throws IOException {
        Path p = resources.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private static List<String> where(List<SqlSite> sites) {
        return sites.stream().map(s -> s.file().getFileName() + ":" + s.line() + ":" + s.column() + " " + s.owner()).toList();
    }

    @Test
    void aDaoInheritsTheBaseStatementsRenderedWithItsOwnTable() throws IOException {
        resource("org/acme/dao/EntityDao.sql.stg", """
                /** to override in each DAO's group */
                tableName() ::= ""

                tableFields(prefix) ::= ""

                CHECK_TENANT(prefix) ::= "<prefix>tenant_id = :tenantId"
                AND_CHECK_TENANT(prefix) ::= "and <CHECK_TENANT(prefix)>"

                allTableFields(prefix) ::= <<
                  <prefix>record_id
                , <tableFields(prefix)>
                >>

                getById(id) ::= <<
                select
                <allTableFields("t.")>
                from <tableName()> t
                where t.id = :id
                <AND_CHECK_TENANT("t.")>
                ;
                >>
                """);
        resource("org/acme/invoice/InvoiceDao.sql.stg", """
                import "org/acme/dao/EntityDao.sql.stg"

                tableName() ::= "invoices"

                tableFields(prefix) ::= <<
                  <prefix>account_id
                , <prefix>invoice_date
                >>

                getByAccount() ::= <<
                select <allTableFields("")>
                from <tableName()>
                where account_id = :accountId
                and invoice_date \\> :since
                <AND_CHECK_TENANT("")>
                ;
                >>
                """);
        fx.resources(resources);
        fx.source("org/acme/dao/EntityDao.java", """
                package org.acme.dao;
                import org.skife.jdbi.v2.sqlobject.SqlQuery;
                @AcmeSqlDaoStringTemplate
                public interface EntityDao<M> {
                  @SqlQuery
                  M getById(String id);
                }
                """);
        fx.source("org/acme/invoice/InvoiceDao.java", """
                package org.acme.invoice;
                import org.acme.dao.EntityDao;
                import org.skife.jdbi.v2.sqlobject.SqlQuery;
                @AcmeSqlDaoStringTemplate
                public interface InvoiceDao extends EntityDao<Object> {
                  @SqlQuery
                  java.util.List<Object> getByAccount(String accountId);
                }
                """);
        assertEquals(List.of(), fx.sites("org/acme/dao/EntityDao.java")); // read through each sub-DAO's group
        List<SqlSite> sites = fx.sites("org/acme/invoice/InvoiceDao.java");
        assertEquals(List.of("EntityDao.sql.stg:15:1 InvoiceDao.getById", "InvoiceDao.sql.stg:11:1 InvoiceDao.getByAccount"),
                where(sites).stream().sorted().toList());
        SqlSite byId = sites.stream().filter(s -> s.owner().equals("InvoiceDao.getById")).findFirst().orElseThrow();
        assertEquals(List.of("""
                select
                  t.record_id
                ,   t.account_id
                , t.invoice_date
                from invoices t
                where t.id = :id
                and t.tenant_id = :tenantId
                ;"""), texts(byId));
        SqlSite byAccount = sites.stream().filter(s -> s.owner().equals("InvoiceDao.getByAccount")).findFirst().orElseThrow();
        assertEquals(List.of("""
                select   record_id
                ,   account_id
                , invoice_date
                from invoices
                where account_id = :accountId
                and invoice_date > :since
                and tenant_id = :tenantId
                ;"""), texts(byAccount));
        // the table name comes from the DAO's own group: its characters point there
        String sql = byId.variants().get(0).text();
        assertEquals(3, byId.variants().get(0).originAt(sql.indexOf("invoices")).line());
        assertEquals("InvoiceDao.sql.stg", byId.variants().get(0).originAt(sql.indexOf("invoices")).file().getFileName().toString());
        assertEquals(List.of(), fx.unresolvedSummary());
    }

    @Test
    void ifSectionsTestingTheSameAttributeDecideTogetherAndListsArePlaceholders() throws IOException {
        resource("org/acme/jobs/JobDao.sql.stg", """
                findJobs(jobUuids, states) ::= <<
                SELECT j.id FROM jobs j
                WHERE j.uuid IN (<jobUuids>)
                <if(states)>AND (j.state IN (<states>)<endif>
                <if(states)> OR j.state IS NULL)<endif>
                <if(!states)>AND j.archived = false<endif>
                >>
                """);
        fx.resources(resources);
        fx.source("org/acme/jobs/JobDao.java", """
                package org.acme.jobs;
                import org.jdbi.v3.sqlobject.customizer.BindList;
                import org.jdbi.v3.sqlobject.customizer.Define;
                import org.jdbi.v3.sqlobject.statement.SqlQuery;
                import org.jdbi.v3.stringtemplate4.UseStringTemplateSqlLocator;
                @UseStringTemplateSqlLocator
                public interface JobDao {
                  @SqlQuery
                  java.util.List<Long> findJobs(@BindList("jobUuids") java.util.List<String> uuids, @Define("states") String states);
                }
                """);
        List<SqlSite> sites = fx.sites("org/acme/jobs/JobDao.java");
        assertEquals(List.of("JobDao.sql.stg:2:1 JobDao.findJobs"), where(sites));
        assertEquals(List.of(
                "SELECT j.id FROM jobs j\nWHERE j.uuid IN (" + D + ")\nAND (j.state IN (" + D + ")\n OR j.state IS NULL)\n",
                "SELECT j.id FROM jobs j\nWHERE j.uuid IN (" + D + ")\n\n\nAND j.archived = false"), texts(sites.get(0)));
    }

    @Test
    void aTestOfATemplateCallIsWhetherItRendersTextAndNamedArgumentsBind() throws IOException {
        resource("org/acme/dao/AuditDao.sql.stg", """
                accountField(prefix) ::= "<prefix>account_id"
                tenantField(prefix) ::= ""
                auditFields(prefix) ::= <<
                <prefix>id
                <if(accountField(prefix))>, <accountField(prefix)><endif>
                <if(tenantField(prefix))>, <tenantField(prefix)><endif>
                >>
                condition(alias, other) ::= "<alias>id = <other>id"
                insertAudit() ::= <<
                insert into audit_log (<auditFields("")>) select <auditFields("a.")> from audits a join logs l on <condition(other="l.", alias="a.")>
                >>
                """);
        fx.resources(resources);
        fx.source("org/acme/dao/AuditDao.java", """
                package org.acme.dao;
                import org.jdbi.v3.sqlobject.statement.SqlUpdate;
                import org.jdbi.v3.stringtemplate4.UseStringTemplateSqlLocator;
                @UseStringTemplateSqlLocator
                public interface AuditDao {
                  @SqlUpdate
                  void insertAudit();
                }
                """);
        assertEquals(List.of("insert into audit_log (id\n, account_id\n) select a.id\n, a.account_id\n"
                + " from audits a join logs l on a.id = l.id"), texts(fx.sites("org/acme/dao/AuditDao.java").get(0)));
    }

    @Test
    void aTemplateThatCallsItselfRendersThatCallAsAPlaceholderInsteadOfRecursing() throws IOException {
        // StringTemplate would recurse until its stack ran out; two self-calls per level would be 2^depth renders.
        resource("org/acme/dao/LoopDao.sql.stg", """
                tableName() ::= "invoices <if(!paid)>where <tableName()><else>and <tableName()><endif>"
                unpaid() ::= "select id from <tableName()>"
                """);
        fx.resources(resources);
        fx.source("org/acme/dao/LoopDao.java", """
                package org.acme.dao;
                import org.jdbi.v3.sqlobject.statement.SqlQuery;
                import org.jdbi.v3.stringtemplate4.UseStringTemplateSqlLocator;
                @UseStringTemplateSqlLocator
                public interface LoopDao {
                  @SqlQuery
                  java.util.List<Long> unpaid();
                }
                """);
        assertEquals(List.of("select id from invoices where " + D, "select id from invoices and " + D),
                texts(fx.sites("org/acme/dao/LoopDao.java").get(0)));
    }

    @Test
    void aMissingTemplateIsUnresolvedAtTheAnnotation() throws IOException {
        resource("org/acme/jobs/JobDao.sql.stg", "other() ::= \"SELECT 1\"\n");
        fx.resources(resources);
        fx.source("org/acme/jobs/JobDao.java", """
                package org.acme.jobs;
                import org.jdbi.v3.sqlobject.statement.SqlUpdate;
                import org.jdbi.v3.stringtemplate4.UseStringTemplateSqlLocator;
                @UseStringTemplateSqlLocator
                public interface JobDao {
                  @SqlUpdate
                  void purge();
                }
                """);
        assertEquals(List.of(), fx.sites("org/acme/jobs/JobDao.java"));
        assertEquals(List.of("@SqlUpdate 6:3: SQL resource not found (org/acme/jobs/JobDao.sql.stg (template purge))"), fx.unresolvedSummary());
    }
}
