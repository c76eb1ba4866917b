package dev.sqllint.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.sqllint.engine.AnalysisResult;
import dev.sqllint.testing.LintTestHelper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
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
