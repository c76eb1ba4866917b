package dev.sqllint.mybatis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.javaparser.StaticJavaParser;
import dev.sqllint.extract.JavaFile;
import dev.sqllint.extract.ProjectIndex;
import dev.sqllint.extract.SqlSite;
import dev.sqllint.sql.Dialect;
import dev.sqllint.sql.Origin;
import dev.sqllint.sql.PlaceholderNormalizer;
import dev.sqllint.sql.SqlParser;
import dev.sqllint.sql.SqlText;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A BPM engine's paging, distinct and authorization pieces are MyBatis properties its Java sets per database
 * before it builds the configuration: read from the Java, a paged query is the one the project's database gets.
 */
class PropertiesFromJavaTest {

    private static final Path MAPPER = Path.of("/engine/src/main/resources/mapping/Job.xml");

    /** Per-database SQL pieces, one static map each, filled in a static block (keys are constants). */
    private static final String SESSIONS = """
            package org.acme.engine.db;

            import java.util.HashMap;
            import java.util.Map;

            public class DbSessions {
              public static final String MSSQL = "mssql";
              public static final String MYSQL = "mysql";
              public static final String POSTGRES = "postgres";

              public static final Map<String, String> LIMIT_BEFORE = new HashMap<>();
              public static final Map<String, String> LIMIT_AFTER = new HashMap<>();
              public static final Map<String, String> LIMIT_AFTER_NO_OFFSET = new HashMap<>();
              public static final Map<String, String> AUTH_JOIN_START = new HashMap<>();
              public static final Map<String, String> AUTH_JOIN_END = new HashMap<>();
              public static final Map<String, String> METHOD_SUFFIX = new HashMap<>();

              static {
                String defaultAuthJoinStart = "IN (";

                LIMIT_BEFORE.put(POSTGRES, "");
                LIMIT_AFTER.put(POSTGRES, "LIMIT #{maxResults} OFFSET #{firstResult}");
                LIMIT_AFTER_NO_OFFSET.put(POSTGRES, "LIMIT #{maxResults}");
                AUTH_JOIN_START.put(POSTGRES, defaultAuthJoinStart);
                AUTH_JOIN_END.put(POSTGRES, ")");

                LIMIT_BEFORE.put(MYSQL, "");
                LIMIT_AFTER.put(MYSQL, LIMIT_AFTER_NO_OFFSET.get(POSTGRES) + " OFFSET #{firstResult}");
                AUTH_JOIN_START.put(MYSQL, "=");
                AUTH_JOIN_END.put(MYSQL, "");

                LIMIT_BEFORE.put(MSSQL, "SELECT SUB.* FROM (");
                LIMIT_AFTER.put(MSSQL, ")SUB WHERE SUB.rnk >= #{firstRow} AND SUB.rnk < #{lastRow}");
                AUTH_JOIN_START.put(MSSQL, defaultAuthJoinStart);
                METHOD_SUFFIX.put(MSSQL, "_mssql");
              }
            }
            """;

    /** The engine configuration hands them to MyBatis as properties of the database it runs on. */
    private static final String CONFIGURATION = """
            package org.acme.engine.cfg;

            import java.util.Properties;
            import org.acme.engine.db.DbSessions;

            public class EngineConfiguration {
              protected String databaseTablePrefix = "";

              public static void sessionFactoryProperties(Properties properties, String databaseType) {
                properties.put("limitBefore", DbSessions.LIMIT_BEFORE.get(databaseType));
                properties.put("limitAfter", DbSessions.LIMIT_AFTER.get(databaseType));
                properties.put("authJoinStart", DbSessions.AUTH_JOIN_START.get(databaseType));
                properties.put("authJoinEnd", DbSessions.AUTH_JOIN_END.get(databaseType));
                properties.put("methodSuffix", DbSessions.METHOD_SUFFIX.getOrDefault(databaseType, ""));
                properties.put("distinct", "distinct");
              }

              protected void prefix(Properties properties, boolean shared) {
                if (shared) {
                  properties.put("prefix", "${@org.acme.engine.Context@config().databaseTablePrefix}");
                } else {
                  properties.put("prefix", databaseTablePrefix);
                }
              }

              void unrelated(java.util.Map<String, String> settings) {
                settings.put("limitAfter", "LIMIT 1");
              }
            }
            """;

    private static final String JOB_MAPPER = """
            <?xml version="1.0" encoding="UTF-8"?>
            <mapper namespace="org.acme.engine.JobEntity">
              <select id="selectJobsByQueryCriteria" resultMap="jobResultMap">
                ${limitBefore}
                select ${distinct} RES.* from ${prefix}ACT_RU_JOB RES
                <where>
                  <if test="authCheck">AND RES.PROC_DEF_KEY_ ${authJoinStart} #{authCheck.keys} ${authJoinEnd}</if>
                </where>
                order by RES.ID_
                ${limitAfter}
              </select>

              <select id="selectJobByteArray">
                select BYTES_ from ${prefix}ACT_GE_BYTEARRAY where ID_ = #{id}
              </select>
              <select id="selectJobByteArray_postgres">
                select BYTES_ from ${prefix}ACT_GE_BYTEARRAY where ID_ = #{id} and BYTES_ is not null
              </select>
              <update id="toggleForeignKey_mysql">
                SET FOREIGN_KEY_CHECKS = 0
              </update>
            </mapper>
            """;

