package dev.sqllint.extract;

import dev.sqllint.sql.Placeholders;
import java.util.List;
import org.junit.jupiter.api.Test;

import static dev.sqllint.extract.ExtractorFixture.texts;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A statement whose start a generator decides at run time ({@code buildSelect(columns) + from + where}) is
 * not a statement sqllint read: such variants are left out, and a site left with none is unresolved.
 */
class StatementStartTest {

    private static final String D = Placeholders.DYNAMIC;
    private final ExtractorFixture fx = new ExtractorFixture();

    @Test
    void aStatementWhoseStartIsBuiltAtRunTimeIsUnresolvedNotAFailedParse() {
        fx.source("org/acme/data/DataTableReader.java", """
                package org.acme.data;
                import org.springframework.jdbc.core.JdbcTemplate;
                class DataTableReader {
                  private final JdbcTemplate jdbc;
                  private final SqlGenerator generator;
                  DataTableReader(JdbcTemplate jdbc, SqlGenerator generator) { this.jdbc = jdbc; this.generator = generator; }
                  Object read(java.util.List<String> columns, String table, String where) {
                    String sql = generator.buildSelect(columns) + " " + generator.buildFrom(table) + " WHERE " + where;
                    return jdbc.queryForList(sql);
                  }
                  Object count(String table, boolean all) {
                    String select = all ? generator.buildSelect(java.util.List.of()) : "SELECT COUNT(*)";
                    return jdbc.queryForObject(select + " FROM " + table, Long.class);
                  }
                }
                """);
        List<SqlSite> sites = fx.sites("org/acme/data/DataTableReader.java");
        assertEquals(1, sites.size());
        assertEquals(List.of("SELECT COUNT(*) FROM  " + D + " "), texts(sites.get(0))); // the known start is kept
        assertEquals(List.of("JdbcTemplate.queryForList 9:30: statement start built at run time"), fx.unresolvedSummary());
    }
}
