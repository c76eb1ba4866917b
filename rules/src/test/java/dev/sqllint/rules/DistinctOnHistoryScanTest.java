package dev.sqllint.rules;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqllint.engine.AnalysisResult;
import dev.sqllint.engine.Finding;
import dev.sqllint.testing.LintTestHelper;
import org.junit.jupiter.api.Test;

class DistinctOnHistoryScanTest {

    private final LintTestHelper helper = LintTestHelper.forRule(DistinctOnHistoryScan.class);

    @Test
    void latestRunPerWorkflowFromRunHistory() {
        helper.addSource("com/acme/RecentWorkflowDao.java", """
                package com.acme;
                import org.springframework.jdbc.core.JdbcTemplate;
                class RecentWorkflowDao {
                  private final JdbcTemplate jdbc;
                  RecentWorkflowDao(JdbcTemplate jdbc) { this.jdbc = jdbc; }
                  java.util.List<Long> recent(long workspaceId) {
                    return jdbc.queryForList(
                        // BUG: DistinctOnHistoryScan at DISTINCT
                        "SELECT DISTINCT ON (r.published_run_id) r.published_run_id, r.updated_at "
                        + "FROM saved_runs r WHERE r.workspace_id = ? "
                        + "ORDER BY r.published_run_id, r.updated_at DESC LIMIT 4", Long.class, workspaceId);
                  }
                }
                """).doTest();
    }

    @Test
    void historyRecognisedByTimestampOrderAndLimitOnWrappingSelect() {
        helper.addSource("com/acme/AuditDao.java", """
                package com.acme;
                import java.sql.Connection;
                class AuditDao {
                  void latest(Connection connection) throws Exception {
                    String sql = \"""
                        SELECT * FROM (
                          -- BUG: DistinctOnHistoryScan at DISTINCT
                          SELECT DISTINCT ON (d.document_id) d.document_id, d.edited_at
                          FROM document_edits d WHERE d.tenant_id = ?
                          ORDER BY d.document_id, d.edited_at DESC
                        ) latest ORDER BY latest.edited_at DESC LIMIT 10
                        \""";
                    connection.prepareStatement(sql);
                  }
                }
                """).doTest();
    }

    @Test
    void lookupTableWithoutTimeOrderIsFine() {
        helper.addSource("com/acme/CurrencyDao.java", """
                package com.acme;
                import org.springframework.jdbc.core.JdbcTemplate;
                class CurrencyDao {
                  JdbcTemplate jdbc;
                  Object preferred() {
                    return jdbc.queryForList("SELECT DISTINCT ON (c.country_code) c.country_code, c.code "
                        + "FROM currencies c ORDER BY c.country_code, c.priority LIMIT 50");
                  }
                }
                """).expectNoFindings(1);
    }

    @Test
    void withoutLimitTheWholeResultIsWantedAndDistinctOnKeyIsPointless() {
        helper.addSource("com/acme/RunDao.java", """
                package com.acme;
                import org.springframework.jdbc.core.JdbcTemplate;
                class RunDao {
                  JdbcTemplate jdbc;
                  Object all() {
                    jdbc.queryForList("SELECT DISTINCT ON (r.workflow_id) r.workflow_id, r.updated_at FROM saved_runs r "
                        + "WHERE r.workspace_id = ? ORDER BY r.workflow_id, r.updated_at DESC");
                    return jdbc.queryForList("SELECT DISTINCT ON (r.id) r.id FROM saved_runs r ORDER BY r.id, r.updated_at DESC LIMIT 5");
                  }
                }
                """).expectNoFindings(2);
    }

    @Test
    void fixedQueryOnLastUsedTableIsFine() {
        helper.addSource("com/acme/RecentWorkflowDao.java", """
                package com.acme;
                import org.springframework.jdbc.core.JdbcTemplate;
                class RecentWorkflowDao {
                  JdbcTemplate jdbc;
                  Object recent(long ws) {
                    return jdbc.queryForList("SELECT w.published_run_id FROM workspace_recent_workflows w "
                        + "WHERE w.workspace_id = ? ORDER BY w.last_used_at DESC LIMIT 4", ws);
                  }
                }
                """).expectNoFindings(1);
    }

