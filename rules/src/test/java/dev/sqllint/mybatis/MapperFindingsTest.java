package dev.sqllint.mybatis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqllint.engine.AnalysisResult;
import dev.sqllint.engine.Finding;
import dev.sqllint.rules.DistinctOverFanOutJoin;
import dev.sqllint.rules.ExistsWhereJoinFits;
import dev.sqllint.rules.OrAcrossAccessPaths;
import dev.sqllint.testing.LintTestHelper;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The rules on MyBatis XML mappers: findings at the XML line and column of the clause at fault, through
 * nested dynamic tags, includes within and across mappers, and {@code <script>} annotations.
 */
class MapperFindingsTest {

    static final String MIGRATION = """
            CREATE TABLE users (id BIGSERIAL PRIMARY KEY, username VARCHAR(100) NOT NULL UNIQUE);
            CREATE TABLE tracks (
                track_id   BIGSERIAL PRIMARY KEY,
                owner_id   BIGINT NOT NULL REFERENCES users (id),
                title      VARCHAR(300) NOT NULL,
                status     VARCHAR(20) NOT NULL,
                created_at TIMESTAMP NOT NULL
            );
            CREATE INDEX tracks_owner_id_idx ON tracks (owner_id);
            CREATE TABLE track_collaborators (
                track_id             BIGINT NOT NULL REFERENCES tracks (track_id),
                collaborator_user_id BIGINT NOT NULL REFERENCES users (id),
                status               VARCHAR(20) NOT NULL,
                PRIMARY KEY (track_id, collaborator_user_id)
            );
            CREATE TABLE review_requests (
                id           BIGSERIAL PRIMARY KEY,
                submitter_id BIGINT NOT NULL REFERENCES users (id),
                status       CHAR(1) NOT NULL
            );
            CREATE TABLE review_request_target_groups (
                review_request_id BIGINT NOT NULL REFERENCES review_requests (id),
                group_id          BIGINT NOT NULL,
                PRIMARY KEY (review_request_id, group_id)
            );
            CREATE TABLE flow (id UUID PRIMARY KEY, name VARCHAR(200) NOT NULL);
            CREATE TABLE flow_run (id UUID PRIMARY KEY, flow_id UUID NOT NULL REFERENCES flow (id), state_type VARCHAR(20));
            CREATE TABLE task_run (
                id          UUID PRIMARY KEY,
                flow_run_id UUID REFERENCES flow_run (id),
                state_type  VARCHAR(20),
                deleted     BOOLEAN NOT NULL DEFAULT false
            );
            """;

    static final String DOCTYPE = """
            <?xml version="1.0" encoding="UTF-8" ?>
            <!DOCTYPE mapper PUBLIC "-//mybatis.org//DTD Mapper 3.0//EN" "http://mybatis.org/dtd/mybatis-3-mapper.dtd">
            """;

