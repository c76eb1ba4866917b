package dev.sqllint.rules;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqllint.engine.AnalysisResult;
import dev.sqllint.sql.Dialect;
import dev.sqllint.testing.LintTestHelper;
import org.junit.jupiter.api.Test;

class ExistsWhereJoinFitsTest {

    private final LintTestHelper helper = LintTestHelper.forRule(ExistsWhereJoinFits.class);

    @Test
    void nestedExistsOnManyToOneKeysIsReportedOnceAtTheOuterExists() {
        helper.addSource("com/acme/TaskRunDao.java", """
                package com.acme;
                import java.sql.Connection;
                class TaskRunDao {
                  long count(Connection connection, String flowName, String state) throws Exception {
                    StringBuilder sql = new StringBuilder("SELECT count(*) FROM task_run tr WHERE tr.deleted = false");
                    if (flowName != null) {
                      // BUG: ExistsWhereJoinFits at EXISTS
                      sql.append(" AND EXISTS (SELECT 1 FROM flow_run fr WHERE fr.id = tr.flow_run_id")
                         .append(" AND EXISTS (SELECT 1 FROM flow f WHERE f.id = fr.flow_id AND f.name LIKE ?))");
                    }
                    if (state != null) {
                      sql.append(" AND tr.state_type = ?");
                    }
                    connection.prepareStatement(sql.toString());
                    return 0;
                  }
                }
                """).doTest();
    }

    @Test
    void existsOnTablesOwnKeyNamingInJpql() {
        helper.addSource("com/acme/OrderRepository.java", """
                package com.acme;
                import org.springframework.data.jpa.repository.Query;
                interface OrderRepository extends org.springframework.data.repository.Repository<Order, Long> {
                  @Query(nativeQuery = true, value = "SELECT o.* FROM order_lines o "
                      // BUG: ExistsWhereJoinFits at EXISTS
                      + "WHERE EXISTS (SELECT 1 FROM orders x WHERE x.order_id = o.order_id AND x.region = ?1)")
                  java.util.List<Object> inRegion(String region);
                }
                """).doTest();
    }

    @Test
    void existsOverToManyNotExistsAndUncorrelatedAreFine() {
        helper.addSource("com/acme/FlowRunDao.java", """
                package com.acme;
                import org.springframework.jdbc.core.JdbcTemplate;
                class FlowRunDao {
                  private final JdbcTemplate jdbcTemplate = new JdbcTemplate();
                  void queries() {
                    // to-many: task_run.flow_run_id is not a key, EXISTS is the right tool
                    jdbcTemplate.queryForList("SELECT fr.id FROM flow_run fr WHERE fr.flow_id = ? AND EXISTS "
                        + "(SELECT 1 FROM task_run tr WHERE tr.flow_run_id = fr.id AND tr.state_type = 'FAILED')");
                    // anti-join
                    jdbcTemplate.queryForList("SELECT tr.id FROM task_run tr WHERE NOT EXISTS "
                        + "(SELECT 1 FROM flow_run fr WHERE fr.id = tr.flow_run_id)");
                    // not correlated
                    jdbcTemplate.queryForList("SELECT tr.id FROM task_run tr WHERE EXISTS (SELECT 1 FROM flags f WHERE f.id = 1)");
                    // the fix
                    jdbcTemplate.queryForList("SELECT count(*) FROM task_run tr JOIN flow_run fr ON fr.id = tr.flow_run_id "
                        + "JOIN flow f ON f.id = fr.flow_id WHERE f.name LIKE ?");
                  }
                }
                """).expectNoFindings(4);
    }

