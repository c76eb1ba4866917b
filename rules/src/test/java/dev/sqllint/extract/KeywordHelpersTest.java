package dev.sqllint.extract;

import java.util.List;
import org.junit.jupiter.api.Test;

import static dev.sqllint.extract.ExtractorFixture.texts;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Issue 11 item 5: a keyword a project helper returns, chosen at run time, is kept only where it fits, so a builder
 * that asks {@code whereAnd()} before each condition reads as the statements its callers can produce.
 */
class KeywordHelpersTest {

    private final ExtractorFixture fx = new ExtractorFixture();

    @Test
    void whereTheFirstTimeAndAfterIsReadAsTheStatementsCallersCanProduce() {
        fx.source("com/acme/audit/SqlHelper.java", """
                package com.acme.audit;
                public class SqlHelper {
                  private boolean first = true;
                  public String whereAnd() {
                    if (first) { first = false; return " where "; }
                    return " and ";
                  }
                }
                """);
        fx.source("com/acme/audit/AuditDao.java", """
                package com.acme.audit;
                import java.util.List;
                import org.springframework.jdbc.core.JdbcTemplate;
                class AuditDao {
                  private JdbcTemplate jdbc;
                  List<?> find(String user, List<String> types) {
                    SqlHelper h = new SqlHelper();
                    StringBuilder sql = new StringBuilder("select a.id from audit a join audit_type t on t.id = a.type_id");
                    if (user != null) sql.append(h.whereAnd()).append("a.user_name = ?");
                    if (types != null) sql.append(h.whereAnd()).append("t.code in (?)");
                    return jdbc.queryForList(sql.toString());
                  }
                }
                """);
        assertEquals(List.of(
                "select a.id from audit a join audit_type t on t.id = a.type_id where a.user_name = ? and t.code in (?)",
                "select a.id from audit a join audit_type t on t.id = a.type_id where t.code in (?)",
                "select a.id from audit a join audit_type t on t.id = a.type_id where a.user_name = ?",
                "select a.id from audit a join audit_type t on t.id = a.type_id"),
                texts(fx.sites("com/acme/audit/AuditDao.java").get(0)));
    }

    @Test
    void aKeywordInsideALongerTextAMethodReturnsIsNeverJudged() {
        // the helper returns a join with its own "and" and a WHERE: its words are the project's SQL, read as written
        fx.source("com/acme/audit/AuditDao.java", """
                package com.acme.audit;
                import java.util.List;
                import org.springframework.jdbc.core.JdbcTemplate;
                class AuditDao {
                  private JdbcTemplate jdbc;
                  List<?> find(boolean limited) {
                    return jdbc.queryForList("select p.code from m_permission p" + scope(limited));
                  }
                  private String scope(boolean limited) {
                    String sql = "";
                    if (limited) sql += " join m_role_permission rp on rp.permission_id = p.id and rp.role_id = 7";
                    sql += " where p.action_name is not null";
                    return sql;
                  }
                }
                """);
        assertEquals(2, texts(fx.sites("com/acme/audit/AuditDao.java").get(0)).size());
    }

    @Test
    void theCallSitesOwnKeywordsAreNeverJudged() {
        // the project wrote "where" twice itself: what it wrote is what sqllint reads (and the parser judges)
        fx.source("com/acme/audit/AuditDao.java", """
                package com.acme.audit;
                import java.util.List;
                import org.springframework.jdbc.core.JdbcTemplate;
                class AuditDao {
                  private JdbcTemplate jdbc;
                  List<?> find(boolean mine) {
                    String sql = "select a.id from audit a where a.kind = 1" + (mine ? " where a.user_name = ?" : " and a.open");
                    return jdbc.queryForList(sql);
                  }
                }
                """);
        assertEquals(List.of("select a.id from audit a where a.kind = 1 where a.user_name = ?",
                        "select a.id from audit a where a.kind = 1 and a.open"),
                texts(fx.sites("com/acme/audit/AuditDao.java").get(0)));
    }
}