    /** A library mapper as teams write them: a result map, a column fragment, where/choose/if/foreach/bind. */
    private static final String TRACK_MAPPER = DOCTYPE + """
            <mapper namespace="com.acme.tracks.TrackMapper">

              <resultMap id="trackResult" type="com.acme.tracks.Track">
                <id property="id" column="track_id"/>
                <result property="ownerId" column="owner_id"/>
                <result property="title" column="title"/>
              </resultMap>

              <sql id="trackColumns">${alias}.track_id, ${alias}.owner_id, ${alias}.title, ${alias}.status</sql>

              <select id="searchLibrary" resultMap="trackResult">
                SELECT <include refid="trackColumns"><property name="alias" value="t"/></include>
                FROM tracks t
                <where>
                  <choose>
                    <when test="scope == 'shared'">
                      <!-- BUG: OrAcrossAccessPaths at OR -->
                      AND (t.owner_id = #{userId} OR t.track_id IN (
                             SELECT c.track_id FROM track_collaborators c WHERE c.collaborator_user_id = #{userId}))
                    </when>
                    <when test="scope == 'own'">
                      AND t.owner_id = #{userId}
                    </when>
                    <otherwise>
                      AND t.status = 'published'
                    </otherwise>
                  </choose>
                  <if test="statuses != null and statuses.size() > 0">
                    AND t.status IN
                    <foreach collection="statuses" item="status" open="(" separator="," close=")">#{status}</foreach>
                  </if>
                  <if test="title != null">
                    <bind name="titlePattern" value="'%' + title + '%'"/>
                    AND t.title LIKE #{titlePattern}
                  </if>
                </where>
                ORDER BY t.created_at DESC
                LIMIT #{limit}
              </select>

              <!-- the fix: the shared ids are fetched first and passed in -->
              <select id="searchLibraryFixed" resultMap="trackResult">
                SELECT <include refid="trackColumns"><property name="alias" value="t"/></include>
                FROM tracks t
                <where>
                  t.owner_id = #{userId}
                  <if test="sharedIds != null and sharedIds.size() > 0">
                    OR t.track_id IN
                    <foreach collection="sharedIds" item="id" open="(" separator="," close=")">#{id}</foreach>
                  </if>
                </where>
                ORDER BY t.created_at DESC
              </select>

              <update id="updateTrack">
                UPDATE tracks
                <set>
                  <if test="title != null">title = #{title},</if>
                  <if test="status != null">status = #{status},</if>
                </set>
                WHERE track_id = #{id}
              </update>

              <insert id="insertTrack" useGeneratedKeys="true" keyProperty="id">
                <selectKey keyProperty="id" resultType="long" order="BEFORE">SELECT nextval('tracks_track_id_seq')</selectKey>
                INSERT INTO tracks
                <trim prefix="(" suffix=")" suffixOverrides=",">
                  track_id, owner_id, title,
                  <if test="status != null">status,</if>
                </trim>
                <trim prefix="VALUES (" suffix=")" suffixOverrides=",">
                  #{id}, #{ownerId}, #{title},
                  <if test="status != null">#{status},</if>
                </trim>
              </insert>

              <insert id="addCollaborators">
                INSERT INTO track_collaborators (track_id, collaborator_user_id, status) VALUES
                <foreach collection="userIds" item="userId" separator=",">(#{trackId}, #{userId}, 'invited')</foreach>
              </insert>

              <delete id="removeCollaborator">
                DELETE FROM track_collaborators WHERE track_id = #{trackId} AND collaborator_user_id = #{userId}
              </delete>
            </mapper>
            """;

    @Test
    void orAcrossAccessPathsInsideChooseInsideWhere() {
        LintTestHelper.forRule(OrAcrossAccessPaths.class)
                .addResource("db/migration/V1__schema.sql", MIGRATION)
                .addResource("mapper/TrackMapper.xml", TRACK_MAPPER)
                .doTest();
    }

    @Test
    void everyStatementParsesAndTheFixAndLookAlikesAreFine() {
        AnalysisResult r = LintTestHelper.forAllRules()
                .addResource("db/migration/V1__schema.sql", MIGRATION)
                .addResource("mapper/TrackMapper.xml", TRACK_MAPPER.replace("<!-- BUG: OrAcrossAccessPaths at OR -->", ""))
                .addResource("mapper/logback.xml", "<configuration><root level=\"INFO\"/></configuration>")
                .run();
        assertEquals(List.of(), r.diagnostics());
        assertEquals(6, r.sqlSites());
        // searchLibrary 3 x 2 x 2, searchLibraryFixed 2, updateTrack 3 (never an empty SET), insertTrack 2, 1, 1
        assertEquals(21, r.statementsParsed());
        assertEquals(0, r.statementsNotParsed());
        assertEquals(1, r.filesScanned());
        assertEquals(List.of("OrAcrossAccessPaths mapper/TrackMapper.xml:20:39 mapper.xml <select id=\"searchLibrary\"> "
                + "com.acme.tracks.TrackMapper.searchLibrary"), describe(r));
    }