    @Test
    void latestBuildOfGivenPipelinesWithoutLimit() {
        AnalysisResult r = helper.addSource("com/acme/PipelineStatusDao.java", """
                package com.acme;
                import java.util.Collection;
                import java.util.List;
                import java.util.Map;
                import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
                class PipelineStatusDao {
                  private final NamedParameterJdbcTemplate jdbc;
                  PipelineStatusDao(NamedParameterJdbcTemplate jdbc) { this.jdbc = jdbc; }
                  List<Map<String, Object>> latestBuilds(Collection<Long> pipelineIds) {
                    return jdbc.queryForList(
                        // BUG: DistinctOnHistoryScan at DISTINCT
                        "SELECT DISTINCT ON (b.pipeline_id) b.* FROM builds b WHERE b.pipeline_id IN (:ids) "
                        + "ORDER BY b.pipeline_id, b.started_at DESC", Map.of("ids", pipelineIds));
                  }
                }
                """).doTest();
        String message = r.findings().get(0).message();
        assertTrue(message.contains("builds b") && message.contains("LATERAL") && message.contains("(pipeline_id, started_at DESC)"), message);
        assertFalse(message.contains("recent_") || message.contains("last_used_at") || message.contains("seed"), message);
    }

    @Test
    void latestRowPerKeyInACteJoinedByTheOuterQueryThroughAView() {
        helper.addSource("com/acme/DashboardDao.java", """
                package com.acme;
                import java.sql.Connection;
                import java.sql.PreparedStatement;
                class DashboardDao {
                  PreparedStatement pipelines(Connection c) throws Exception {
                    return c.prepareStatement(\"""
                        WITH latest AS (
                          -- BUG: DistinctOnHistoryScan at DISTINCT
                          SELECT DISTINCT ON (b.pipeline_id) b.pipeline_id, b.status, b.started_at
                          FROM builds_view b
                          ORDER BY b.pipeline_id, b.started_at DESC
                        )
                        SELECT p.id, p.name, l.status, l.started_at
                        FROM pipelines p LEFT JOIN latest l ON l.pipeline_id = p.id
                        WHERE p.project_id = ?
                        \""");
                  }
                }
                """).doTest();
    }

    @Test
    void latestEventPerShipmentInAMapperNamesTheUsersTables() {
        AnalysisResult r = LintTestHelper.forRule(DistinctOnHistoryScan.class)
                .addResource("mapper/ShipmentMapper.xml", """
                        <?xml version="1.0" encoding="UTF-8" ?>
                        <!DOCTYPE mapper PUBLIC "-//mybatis.org//DTD Mapper 3.0//EN" "http://mybatis.org/dtd/mybatis-3-mapper.dtd">
                        <mapper namespace="com.acme.shipping.ShipmentMapper">
                          <select id="latestEvents" resultType="map">
                            <!-- BUG: DistinctOnHistoryScan at DISTINCT -->
                            SELECT DISTINCT ON (e.shipment_id) e.shipment_id, e.status, e.recorded_at
                            FROM shipment_events e
                            WHERE e.shipment_id IN
                            <foreach collection="ids" item="id" open="(" separator="," close=")">#{id}</foreach>
                            ORDER BY e.shipment_id, e.recorded_at DESC
                          </select>
                          <select id="recentlyMoved" resultType="map">
                            <!-- BUG: DistinctOnHistoryScan at DISTINCT -->
                            SELECT DISTINCT ON (e.shipment_id) e.shipment_id, e.recorded_at
                            FROM shipment_events e WHERE e.carrier_id = #{carrierId}
                            ORDER BY e.shipment_id, e.recorded_at DESC LIMIT 20
                          </select>
                        </mapper>
                        """)
                .doTest();
        for (Finding f : r.findings()) {
            assertTrue(f.message().contains("shipment_events e") && f.message().contains("shipment_id"), f.message());
            assertFalse(f.message().contains("recent_shipment_events") || f.message().contains("last_used_at")
                    || f.message().contains("seed"), f.message());
        }
        assertTrue(r.findings().stream().anyMatch(f -> f.message().contains("LATERAL")));
        assertTrue(r.findings().stream().anyMatch(f -> f.message().contains("one row per (carrier_id, shipment_id)")));
    }

