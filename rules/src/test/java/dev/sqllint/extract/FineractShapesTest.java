package dev.sqllint.extract;

import dev.sqllint.sql.Origin;
import dev.sqllint.sql.Placeholders;
import dev.sqllint.sql.SqlText;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

import static dev.sqllint.extract.ExtractorFixture.texts;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Shapes from Apache Fineract whose SQL folded into text that did not parse, because of the folding, not
 * of the SQL: the row mapper whose select list is built in its constructor, a select list of 60
 * concatenated lines, and a criteria builder kept in a {@code final StringBuilder} field.
 */
class FineractShapesTest {

    private final ExtractorFixture fx = new ExtractorFixture();

    @Test
    void aFinalFieldBuiltInTheConstructorIsFolded() {
        fx.source("org/acme/group/GroupMapper.java", """
                package org.acme.group;
                final class GroupMapper {
                  private final String schemaSql;
                  GroupMapper() {
                    final StringBuilder sqlBuilder = new StringBuilder(400);
                    sqlBuilder.append("g.id as id, g.display_name as name ");
                    sqlBuilder.append("from m_group g ");
                    sqlBuilder.append("join m_office o on o.id = g.office_id ");
                    this.schemaSql = sqlBuilder.toString();
                  }
                  public String schema() {
                    return this.schemaSql;
                  }
                }
                """);
        fx.source("org/acme/group/GroupReader.java", """
                package org.acme.group;
                import org.springframework.jdbc.core.JdbcTemplate;
                class GroupReader {
                  private static final GroupMapper MAPPER = new GroupMapper();
                  private final JdbcTemplate jdbcTemplate;
                  GroupReader(JdbcTemplate t) { this.jdbcTemplate = t; }
                  Object one(long id) {
                    final String sql = "select " + MAPPER.schema() + " where g.id = ?";
                    return this.jdbcTemplate.queryForObject(sql, Object.class, id);
                  }
                }
                """);
        SqlSite site = fx.sites("org/acme/group/GroupReader.java").get(0);
        assertEquals(List.of("select g.id as id, g.display_name as name from m_group g join m_office o on o.id = g.office_id  where g.id = ?"),
                texts(site));
        SqlText sql = site.variants().get(0);
        Origin join = sql.originAt(sql.text().indexOf("join"));
        assertEquals(Path.of("org/acme/group/GroupMapper.java"), join.file());
        assertEquals(8, join.line());
        assertEquals("GroupMapper.schema()", join.viaConstant()); // the outermost name the call site reads it through
    }

    @Test
    void aFieldAssignedFromAConstructorParameterStaysUnknown() {
        fx.source("org/acme/Finder.java", """
                package org.acme;
                class Finder {
                  private final String table;
                  private final java.sql.Connection connection;
                  Finder(String table, java.sql.Connection connection) { this.table = table; this.connection = connection; }
                  void find() throws Exception {
                    connection.prepareStatement("SELECT x.id FROM " + table + " x");
                  }
                }
                """);
        assertEquals(List.of("SELECT x.id FROM  " + Placeholders.DYNAMIC + "  x"), texts(fx.sites("org/acme/Finder.java").get(0)));
    }

    @Test
    void aLongConcatenationIsFoldedWhole() {
        StringBuilder columns = new StringBuilder();
        for (int i = 0; i < 70; i++) columns.append(i == 0 ? "" : "\n        + ").append("\"lp.c").append(i).append(" as c").append(i).append(", \"");
        fx.source("org/acme/LoanProductMapper.java", """
                package org.acme;
                class LoanProductMapper {
                  String schema() {
                    return %s
                        + "lp.id as id from m_product_loan lp";
                  }
                  void run(java.sql.Statement st) throws Exception {
                    st.executeQuery("select " + schema() + " where lp.id = 1");
                  }
                }
                """.formatted(columns));
        String text = texts(fx.sites("org/acme/LoanProductMapper.java").get(0)).get(0);
        assertEquals("select lp.c0 as c0, lp.c1 as c1, ", text.substring(0, 33));
        assertEquals("lp.c69 as c69, lp.id as id from m_product_loan lp where lp.id = 1", text.substring(text.indexOf("lp.c69")));
    }

    @Test
    void aFinalStringBuilderFieldIsNotItsEmptyInitializer() {
        fx.source("org/acme/SqlCriteria.java", """
                package org.acme;
                final class SqlCriteria {
                  private final StringBuilder sb = new StringBuilder();
                  void add(String criteria) { sb.append(" and ").append(criteria).append(" ?"); }
                  String getSQLTemplate() {
                    if (sb.length() > 0) {
                      return " WHERE  " + sb.toString();
                    }
                    return "";
                  }
                }
                """);
        fx.source("org/acme/GroupSearch.java", """
                package org.acme;
                class GroupSearch {
                  void run(java.sql.Connection c, SqlCriteria criteria) throws Exception {
                    c.prepareStatement("select g.id from m_group g " + criteria.getSQLTemplate() + " and g.parent_id is NULL");
                  }
                }
                """);
        assertEquals(List.of(
                "select g.id from m_group g  WHERE   " + Placeholders.DYNAMIC + "  and g.parent_id is NULL",
                "select g.id from m_group g  and g.parent_id is NULL"), texts(fx.sites("org/acme/GroupSearch.java").get(0)));
    }

    @Test
    void aTrailingSeparatorTakenBackIsGone() {
        fx.source("org/acme/search/SearchReader.java", """
                package org.acme.search;
                class SearchReader {
                  void run(java.sql.Connection c, boolean clients, boolean groups, java.util.List<String> ids) throws Exception {
                    final String union = " union ";
                    final StringBuilder sql = new StringBuilder();
                    if (clients) sql.append("(select c.id from m_client c)").append(union);
                    if (groups) sql.append("(select g.id from m_group g)").append(union);
                    sql.replace(sql.lastIndexOf(union), sql.length(), "");
                    c.prepareStatement(sql.toString());

                    StringBuilder where = new StringBuilder("select l.id from m_loan l where ");
                    for (String id : ids) where.append("l.id = ? or ");
                    where.setLength(where.length() - 4);
                    c.prepareStatement(where.toString());

                    StringBuilder columns = new StringBuilder("select ");
                    for (String id : ids) columns.append("l.c,");
                    columns.deleteCharAt(columns.length() - 1);
                    c.prepareStatement(columns.append(" from m_loan l").toString());
                  }
                }
                """);
        List<SqlSite> sites = fx.sites("org/acme/search/SearchReader.java");
        assertEquals(List.of("(select c.id from m_client c) union (select g.id from m_group g)",
                "(select g.id from m_group g)", "(select c.id from m_client c)"), texts(sites.get(0)));
        assertEquals(List.of("select l.id from m_loan l where l.id = ?"), texts(sites.get(1))); // a loop body counts once
        assertEquals(List.of("select l.c from m_loan l"), texts(sites.get(2)));
    }
}
