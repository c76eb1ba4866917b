package dev.sqllint.extract;

import java.util.List;
import org.junit.jupiter.api.Test;

import static dev.sqllint.extract.ExtractorFixture.summary;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Statements carried by a project value object from where they are written to where they run: per-database
 * mapper classes return {@code new QueryPlan(sql, params)}, and a service in another class runs
 * {@code jdbc.query(plan.getSql(), ...)}. The statement is read where the object is made.
 */
class SqlHoldersTest {

    private final ExtractorFixture fx = new ExtractorFixture();

    private void queryPlanClass() {
        fx.source("com/acme/store/QueryPlan.java", """
                package com.acme.store;
                import java.util.List;
                public class QueryPlan {
                  private String sql;
                  private List<Object> params;
                  public QueryPlan() { }
                  public QueryPlan(String sql, List<Object> params) {
                    this.sql = sql;
                    this.params = params;
                  }
                  public String getSql() { return sql; }
                  public List<Object> getParams() { return params; }
                }
                """);
    }

    @Test
    void aStatementHandedToAProjectValueObjectIsASite() {
        queryPlanClass();
        fx.source("com/acme/store/pg/ArticleQueriesByPostgres.java", """
                package com.acme.store.pg;
                import com.acme.store.QueryPlan;
                import java.util.ArrayList;
                import java.util.List;
                public class ArticleQueriesByPostgres {
                  public QueryPlan pageOfArticles(String shop, int offset, int size) {
                    String sql = "SELECT a.id, a.title FROM article a WHERE a.shop_id = ?"
                        + " ORDER BY a.id OFFSET " + offset + " LIMIT " + size;
                    List<Object> params = new ArrayList<>();
                    params.add(shop);
                    return new QueryPlan(sql, params);
                  }
                  public QueryPlan removeArticle(long id) {
                    return new QueryPlan("DELETE FROM article WHERE id = ?", List.of(id));
                  }
                }
                """);
        assertEquals(List.of(
                "new QueryPlan 11:26: SELECT a.id, a.title FROM article a WHERE a.shop_id = ? ORDER BY a.id OFFSET sqllint_dyn LIMIT sqllint_dyn",
                "new QueryPlan 14:26: DELETE FROM article WHERE id = ?"),
                summary(fx.sites("com/acme/store/pg/ArticleQueriesByPostgres.java")));
    }

    @Test
    void aRecordComponentNamedForSqlHoldsAStatement() {
        fx.source("com/acme/store/Paged.java", """
                package com.acme.store;
                public record Paged(String countSql, String rowsSql) { }
                """);
        fx.source("com/acme/store/Single.java", """
                package com.acme.store;
                public record Single(String sql, Object[] args) { }
                """);
        fx.source("com/acme/store/Orders.java", """
                package com.acme.store;
                class Orders {
                  static final String OPEN = "SELECT o.id FROM orders o WHERE o.status = 'open'";
                  Single open() { return new Single(OPEN, new Object[0]); }
                  // two statements in one object: which one a caller runs is not known here
                  Paged page() { return new Paged("SELECT count(*) FROM orders", "SELECT o.id FROM orders o"); }
                }
                """);
        assertEquals(List.of("new Single 4:37: SELECT o.id FROM orders o WHERE o.status = 'open'"),
                summary(fx.sites("com/acme/store/Orders.java")));
    }

    @Test
    void quietWhereTheTextIsNoStatementOrTheObjectDoesNotHandItOut() {
        queryPlanClass();
        fx.source("com/acme/search/SearchRequest.java", """
                package com.acme.search;
                public class SearchRequest {
                  private final String query;
                  public SearchRequest(String query) { this.query = query; }
                  public String getQuery() { return query; }
                }
                """);
        fx.source("com/acme/audit/AuditEntry.java", """
                package com.acme.audit;
                public class AuditEntry {
                  private final String sql;
                  // kept for toString only: nothing hands the text on to be run
                  public AuditEntry(String sql) { this.sql = sql; }
                  @Override public String toString() { return "audit"; }
                }
                """);
        fx.source("com/acme/web/SearchController.java", """
                package com.acme.web;
                import com.acme.audit.AuditEntry;
                import com.acme.search.SearchRequest;
                import com.acme.store.QueryPlan;
                class SearchController {
                  Object search(String words, String sql) {
                    new SearchRequest("select the cheapest flights");
                    new SearchRequest(words);
                    new AuditEntry("SELECT id FROM audit_log WHERE at > now()");
                    return new QueryPlan(sql, null);
                  }
                }
                """);
        assertEquals(List.of(), summary(fx.sites("com/acme/web/SearchController.java")));
    }
}
