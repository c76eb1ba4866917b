package dev.sqllint.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqllint.rules.Rule;
import dev.sqllint.rules.RuleInfo;
import dev.sqllint.rules.Rules;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class RuleDocsTest {

    private static final Path ROOT = Path.of("..");
    private static final String REGENERATE = ": run `mvn -q -pl rules compile exec:java@rule-docs` to regenerate it";

    @Test
    void readmeRuleTableIsGeneratedFromRuleInfo() throws Exception {
        String text = Files.readString(ROOT.resolve("README.md"), StandardCharsets.UTF_8);
        assertEquals(RuleDocs.updateReadme(text), text, "README.md's rule table is stale" + REGENERATE);
    }

    @Test
    void everyRulePageIsGeneratedFromRuleInfoAndNoOtherIsThere() throws Exception {
        Map<String, String> pages = RuleDocs.pages();
        for (Map.Entry<String, String> page : pages.entrySet()) {
            Path file = ROOT.resolve(page.getKey());
            assertTrue(Files.isRegularFile(file), file + " is missing" + REGENERATE);
            assertEquals(page.getValue(), Files.readString(file, StandardCharsets.UTF_8), file + " is stale" + REGENERATE);
        }
        try (Stream<Path> files = Files.list(ROOT.resolve("docs/rules"))) {
            assertEquals(new TreeSet<>(pages.keySet()),
                    files.map(f -> "docs/rules/" + f.getFileName()).collect(Collectors.toCollection(TreeSet::new)),
                    "docs/rules holds exactly the generated pages (a rule renamed or removed leaves a page behind)");
        }
    }

    @Test
    void sarifHelpUriNamesTheRulesPage() {
        for (Rule r : Rules.all()) {
            assertTrue(RuleDocs.helpUri(r.info()).endsWith("/" + "docs/rules/" + r.info().name() + ".md"));
            assertTrue(RuleDocs.pages().containsKey("docs/rules/" + r.info().name() + ".md"));
        }
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
