package dev.sqllint.rules;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqllint.engine.AnalysisResult;
import dev.sqllint.sql.Dialect;
import dev.sqllint.testing.LintTestHelper;
import org.junit.jupiter.api.Test;

class OrAcrossAccessPathsTest {

    private final LintTestHelper helper = LintTestHelper.forRule(OrAcrossAccessPaths.class);

    @Test
    void ownerOrCollaboratorSubqueryInSpringDataQuery() {
        helper.addSource("com/acme/TrackRepository.java", """
                package com.acme;
                import java.util.List;
                import org.springframework.data.jpa.repository.JpaRepository;
                import org.springframework.data.jpa.repository.Query;
                interface TrackRepository extends JpaRepository<Track, Long> {
                  @Query(value = "SELECT t.* FROM tracks t "
                      // BUG: OrAcrossAccessPaths at OR
                      + "WHERE t.owner_id = :userId OR t.track_id IN ("
                      + "  SELECT c.track_id FROM track_collaborators c WHERE c.collaborator_user_id = :userId)",
                      nativeQuery = true)
                  List<Track> visibleTo(long userId);
                }
                """).doTest();
    }

    @Test
    void orExistsInsideALargerConditionViaJdbc() {
        helper.addSource("com/acme/InvoiceDao.java", """
                package com.acme;
                import java.sql.Connection;
                import java.sql.PreparedStatement;
                class InvoiceDao {
                  PreparedStatement visible(Connection c) throws Exception {
                    return c.prepareStatement(\"""
                        SELECT i.* FROM invoices i
                        WHERE i.status <> 'void'
                          -- BUG: OrAcrossAccessPaths at OR
                          AND (i.customer_id = ? OR EXISTS (
                                SELECT 1 FROM invoice_shares s WHERE s.invoice_id = i.id AND s.shared_with = ?))
                        \""");
                  }
                }
                """).doTest();
    }

    @Test
    void aWhereThatIsOneParenthesisedOr() {
        helper.addSource("com/acme/TrackDao.java", """
                package com.acme;
                import org.springframework.jdbc.core.JdbcTemplate;
                class TrackDao {
                  JdbcTemplate jdbc;
                  Object tracks() {
                    // BUG: OrAcrossAccessPaths at OR
                    return jdbc.queryForList("SELECT t.* FROM tracks t WHERE (t.owner_id = ? OR t.track_id IN (SELECT c.track_id FROM track_collaborators c WHERE c.user_id = ?))");
                  }
                }
                """).doTest();
    }

    @Test
    void fixesAndLookAlikesAreFine() {
        helper.addSource("com/acme/TrackDao.java", """
                package com.acme;
                import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
                class TrackDao {
                  private NamedParameterJdbcTemplate jdbc;
                  void queries(java.util.Map<String, ?> p) {
                    // the fix: two indexable tests, the planner ORs two index bitmaps
                    jdbc.queryForList("SELECT t.* FROM tracks t WHERE t.owner_id = :userId OR t.track_id = ANY(:ids)", p);
                    // OR on the same access path
                    jdbc.queryForList("SELECT t.* FROM tracks t WHERE t.status = 'draft' OR t.status = 'review'", p);
                    // AND with an IN subquery
                    jdbc.queryForList("SELECT t.* FROM tracks t WHERE t.owner_id = :u AND t.track_id IN "
                        + "(SELECT c.track_id FROM track_collaborators c WHERE c.collaborator_user_id = :u)", p);
                    // OR of two EXISTS: both are semi-joins, nothing indexable is lost
                    jdbc.queryForList("SELECT r.id FROM review_requests r WHERE EXISTS (SELECT 1 FROM groups g WHERE g.rr_id = r.id) "
                        + "OR EXISTS (SELECT 1 FROM people p WHERE p.rr_id = r.id)", p);
                    // OR of IN lists and a range: index tests all
                    jdbc.queryForList("SELECT t.* FROM tracks t WHERE t.track_id IN (:ids) OR t.created_at > :since", p);
                    // two plain columns: a BitmapOr
                    jdbc.queryForList("SELECT t.* FROM tracks t WHERE t.owner_id = :u OR t.label_id = :l", p);
                  }
                }
                """).expectNoFindings(6);
    }

