package dev.sqllint.mybatis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqllint.engine.AnalysisConfig;
import dev.sqllint.engine.AnalysisResult;
import dev.sqllint.engine.Analyzer;
import dev.sqllint.engine.Diagnostic;
import dev.sqllint.rules.Rules;
import dev.sqllint.schema.NamingConventions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mappers are files of unknown origin: read offline and defensively. A DOCTYPE is accepted without loading its
 * DTD; a malformed mapper or one declaring entities (an entity bomb) is reported with its file and skipped,
 * and the other mappers are analysed.
 */
class MapperInputTest {

    @TempDir
    Path project;

    private static final String GOOD = """
            <?xml version="1.0" encoding="UTF-8" ?>
            <!DOCTYPE mapper PUBLIC "-//mybatis.org//DTD Mapper 3.0//EN" "http://mybatis.org/dtd/mybatis-3-mapper.dtd">
            <mapper namespace="com.acme.TrackMapper">
              <select id="byOwner" resultType="map">SELECT t.track_id FROM tracks t WHERE t.owner_id = #{ownerId}</select>
            </mapper>
            """;

    private AnalysisResult analyze() {
        AnalysisConfig config = AnalysisConfig.of(project, List.of(project.resolve("src/main/java")))
                .withSchema(List.of(project.resolve("src/main/resources")), List.of(), List.of(), "spring");
        return new Analyzer(Rules.all(), new NamingConventions()).analyze(config);
    }