    private static final String SHOP_SCHEMA = """
            CREATE TABLE shops (id BIGINT PRIMARY KEY, name VARCHAR(100) NOT NULL);
            CREATE TABLE products (id BIGINT PRIMARY KEY, shop_id BIGINT NOT NULL REFERENCES shops (id),
                                   archived BOOLEAN NOT NULL DEFAULT false);
            CREATE TABLE labels (id BIGINT PRIMARY KEY, shop_id BIGINT NOT NULL REFERENCES shops (id),
                                 name VARCHAR(50) NOT NULL);
            CREATE TABLE product_labels (product_id BIGINT NOT NULL REFERENCES products (id),
                                         label_id BIGINT NOT NULL REFERENCES labels (id),
                                         PRIMARY KEY (product_id, label_id));
            CREATE TABLE customers (id BIGINT PRIMARY KEY, blocked BOOLEAN NOT NULL DEFAULT false);
            CREATE TABLE orders (id BIGINT PRIMARY KEY, customer_id BIGINT NOT NULL REFERENCES customers (id),
                                 product_id BIGINT REFERENCES products (id), status VARCHAR(20) NOT NULL);
            """;

    @Test
    void existsInDeleteOverTwoTablesEachCorrelatedOnItsKey() {
        helper.addResource("db/migration/V1__shop.sql", SHOP_SCHEMA)
                .addSource("com/acme/LabelDao.java", """
                        package com.acme;
                        import org.springframework.jdbc.core.JdbcTemplate;
                        class LabelDao {
                          private final JdbcTemplate jdbc;
                          LabelDao(JdbcTemplate jdbc) { this.jdbc = jdbc; }
                          int purgeArchived(long shopId) {
                            return jdbc.update(\"""
                                DELETE FROM product_labels pl
                                -- BUG: ExistsWhereJoinFits at EXISTS
                                WHERE EXISTS (SELECT 1 FROM products p JOIN labels l ON l.shop_id = p.shop_id
                                              WHERE p.id = pl.product_id AND l.id = pl.label_id
                                                AND p.archived = true AND p.shop_id = ?)
                                \""", shopId);
                          }
                        }
                        """).doTest();
    }

    @Test
    void theJoinQualifiesTheColumnsTheSubqueryLeftBare() {
        AnalysisResult r = helper.addResource("org/acme/wf/db/create/acme.postgres.create.engine.sql", """
                        create table WF_RU_RUN (ID_ varchar(64) not null, SUPER_RUN_ varchar(64), DEF_ID_ varchar(64),
                            BUSINESS_KEY_ varchar(255), primary key (ID_));
                        """)
                .addResource("org/acme/wf/queries/runs.xml", """
                        <?xml version="1.0" encoding="UTF-8" ?>
                        <!DOCTYPE mapper PUBLIC "-//mybatis.org//DTD Mapper 3.0//EN" "http://mybatis.org/dtd/mybatis-3-mapper.dtd">
                        <mapper namespace="org.acme.wf.queries">
                          <select id="selectCalledRuns" resultType="string">
                            select RES.ID_ from ${prefix}WF_RU_RUN RES
                            where RES.ID_ = RES.SUPER_RUN_
                            <!-- BUG: ExistsWhereJoinFits at EXISTS -->
                            and EXISTS (
                              select ID_ from ${prefix}WF_RU_RUN
                              where DEF_ID_ = #{parentDefinitionId} and RES.SUPER_RUN_ = ID_
                            )
                          </select>
                        </mapper>
                        """)
                .doTest();
        String m = r.findings().get(0).message();
        // ${prefix}WF_RU_RUN is the table the per-database create script declares: the key is proved, not guessed
        assertTrue(r.findings().get(0).proved() && m.contains("is the primary key (acme.postgres.create.engine.sql:1)"), m);
        // ID_ alone would be ambiguous next to RES.ID_ once the table joins the outer query
        assertTrue(m.contains("replace the EXISTS with JOIN WF_RU_RUN ON RES.SUPER_RUN_ = WF_RU_RUN.ID_, "
                + "with WF_RU_RUN.DEF_ID_ = ? in WHERE"), m);
    }