    @Test
    void distinctOverFanOutJoinAndExistsWhereJoinFitsThroughTrimAndIf() {
        LintTestHelper.forAllRules()
                .addResource("db/migration/V1__schema.sql", MIGRATION)
                .addResource("mapper/ReviewMapper.xml", DOCTYPE + """
                        <mapper namespace="com.acme.reviews.ReviewMapper">
                          <select id="countIncoming" resultType="long">
                            SELECT COUNT(*) FROM (
                              <!-- BUG: DistinctOverFanOutJoin at DISTINCT -->
                              SELECT DISTINCT rr.id FROM review_requests rr
                              LEFT JOIN review_request_target_groups tg ON tg.review_request_id = rr.id
                              <where>
                                <if test="groupIds != null">
                                  tg.group_id IN <foreach collection="groupIds" item="g" open="(" separator="," close=")">#{g}</foreach>
                                </if>
                                <if test="status != null">AND rr.status = #{status}</if>
                              </where>
                            ) visible
                          </select>

                          <select id="countIncomingFixed" resultType="long">
                            SELECT COUNT(*) FROM review_requests rr
                            <trim prefix="WHERE" prefixOverrides="AND |OR ">
                              <if test="groupIds != null">
                                AND EXISTS (SELECT 1 FROM review_request_target_groups tg WHERE tg.review_request_id = rr.id
                                  AND tg.group_id IN <foreach collection="groupIds" item="g" open="(" separator="," close=")">#{g}</foreach>)
                              </if>
                              <if test="status != null">AND rr.status = #{status}</if>
                            </trim>
                          </select>

                          <!-- to-one: DISTINCT over the submitter is fine -->
                          <select id="submitterNames" resultType="string">
                            SELECT DISTINCT u.username FROM review_requests rr JOIN users u ON u.id = rr.submitter_id
                            <where><if test="status != null">rr.status = #{status}</if></where>
                          </select>
                        </mapper>
                        """)
                .addResource("mapper/TaskRunMapper.xml", DOCTYPE + """
                        <mapper namespace="com.acme.tasks.TaskRunMapper">
                          <select id="countTaskRuns" resultType="long">
                            SELECT count(*) FROM task_run tr
                            <trim prefix="WHERE" prefixOverrides="AND |OR ">
                              AND tr.deleted = false
                              <if test="flowName != null">
                                <!-- BUG: ExistsWhereJoinFits at EXISTS -->
                                AND EXISTS (SELECT 1 FROM flow_run fr WHERE fr.id = tr.flow_run_id
                                            AND EXISTS (SELECT 1 FROM flow f WHERE f.id = fr.flow_id AND f.name LIKE #{flowName}))
                              </if>
                              <if test="state != null">AND tr.state_type = #{state}</if>
                            </trim>
                          </select>

                          <select id="countTaskRunsFixed" resultType="long">
                            SELECT count(*) FROM task_run tr
                            <if test="flowName != null">JOIN flow_run fr ON fr.id = tr.flow_run_id JOIN flow f ON f.id = fr.flow_id</if>
                            <where>
                              tr.deleted = false
                              <if test="flowName != null">AND f.name LIKE #{flowName}</if>
                              <if test="state != null">AND tr.state_type = #{state}</if>
                            </where>
                          </select>

                          <!-- to-many: EXISTS is the right tool -->
                          <select id="failedRuns" resultType="string">
                            SELECT fr.id FROM flow_run fr
                            <where>
                              fr.flow_id = #{flowId}
                              AND EXISTS (SELECT 1 FROM task_run tr WHERE tr.flow_run_id = fr.id AND tr.state_type = 'FAILED')
                            </where>
                          </select>
                        </mapper>
                        """)
                .doTest();
    }

    @Test
    void orAcrossAccessPathsNegativesInXml() {
        LintTestHelper.forRule(OrAcrossAccessPaths.class)
                .addResource("db/migration/V1__schema.sql", MIGRATION)
                .addResource("mapper/TrackMapper.xml", DOCTYPE + """
                        <mapper namespace="com.acme.tracks.TrackMapper">
                          <select id="unpublished" resultType="map">
                            SELECT t.* FROM tracks t
                            <where>
                              <choose>
                                <when test="review">t.status = 'draft' OR t.status = 'review'</when>
                                <otherwise>t.status = 'draft'</otherwise>
                              </choose>
                            </where>
                          </select>
                          <select id="ownedWithSelfInvite" resultType="map">
                            SELECT t.* FROM tracks t WHERE t.owner_id = #{userId}
                            AND t.track_id IN (SELECT c.track_id FROM track_collaborators c WHERE c.collaborator_user_id = #{userId})
                          </select>
                        </mapper>
                        """)
                .expectNoFindings(3);
    }

