package dev.sqllint.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.sqllint.mybatis.MapperFile;
import dev.sqllint.mybatis.MapperFiles;
import dev.sqllint.mybatis.MapperProblems;
import dev.sqllint.mybatis.MapperStatements;
import dev.sqllint.mybatis.MyBatisConfig;
import dev.sqllint.sql.Dialect;
import dev.sqllint.sql.SqlText;
import dev.sqllint.extract.SqlSite;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Property substitution as the Analyzer does it: a {@code mybatis-config.xml} (its {@code <properties>}, a
 * {@code resource} properties file, a {@code <databaseIdProvider>}) and a mapper whose statements use
 * {@code ${...}} through includes with {@code <property>}, {@code <bind>} values and {@code databaseId}s; every
 * substitution nothing defines read where it stands with the parser. The input is the configuration, a line
 * {@code ----}, and the mapper. Whatever cannot be read is a reported problem at a line the file has; every
 * character of every variant comes from one of the files; a property the configuration defines is never left as
 * {@code ${name}} in the SQL.
 */
class MyBatisPropertiesFuzzTest {

    private static final Path ROOT = FuzzChecks.scratchDir("mybatis-properties");
    private static final Path CONFIG = ROOT.resolve("mybatis-config.xml");
    private static final Path MAPPER = ROOT.resolve("com/acme/TaskMapper.xml");
    private static final Path PROPERTIES = ROOT.resolve("db.properties");
    private static final String PROPERTIES_TEXT = "prefix=engine.\nlimitAfter=LIMIT 10\n";

    @FuzzTest(maxDuration = "5m")
    void substituteProperties(byte[] input) throws IOException {
        String text = new String(input, StandardCharsets.UTF_8).replace("\uFFFD", "?");
        int split = text.indexOf("\n----\n");
        String config = split < 0 ? "" : text.substring(0, split);
        String mapper = split < 0 ? text : text.substring(split + 6);
        FuzzChecks.clear(ROOT);
        Files.createDirectories(MAPPER.getParent());
        Files.writeString(CONFIG, config);
        Files.writeString(MAPPER, mapper);
        Files.writeString(PROPERTIES, PROPERTIES_TEXT);
        Map<Path, FuzzChecks.TextBounds> texts = new HashMap<>();
        texts.put(CONFIG, new FuzzChecks.TextBounds(config));
        texts.put(MAPPER, new FuzzChecks.TextBounds(mapper.startsWith("\uFEFF") ? mapper.substring(1) : mapper));
        texts.put(PROPERTIES, new FuzzChecks.TextBounds(PROPERTIES_TEXT));

        MapperProblems problems = (kind, file, line, reason) -> {
            FuzzChecks.check(texts.containsKey(file), "problem reported for " + file);
            FuzzChecks.check(line >= 0 && line <= texts.get(file).lines(), "problem at line " + line + ": " + reason);
            FuzzChecks.check(reason != null && !reason.isBlank(), "problem without a reason");
        };
        List<MapperFile> mappers = new ArrayList<>();
        for (Path p : MapperFiles.find(List.of(ROOT), List.of(), problems)) {
            MapperFiles.read(p, 1 << 20, problems).ifPresent(mappers::add);
        }
        MyBatisConfig mybatis = MyBatisConfig.read(MapperFiles.findConfigurations(List.of(ROOT), List.of(), problems),
                List.of(ROOT), Dialect.POSTGRESQL, 1 << 20, problems);
        for (SqlText value : mybatis.properties().values()) FuzzChecks.checkOrigins(value, texts);
        MapperStatements statements = new MapperStatements(mappers, problems, mybatis, FuzzChecks.PARSER);
        for (MapperFile m : mappers) {
            List<SqlSite> sites = statements.sites(m);
            FuzzChecks.analyzeSites(sites, texts, SqlFuzzTest.JPA);
            for (SqlSite site : sites) {
                for (SqlText variant : site.variants()) {
                    for (String name : mybatis.properties().keySet()) {
                        // a value may itself hold ${...}: MyBatis does not substitute values again either
                        boolean fromValue = mybatis.properties().values().stream().anyMatch(v -> v.text().contains("${" + name + "}"));
                        FuzzChecks.check(fromValue || name.contains("}") || !variant.text().contains("${" + name + "}"),
                                "configured ${" + name + "} left in: " + FuzzChecks.brief(variant.text()));
                    }
                }
            }
        }
    }
}
