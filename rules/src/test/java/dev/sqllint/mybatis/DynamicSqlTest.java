package dev.sqllint.mybatis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqllint.extract.SqlSite;
import dev.sqllint.sql.Origin;
import dev.sqllint.sql.SqlText;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The SQL MyBatis issues for a statement's dynamic tags, as variants, and where each character is written. */
class DynamicSqlTest {

    private static final Path FILE = Path.of("/project/src/main/resources/mapper/TrackMapper.xml");

    private final List<String> problems = new ArrayList<>();

    private MapperFile mapper(Path file, String body) throws XmlSyntaxException {
        String text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<!DOCTYPE mapper PUBLIC \"-//mybatis.org//DTD Mapper 3.0//EN\" \"http://mybatis.org/dtd/mybatis-3-mapper.dtd\">\n"
                + body;
        TextPositions positions = new TextPositions(text);
        XmlDocument doc = PositionedXmlParser.parse(text, o -> Origin.at(file, positions.line(o), positions.column(o)));
        return new MapperFile(file, doc.root().attribute("namespace"), doc.root(), doc.comments());
    }

    private List<SqlSite> sites(MapperFile... files) {
        MapperStatements statements = new MapperStatements(List.of(files), (kind, file, line, why) -> problems.add(kind + " " + line + " " + why));
        return statements.sites(files[0]);
    }

    private static List<String> texts(SqlSite site) {
        return site.variants().stream().map(v -> v.text().replaceAll("\\s+", " ").strip()).toList();
    }

    @Test
    void whereIfAndChooseGiveEveryBranchAndTheBareStatement() throws Exception {
        SqlSite site = sites(mapper(FILE, """
                <mapper namespace="com.acme.TrackMapper">
                  <select id="search">
                    SELECT t.track_id FROM tracks t
                    <where>
                      <if test="ownerId != null">AND t.owner_id = #{ownerId}</if>
                      <choose>
                        <when test="status != null">and t.status = #{status}</when>
                        <otherwise>AND t.status &lt;&gt; 'deleted'</otherwise>
                      </choose>
                    </where>
                  </select>
                </mapper>
                """)).get(0);
        assertEquals(List.of(
                "SELECT t.track_id FROM tracks t WHERE t.owner_id = #{ownerId} and t.status = #{status}",
                "SELECT t.track_id FROM tracks t WHERE t.owner_id = #{ownerId} AND t.status <> 'deleted'",
                "SELECT t.track_id FROM tracks t WHERE t.status = #{status}",
                "SELECT t.track_id FROM tracks t WHERE t.status <> 'deleted'"), texts(site));
        assertEquals("mapper.xml <select id=\"search\">", site.api());
        assertEquals("com.acme.TrackMapper.search", site.owner());
        assertEquals(List.of(4, 3), List.of(site.line(), site.column()));
    }

    @Test
    void whereWithNothingInItAddsNoWhere() throws Exception {
        SqlSite site = sites(mapper(FILE, """
                <mapper namespace="m">
                  <select id="all">SELECT * FROM tracks t <where><if test="a">OR t.a = 1</if></where> ORDER BY t.title</select>
                </mapper>
                """)).get(0);
        assertEquals(List.of("SELECT * FROM tracks t WHERE t.a = 1 ORDER BY t.title", "SELECT * FROM tracks t ORDER BY t.title"),
                texts(site));
    }

    @Test
    void setStripsTheTrailingCommaAndAnEmptySetIsNeverIssued() throws Exception {
        SqlSite site = sites(mapper(FILE, """
                <mapper namespace="m">
                  <update id="rename">
                    UPDATE tracks
                    <set>
                      <if test="title != null">title = #{title},</if>
                      <if test="status != null">status = #{status},</if>
                    </set>
                    WHERE track_id = #{id}
                  </update>
                </mapper>
                """)).get(0);
        assertEquals(List.of(
                "UPDATE tracks SET title = #{title}, status = #{status} WHERE track_id = #{id}",
                "UPDATE tracks SET title = #{title} WHERE track_id = #{id}",
                "UPDATE tracks SET status = #{status} WHERE track_id = #{id}"), texts(site));
    }