    @Test
    void includeAcrossMappersIsReportedAtTheIncludingStatementNamingTheFragment() {
        AnalysisResult r = LintTestHelper.forRule(OrAcrossAccessPaths.class)
                .addResource("db/migration/V1__schema.sql", MIGRATION)
                .addResource("mapper/common/VisibilityMapper.xml", DOCTYPE + """
                        <mapper namespace="com.acme.common.VisibilityMapper">
                          <sql id="visibleTo">
                            ${t}.owner_id = #{userId} OR ${t}.track_id IN
                              (SELECT c.track_id FROM track_collaborators c WHERE c.collaborator_user_id = #{userId})
                          </sql>
                          <sql id="columns">${t}.track_id, ${t}.title</sql>
                        </mapper>
                        """)
                .addResource("mapper/TrackMapper.xml", DOCTYPE + """
                        <mapper namespace="com.acme.tracks.TrackMapper">
                          <!-- BUG: OrAcrossAccessPaths at <select -->
                          <select id="visible" resultType="map">
                            SELECT <include refid="com.acme.common.VisibilityMapper.columns"><property name="t" value="tr"/></include>
                            FROM tracks tr
                            WHERE <include refid="com.acme.common.VisibilityMapper.visibleTo"><property name="t" value="tr"/></include>
                          </select>
                          <select id="titles" resultType="string">
                            SELECT <include refid="com.acme.common.VisibilityMapper.columns"><property name="t" value="x"/></include>
                            FROM tracks x WHERE x.owner_id = #{userId}
                          </select>
                        </mapper>
                        """)
                .doTest();
        Finding f = r.findings().get(0);
        assertTrue(f.message().endsWith("[SQL from com.acme.common.VisibilityMapper.visibleTo, text at VisibilityMapper.xml:5]"),
                f.message());
        assertEquals(2, r.filesScanned());
    }

    @Test
    void scriptAnnotationsExpandLikeMappersAtTheJavaPositions() {
        LintTestHelper.forRule(OrAcrossAccessPaths.class)
                .addResource("db/migration/V1__schema.sql", MIGRATION)
                .addSource("com/acme/tracks/TrackMapper.java", """
                        package com.acme.tracks;

                        import java.util.List;
                        import org.apache.ibatis.annotations.Mapper;
                        import org.apache.ibatis.annotations.Param;
                        import org.apache.ibatis.annotations.Select;

                        @Mapper
                        public interface TrackMapper {

                            @Select({"<script>",
                                     "SELECT t.* FROM tracks t",
                                     "<where>",
                                     "  <if test='userId != null'>",
                                     // BUG: OrAcrossAccessPaths at OR
                                     "    t.owner_id = #{userId} OR t.track_id IN (SELECT c.track_id FROM track_collaborators c",
                                     "      WHERE c.collaborator_user_id = #{userId})",
                                     "  </if>",
                                     "  <if test='status != null'>AND t.status = #{status}</if>",
                                     "</where>",
                                     "</script>"})
                            List<Track> visible(@Param("userId") Long userId, @Param("status") String status);

                            @Select(\"""
                                    <script>
                                    SELECT t.* FROM tracks t
                                    <where>
                                      <choose>
                                        <when test="ids != null">
                                          t.owner_id = #{userId}
                                          -- BUG: OrAcrossAccessPaths at OR
                                          OR EXISTS (SELECT 1 FROM track_collaborators c WHERE c.track_id = t.track_id AND c.collaborator_user_id = #{userId})
                                        </when>
                                        <otherwise>t.owner_id = #{userId}</otherwise>
                                      </choose>
                                    </where>
                                    </script>
                                    \""")
                            List<Track> library(@Param("userId") long userId, @Param("ids") List<Long> ids);

                            @Select("<script>SELECT t.* FROM tracks t WHERE t.track_id IN "
                                    + "<foreach collection='ids' item='id' open='(' separator=',' close=')'>#{id}</foreach></script>")
                            List<Track> byIds(@Param("ids") List<Long> ids);
                        }
                        """)
                .doTest();
    }