    @Test
    void oneRowPerKeyTablesAreFine() {
        helper.addResource("db/migration/V1__devices.sql", """
                CREATE TABLE device_state (device_id BIGINT PRIMARY KEY, status VARCHAR(20), updated_at TIMESTAMP);
                CREATE TABLE ts_kv_latest (entity_id UUID NOT NULL, key INT NOT NULL, ts BIGINT NOT NULL,
                                           long_v BIGINT, PRIMARY KEY (entity_id, key));
                """)
                .addSource("com/acme/DeviceDao.java", """
                        package com.acme;
                        import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
                        class DeviceDao {
                          private NamedParameterJdbcTemplate jdbc;
                          void states(java.util.Map<String, ?> p) {
                            // a declared primary key on the DISTINCT ON column: one row per device already
                            jdbc.queryForList("SELECT DISTINCT ON (s.device_id) s.* FROM device_state s "
                                + "WHERE s.device_id IN (:ids) ORDER BY s.device_id, s.updated_at DESC", p);
                            // the key is (entity_id, key) and key is fixed: one row per entity
                            jdbc.queryForList("SELECT DISTINCT ON (l.entity_id) l.entity_id, l.long_v FROM ts_kv_latest l "
                                + "WHERE l.entity_id IN (:ids) AND l.key = :key ORDER BY l.entity_id, l.ts DESC", p);
                            // a current-state table by its name, not declared
                            jdbc.queryForList("SELECT DISTINCT ON (c.job_id) c.job_id, c.state FROM job_latest_status c "
                                + "WHERE c.job_id IN (:ids) ORDER BY c.job_id, c.changed_at DESC", p);
                            // the newest value per attribute over given devices: the DISTINCT ON key is only joined to
                            // a dictionary for its name, no key is named
                            jdbc.queryForList("SELECT DISTINCT ON (a.attribute_key) kd.key, a.str_v, a.updated_at "
                                + "FROM attribute_values a JOIN key_dictionary kd ON a.attribute_key = kd.key_id "
                                + "WHERE a.entity_id IN (:ids) ORDER BY a.attribute_key, a.updated_at DESC", p);
                          }
                        }
                        """).expectNoFindings(4);
    }

    @Test
    void aTimeWindowOrAMigrationIsFine() {
        helper.addSource("com/acme/BuildReportDao.java", """
                package com.acme;
                import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
                class BuildReportDao {
                  private NamedParameterJdbcTemplate jdbc;
                  Object lastDay(java.util.Map<String, ?> p) {
                    // the window bounds the rows read, whatever the history holds
                    return jdbc.queryForList("SELECT DISTINCT ON (b.pipeline_id) b.* FROM builds b "
                        + "WHERE b.pipeline_id IN (:ids) AND b.started_at >= :since "
                        + "ORDER BY b.pipeline_id, b.started_at DESC", p);
                  }
                }
                """)
                .addSource("db/migration/V12__Backfill_latest_builds.java", """
                        package db.migration;
                        import org.flywaydb.core.api.migration.BaseJavaMigration;
                        import org.flywaydb.core.api.migration.Context;
                        public class V12__Backfill_latest_builds extends BaseJavaMigration {
                          @Override
                          public void migrate(Context context) throws Exception {
                            // runs once, on purpose over the whole history
                            context.getConnection().prepareStatement(
                                "INSERT INTO pipeline_latest_build (pipeline_id, build_id) "
                                + "SELECT p.id, l.id FROM pipelines p JOIN (SELECT DISTINCT ON (b.pipeline_id) b.pipeline_id, b.id "
                                + "FROM builds b ORDER BY b.pipeline_id, b.started_at DESC) l ON l.pipeline_id = p.id").execute();
                          }
                        }
                        """).expectNoFindings(2);
    }
}
