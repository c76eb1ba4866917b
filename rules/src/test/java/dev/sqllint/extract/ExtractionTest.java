package dev.sqllint.extract;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParserConfiguration;
import dev.sqllint.extract.sinks.SinkCatalog;
import dev.sqllint.sql.Origin;
import dev.sqllint.sql.Placeholders;
import dev.sqllint.sql.SqlText;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every folding form the foundation promises, read through the real extractor. */
class ExtractionTest {

    private final Map<String, String> sources = new LinkedHashMap<>();

    private ExtractionTest source(String path, String text) {
        sources.put(path, text);
        return this;
    }

    private List<SqlSite> sites(String path) {
        JavaParser parser = new JavaParser(new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_21));
        List<JavaFile> files = new ArrayList<>();
        for (Map.Entry<String, String> e : sources.entrySet()) {
            files.add(new JavaFile(Path.of(e.getKey()), parser.parse(e.getValue()).getResult().orElseThrow()));
        }
        JavaSqlExtractor extractor = new JavaSqlExtractor(SinkCatalog.standard(), files);
        return extractor.sites(files.stream().filter(f -> f.path().toString().equals(path)).findFirst().orElseThrow());
    }

    private static List<String> texts(SqlSite site) {
        return site.variants().stream().map(SqlText::text).toList();
    }

    private static Origin originOf(SqlText text, String needle) {
        int at = text.text().indexOf(needle);
        assertTrue(at >= 0, needle + " not in " + text);
        return text.originAt(at);
    }

    @Test
    void concatenationOverManyLinesKeepsEachPiecesPosition() {
        source("Dao.java", """
                import org.springframework.jdbc.core.JdbcTemplate;
                class Dao {
                  JdbcTemplate jdbc;
                  void run() {
                    jdbc.update("UPDATE accounts a "
                        + "SET balance = ? "
                        +   "WHERE a.id = ?", 1, 2);
                  }
                }
                """);
        SqlSite site = sites("Dao.java").get(0);
        assertEquals(List.of("UPDATE accounts a SET balance = ? WHERE a.id = ?"), texts(site));
        assertEquals("JdbcTemplate.update", site.api());
        Origin where = originOf(site.variants().get(0), "WHERE");
        assertEquals(7, where.line());
        assertEquals(14, where.column());
    }

    @Test
    void textBlockMapsLinesAndStripsIndentation() {
        source("Dao.java", """
                import java.sql.Connection;
                class Dao {
                  void run(Connection c) throws Exception {
                    c.prepareStatement(\"""
                        SELECT a.id
                          FROM accounts a
                         WHERE a.owner_id = ?\""");
                  }
                }
                """);
        SqlText sql = sites("Dao.java").get(0).variants().get(0);
        assertEquals("SELECT a.id\n  FROM accounts a\n WHERE a.owner_id = ?", sql.text());
        Origin from = originOf(sql, "FROM");
        assertEquals(6, from.line());
        assertEquals(11, from.column());
    }

    @Test
    void constantsOfThisClassOtherClassesNestedTypesAndStaticImports() {
        source("com/acme/sql/Tables.java", """
                package com.acme.sql;
                public final class Tables {
                  public static final String INVOICES = "invoices";
                  public static final class Columns { public static final String OWNER = "customer_id"; }
                }
                """);
        source("com/acme/sql/InvoiceSql.java", """
                package com.acme.sql;
                public interface InvoiceSql {
                  String BASE = "SELECT i.id FROM " + Tables.INVOICES + " i";
                  String BY_OWNER = BASE + " WHERE i." + Tables.Columns.OWNER + " = ?";
                }
                """);
        source("com/acme/InvoiceDao.java", """
                package com.acme;
                import static com.acme.sql.InvoiceSql.BY_OWNER;
                import static com.acme.sql.InvoiceSql.*;
                import com.acme.sql.InvoiceSql;
                import java.sql.*;
                class InvoiceDao implements InvoiceSql {
                  private static final String LOCAL = "SELECT 1 FROM dual_table d";
                  void run(Connection c, Statement st) throws Exception {
                    c.prepareStatement(BY_OWNER);
                    c.prepareStatement(InvoiceSql.BASE);
                    c.prepareStatement(com.acme.sql.InvoiceSql.BASE + " ORDER BY i.id");
                    st.executeQuery(LOCAL);
                    st.executeQuery(BASE);
                  }
                }
                """);
        List<SqlSite> sites = sites("com/acme/InvoiceDao.java");
        assertEquals(5, sites.size());
        assertEquals("SELECT i.id FROM invoices i WHERE i.customer_id = ?", texts(sites.get(0)).get(0));
        assertEquals("SELECT i.id FROM invoices i", texts(sites.get(1)).get(0));
        assertEquals("SELECT i.id FROM invoices i ORDER BY i.id", texts(sites.get(2)).get(0));
        assertEquals("SELECT 1 FROM dual_table d", texts(sites.get(3)).get(0));
        assertEquals("SELECT i.id FROM invoices i", texts(sites.get(4)).get(0));
        Origin from = originOf(sites.get(0).variants().get(0), "FROM");
        assertEquals(Path.of("com/acme/sql/InvoiceSql.java"), from.file());
        assertEquals("InvoiceSql.BY_OWNER", from.viaConstant());
    }

    @Test
    void effectivelyFinalLocalsAndTernaries() {
        source("Dao.java", """
                import org.springframework.jdbc.core.JdbcTemplate;
                class Dao {
                  private final JdbcTemplate jdbcTemplate;
                  Dao(JdbcTemplate t) { this.jdbcTemplate = t; }
                  void run(boolean archived) {
                    String table = archived ? "orders_archive" : "orders";
                    String sql = "SELECT o.id FROM " + table + " o WHERE o.customer_id = ?";
                    this.jdbcTemplate.queryForList(sql, 1);
                  }
                }
                """);
        assertEquals(List.of("SELECT o.id FROM orders_archive o WHERE o.customer_id = ?",
                "SELECT o.id FROM orders o WHERE o.customer_id = ?"), texts(sites("Dao.java").get(0)));
    }

    @Test
    void stringBuilderAppendsUnderIfElseAndLoopsYieldVariants() {
        source("Dao.java", """
                import java.sql.Connection;
                import java.util.List;
                class Dao {
                  void run(Connection connection, String name, List<String> states, boolean newest) throws Exception {
                    StringBuilder sql = new StringBuilder("SELECT t.id FROM tasks t WHERE 1 = 1");
                    if (name != null) {
                      sql.append(" AND t.name = ?");
                    }
                    for (String s : states) {
                      sql.append(" AND t.state = ?");
                    }
                    if (newest) sql.append(" ORDER BY t.created_at DESC"); else sql.append(" ORDER BY t.id");
                    connection.prepareStatement(sql.toString());
                  }
                }
                """);
        assertEquals(List.of(
                "SELECT t.id FROM tasks t WHERE 1 = 1 AND t.name = ? AND t.state = ? ORDER BY t.created_at DESC",
                "SELECT t.id FROM tasks t WHERE 1 = 1 AND t.state = ? ORDER BY t.created_at DESC",
                "SELECT t.id FROM tasks t WHERE 1 = 1 AND t.name = ? AND t.state = ? ORDER BY t.id",
                "SELECT t.id FROM tasks t WHERE 1 = 1 AND t.state = ? ORDER BY t.id"), texts(sites("Dao.java").get(0)));
    }

    @Test
    void reassignedStringLocalAndChainedAppends() {
        source("Dao.java", """
                import java.sql.Statement;
                class Dao {
                  static final String BASE = "DELETE FROM sessions s";
                  void run(Statement st, boolean onlyOpen) throws Exception {
                    String sql = "SELECT i.id FROM invoices i";
                    if (onlyOpen) sql += " WHERE i.status = 'open'";
                    sql = sql + " LIMIT 10";
                    st.executeQuery(sql);
                    StringBuilder b = new StringBuilder();
                    b.append("DELETE FROM sessions ").append("WHERE expires_at < now()");
                    st.executeUpdate(b.toString());
                    StringBuilder c = new StringBuilder(BASE).append(" WHERE s.user_id = ?");
                    st.executeUpdate(c.toString());
                  }
                }
                """);
        List<SqlSite> sites = sites("Dao.java");
        assertEquals(List.of("SELECT i.id FROM invoices i WHERE i.status = 'open' LIMIT 10",
                "SELECT i.id FROM invoices i LIMIT 10"), texts(sites.get(0)));
        assertEquals(List.of("DELETE FROM sessions WHERE expires_at < now()"), texts(sites.get(1)));
        assertEquals(List.of("DELETE FROM sessions s WHERE s.user_id = ?"), texts(sites.get(2)));
    }

    @Test
    void unresolvablePartsBecomePlaceholders() {
        source("Dao.java", """
                import org.springframework.jdbc.core.JdbcTemplate;
                class Dao {
                  JdbcTemplate jdbc;
                  void run(String tableName) {
                    jdbc.queryForList("SELECT x.id FROM " + tableName + " x WHERE x.kind = " + System.getProperty("kind"));
                  }
                }
                """);
        SqlSite site = sites("Dao.java").get(0);
        String expected = "SELECT x.id FROM  " + Placeholders.DYNAMIC + "  x WHERE x.kind =  " + Placeholders.DYNAMIC + " ";
        assertEquals(List.of(expected), texts(site));
        assertTrue(!site.variants().get(0).isComplete());
    }

    @Test
    void helperMethodsReturningFoldableStringsAreFoldedAtTheCallSite() {
        source("com/acme/LoanMapper.java", """
                package com.acme;
                public final class LoanMapper {
                  public String schema() {
                    return " l.id, l.status FROM loans l JOIN clients c ON c.id = l.client_id ";
                  }
                  public static String byStatus(String column) { return " WHERE l." + column + " = ?"; }
                }
                """);
        source("com/acme/LoanReadService.java", """
                package com.acme;
                import org.springframework.jdbc.core.JdbcTemplate;
                class LoanReadService {
                  private final JdbcTemplate jdbcTemplate = null;
                  private final LoanMapper mapper = new LoanMapper();
                  Object active() {
                    final LoanMapper rm = new LoanMapper();
                    jdbcTemplate.query("select " + rm.schema() + " where l.status = ?", (rs, n) -> null, 300);
                    jdbcTemplate.query("select" + this.mapper.schema() + LoanMapper.byStatus("kind"), (rs, n) -> null);
                    return jdbcTemplate.queryForList("select count(*) from loans l" + where());
                  }
                  private String where() { return " where l.status = 300"; }
                }
                """);
        List<SqlSite> sites = sites("com/acme/LoanReadService.java");
        assertEquals("select  l.id, l.status FROM loans l JOIN clients c ON c.id = l.client_id  where l.status = ?",
                texts(sites.get(0)).get(0));
        // the helper's parameter is what this caller passes
        assertEquals("select l.id, l.status FROM loans l JOIN clients c ON c.id = l.client_id  WHERE l.kind = ?",
                texts(sites.get(1)).get(0));
        assertEquals("select count(*) from loans l where l.status = 300", texts(sites.get(2)).get(0));
        Origin join = originOf(sites.get(0).variants().get(0), "JOIN");
        assertEquals(Path.of("com/acme/LoanMapper.java"), join.file());
        assertEquals("LoanMapper.schema()", join.viaConstant());
    }

    @Test
    void receiverByDeclaredTypeAndFallbackByNameOnlyForSqlLookingText() {
        source("Ui.java", """
                import java.util.concurrent.ExecutorService;
                class Ui {
                  ExecutorService executor;
                  Dialog dialog;
                  void run(Runnable r) {
                    executor.execute(r);
                    dialog.update("Select a file to upload");
                    factory().getJdbc().queryForList("SELECT u.id FROM users u WHERE u.email = ?");
                    label().update("Select a file to upload");
                    var list = new java.util.ArrayList<String>();
                    list.execute("SELECT nothing FROM here");
                  }
                }
                """);
        List<SqlSite> sites = sites("Ui.java");
        assertEquals(1, sites.size());
        assertEquals("?.queryForList", sites.get(0).api());
    }

    @Test
    void queryAnnotations() {
        source("Repo.java", """
                import org.springframework.data.jpa.repository.JpaRepository;
                import org.springframework.data.jpa.repository.Query;
                import org.apache.ibatis.annotations.Select;
                import org.jdbi.v3.sqlobject.statement.SqlQuery;
                import jakarta.persistence.*;
                interface Repo extends JpaRepository<Track, Long> {
                  @Query(value = "SELECT t FROM #{#entityName} t WHERE t.ownerId = ?1",
                         countQuery = "SELECT count(t) FROM Track t WHERE t.ownerId = ?1")
                  Object byOwner(long owner);
                  @Query(value = "SELECT * FROM tracks WHERE owner_id = :o", nativeQuery = true)
                  Object nativeByOwner(long o);
                  @Select({"SELECT id, name", "FROM workspaces", "WHERE id = #{id}"})
                  Object workspace(long id);
                  @SqlQuery("SELECT id FROM users WHERE email = :email")
                  Object user(String email);
                }
                @NamedQueries({@NamedQuery(name = "Track.all", query = "select t from Track t")})
                class Track {}
                """);
        List<SqlSite> sites = sites("Repo.java");
        assertEquals(List.of("@Query", "@Query.countQuery", "@Query", "@Select", "@SqlQuery", "@NamedQuery"),
                sites.stream().map(SqlSite::api).toList());
        assertEquals(Language.JPQL, sites.get(0).language());
        assertEquals("Track", sites.get(0).entity());
        assertEquals(Language.SQL, sites.get(2).language());
        assertEquals("SELECT id, name FROM workspaces WHERE id = #{id}", texts(sites.get(3)).get(0));
    }
}