    private final SqlParser parser = new SqlParser(Duration.ofSeconds(5));
    private final List<String> problems = new ArrayList<>();

    @AfterEach
    void close() {
        parser.close();
    }

    private static Map<Path, String> sources() {
        Map<Path, String> out = new LinkedHashMap<>();
        out.put(Path.of("/engine/src/main/java/org/acme/engine/db/DbSessions.java"), SESSIONS);
        out.put(Path.of("/engine/src/main/java/org/acme/engine/cfg/EngineConfiguration.java"), CONFIGURATION);
        return out;
    }

    private static Map<String, SqlText> properties(Dialect dialect, java.util.Set<String> names) {
        List<JavaFile> files = new ArrayList<>();
        sources().forEach((path, text) -> files.add(new JavaFile(path, StaticJavaParser.parse(text))));
        Map<Path, String> texts = sources();
        PropertiesFromJava.JavaSources java = test -> files.stream().filter(f -> test.test(texts.get(f.path()))).toList();
        return PropertiesFromJava.read(names, java, new ProjectIndex(files), dialect);
    }

    private List<SqlSite> sites(Dialect dialect) throws XmlSyntaxException {
        TextPositions positions = new TextPositions(JOB_MAPPER);
        XmlDocument doc = PositionedXmlParser.parse(JOB_MAPPER, o -> Origin.at(MAPPER, positions.line(o), positions.column(o)));
        MapperFile file = new MapperFile(MAPPER, doc.root().attribute("namespace"), doc.root(), doc.comments());
        MyBatisConfig config = MyBatisConfig.none(dialect).with(properties(dialect, file.substitutionNames()));
        return new MapperStatements(List.of(file), (kind, f, line, why) -> problems.add(line + " " + why), config, parser)
                .sites(file);
    }

    private static List<String> texts(SqlSite site) {
        return site.variants().stream().map(v -> v.text().replaceAll("\\s+", " ").strip()).toList();
    }

    @Test
    void thePropertiesAreTheValuesForTheProjectsDatabase() {
        Map<String, SqlText> postgres = properties(Dialect.POSTGRESQL,
                java.util.Set.of("limitBefore", "limitAfter", "authJoinStart", "methodSuffix", "distinct", "prefix", "other"));
        Map<String, String> values = new LinkedHashMap<>();
        postgres.forEach((k, v) -> values.put(k, v.text()));
        // prefix: set to two different values, so unknown; other: set nowhere
        assertEquals(Map.of("limitBefore", "", "limitAfter", "LIMIT #{maxResults} OFFSET #{firstResult}",
                "authJoinStart", "IN (", "methodSuffix", "", "distinct", "distinct"), values);
        assertEquals(List.of(11, 5), List.of(postgres.get("limitAfter").originAt(0).line(), postgres.get("limitAfter").originAt(0).column()));
        assertEquals("LIMIT #{maxResults} OFFSET #{firstResult}",
                properties(Dialect.MYSQL, java.util.Set.of("limitAfter")).get("limitAfter").text());
        assertEquals("_mssql", properties(Dialect.SQLSERVER, java.util.Set.of("methodSuffix")).get("methodSuffix").text());
        assertEquals(Map.of(), properties(Dialect.ORACLE, java.util.Set.of("limitAfter", "authJoinStart")));
    }

    @Test
    void aPagedQueryIsTheOneTheDatabaseGets() throws Exception {
        List<SqlSite> sites = sites(Dialect.POSTGRESQL);
        assertEquals(List.of("mapper.xml <select id=\"selectJobsByQueryCriteria\">", "mapper.xml <select id=\"selectJobByteArray_postgres\">"),
                sites.stream().map(SqlSite::api).toList());
        assertEquals(List.of(
                "select distinct RES.* from ACT_RU_JOB RES WHERE RES.PROC_DEF_KEY_ IN ( #{authCheck.keys} ) order by RES.ID_ "
                        + "LIMIT #{maxResults} OFFSET #{firstResult}",
                "select distinct RES.* from ACT_RU_JOB RES order by RES.ID_ LIMIT #{maxResults} OFFSET #{firstResult}"),
                texts(sites.get(0)));
        assertEquals(List.of(3, 3, 16, 3), List.of(sites.get(0).line(), sites.get(0).column(), sites.get(1).line(), sites.get(1).column()));
        for (SqlSite site : sites) {
            for (SqlText v : site.variants()) assertEquals(true, parser.parse(PlaceholderNormalizer.normalize(v, null)).ok(), v.text());
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void onMySqlTheStatementsNamedForMySqlAreLoaded() throws Exception {
        List<SqlSite> sites = sites(Dialect.MYSQL);
        assertEquals(List.of("mapper.xml <select id=\"selectJobsByQueryCriteria\">", "mapper.xml <select id=\"selectJobByteArray\">",
                "mapper.xml <update id=\"toggleForeignKey_mysql\">"), sites.stream().map(SqlSite::api).toList());
        assertEquals("select distinct RES.* from ACT_RU_JOB RES WHERE RES.PROC_DEF_KEY_ = #{authCheck.keys} order by RES.ID_ "
                + "LIMIT #{maxResults} OFFSET #{firstResult}", texts(sites.get(0)).get(0));
    }
}
