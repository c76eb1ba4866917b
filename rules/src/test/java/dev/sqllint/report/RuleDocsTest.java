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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
    void everyRuleNamesItsIncidentAProductionIncidentAndItsPageTellsIt() {
        for (Rule r : Rules.all()) {
            RuleInfo i = r.info();
            assertTrue(i.explanation().contains("a production incident"), i.name() + ": " + i.explanation());
            String page = RuleDocs.pages().get("docs/rules/" + i.name() + ".md");
            assertTrue(page.contains("[a production incident](#the-production-incident)"), i.name());
            assertTrue(page.contains("\n## The production incident\n\n" + i.incident()), i.name());
            assertTrue(RuleDocs.ruleMarkdown(i, "##").contains("[a production incident](" + RuleDocs.helpUri(i)
                    + "#the-production-incident)"), "SARIF's help links to the page's section: " + i.name());
            assertTrue(RuleDocs.ruleText(i).contains(i.incident()), i.name());
        }
    }

    /**
     * The incidents were our starting material ("seeds"), a word that means nothing to a user: no rule text, no user
     * page says it. docs/benchmark.md and docs/fuzzing.md are for contributors, where a seed is a random seed or a
     * fuzzer's first input; the messages are checked by RuleMessagesTest.
     */
    @Test
    void noRuleTextAndNoUserPageSaysSeed() throws Exception {
        Pattern seed = Pattern.compile("(?i)\\bseeds?\\b");
        for (Rule r : Rules.all()) {
            RuleInfo i = r.info();
            for (String field : new String[] {i.title(), i.summary(), i.explanation(), i.incident(), i.before(), i.after(), i.fix()}) {
                assertFalse(seed.matcher(field).find(), i.name() + ": " + field);
            }
        }
        List<Path> pages = new ArrayList<>(List.of(ROOT.resolve("README.md")));
        try (Stream<Path> docs = Files.walk(ROOT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md"))
                    .filter(p -> !Set.of("benchmark.md", "fuzzing.md").contains(p.getFileName().toString()))
                    .forEach(pages::add);
        }
        assertTrue(pages.size() > 10, pages.toString());
        for (Path page : pages) {
            Matcher m = seed.matcher(Files.readString(page, StandardCharsets.UTF_8));
            assertFalse(m.find(), page + " says '" + (m.hitEnd() ? "" : m.group()) + "'");
        }
    }

    @Test
    void everyRuleHasCompleteMetadata() {
        for (Rule r : Rules.all()) {
            RuleInfo i = r.info();
            assertEquals(r.getClass().getSimpleName(), i.name());
            for (String field : new String[] {i.title(), i.summary(), i.explanation(), i.incident(), i.before(), i.after(), i.fix()}) {
                assertFalse(field.isBlank(), i.name());
            }
        }
    }
}
