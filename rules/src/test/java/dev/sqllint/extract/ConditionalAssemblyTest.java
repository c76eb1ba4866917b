package dev.sqllint.extract;

import dev.sqllint.sql.Placeholders;
import java.util.List;
import org.junit.jupiter.api.Test;

import static dev.sqllint.extract.ExtractorFixture.texts;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Statements assembled under conditions, as read-platform services write them: the variants are the
 * statements the code can issue, not every combination of its {@code if}s. Two tests of one condition go
 * together, a flag the code set is read back, a builder's own emptiness decides its separator, a branch
 * that returns does not reach the statement after it, and a builder handed to a helper gets what the
 * helper appends.
 */
class ConditionalAssemblyTest {

    private static final String D = Placeholders.DYNAMIC;
    private final ExtractorFixture fx = new ExtractorFixture();

    @Test
    void theSameConditionTestedTwiceIsTakenTogether() {
        fx.source("org/acme/ledger/AccountReader.java", """
                package org.acme.ledger;
                import org.springframework.jdbc.core.JdbcTemplate;
                class AccountReader {
                  private final JdbcTemplate jdbc;
                  AccountReader(JdbcTemplate jdbc) { this.jdbc = jdbc; }
                  Object read(long id, Options options) {
                    StringBuilder sql = new StringBuilder("select a.id, a.name");
                    if (options.isBalanceWanted()) {
                      sql.append(", b.amount");
                    }
                    sql.append(" from ledger_account a");
                    if (options.isBalanceWanted()) {
                      sql.append(" left join ledger_balance b on b.account_id = a.id");
                    }
                    sql.append(" where a.id = ?");
                    return jdbc.queryForMap(sql.toString(), id);
                  }
                }
                """);
        assertEquals(List.of(
                "select a.id, a.name, b.amount from ledger_account a left join ledger_balance b on b.account_id = a.id where a.id = ?",
                "select a.id, a.name from ledger_account a where a.id = ?"), texts(fx.sites("org/acme/ledger/AccountReader.java").get(0)));
    }

    @Test
    void aFlagTheCodeSetDecidesBetweenWhereAndAnd() {
        fx.source("org/acme/product/ProductLookup.java", """
                package org.acme.product;
                import org.springframework.jdbc.core.JdbcTemplate;
                class ProductLookup {
                  private final JdbcTemplate jdbc;
                  ProductLookup(JdbcTemplate jdbc) { this.jdbc = jdbc; }
                  Object find(String officeIds, Boolean overdraft) {
                    String sql = "select p.id, p.name from product p";
                    boolean whereAdded = false;
                    if (officeIds != null) {
                      sql += " where p.office_id in (" + officeIds + ")";
                      whereAdded = true;
                    }
                    if (overdraft != null) {
                      if (whereAdded) {
                        sql += " and p.allow_overdraft = ?";
                      } else {
                        sql += " where p.allow_overdraft = ?";
                      }
                    }
                    return jdbc.queryForList(sql, overdraft);
                  }
                }
                """);
        assertEquals(List.of(
                "select p.id, p.name from product p where p.office_id in ( " + D + " ) and p.allow_overdraft = ?",
                "select p.id, p.name from product p where p.allow_overdraft = ?",
                "select p.id, p.name from product p where p.office_id in ( " + D + " )",
                "select p.id, p.name from product p"), // never "where ... where", nor "and" without "where"
                texts(fx.sites("org/acme/product/ProductLookup.java").get(0)));
    }

    @Test
    void aFlagReassignedBetweenTheTestsIsReadAgain() {
        fx.source("org/acme/product/ProductCount.java", """
                package org.acme.product;
                import org.springframework.jdbc.core.JdbcTemplate;
                class ProductCount {
                  private final JdbcTemplate jdbc;
                  ProductCount(JdbcTemplate jdbc) { this.jdbc = jdbc; }
                  Object count(boolean active, boolean reset) {
                    String sql = "select count(*) from product p";
                    if (active) sql += " where p.active = true";
                    if (reset) active = !active;
                    if (active) sql += " order by p.id";
                    return jdbc.queryForObject(sql, Long.class);
                  }
                }
                """);
        // after active = !active the second test is a new question: all four texts can be issued
        assertEquals(4, texts(fx.sites("org/acme/product/ProductCount.java").get(0)).size());
    }