    /** MyBatis Generator's criteria clause and a data-scope filter appended as text: both parse, findings still land. */
    @Test
    void generatedCriteriaAndAppendedDataScopeSubstitutions() {
        AnalysisResult r = LintTestHelper.forAllRules()
                .addResource("db/migration/V1__schema.sql", MIGRATION)
                .addResource("mapper/TrackGeneratedMapper.xml", DOCTYPE + """
                        <mapper namespace="com.acme.tracks.TrackGeneratedMapper">
                          <sql id="Example_Where_Clause">
                            <where>
                              <foreach collection="oredCriteria" item="criteria" separator="or">
                                <if test="criteria.valid">
                                  <trim prefix="(" prefixOverrides="and" suffix=")">
                                    <foreach collection="criteria.criteria" item="criterion">
                                      <choose>
                                        <when test="criterion.noValue">and ${criterion.condition}</when>
                                        <when test="criterion.singleValue">and ${criterion.condition} #{criterion.value}</when>
                                        <when test="criterion.betweenValue">
                                          and ${criterion.condition} #{criterion.value} and #{criterion.secondValue}
                                        </when>
                                        <when test="criterion.listValue">
                                          and ${criterion.condition}
                                          <foreach close=")" collection="criterion.value" item="listItem" open="(" separator=",">#{listItem}</foreach>
                                        </when>
                                      </choose>
                                    </foreach>
                                  </trim>
                                </if>
                              </foreach>
                            </where>
                          </sql>
                          <select id="selectByExample" resultType="map">
                            select <if test="distinct">distinct</if> track_id, owner_id, title from tracks
                            <if test="_parameter != null"><include refid="Example_Where_Clause"/></if>
                            <if test="orderByClause != null">order by ${orderByClause}</if>
                          </select>
                          <select id="selectVisible" resultType="map">
                            <!-- BUG: DistinctOverFanOutJoin at distinct -->
                            select distinct t.track_id, t.title from tracks t
                            left join track_collaborators c on c.track_id = t.track_id
                            where t.status = 'published'
                            <if test="userId != null">and c.collaborator_user_id = #{userId}</if>
                            ${params.dataScope}
                            order by t.created_at desc
                          </select>
                        </mapper>
                        """)
                .doTest();
        assertEquals(2, r.sqlSites());
        assertEquals(9 + 2, r.statementsParsed()); // distinct variants: selectByExample 9 (capped choices), selectVisible 2
    }

    @Test
    void theSameFindingsAsTheHandWrittenSql() {
        AnalysisResult xml = LintTestHelper.forAllRules()
                .addResource("db/migration/V1__schema.sql", MIGRATION)
                .addResource("mapper/TrackMapper.xml", TRACK_MAPPER)
                .doTest();
        AnalysisResult java = LintTestHelper.forAllRules()
                .addResource("db/migration/V1__schema.sql", MIGRATION)
                .addSource("com/acme/tracks/TrackDao.java", """
                        package com.acme.tracks;
                        import org.springframework.jdbc.core.JdbcTemplate;
                        class TrackDao {
                          JdbcTemplate jdbc;
                          Object searchLibrary(long userId) {
                            return jdbc.queryForList(\"""
                                SELECT t.track_id, t.owner_id, t.title, t.status FROM tracks t
                                -- BUG: OrAcrossAccessPaths at OR
                                WHERE (t.owner_id = ? OR t.track_id IN (
                                       SELECT c.track_id FROM track_collaborators c WHERE c.collaborator_user_id = ?))
                                  AND t.status IN (?) AND t.title LIKE ?
                                ORDER BY t.created_at DESC LIMIT ?
                                \""", userId, userId);
                          }
                        }
                        """)
                .doTest();
        assertEquals(java.findings().stream().map(f -> f.rule() + ": " + f.message()).toList(),
                xml.findings().stream().map(f -> f.rule() + ": " + f.message()).toList());
    }

    private List<String> describe(AnalysisResult r) {
        return r.findings().stream().map(f -> f.rule() + " " + f.file().getParent().getFileName() + "/" + f.file().getFileName()
                + ":" + f.line() + ":" + f.column() + " " + f.api() + " " + f.owner()).toList();
    }
}
