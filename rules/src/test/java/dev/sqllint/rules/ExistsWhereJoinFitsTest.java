package dev.sqllint.rules;

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
}