    @Test
    void trimForeachSelectKeyAndIfsWithTheSameTestDecidingTogether() throws Exception {
        List<SqlSite> site = sites(mapper(FILE, """
                <mapper namespace="m">
                  <insert id="add">
                    <selectKey keyProperty="id" resultType="long" order="BEFORE">SELECT nextval('tracks_seq')</selectKey>
                    INSERT INTO tracks
                    <trim prefix="(" suffix=")" suffixOverrides=",">owner_id, title, <if test="status != null">status,</if></trim>
                    <trim prefix="VALUES (" suffix=")" suffixOverrides=",">#{ownerId}, #{title}, <if test="status != null">#{status},</if></trim>
                  </insert>
                  <select id="byIds">
                    SELECT * FROM tracks WHERE track_id IN
                    <foreach collection="ids" item="id" open="(" separator="," close=")">#{id}</foreach>
                    <bind name="pattern" value="'%' + title + '%'"/>
                    AND title LIKE #{pattern}
                  </select>
                </mapper>
                """));
        // (owner_id, title, status) never meets VALUES (?, ?): one decision per test
        assertEquals(List.of(
                "INSERT INTO tracks ( owner_id, title, status ) VALUES ( #{ownerId}, #{title}, #{status} )",
                "INSERT INTO tracks ( owner_id, title ) VALUES ( #{ownerId}, #{title} )"), texts(site.get(0)));
        assertEquals(List.of("SELECT * FROM tracks WHERE track_id IN ( #{id} ) AND title LIKE #{pattern}"), texts(site.get(1)));
    }

    @Test
    void includeWithPropertiesWithinAndAcrossMappers() throws Exception {
        MapperFile common = mapper(Path.of("/project/src/main/resources/mapper/CommonMapper.xml"), """
                <mapper namespace="com.acme.CommonMapper">
                  <sql id="auditColumns">${alias}.created_at, ${alias}.updated_at</sql>
                </mapper>
                """);
        MapperFile tracks = mapper(FILE, """
                <mapper namespace="com.acme.TrackMapper">
                  <sql id="columns">${alias}.track_id, ${alias}.title,
                    <include refid="com.acme.CommonMapper.auditColumns"><property name="alias" value="${alias}"/></include></sql>
                  <select id="pair">
                    SELECT <include refid="columns"><property name="alias" value="a"/></include>,
                           <include refid="columns"><property name="alias" value="b"/></include>
                    FROM tracks a JOIN tracks b ON b.track_id = a.track_id
                  </select>
                </mapper>
                """);
        SqlSite site = sites(tracks, common).get(0);
        assertEquals(List.of("SELECT a.track_id, a.title, a.created_at, a.updated_at , b.track_id, b.title, "
                + "b.created_at, b.updated_at FROM tracks a JOIN tracks b ON b.track_id = a.track_id"), texts(site));
        SqlText sql = site.variants().get(0);
        // text from this mapper's fragment sits in the fragment; from the other mapper's, there, named by its id
        Origin title = sql.originAt(sql.text().indexOf("a.title") + 2);
        assertEquals(List.of(FILE, 4, 49), List.of(title.file(), title.line(), title.column()));
        assertEquals(null, title.viaConstant());
        Origin audit = sql.originAt(sql.text().indexOf("created_at"));
        assertEquals(List.of(Path.of("/project/src/main/resources/mapper/CommonMapper.xml"), 4, 35, "com.acme.CommonMapper.auditColumns"),
                List.of(audit.file(), audit.line(), audit.column(), audit.viaConstant()));
        assertEquals(List.of(), problems);
    }

