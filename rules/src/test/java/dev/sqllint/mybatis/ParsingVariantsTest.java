package dev.sqllint.mybatis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sqllint.extract.SqlSite;
import dev.sqllint.sql.Dialect;
import dev.sqllint.sql.Origin;
import dev.sqllint.sql.PlaceholderNormalizer;
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
 * Ifs on different variables that the application never writes together: the fullest variant does not parse, and
 * each if body still appears in a variant that does.
 */
class ParsingVariantsTest {

    private static final Path FILE = Path.of("/engine/src/main/resources/mapping/Authorization.xml");

    /** An authorization check: the resource is either a column the query names or the id the caller passes. */
    private static final String AUTH_MAPPER = """
            <?xml version="1.0" encoding="UTF-8"?>
            <mapper namespace="org.acme.engine.Authorization">
              <select id="isAuthorized" resultType="integer">
                SELECT CASE
                  WHEN
                    <if test="check.resourceColumn != null">${check.resourceColumn} IN</if>
                    <if test="check.resourceId != null">EXISTS</if>
                    (SELECT A.RESOURCE_ID_ FROM ACT_RU_AUTHORIZATION A
                     WHERE A.USER_ID_ = #{userId}
                     AND A.RESOURCE_ID_ = <if test="check.resourceColumn != null">${check.resourceColumn}</if><if test="check.resourceId != null">#{check.resourceId}</if>)
                  THEN 1 ELSE 0 END
              </select>
            </mapper>
            """;

    /**
     * A permission check in the shape of an engine's authorization fragments: one grant check, included once on its own
     * ({@code single.size == 1}), once per item of a list combined one of two ways ({@code size > 1}, {@code anyOf} or
     * not), and again inside a nested list of such lists. The fullest variant writes all of it, which no caller does.
     */
    private static final String NESTED_CHECKS_MAPPER = """
            <?xml version="1.0" encoding="UTF-8"?>
            <mapper namespace="org.acme.engine.Permission">
              <sql id="grantCheck">
                SELECT CASE
                  WHEN
                    <if test="check.column != null">${check.column} IN</if>
                    <if test="check.id != null">EXISTS</if>
                    (SELECT G.RESOURCE_ID_ FROM ACME_GRANT G
                     WHERE G.USER_ID_ = #{userId}
                     AND G.RESOURCE_ID_ = <if test="check.column != null">${check.column}</if><if test="check.id != null">#{check.id}</if>)
                  THEN 1 ELSE 0 END
              </sql>
              <sql id="singleChecks">
                <if test="checks.single != null &amp;&amp; checks.single.size == 1">
                  <bind name="check" value="checks.single[0]"/>
                  <include refid="grantCheck"/>
                </if>
                <if test="checks.single != null &amp;&amp; checks.single.size > 1">
                  <if test="checks.anyOf">
                    GREATEST(<foreach item="check" collection="checks.single" separator=",">(<include refid="grantCheck"/>)</foreach>)
                  </if>
                  <if test="!checks.anyOf">
                    LEAST(<foreach item="check" collection="checks.single" separator=",">(<include refid="grantCheck"/>)</foreach>)
                  </if>
                </if>
              </sql>
              <sql id="nestedChecks">
                <if test="checks.nested != null &amp;&amp; checks.nested.size > 1">
                  LEAST(<foreach item="checks" collection="checks.nested" separator=","><include refid="singleChecks"/></foreach>)
                </if>
              </sql>
              <select id="selectDocuments" resultType="map">
                SELECT D.* FROM ACME_DOCUMENT D
                <where>
                  <if test="name != null">D.NAME_ = #{name}</if>
                  <if test="userId != null">AND (<include refid="singleChecks"/> <include refid="nestedChecks"/>) = 1</if>
                </where>
              </select>
            </mapper>
            """;

    private final SqlParser parser = new SqlParser(Duration.ofSeconds(5));
    private final List<String> problems = new ArrayList<>();

    @AfterEach
    void close() {
        parser.close();
    }

    private List<SqlSite> sites(String text) throws XmlSyntaxException {
        TextPositions positions = new TextPositions(text);
        XmlDocument doc = PositionedXmlParser.parse(text, o -> Origin.at(FILE, positions.line(o), positions.column(o)));
        MapperFile file = new MapperFile(FILE, doc.root().attribute("namespace"), doc.root(), doc.comments());
        MyBatisConfig config = new MyBatisConfig(Map.of(), DatabaseIds.of(Dialect.POSTGRESQL));
        return new MapperStatements(List.of(file), (kind, f, line, why) -> problems.add(line + " " + why), config, parser).sites(file);
    }

    private static List<String> texts(SqlSite site) {
        return site.variants().stream().map(v -> v.text().replaceAll("\\s+", " ").strip()).toList();
    }