    private static final String DOCTYPE = """
            <?xml version="1.0" encoding="UTF-8" ?>
            <!DOCTYPE mapper PUBLIC "-//mybatis.org//DTD Mapper 3.0//EN" "http://mybatis.org/dtd/mybatis-3-mapper.dtd">
            """;

    @Test
    void sameColumnOnBothSidesInAMapper() {
        // entity_id = ? OR entity_id IN (SELECT ...): no index serves the OR either; one IN over a UNION does
        LintTestHelper.forRule(OrAcrossAccessPaths.class)
                .addResource("mapper/AlarmMapper.xml", DOCTYPE + """
                        <mapper namespace="com.acme.alarms.AlarmMapper">
                          <select id="findForEntity" resultType="map">
                            SELECT a.id, a.type, a.severity FROM alarm a
                            WHERE a.tenant_id = #{tenantId}
                              <!-- BUG: OrAcrossAccessPaths at OR -->
                              AND (a.originator_id = #{entityId} OR a.originator_id IN (
                                    SELECT r.to_id FROM relation r WHERE r.from_id = #{entityId} AND r.relation_type = 'Contains'))
                            ORDER BY a.created_time DESC
                          </select>
                        </mapper>
                        """)
                .doTest();
    }

    @Test
    void theOrThatBringsInTheSubqueryIsTheOneReported() {
        helper.addSource("com/acme/TaskQueryDao.java", """
                package com.acme;
                import java.util.List;
                import java.util.Map;
                import org.springframework.jdbc.core.JdbcTemplate;
                class TaskQueryDao {
                  private final JdbcTemplate jdbc;
                  TaskQueryDao(JdbcTemplate jdbc) { this.jdbc = jdbc; }
                  List<Map<String, Object>> inbox(String user, List<String> groups) {
                    return jdbc.queryForList(\"""
                        SELECT t.id, t.name, t.due_date
                        FROM tasks t
                        WHERE t.suspended = false
                          AND (t.assignee = ?
                               OR t.owner = ?
                               OR t.delegated_to = ?
                               -- BUG: OrAcrossAccessPaths at OR
                               OR EXISTS (SELECT 1 FROM task_candidates c
                                          WHERE c.task_id = t.id AND c.group_id = ANY(?)))
                        ORDER BY t.due_date
                        \""", user, user, user, groups.toArray());
                  }
                }
                """).doTest();
    }

    @Test
    void aLongOrChainInAMapperPointsAtTheSubqueryBranchNotTheFirstOr() {
        LintTestHelper.forRule(OrAcrossAccessPaths.class)
                .addResource("mapper/TaskMapper.xml", DOCTYPE + """
                        <mapper namespace="com.acme.tasks.TaskMapper">
                          <sql id="visibleTo">
                            (T.ASSIGNEE_ = #{userId}
                              OR T.OWNER_ = #{userId}
                              <if test="groups != null">
                                OR T.CATEGORY_ IN
                                <foreach collection="groups" item="g" open="(" separator="," close=")">#{g}</foreach>
                              </if>
                              <!-- BUG: OrAcrossAccessPaths at OR -->
                              OR T.ID_ IN (SELECT L.TASK_ID_ FROM ACT_RU_IDENTITYLINK L
                                           WHERE L.TYPE_ = 'candidate' AND L.USER_ID_ = #{userId}))
                          </sql>
                          <select id="selectTasks" resultType="map">
                            SELECT T.* FROM ACT_RU_TASK T
                            <where>
                              <if test="tenantId != null">T.TENANT_ID_ = #{tenantId}</if>
                              AND <include refid="visibleTo"/>
                            </where>
                          </select>
                        </mapper>
                        """)
                .doTest();
    }