    @Test
    void anIncludeOfNothingIsAPlaceholderAndReported() throws Exception {
        SqlSite site = sites(mapper(FILE, """
                <mapper namespace="m">
                  <select id="x">SELECT <include refid="missing"/> FROM tracks</select>
                  <sql id="loop">a, <include refid="loop"/></sql>
                  <select id="y">SELECT <include refid="loop"/> FROM tracks</select>
                </mapper>
                """)).get(0);
        assertEquals(List.of("SELECT sqllint_dyn FROM tracks"), texts(site));
        assertEquals(List.of(
                "STATEMENT_INCOMPLETE 4 mapper.xml <select id=\"x\">: <include refid=\"missing\"> names no <sql> fragment "
                        + "in the mappers read; analysed with a placeholder there",
                "STATEMENT_INCOMPLETE 5 mapper.xml <select id=\"y\">: <include refid=\"loop\"> includes itself or nests "
                        + "too deeply (m.loop > m.loop); analysed with a placeholder there"), problems);
    }

    @Test
    void textCharactersKeepTheirLineAndColumnThroughEntitiesCdataAndLineEnds() throws Exception {
        String body = "<mapper namespace=\"m\">\r\n  <select id=\"x\">\r\n    SELECT a &amp; b, '&#x1F600;' <![CDATA[ , c < d ]]>\r\n"
                + "    FROM t <if test=\"x\">WHERE y = 1</if>\r\n  </select>\r\n</mapper>\r\n";
        SqlSite site = sites(mapper(FILE, body)).get(0);
        SqlText sql = site.variants().get(0);
        // "    SELECT a &amp; b, '&#x1F600;' <![CDATA[ , c < d ]]>"
        assertEquals(List.of(5, 12), at(sql, "a & b"));
        assertEquals(List.of(5, 20), at(sql, "b, "));
        assertEquals(List.of(5, 24), at(sql, "\uD83D"));
        assertEquals(List.of(5, 33), at(sql, "' "));
        assertEquals(List.of(5, 47), at(sql, "c < d"));
        assertEquals(List.of(5, 49), at(sql, "< d"));
        // "    FROM t <if test=\"x\">WHERE y = 1</if>"
        assertEquals(List.of(6, 5), at(sql, "FROM"));
        assertEquals(List.of(6, 25), at(sql, "WHERE"));
        assertTrue(sql.text().contains("'\uD83D\uDE00'"));
    }

    @Test
    void attributeTextKeepsItsPosition() throws Exception {
        SqlSite site = sites(mapper(FILE, """
                <mapper namespace="m">
                  <select id="x">SELECT * FROM t WHERE id IN <foreach collection="ids" item="i"
                      open="(" separator="," close=")">#{i}</foreach></select>
                </mapper>
                """)).get(0);
        SqlText sql = site.variants().get(0);
        assertEquals(List.of(5, 13), at(sql, "("));
        assertEquals(List.of(5, 37), at(sql, ")"));
    }

    @Test
    void manyChoicesAreCappedFullestFirstEveryBranchKept() throws Exception {
        StringBuilder ifs = new StringBuilder();
        for (int i = 0; i < 8; i++) ifs.append("<if test=\"f").append(i).append("\">AND c").append(i).append(" = 1</if>\n");
        SqlSite site = sites(mapper(FILE, """
                <mapper namespace="m">
                  <select id="x">SELECT * FROM t <where>%s<choose><when test="a">AND k = 1</when><when test="b">AND k = 2</when>
                  <otherwise>AND k = 3</otherwise></choose></where></select>
                </mapper>
                """.formatted(ifs))).get(0);
        List<String> texts = texts(site);
        // the fullest, the two other branches, the barest, and each of the eight ifs absent alone
        assertEquals(12, texts.size());
        assertTrue(texts.get(0).matches("SELECT \\* FROM t WHERE c0 = 1.*c7 = 1 AND k = 1"), texts.get(0));
        assertTrue(texts.get(1).endsWith("c7 = 1 AND k = 2"), texts.get(1));
        assertTrue(texts.get(2).endsWith("c7 = 1 AND k = 3"), texts.get(2));
        assertEquals("SELECT * FROM t WHERE k = 3", texts.get(3));
    }

    private static List<Integer> at(SqlText sql, String token) {
        Origin o = sql.originAt(sql.text().indexOf(token));
        return List.of(o.line(), o.column());
    }
}