    @Test
    void theBuildersOwnEmptinessPicksTheSeparator() {
        fx.source("org/acme/note/NoteReader.java", """
                package org.acme.note;
                import org.apache.commons.lang3.StringUtils;
                import org.springframework.jdbc.core.JdbcTemplate;
                class NoteReader {
                  private final JdbcTemplate jdbc;
                  NoteReader(JdbcTemplate jdbc) { this.jdbc = jdbc; }
                  Object notes(long id, Kind kind, Long loanId) {
                    String condition = conditionFor(kind);
                    if (StringUtils.isNotBlank(condition)) {
                      condition = " and " + condition;
                    }
                    StringBuilder where = new StringBuilder();
                    if (loanId != null) where.append(where.length() > 0 ? " and " : " where ").append("n.loan_id = ?");
                    return jdbc.queryForList("select n.id from note n where n.id = ?" + condition + " order by n.id", id);
                  }
                  static String conditionFor(Kind kind) {
                    String condition = "";
                    switch (kind) {
                      case CLIENT:
                        condition = "n.client_id = ?";
                        break;
                      default:
                        break;
                    }
                    return condition;
                  }
                }
                """);
        assertEquals(List.of("select n.id from note n where n.id = ? and n.client_id = ? order by n.id",
                "select n.id from note n where n.id = ? order by n.id"), texts(fx.sites("org/acme/note/NoteReader.java").get(0)));
    }

    @Test
    void aBranchThatReturnsDoesNotReachTheStatementAfterIt() {
        fx.source("org/acme/product/DepositProducts.java", """
                package org.acme.product;
                import org.springframework.jdbc.core.JdbcTemplate;
                class DepositProducts {
                  private final JdbcTemplate jdbc;
                  DepositProducts(JdbcTemplate jdbc) { this.jdbc = jdbc; }
                  Object list(Boolean overdraft) {
                    String sql = "select p.id from product p";
                    if (overdraft != null) {
                      sql += " where p.allow_overdraft = ?";
                      return jdbc.queryForList(sql, overdraft);
                    }
                    sql += " where p.deposit_type = 100";
                    return jdbc.queryForList(sql);
                  }
                }
                """);
        List<SqlSite> sites = fx.sites("org/acme/product/DepositProducts.java");
        assertEquals(List.of("select p.id from product p where p.allow_overdraft = ?"), texts(sites.get(0)));
        assertEquals(List.of("select p.id from product p where p.deposit_type = 100"), texts(sites.get(1)));
    }

    @Test
    void aBuilderHandedToAHelperGetsWhatTheHelperAppends() {
        fx.source("org/acme/alarm/AlarmSearch.java", """
                package org.acme.alarm;
                import org.springframework.jdbc.core.JdbcTemplate;
                class AlarmSearch {
                  private final JdbcTemplate jdbc;
                  AlarmSearch(JdbcTemplate jdbc) { this.jdbc = jdbc; }
                  Object search(String severity, Boolean cleared) {
                    StringBuilder where = new StringBuilder(" where a.tenant_id = ?");
                    boolean addAnd = true;
                    if (severity != null) {
                      addAndIfNeeded(where, addAnd);
                      where.append("a.severity = ?");
                    }
                    if (cleared != null) {
                      addAndIfNeeded(where, addAnd);
                      where.append("a.cleared = ?");
                    }
                    return jdbc.queryForList("select a.id from alarm a" + where, severity, cleared);
                  }
                  private void addAndIfNeeded(StringBuilder where, boolean addAnd) {
                    if (addAnd) {
                      where.append(" and ");
                    }
                  }
                }
                """);
        assertEquals(List.of(
                "select a.id from alarm a where a.tenant_id = ? and a.severity = ? and a.cleared = ?",
                "select a.id from alarm a where a.tenant_id = ? and a.cleared = ?",
                "select a.id from alarm a where a.tenant_id = ? and a.severity = ?",
                "select a.id from alarm a where a.tenant_id = ?"), texts(fx.sites("org/acme/alarm/AlarmSearch.java").get(0)));
    }

    @Test
    void aBuilderHandedToACodeLibraryEndsWithAnUnknownPartThatATrimLeavesWhole() {
        fx.source("org/acme/table/TableWriter.java", """
                package org.acme.table;
                import org.springframework.jdbc.core.JdbcTemplate;
                class TableWriter {
                  private final JdbcTemplate jdbc;
                  private final ColumnDefinitions definitions;
                  TableWriter(JdbcTemplate jdbc, ColumnDefinitions definitions) { this.jdbc = jdbc; this.definitions = definitions; }
                  void create(String table, java.util.List<String> columns) {
                    StringBuilder sql = new StringBuilder("CREATE TABLE ").append(table).append(" (id BIGINT NOT NULL, ");
                    for (String column : columns) {
                      definitions.appendColumn(column, sql);
                    }
                    sql.delete(sql.length() - 2, sql.length());
                    sql.append(", PRIMARY KEY (id))");
                    log.debug("create {}", sql);
                    jdbc.execute(sql.toString());
                  }
                }
                """);
        assertEquals(List.of("CREATE TABLE  " + D + "  (id BIGINT NOT NULL,  " + D + " , PRIMARY KEY (id))"),
                texts(fx.sites("org/acme/table/TableWriter.java").get(0)));
    }