    @Test
    void twoInSubqueriesOnTwoColumns() {
        helper.addSource("com/acme/DocumentDao.java", """
                package com.acme;
                import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
                class DocumentDao {
                  private NamedParameterJdbcTemplate jdbc;
                  Object inReviewFor(java.util.Map<String, ?> p) {
                    return jdbc.queryForList("SELECT d.id, d.title FROM documents d "
                        + "WHERE d.author_id IN (SELECT m.user_id FROM team_members m WHERE m.team_id = :team) "
                        // BUG: OrAcrossAccessPaths at OR
                        + "OR d.reviewer_id IN (SELECT m.user_id FROM team_members m WHERE m.team_id = :team)", p);
                  }
                }
                """).doTest();
    }

    @Test
    void orsInUpdateDeleteCteAndSubquery() {
        helper.addSource("com/acme/SessionDao.java", """
                package com.acme;
                import org.springframework.jdbc.core.JdbcTemplate;
                class SessionDao {
                  private JdbcTemplate jdbc;
                  void revoke(long userId) {
                    // BUG: OrAcrossAccessPaths at OR
                    jdbc.update("DELETE FROM sessions s WHERE s.user_id = ? OR s.device_id IN "
                        + "(SELECT d.id FROM devices d WHERE d.owner_id = ?)", userId, userId);
                    jdbc.update("UPDATE api_tokens t SET revoked = true "
                        // BUG: OrAcrossAccessPaths at OR
                        + "WHERE t.user_id = ? OR EXISTS (SELECT 1 FROM devices d WHERE d.id = t.device_id AND d.owner_id = ?)",
                        userId, userId);
                  }
                  Object visible(long userId) {
                    jdbc.queryForList(\"""
                        WITH visible AS (
                          SELECT d.id FROM documents d
                          -- BUG: OrAcrossAccessPaths at OR
                          WHERE d.owner_id = ? OR d.id IN (SELECT s.document_id FROM shares s WHERE s.user_id = ?)
                        )
                        SELECT c.* FROM comments c JOIN visible v ON v.id = c.document_id
                        \""", userId, userId);
                    return jdbc.queryForList("SELECT f.* FROM folders f WHERE f.id IN (SELECT d.folder_id FROM documents d "
                        // BUG: OrAcrossAccessPaths at OR
                        + "WHERE d.owner_id = ? OR d.id IN (SELECT s.document_id FROM shares s WHERE s.user_id = ?))", userId, userId);
                  }
                }
                """).doTest();
    }

    @Test
    void updatesDeletesAndCtesWithoutTheShapeAreFine() {
        helper.addSource("com/acme/SessionDao.java", """
                package com.acme;
                import org.springframework.jdbc.core.JdbcTemplate;
                class SessionDao {
                  private JdbcTemplate jdbc;
                  void queries(long userId) {
                    // two plain columns: a BitmapOr
                    jdbc.update("DELETE FROM sessions s WHERE s.user_id = ? OR s.expires_at < now()", userId);
                    // AND with the subquery: a semi-join
                    jdbc.update("UPDATE api_tokens t SET revoked = true WHERE t.user_id = ? AND t.device_id IN "
                        + "(SELECT d.id FROM devices d WHERE d.lost = true)", userId);
                    // two correlated EXISTS: both sides are semi-joins, no index of sessions is given up
                    jdbc.update("DELETE FROM sessions s WHERE EXISTS (SELECT 1 FROM bans b WHERE b.user_id = s.user_id) "
                        + "OR EXISTS (SELECT 1 FROM devices d WHERE d.id = s.device_id AND d.lost = true)");
                    // a CTE whose OR tests plain columns
                    jdbc.queryForList("WITH mine AS (SELECT d.id FROM documents d WHERE d.owner_id = ? OR d.editor_id = ?) "
                        + "SELECT c.* FROM comments c WHERE c.document_id IN (SELECT m.id FROM mine m)", userId, userId);
                    // the OR is inside the subquery, against the subquery's own table: not two paths to documents
                    jdbc.queryForList("SELECT d.* FROM documents d WHERE d.id IN "
                        + "(SELECT s.document_id FROM shares s WHERE s.user_id = ? OR s.group_id = ?)", userId, userId);
                  }
                }
                """).expectNoFindings(5);
    }

