package dev.sqllint.mybatis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sqllint.extract.SqlSite;
import dev.sqllint.sql.Dialect;
import dev.sqllint.sql.Origin;
import dev.sqllint.sql.SqlParser;
import dev.sqllint.sql.SqlText;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Statements as MyBatis runs them on the project's database: {@code databaseId} statements and {@code _databaseId}
 * tests, configuration properties, literal binds, exclusive ifs, and the {@code ${...}} the application fills in
 * at run time read where they stand.
 */
class MyBatisAsRunTest {

    private static final Path FILE = Path.of("/engine/src/main/resources/mapping/Task.xml");

    private final SqlParser parser = new SqlParser(Duration.ofSeconds(5));
    private final List<String> problems = new ArrayList<>();

    @AfterEach
    void close() {
        parser.close();
    }

    private static MapperFile mapper(String body) throws XmlSyntaxException {
        String text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + body;
        TextPositions positions = new TextPositions(text);
        XmlDocument doc = PositionedXmlParser.parse(text, o -> Origin.at(FILE, positions.line(o), positions.column(o)));
        return new MapperFile(FILE, doc.root().attribute("namespace"), doc.root(), doc.comments());
    }

    private List<SqlSite> sites(MapperFile file, Dialect dialect, Map<String, SqlText> properties) {
        MyBatisConfig config = new MyBatisConfig(properties, DatabaseIds.of(dialect));
        return new MapperStatements(List.of(file), (kind, f, line, why) -> problems.add(line + " " + why), config, parser).sites(file);
    }

    private static List<String> texts(SqlSite site) {
        return site.variants().stream().map(v -> v.text().replaceAll("\\s+", " ").strip()).toList();
    }

    /** The shape of a BPM engine's paged task query: paging, distinct and prefix come from the engine at run time. */
    private static final String TASK_MAPPER = """
            <mapper namespace="org.acme.engine.TaskEntity">
              <sql id="selectTaskByQueryCriteriaSql">
                from ${prefix}ACT_RU_TASK RES
                <where>
                  <if test="assignee != null">RES.ASSIGNEE_ = #{assignee}</if>
                  <if test="assignee == null">and RES.ASSIGNEE_ is null</if>
                  <if test="!suspended">and RES.SUSPENSION_STATE_ = 1</if>
                  <if test="suspended">and RES.SUSPENSION_STATE_ = 2</if>
                </where>
              </sql>

              <select id="selectTaskByQueryCriteria" resultMap="taskResultMap">
                ${limitBefore}
                select ${distinct} RES.*
                <include refid="selectTaskByQueryCriteriaSql"/>
                ${orderBy}
                ${limitAfter}
              </select>

              <select id="selectTaskCountByQueryCriteria" resultType="long">
                ${countDistinctBeforeStart} RES.ID_ ${countDistinctBeforeEnd}
                <include refid="selectTaskByQueryCriteriaSql"/>
                ${countDistinctAfterEnd}
              </select>

              <select id="selectTaskIdsForLock" databaseId="mssql">
                select RES.ID_ from ${prefix}ACT_RU_TASK RES WITH (UPDLOCK) where RES.ID_ = #{id}
              </select>
              <select id="selectTaskIdsForLock">
                select RES.ID_ from ${prefix}ACT_RU_TASK RES where RES.ID_ = #{id} for update
              </select>

              <select id="selectTasksByPeriod">
                select RES.ID_ from ${prefix}ACT_RU_TASK RES
                <choose>
                  <when test="_databaseId == 'oracle'">where RES.CREATE_TIME_ &gt; SYSDATE - 1</when>
                  <when test="_databaseId == 'postgresql' or _databaseId == 'h2'">where RES.CREATE_TIME_ &gt; now() - interval '1 day'</when>
                  <otherwise>where RES.CREATE_TIME_ &gt; #{since}</otherwise>
                </choose>
              </select>
            </mapper>
            """;