    private Path write(String path, String text) throws IOException {
        Path p = project.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void theMyBatisDoctypeIsAcceptedWithoutFetchingOrReadingTheDtd() throws IOException {
        // were the DTD loaded, this one would not parse; were the URL fetched, the run would wait or fail
        Path dtd = write("src/main/resources/broken.dtd", "<!ELEMENT mapper this is not a DTD");
        write("src/main/resources/mapper/TrackMapper.xml", GOOD);
        write("src/main/resources/mapper/LocalDtdMapper.xml", GOOD
                .replace("\"http://mybatis.org/dtd/mybatis-3-mapper.dtd\"", "\"" + dtd.toUri() + "\"")
                .replace("com.acme.TrackMapper", "com.acme.LocalDtdMapper"));
        long started = System.nanoTime();
        AnalysisResult r = analyze();
        assertEquals(List.of(), r.diagnostics());
        assertEquals(2, r.sqlSites());
        assertEquals(2, r.statementsParsed());
        assertTrue((System.nanoTime() - started) / 1_000_000 < 10_000, "no network wait");
    }

    @Test
    void malformedMapperIsReportedWithFileAndLineAndSkipped() throws IOException {
        Path bad = write("src/main/resources/mapper/BrokenMapper.xml", """
                <?xml version="1.0" encoding="UTF-8" ?>
                <mapper namespace="com.acme.BrokenMapper">
                  <select id="recent">
                    SELECT * FROM tracks WHERE created_at < #{since}
                  </select>
                </mapper>
                """);
        write("src/main/resources/mapper/TrackMapper.xml", GOOD);
        AnalysisResult r = analyze();
        assertEquals(1, r.diagnostics().size());
        Diagnostic d = r.diagnostics().get(0);
        assertEquals(List.of(Diagnostic.Kind.FILE_SKIPPED, bad, 4), List.of(d.kind(), d.file(), d.line()));
        assertTrue(d.reason().startsWith("MyBatis mapper not read: The content of elements must consist of well-formed"), d.reason());
        assertEquals(1, r.statementsParsed());
        assertEquals(2, r.filesScanned());
    }

    @Test
    void entityBombIsRejectedBeforeAnyExpansion() throws IOException {
        StringBuilder bomb = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE mapper [\n  <!ENTITY lol \"lol\">\n");
        for (int i = 1; i <= 9; i++) {
            bomb.append("  <!ENTITY lol").append(i).append(" \"").append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10)).append("\">\n");
        }
        bomb.append("]>\n<mapper namespace=\"com.acme.Bomb\"><select id=\"x\">SELECT '&lol9;' FROM tracks</select></mapper>\n");
        Path file = write("src/main/resources/mapper/BombMapper.xml", bomb.toString());
        Path external = write("src/main/resources/mapper/ExternalEntityMapper.xml", """
                <?xml version="1.0"?>
                <!DOCTYPE mapper [ <!ENTITY secret SYSTEM "file:///etc/passwd"> ]>
                <mapper namespace="com.acme.External"><select id="x">SELECT '&secret;' FROM tracks</select></mapper>
                """);
        write("src/main/resources/mapper/TrackMapper.xml", GOOD);
        AnalysisResult r = analyze();
        assertEquals(List.of(
                file + " 3 MyBatis mapper not read: declares the entity lol: entity declarations are refused, none is expanded",
                external + " 2 MyBatis mapper not read: declares the external entity secret: entity declarations are refused, none is loaded"),
                r.diagnostics().stream().map(d -> d.file() + " " + d.line() + " " + d.reason()).sorted().toList());
        assertTrue(r.diagnostics().stream().allMatch(d -> d.kind() == Diagnostic.Kind.FILE_SKIPPED));
        assertEquals(1, r.statementsParsed());
    }

    @Test
    void mappersNextToTheJavaAreReadAndOtherXmlIsPassedOver() throws IOException {
        write("src/main/java/com/acme/TrackMapper.xml", GOOD);
        write("src/main/resources/mybatis-config.xml", """
                <?xml version="1.0" encoding="UTF-8" ?>
                <!DOCTYPE configuration PUBLIC "-//mybatis.org//DTD Config 3.0//EN" "http://mybatis.org/dtd/mybatis-3-config.dtd">
                <configuration><mappers><mapper resource="com/acme/TrackMapper.xml"/></mappers></configuration>
                """);
        write("src/main/resources/logback.xml", "<configuration><root level=\"INFO\"/>");
        AnalysisResult r = analyze();
        assertEquals(List.of(), r.diagnostics());
        assertEquals(1, r.filesScanned());
        assertEquals(1, r.statementsParsed());
    }

    @Test
    void aMalformedScriptAnnotationIsReportedAndTheRestOfTheFileAnalysed() throws IOException {
        Path java = write("src/main/java/com/acme/TrackMapper.java", """
                package com.acme;
                import org.apache.ibatis.annotations.Select;
                interface TrackMapper {
                  @Select("<script>SELECT * FROM tracks WHERE created_at < #{since}</script>")
                  java.util.List<Object> recent(java.time.Instant since);
                  @Select("SELECT * FROM tracks WHERE track_id = #{id}")
                  Object byId(long id);
                }
                """);
        AnalysisResult r = analyze();
        assertEquals(1, r.diagnostics().size());
        Diagnostic d = r.diagnostics().get(0);
        assertEquals(List.of(Diagnostic.Kind.SQL_NOT_PARSED, java, 4), List.of(d.kind(), d.file(), d.line()));
        assertTrue(d.reason().startsWith("@Select: the <script> is not well-formed XML ("), d.reason());
        assertEquals(2, r.sqlSites());
        assertEquals(1, r.statementsParsed());
    }

    @Test
    void aMapperOverTheSizeLimitIsReported() throws IOException {
        Path big = write("src/main/resources/mapper/HugeMapper.xml", GOOD.replace("</mapper>", "<!-- " + "x".repeat(4000) + " -->\n</mapper>"));
        AnalysisConfig config = AnalysisConfig.of(project, List.of(project.resolve("src/main/java")))
                .withSchema(List.of(project.resolve("src/main/resources")), List.of(), List.of(), "spring")
                .withMaxFileBytes(1000);
        AnalysisResult r = new Analyzer(Rules.all(), new NamingConventions()).analyze(config);
        assertEquals(1, r.diagnostics().size());
        assertEquals(big, r.diagnostics().get(0).file());
        assertTrue(r.diagnostics().get(0).reason().startsWith("MyBatis mapper larger than the size limit"));
    }
}
