package dev.sqllint.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.sqllint.engine.AnalysisResult;
import dev.sqllint.rules.Rules;
import dev.sqllint.testing.LintTestHelper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The SARIF report validates against the official OASIS SARIF 2.1.0 schema (errata 01, shipped under
 * {@code src/test/resources/sarif}; JSON Schema draft-04), read offline: GitHub code scanning rejects an
 * upload that does not.
 */
class SarifSchemaTest {

    private static final Schema SARIF_2_1_0 = loadSchema();

    @Test
    void reportWithFindingsOfSeveralRulesAndANotificationIsValid() {
        LintTestHelper project = ReportFixtures.project();
        AnalysisResult result = project.run();
        assertEquals(3, result.findings().size(), "fixture findings");
        assertEquals(1, result.diagnostics().size(), "fixture diagnostics");

        String sarif = Json.write(SarifWriter.sarif(result, project.root(), project.root().getParent(), "1.2.3"));

        assertEquals(List.of(), messages(SARIF_2_1_0.validate(sarif, InputFormat.JSON)));
    }

    @Test
    void reportWithoutFindingsIsValid() {
        LintTestHelper project = LintTestHelper.forAllRules().addSource("src/main/java/com/acme/Empty.java",
                "package com.acme;\nclass Empty {}\n");
        String sarif = Json.write(SarifWriter.sarif(project.run(), project.root(), "dev"));

        assertEquals(List.of(), messages(SARIF_2_1_0.validate(sarif, InputFormat.JSON)));
    }

    /**
     * What SARIF validators check beyond the schema (the SARIF multitool's SARIF1001 and SARIF2005/2012): the tool
     * says where it is documented, and each rule has a readable PascalCase name that is not its id, and a help page.
     */
    @Test
    @SuppressWarnings("unchecked")
    void toolAndRulesCarryInformationUriHelpUriAndANameThatIsNotTheId() {
        LintTestHelper project = ReportFixtures.project();
        Map<String, Object> driver = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>)
                ((List<Object>) SarifWriter.sarif(project.run(), project.root(), "1.2.3").get("runs")).get(0)).get("tool")).get("driver");

        assertTrue(URI.create((String) driver.get("informationUri")).isAbsolute(), driver.get("informationUri").toString());
        List<Map<String, Object>> rules = (List<Map<String, Object>>) driver.get("rules");
        assertEquals(Rules.all().size(), rules.size());
        for (Map<String, Object> rule : rules) {
            String id = (String) rule.get("id");
            String name = (String) rule.get("name");
            assertNotEquals(id, name);
            assertTrue(name.matches("[A-Z][a-z0-9]*(?:[A-Z][a-z0-9]*)+"), name + " is PascalCase");
            URI help = URI.create((String) rule.get("helpUri"));
            assertTrue(help.isAbsolute() && help.getPath().endsWith("/docs/rules/" + id + ".md"), help.toString());
        }
        assertEquals("OrAcrossTwoAccessPaths", rules.get(1).get("name"));
    }

    @Test
    void theSchemaIsNotVacuous() {
        String broken = """
                {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "sqllint"}},
                  "results": [{"message": {"text": "x"}, "level": "fatal"}]}]}
                """;

        assertFalse(SARIF_2_1_0.validate(broken, InputFormat.JSON).isEmpty(), "an unknown level must not validate");
    }

    private static List<String> messages(List<Error> errors) {
        return errors.stream().map(Error::toString).toList();
    }

    private static Schema loadSchema() {
        try (InputStream in = SarifSchemaTest.class.getResourceAsStream("/sarif/sarif-schema-2.1.0.json")) {
            if (in == null) throw new IllegalStateException("sarif-schema-2.1.0.json missing from test resources");
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
