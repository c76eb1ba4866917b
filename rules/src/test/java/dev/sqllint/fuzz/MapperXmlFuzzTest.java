package dev.sqllint.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.sqllint.mybatis.MapperFile;
import dev.sqllint.mybatis.MapperFiles;
import dev.sqllint.mybatis.MapperProblems;
import dev.sqllint.mybatis.MapperStatements;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A MyBatis XML mapper file, read as the Analyzer reads mappers: found under a resource root, parsed with
 * positions, its statements' dynamic SQL ({@code <if>}, {@code <choose>}, {@code <foreach>}, {@code <where>},
 * {@code <set>}, {@code <trim>}, {@code <bind>}, {@code <include>}) expanded into variants, and each variant
 * through the rules. A second, fixed mapper declares fragments the fuzzed one may include across namespaces.
 * Whatever cannot be read must be a reported problem, with a line the file has.
 */
class MapperXmlFuzzTest {

    private static final Path ROOT = FuzzChecks.scratchDir("mappers");
    private static final Path MAPPER = ROOT.resolve("com/acme/AccountMapper.xml");
    private static final Path COMMON = ROOT.resolve("com/acme/CommonMapper.xml");
    private static final String COMMON_XML = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE mapper PUBLIC "-//mybatis.org//DTD Mapper 3.0//EN" "https://mybatis.org/dtd/mybatis-3-mapper.dtd">
            <mapper namespace="com.acme.CommonMapper">
              <sql id="accountColumns">${alias}.id, ${alias}.status, ${alias}.owner_id</sql>
              <sql id="visibleTo">
                <where>
                  <if test="ownerId != null">${alias}.owner_id = #{ownerId}</if>
                  <if test="groupIds != null">OR ${alias}.id IN (SELECT g.account_id FROM account_groups g WHERE g.group_id IN
                    <foreach item="g" collection="groupIds" open="(" separator="," close=")">#{g}</foreach>)</if>
                </where>
              </sql>
            </mapper>
            """;
    /** An encoding the prolog declares, which the reader honours; then the text is not the UTF-8 we measure. */
    private static final Pattern OTHER_ENCODING = Pattern.compile("(?is)^\\s*<\\?xml[^>]*encoding\\s*=\\s*[\"'](?!utf-?8[\"'])");

    @FuzzTest(maxDuration = "5m")
    void readMapper(byte[] input) throws IOException {
        FuzzChecks.clear(ROOT);
        Files.createDirectories(MAPPER.getParent());
        Files.write(MAPPER, input);
        Files.writeString(COMMON, COMMON_XML);

        Map<Path, FuzzChecks.TextBounds> texts = new HashMap<>();
        texts.put(COMMON, new FuzzChecks.TextBounds(COMMON_XML));
        String text = new String(input, StandardCharsets.UTF_8);
        boolean measurable = !text.startsWith("\uFFFD\uFFFD") && !OTHER_ENCODING.matcher(text).find();
        texts.put(MAPPER, measurable ? new FuzzChecks.TextBounds(text.startsWith("\uFEFF") ? text.substring(1) : text)
                : FuzzChecks.TextBounds.UNKNOWN);

        MapperProblems problems = (kind, file, line, reason) -> {
            FuzzChecks.check(file.equals(MAPPER) || file.equals(COMMON), "problem reported for " + file);
            FuzzChecks.check(line >= 0, "problem at line " + line);
            FuzzChecks.check(line <= texts.get(file).lines(), "problem at line " + line + " of a "
                    + texts.get(file).lines() + "-line file: " + reason);
            FuzzChecks.check(reason != null && !reason.isBlank(), "problem without a reason");
        };
        List<Path> found = MapperFiles.find(List.of(ROOT), List.of(), problems);
        List<MapperFile> mappers = new ArrayList<>();
        for (Path p : found) MapperFiles.read(p, 1 << 20, problems).ifPresent(mappers::add);
        FuzzChecks.check(mappers.stream().anyMatch(m -> m.path().equals(COMMON)), "the fixed mapper is always read");

        MapperStatements statements = new MapperStatements(mappers, problems);
        for (MapperFile mapper : mappers) {
            mapper.ignoreComments();
            FuzzChecks.analyzeSites(statements.sites(mapper), texts, SqlFuzzTest.JPA);
        }
    }
}