    @Test
    void existsInAnUpdateOfAMapper() {
        helper.addResource("db/migration/V1__shop.sql", SHOP_SCHEMA)
                .addResource("mapper/OrderMapper.xml", """
                        <?xml version="1.0" encoding="UTF-8" ?>
                        <!DOCTYPE mapper PUBLIC "-//mybatis.org//DTD Mapper 3.0//EN" "http://mybatis.org/dtd/mybatis-3-mapper.dtd">
                        <mapper namespace="com.acme.orders.OrderMapper">
                          <update id="cancelForBlockedCustomers">
                            UPDATE orders o SET status = 'CANCELLED'
                            WHERE o.status = 'PENDING'
                              <!-- BUG: ExistsWhereJoinFits at EXISTS -->
                              AND EXISTS (SELECT 1 FROM customers c WHERE c.id = o.customer_id AND c.blocked = true)
                          </update>
                        </mapper>
                        """)
                .doTest();
    }

    @Test
    void existsInDeleteAndUpdateOverToManyOrAHalfPinnedJoinIsFine() {
        helper.addResource("db/migration/V1__shop.sql", SHOP_SCHEMA)
                .addSource("com/acme/ProductDao.java", """
                        package com.acme;
                        import org.springframework.jdbc.core.JdbcTemplate;
                        class ProductDao {
                          private JdbcTemplate jdbc;
                          void cleanUp(long shopId) {
                            // to-many: many labels per product, EXISTS stops at the first
                            jdbc.update("DELETE FROM products p WHERE p.shop_id = ? AND EXISTS "
                                + "(SELECT 1 FROM product_labels pl WHERE pl.product_id = p.id)", shopId);
                            // products is pinned by its key, product_labels is not: the join would repeat orders
                            jdbc.update("UPDATE orders o SET status = 'REVIEW' WHERE EXISTS (SELECT 1 FROM products p "
                                + "JOIN product_labels pl ON pl.product_id = p.id WHERE p.id = o.product_id AND p.archived = true)");
                            // an anti-join
                            jdbc.update("DELETE FROM orders o WHERE NOT EXISTS (SELECT 1 FROM customers c WHERE c.id = o.customer_id)");
                            // the fix
                            jdbc.update("DELETE FROM product_labels pl USING products p WHERE p.id = pl.product_id AND p.archived = true");
                          }
                        }
                        """).expectNoFindings(4);
    }

    @Test
    void theRewriteOfADeleteIsInTheProjectDatabasesSyntax() {
        String dao = """
                package com.acme;
                import org.springframework.jdbc.core.JdbcTemplate;
                class LabelDao {
                  private JdbcTemplate jdbc;
                  int purge() {
                    // BUG: ExistsWhereJoinFits at EXISTS
                    return jdbc.update("DELETE FROM product_labels pl WHERE EXISTS (SELECT 1 FROM products p "
                        + "WHERE p.id = pl.product_id AND p.archived = true)");
                  }
                }
                """;
        AnalysisResult postgres = LintTestHelper.forRule(ExistsWhereJoinFits.class)
                .addResource("db/migration/V1__shop.sql", SHOP_SCHEMA).addSource("com/acme/LabelDao.java", dao).doTest();
        String pg = postgres.findings().get(0).message();
        assertTrue(pg.contains("Advice for PostgreSQL: DELETE FROM product_labels pl USING products p "
                + "WHERE p.id = pl.product_id AND p.archived = true"), pg);
        AnalysisResult mysql = LintTestHelper.forRule(ExistsWhereJoinFits.class).withDialect(Dialect.MYSQL)
                .addResource("db/migration/V1__shop.sql", SHOP_SCHEMA).addSource("com/acme/LabelDao.java", dao).doTest();
        String my = mysql.findings().get(0).message();
        assertTrue(my.contains("Advice for MySQL: DELETE pl FROM product_labels pl JOIN products p ON p.id = pl.product_id "
                + "WHERE p.archived = true"), my);
    }
}