    @Test
    void eachIfBodyIsInAVariantThatParses() throws Exception {
        SqlSite site = sites(AUTH_MAPPER).get(0);
        assertEquals(List.of(3, 3), List.of(site.line(), site.column()));
        // the fullest (IN and EXISTS) does not parse: EXISTS, where the parser stops, goes; then EXISTS is written and
        // the IN before it goes. The barest (neither) does not parse either, and every decision it takes is in one of
        // those two: it is no statement a caller writes, and is left out
        assertEquals(List.of(
                "SELECT CASE WHEN ${check.resourceColumn} IN (SELECT A.RESOURCE_ID_ FROM ACT_RU_AUTHORIZATION A WHERE "
                        + "A.USER_ID_ = #{userId} AND A.RESOURCE_ID_ = ${check.resourceColumn} ) THEN 1 ELSE 0 END",
                "SELECT CASE WHEN EXISTS (SELECT A.RESOURCE_ID_ FROM ACT_RU_AUTHORIZATION A WHERE A.USER_ID_ = #{userId} AND "
                        + "A.RESOURCE_ID_ = #{check.resourceId} ) THEN 1 ELSE 0 END"),
                texts(site));
        for (SqlText v : site.variants()) assertEquals(true, parser.parse(PlaceholderNormalizer.normalize(v, null)).ok(), v.text());
        assertEquals(List.of(), problems);
    }

    @Test
    void eachCopyOfAFragmentIsRepairedWhereTheParserStopsInIt() throws Exception {
        SqlSite site = sites(NESTED_CHECKS_MAPPER).get(0);
        String grant = "SELECT CASE WHEN ${check.column} IN (SELECT G.RESOURCE_ID_ FROM ACME_GRANT G WHERE G.USER_ID_ = #{userId} "
                + "AND G.RESOURCE_ID_ = ${check.column}) THEN 1 ELSE 0 END";
        String byId = "SELECT CASE WHEN EXISTS (SELECT G.RESOURCE_ID_ FROM ACME_GRANT G WHERE G.USER_ID_ = #{userId} "
                + "AND G.RESOURCE_ID_ = #{check.id}) THEN 1 ELSE 0 END";
        // the fullest: EXISTS goes (where the parser stops after IN); GREATEST, then LEAST, stop it after the single check's
        // END: anyOf turns, cannot turn back, so size > 1 goes; the nested copy stops it at its own SELECT, and the nested
        // list goes, not size == 1, which would take the single check with it. The other variants start from there; then
        // the bodies no variant wrote: EXISTS, GREATEST and LEAST, each with size == 1 turned off around it
        assertEquals(List.of(
                "SELECT D.* FROM ACME_DOCUMENT D WHERE D.NAME_ = #{name} AND ( " + grant + " ) = 1",
                "SELECT D.* FROM ACME_DOCUMENT D",
                "SELECT D.* FROM ACME_DOCUMENT D WHERE ( " + grant + " ) = 1",
                "SELECT D.* FROM ACME_DOCUMENT D WHERE D.NAME_ = #{name}",
                "SELECT D.* FROM ACME_DOCUMENT D WHERE D.NAME_ = #{name} AND ( " + byId + " ) = 1",
                "SELECT D.* FROM ACME_DOCUMENT D WHERE D.NAME_ = #{name} AND ( GREATEST(( " + grant + " )) ) = 1",
                "SELECT D.* FROM ACME_DOCUMENT D WHERE D.NAME_ = #{name} AND ( LEAST(( " + grant + " )) ) = 1"),
                texts(site));
        for (SqlText v : site.variants()) assertEquals(true, parser.parse(PlaceholderNormalizer.normalize(v, null)).ok(), v.text());
        assertEquals(List.of(), problems);
    }

    @Test
    void emptyParenthesesWhereAnExpressionMustStandStopTheTrial() {
        assertEquals(-1, MapperStatements.emptyParentheses(onOneLine("SELECT now() FROM t")));
        assertEquals(-1, MapperStatements.emptyParentheses(onOneLine("SELECT count(*) FROM t WHERE note = '( )'")));
        assertEquals(24, MapperStatements.emptyParentheses(onOneLine("SELECT * FROM t WHERE ( ) = 1")));
        assertEquals(30, MapperStatements.emptyParentheses(onOneLine("SELECT * FROM t WHERE id IN ( )")));
        // a function's parentheses with its arguments left out between them in the mapper (a foreach over nothing)
        SqlText apart = onOneLine("SELECT LEAST(").append(SqlText.of(")", Origin.at(FILE, 9, 5)));
        assertEquals(13, MapperStatements.emptyParentheses(apart));
    }

    /** The text as written on line 1 of the mapper, each character in its own column. */
    private static SqlText onOneLine(String text) {
        Origin[] origins = new Origin[text.length()];
        for (int i = 0; i < origins.length; i++) origins[i] = Origin.at(FILE, 1, i + 1);
        return SqlText.of(text, origins);
    }
}
