package dev.sqllint.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqllint.engine.AnalysisResult;
import dev.sqllint.testing.LintTestHelper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SarifWriterTest {

    @Test
    void oneResultPerFindingWithRuleIdRelativeUriAndRegion() throws Exception {
        LintTestHelper helper = LintTestHelper.forAllRules().addSource("src/main/java/com/acme/TrackDao.java", """
                package com.acme;
                import org.springframework.jdbc.core.JdbcTemplate;
                class TrackDao {
                  JdbcTemplate jdbc;
                  Object tracks(long u) {
                    return jdbc.queryForList("SELECT t.* FROM tracks t WHERE t.owner_id = ? OR t.track_id IN "
                        + "(SELECT c.track_id FROM track_collaborators c WHERE c.user_id = ?)", u, u);
                  }
                }
                """);
        AnalysisResult result = helper.run();
        Path out = helper.root().resolve("target/sqllint/sqllint.sarif");
        SarifWriter.write(result, helper.root(), out, "1.2.3");
        String json = Files.readString(out, StandardCharsets.UTF_8);
        assertTrue(json.contains("\"version\": \"2.1.0\""));
        assertTrue(json.contains("\"ruleId\": \"OrAcrossAccessPaths\""));
        assertTrue(json.contains("\"uri\": \"src/main/java/com/acme/TrackDao.java\""));
        assertTrue(json.contains("\"startLine\": 6"));
        assertTrue(json.contains("\"startColumn\": 77"), json);

        Map<String, Object> sarif = SarifWriter.sarif(result, helper.root(), "1.2.3");
        Map<?, ?> run = (Map<?, ?>) ((List<?>) sarif.get("runs")).get(0);
        Map<?, ?> driver = (Map<?, ?>) ((Map<?, ?>) run.get("tool")).get("driver");
        List<?> rules = (List<?>) driver.get("rules");
        assertEquals(dev.sqllint.rules.Rules.all().size(), rules.size());
        assertEquals(1, ((List<?>) run.get("results")).size());
        Map<?, ?> rule = (Map<?, ?>) rules.get(0);
        assertTrue(((Map<?, ?>) rule.get("help")).get("markdown").toString().contains("```sql"));
    }

    @Test
    void jsonEscapesControlCharactersAndQuotes() {
        assertEquals("{\n  \"a\": \"x\\\"y\\n\\u0001\"\n}\n", Json.write(Map.of("a", "x\"y\n\u0001")));
    }
}
