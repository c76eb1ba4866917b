package dev.sqllint.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.sqllint.rules.Rule;
import dev.sqllint.rules.RuleInfo;
import dev.sqllint.rules.Rules;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RuleDocsTest {

    @Test
    void readmeRuleReferenceIsGeneratedFromRuleInfo() throws Exception {
        Path readme = Path.of("..", "README.md");
        String text = Files.readString(readme, StandardCharsets.UTF_8);
        assertEquals(RuleDocs.updateReadme(text), text,
                "README.md's rule reference is stale: run `mvn -q -pl rules exec:java` (see README) to regenerate it");
    }

    @Test
    void everyRuleHasCompleteMetadata() {
        for (Rule r : Rules.all()) {
            RuleInfo i = r.info();
            assertEquals(r.getClass().getSimpleName(), i.name());
            for (String field : new String[] {i.title(), i.summary(), i.explanation(), i.before(), i.after(), i.fix()}) {
                assertFalse(field.isBlank(), i.name());
            }
        }
    }
}
