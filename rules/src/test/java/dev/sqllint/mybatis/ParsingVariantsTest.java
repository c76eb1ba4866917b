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
}