    @Test
    void theMessageKeepsTheUsersAliasesAndCitesOnlyADeclaredIndex() {
        String dao = """
                package com.acme;
                import org.springframework.jdbc.core.JdbcTemplate;
                class DocumentDao {
                  private JdbcTemplate jdbc;
                  Object visible(long userId) {
                    return jdbc.queryForList("SELECT d.* FROM documents d WHERE d.owner_id = ? "
                        // BUG: OrAcrossAccessPaths at OR
                        + "OR d.doc_id IN (SELECT s.doc_id FROM document_shares s WHERE s.user_id = ?)", userId, userId);
                  }
                }
                """;
        AnalysisResult undeclared = LintTestHelper.forRule(OrAcrossAccessPaths.class)
                .addSource("com/acme/DocumentDao.java", dao).doTest();
        String message = undeclared.findings().get(0).message();
        assertTrue(message.contains("d.owner_id = ? OR d.doc_id = ANY(?)") && message.contains("documents d"), message);
        assertFalse(message.contains("tracks") || message.contains("seed") || message.contains(" index on "), message);

        AnalysisResult mysql = LintTestHelper.forRule(OrAcrossAccessPaths.class).withDialect(Dialect.MYSQL)
                .addResource("db/migration/V1__documents.sql", """
                        CREATE TABLE documents (doc_id BIGINT PRIMARY KEY, owner_id BIGINT NOT NULL);
                        CREATE INDEX documents_owner_idx ON documents (owner_id);
                        CREATE TABLE document_shares (doc_id BIGINT NOT NULL, user_id BIGINT NOT NULL, PRIMARY KEY (doc_id, user_id));
                        """)
                .addSource("com/acme/DocumentDao.java", dao).doTest();
        String my = mysql.findings().get(0).message();
        assertTrue(my.contains("documents_owner_idx on documents(owner_id) (V1__documents.sql:2)"), my);
        assertTrue(my.contains("Advice for MySQL: fetch the subquery's ids first, then WHERE d.owner_id = ? OR d.doc_id IN (...)"), my);
    }

    @Test
    void anUpdateInAMapperWithATablePrefixNamesTheTableAsWritten() {
        AnalysisResult r = LintTestHelper.forRule(OrAcrossAccessPaths.class)
                .addResource("mapper/DocumentVersionMapper.xml", DOCTYPE + """
                        <mapper namespace="com.acme.docs.DocumentVersionMapper">
                          <update id="setPurgeTimeByDocumentId" parameterType="java.util.Map">
                            update ${prefix}DOC_VERSION
                              set PURGE_AT_ = #{purgeAt, jdbcType=TIMESTAMP}
                              where (DOC_ID_ = #{documentId, jdbcType=VARCHAR}
                                <!-- BUG: OrAcrossAccessPaths at or -->
                                or PAGE_ID_ in (
                                  SELECT ID_ FROM ${prefix}DOC_PAGE WHERE DOC_ID_ = #{documentId, jdbcType=VARCHAR}
                                ))
                          </update>
                        </mapper>
                        """)
                .doTest();
        String message = r.findings().get(0).message();
        assertTrue(message.contains("reads all of DOC_VERSION") && message.contains("FROM DOC_PAGE"), message);
        assertTrue(message.contains("WHERE DOC_ID_ = ? OR PAGE_ID_ = ANY(?)") && message.contains("once per side"), message);
        assertFalse(message.contains("sqllint_"), message);
    }