    @Test
    void aLoopBodyIsOneItemThatIsFirstAndLast() {
        fx.source("org/acme/charge/ChargeReader.java", """
                package org.acme.charge;
                import org.springframework.jdbc.core.JdbcTemplate;
                class ChargeReader {
                  private final JdbcTemplate jdbc;
                  ChargeReader(JdbcTemplate jdbc) { this.jdbc = jdbc; }
                  Object applicable(int[] excludedTimes, java.util.List<String> ids) {
                    StringBuilder exclude = new StringBuilder();
                    exclusions(excludedTimes, exclude);
                    StringBuilder values = new StringBuilder(" join (values ");
                    int idx = 0;
                    int lastIdx = ids.size() - 1;
                    for (String id : ids) {
                      values.append("('").append(id).append("', ").append(idx).append(")");
                      if (idx != lastIdx) values.append(",");
                      idx++;
                    }
                    values.append(") as e(id, priority) on e.id = c.id");
                    return jdbc.queryForList("select c.id from charge c" + values + " where c.active = true" + exclude);
                  }
                  private void exclusions(int[] times, StringBuilder exclude) {
                    if (times != null && times.length > 0) {
                      StringBuilder sb = new StringBuilder();
                      for (int i = 0; i < times.length; i++) {
                        if (i != 0) sb.append(",");
                        sb.append(times[i]);
                      }
                      exclude = exclude.append(" and c.charge_time not in (" + sb.toString() + ")");
                    }
                  }
                }
                """);
        assertEquals(List.of(
                "select c.id from charge c join (values (' " + D + " ', 0)) as e(id, priority) on e.id = c.id where c.active = true"
                        + " and c.charge_time not in ( " + D + " )",
                "select c.id from charge c join (values (' " + D + " ', 0)) as e(id, priority) on e.id = c.id where c.active = true"),
                texts(fx.sites("org/acme/charge/ChargeReader.java").get(0)));
    }

    @Test
    void testsOfTheSameVariablesWrittenDifferentlyDecideTogether() {
        fx.source("org/acme/ts/DatapointReader.java", """
                package org.acme.ts;
                import java.util.List;
                import org.springframework.jdbc.core.JdbcTemplate;
                class DatapointReader {
                  private final JdbcTemplate jdbc;
                  DatapointReader(JdbcTemplate jdbc) { this.jdbc = jdbc; }
                  Object read(Long startTs, Long endTs, List<String> keys) {
                    StringBuilder sql = new StringBuilder("select dp.id from datapoint dp where dp.entity_id = ?");
                    if (keys != null && !keys.isEmpty()) {
                      sql.append(" and (dp.key in (:keys)");
                    }
                    if (startTs != null && endTs != null) {
                      sql.append(" and dp.ts between ? and ?");
                    }
                    if (keys != null && keys.size() > 0) {
                      sql.append(" or dp.key is null)");
                    }
                    return jdbc.queryForList(sql.toString());
                  }
                }
                """);
        assertEquals(List.of(
                "select dp.id from datapoint dp where dp.entity_id = ? and (dp.key in (:keys) and dp.ts between ? and ? or dp.key is null)",
                "select dp.id from datapoint dp where dp.entity_id = ? and (dp.key in (:keys) or dp.key is null)",
                "select dp.id from datapoint dp where dp.entity_id = ? and dp.ts between ? and ?",
                "select dp.id from datapoint dp where dp.entity_id = ?"),
                texts(fx.sites("org/acme/ts/DatapointReader.java").get(0)));
    }

    @Test
    void testsOfDifferentGettersOfOneObjectStayIndependent() {
        fx.source("org/acme/ts/Search.java", """
                package org.acme.ts;
                import org.springframework.jdbc.core.JdbcTemplate;
                class Search {
                  private final JdbcTemplate jdbc;
                  Search(JdbcTemplate jdbc) { this.jdbc = jdbc; }
                  Object find(Filter filter) {
                    StringBuilder sql = new StringBuilder("select d.id from device d where d.tenant_id = ?");
                    if (filter.getType() != null) sql.append(" and d.type = ?");
                    if (filter.getName() != null) sql.append(" and d.name = ?");
                    return jdbc.queryForList(sql.toString());
                  }
                }
                """);
        assertEquals(4, texts(fx.sites("org/acme/ts/Search.java").get(0)).size());
    }
}