    @Test
    void aPagedQueryReadsItsRunTimeSubstitutionsWhereTheyStand() throws Exception {
        List<SqlSite> sites = sites(mapper(TASK_MAPPER), Dialect.POSTGRESQL, Map.of());
        SqlSite paged = sites.get(0);
        assertEquals(List.of(13, 3), List.of(paged.line(), paged.column()));
        // ${limitBefore} and ${distinct} parse only as nothing; ${prefix} is part of the table's name; the exclusive
        // ifs never meet; ${orderBy} and ${limitAfter} after a complete condition are clauses of their own, left out
        // with one mark of where they stood
        assertEquals(List.of(
                "select RES.* from ACT_RU_TASK RES WHERE RES.ASSIGNEE_ = #{assignee} and RES.SUSPENSION_STATE_ = 1 /*sqllint_elided*/",
                "select RES.* from ACT_RU_TASK RES WHERE RES.ASSIGNEE_ = #{assignee} and RES.SUSPENSION_STATE_ = 2 /*sqllint_elided*/",
                "select RES.* from ACT_RU_TASK RES WHERE RES.ASSIGNEE_ is null and RES.SUSPENSION_STATE_ = 1 /*sqllint_elided*/",
                "select RES.* from ACT_RU_TASK RES WHERE RES.ASSIGNEE_ is null and RES.SUSPENSION_STATE_ = 2 /*sqllint_elided*/"), texts(paged));
        assertEquals("SELECT RES.ID_ ${countDistinctBeforeEnd} from ACT_RU_TASK RES WHERE RES.ASSIGNEE_ = #{assignee} "
                + "and RES.SUSPENSION_STATE_ = 1 /*sqllint_elided*/", texts(sites.get(1)).get(0));
        for (SqlSite site : sites) {
            for (SqlText v : site.variants()) {
                assertEquals(true, parser.parse(dev.sqllint.sql.PlaceholderNormalizer.normalize(v, null)).ok(), v.text());
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void theStatementForTheProjectsDatabaseIsTheOneMyBatisLoads() throws Exception {
        List<SqlSite> postgres = sites(mapper(TASK_MAPPER), Dialect.POSTGRESQL, Map.of());
        assertEquals(List.of("mapper.xml <select id=\"selectTaskByQueryCriteria\">",
                "mapper.xml <select id=\"selectTaskCountByQueryCriteria\">", "mapper.xml <select id=\"selectTaskIdsForLock\">",
                "mapper.xml <select id=\"selectTasksByPeriod\">"), postgres.stream().map(SqlSite::api).toList());
        assertEquals(List.of("select RES.ID_ from ACT_RU_TASK RES where RES.CREATE_TIME_ > now() - interval '1 day'"),
                texts(postgres.get(3)));
        List<SqlSite> sqlServer = sites(mapper(TASK_MAPPER), Dialect.SQLSERVER, Map.of());
        assertEquals("mapper.xml <select id=\"selectTaskIdsForLock\" databaseId=\"mssql\">", sqlServer.get(2).api());
        assertEquals(List.of(27, 3), List.of(sqlServer.get(2).line(), sqlServer.get(2).column()));
        assertEquals(List.of("select RES.ID_ from ACT_RU_TASK RES where RES.CREATE_TIME_ > #{since}"), texts(sqlServer.get(3)));
        assertEquals(List.of("select RES.ID_ from ACT_RU_TASK RES where RES.CREATE_TIME_ > SYSDATE - 1"),
                texts(sites(mapper(TASK_MAPPER), Dialect.ORACLE, Map.of()).get(3)));
    }

    @Test
    void aConfiguredPrefixIsTheTablesPrefix() throws Exception {
        List<SqlSite> sites = sites(mapper(TASK_MAPPER), Dialect.POSTGRESQL,
                Map.of("prefix", SqlText.of("engine.", Origin.at(Path.of("mybatis-config.xml"), 3, 5))));
        assertEquals("select RES.ID_ from engine.ACT_RU_TASK RES where RES.ID_ = #{id} for update", texts(sites.get(2)).get(0));
    }

    @Test
    void includePropertiesAndLiteralBindsAreTheTextTheyName() throws Exception {
        SqlSite site = sites(mapper("""
                <mapper namespace="org.acme.engine.EventSubscription">
                  <sql id="byColumn">${alias}.${column} = #{value}</sql>
                  <select id="selectEventSubscriptionsByName">
                    <bind name="columnPrefix" value="'EVT.'"/>
                    select ${columnPrefix}ID_ from ${prefix}ACT_RU_EVENT_SUBSCR EVT
                    where <include refid="byColumn"><property name="alias" value="EVT"/><property name="column" value="EVENT_NAME_"/></include>
                  </select>
                </mapper>
                """), Dialect.POSTGRESQL, Map.of()).get(0);
        assertEquals(List.of("select EVT.ID_ from ACT_RU_EVENT_SUBSCR EVT where EVT.EVENT_NAME_ = #{value}"), texts(site));
        SqlText variant = site.variants().get(0);
        int column = variant.text().indexOf("EVENT_NAME_");
        assertEquals(List.of(3, 31), List.of(variant.originAt(column).line(), variant.originAt(column).column()));
    }

    @Test
    void aSubstitutionBetweenAColumnAndAValueIsAnOperatorAndBlankLinesEndNoStatement() throws Exception {
        List<SqlSite> sites = sites(mapper("""
                <mapper namespace="org.acme.engine.Authorization">
                  <select id="selectAuthorizedByPerms">
                    select A.ID_ from ${prefix}ACT_RU_AUTHORIZATION A
                    <if test="type != null">


                    </if>


                    where ${bitand1}A.PERMS_${bitand2}#{perms}${bitand3} = #{perms}
                  </select>
                </mapper>
                """), Dialect.POSTGRESQL, Map.of());
        List<String> texts = texts(sites.get(0));
        // ${bitand3} after a value is text of its own, left out with a mark that something stood there
        assertEquals("select A.ID_ from ACT_RU_AUTHORIZATION A where A.PERMS_ + #{perms} /*sqllint_elided*/ = #{perms}",
                texts.get(0));
        for (SqlText v : sites.get(0).variants()) {
            assertEquals(true, parser.parse(dev.sqllint.sql.PlaceholderNormalizer.normalize(v, null)).ok(), v.text());
        }
    }

    @Test
    void aNativeQueryRunsItsCallersSqlAndHasNothingToAnalyse() throws Exception {
        MapperFile file = mapper("""
                <mapper namespace="org.acme.engine.TaskEntity">
                  <select id="selectTaskByNativeQuery" parameterType="java.util.Map" resultType="map">
                    <if test="resultType == 'LIST_PAGE'">${limitBefore}</if>
                    ${sql}
                    <if test="resultType == 'LIST_PAGE'">${limitAfter}</if>
                  </select>
                  <select id="selectAllTasks" resultType="map">${selectAllTasks}</select>
                </mapper>
                """);
        Origin config = Origin.at(Path.of("mybatis-config.xml"), 4, 5);
        List<SqlSite> sites = sites(file, Dialect.POSTGRESQL, Map.of(
                "limitBefore", SqlText.of("", config),
                "limitAfter", SqlText.of("LIMIT #{maxResults} OFFSET #{firstResult}", config),
                "selectAllTasks", SqlText.of("select ID_ from ACT_RU_TASK", config)));
        // ${sql} is the caller's whole statement; a statement made of configured properties alone is SQL all the same
        assertEquals(List.of("org.acme.engine.TaskEntity.selectAllTasks"), sites.stream().map(SqlSite::owner).toList());
        assertEquals(List.of("select ID_ from ACT_RU_TASK"), texts(sites.get(0)));
        assertEquals(List.of(), problems);
    }
}