    @Test
    void aSqlServerUpdateOfAnAliasNamesTheTableTheFromDeclares() {
        AnalysisResult r = LintTestHelper.forRule(OrAcrossAccessPaths.class).withDialect(Dialect.SQLSERVER)
                .addResource("org/acme/rules/db/create/acme.mssql.create.history.sql", """
                        create table RL_HI_INPUT (ID_ nvarchar(64) not null, EVAL_ID_ nvarchar(64), PURGE_AT_ datetime2,
                            primary key (ID_));
                        create index RL_IDX_HI_INPUT_EVAL on RL_HI_INPUT(EVAL_ID_);
                        create table RL_HI_EVAL (ID_ nvarchar(64) not null, ROOT_EVAL_ID_ nvarchar(64), primary key (ID_));
                        """)
                .addResource("org/acme/rules/mapping/HistoricInput.xml", DOCTYPE + """
                        <mapper namespace="org.acme.rules.HistoricInput">
                          <update id="setPurgeTimeByRootEvaluationId" parameterType="java.util.Map">
                            update RES set
                              RES.PURGE_AT_ = #{purgeAt, jdbcType=TIMESTAMP}
                              FROM ${prefix}RL_HI_INPUT RES WITH (FORCESEEK)
                              where RES.EVAL_ID_ IN (
                                SELECT ID_ FROM ${prefix}RL_HI_EVAL WHERE ROOT_EVAL_ID_ = #{rootEvaluationId, jdbcType=VARCHAR}
                              )
                              <!-- BUG: OrAcrossAccessPaths at or -->
                              or RES.EVAL_ID_ = #{rootEvaluationId, jdbcType=VARCHAR}
                          </update>
                        </mapper>
                        """)
                .doTest();
        String message = r.findings().get(0).message();
        // RES is the alias the FROM gives RL_HI_INPUT, not a table of its own
        assertTrue(message.contains("reads all of RL_HI_INPUT RES"), message);
    }

    @Test
    void anOrQueryAcrossAJoinPairsTheSubqueryWithATestOfItsOwnTable() {
        // an engine's "or query": each criterion the caller sets is ORed into one group, over a join of two tables
        AnalysisResult r = LintTestHelper.forRule(OrAcrossAccessPaths.class)
                .addResource("mapper/InstanceMapper.xml", DOCTYPE + """
                        <mapper namespace="com.acme.engine.InstanceMapper">
                          <select id="selectInstancesOrQuery" resultType="map">
                            select RES.* from ENG_INSTANCE RES inner join ENG_DEFINITION D on RES.DEF_ID_ = D.ID_
                            where RES.PARENT_ID_ is null and (D.KEY_ = #{definitionKey}
                              or RES.BUSINESS_KEY_ = #{businessKey}
                              <!-- BUG: OrAcrossAccessPaths at or -->
                              or RES.SUPER_ID_ in (select ID_ from ENG_INSTANCE where ROOT_ID_ = #{superRootId}))
                          </select>
                          <select id="selectAcrossTablesOnly" resultType="map">
                            select RES.* from ENG_INSTANCE RES inner join ENG_DEFINITION D on RES.DEF_ID_ = D.ID_
                            where D.KEY_ = #{definitionKey}
                              or RES.SUPER_ID_ in (select ID_ from ENG_INSTANCE where ROOT_ID_ = #{superRootId})
                          </select>
                        </mapper>
                        """)
                .doTest();
        // the subquery's partner is RES.BUSINESS_KEY_, not D.KEY_: ENG_INSTANCE RES is what is read whole; an OR of
        // D.KEY_ with a test of RES alone is no access path of either table, with or without the subquery
        String message = r.findings().get(0).message();
        assertTrue(message.startsWith("RES.BUSINESS_KEY_ = ? OR RES.SUPER_ID_ IN (SELECT"), message);
        assertTrue(message.contains("reads all of ENG_INSTANCE RES"), message);
        // and the advice does not promise two indexes for an OR that still tests ENG_DEFINITION D
        assertTrue(message.contains("Advice for PostgreSQL: fetch the subquery's ids first, then WHERE D.KEY_ = ? OR "
                + "RES.BUSINESS_KEY_ = ? OR RES.SUPER_ID_ = ANY(?) (no subquery row by row; the OR also tests "
                + "ENG_DEFINITION D, which no index of ENG_INSTANCE RES serves: UNION one query per table's tests for "
                + "index access)."), message);
        assertFalse(message.contains("BitmapOr"), message);
    }
}
