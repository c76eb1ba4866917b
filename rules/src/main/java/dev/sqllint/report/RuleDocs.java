package dev.sqllint.report;

import dev.sqllint.rules.Rule;
import dev.sqllint.rules.RuleInfo;
import dev.sqllint.rules.Rules;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Generates rule documentation from {@link RuleInfo}: one page per rule under {@code docs/rules/}, their index
 * ({@code docs/rules/README.md}), the README's rule table (between the {@code rules:start} and {@code rules:end}
 * markers, linking to the pages) and SARIF's rule help. Run {@code main} with the repository's root
 * ({@code mvn -q -pl rules compile exec:java@rule-docs}); a test fails when a generated file is out of date.
 */
public final class RuleDocs {

    public static final String START = "<!-- rules:start (generated from @RuleInfo by RuleDocs; do not edit) -->";
    public static final String END = "<!-- rules:end -->";
    /**
     * How the docs and the messages name the incident behind a rule: the user never saw the write-ups we started
     * from, so they are "a production incident", told on the rule's page.
     */
    public static final String INCIDENT = "a production incident";
    static final String INCIDENT_HEADING = "The production incident";
    static final String INCIDENT_ANCHOR = "the-production-incident";
    /** Where the incident's numbers come from, said after it (with the link when the address is known). */
    private static final String WRITE_UP = "Told from the developers' public write-up";
    static final String GENERATED = "<!-- generated from @RuleInfo by RuleDocs (mvn -q -pl rules compile exec:java@rule-docs); do not edit -->";

    private RuleDocs() {
    }

    /**
     * Where sqllint's documentation lives: SARIF's {@code tool.driver.informationUri}, and the base of each rule's
     * {@code helpUri} (its page under {@code docs/rules/}). One place to change when the repository moves.
     */
    public static final String HOME = "https://github.com/sqllint/sqllint";

    /** A rule's page: {@code docs/rules/<Rule>.md} in the repository. */
    public static String helpUri(RuleInfo i) {
        return HOME + "/blob/main/docs/rules/" + i.name() + ".md";
    }

    /** The rule's title; its name split into words when it has none. */
    public static String title(RuleInfo i) {
        if (!i.title().isBlank()) return i.title();
        String words = i.name().replaceAll("(?<=[a-z0-9])(?=[A-Z])", " ").toLowerCase();
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** {@code "OR across two access paths"} as {@code OrAcrossTwoAccessPaths}. */
    public static String pascalCase(String words) {
        StringBuilder out = new StringBuilder();
        for (String w : words.split("[^A-Za-z0-9]+")) {
            if (w.isEmpty()) continue;
            out.append(Character.toUpperCase(w.charAt(0))).append(w.substring(1).toLowerCase());
        }
        return out.toString();
    }

    /** The rule table: name (linking to the rule's page under {@code pagesDir}), severity, what it finds. */
    public static String markdown(String pagesDir) {
        StringBuilder md = new StringBuilder();
        md.append("| Rule | Severity | What it finds |\n| --- | --- | --- |\n");
        for (Rule r : Rules.all()) {
            RuleInfo i = r.info();
            md.append("| [`").append(i.name()).append("`](").append(pagesDir).append(i.name()).append(".md) | ")
                    .append(i.severity().name().toLowerCase()).append(" | ").append(i.summary()).append(" |\n");
        }
        return md.toString();
    }

    /** {@code docs/rules/<Rule>.md}: the rule's page. */
    public static String page(RuleInfo i) {
        return GENERATED + "\n\n" + ruleMarkdown(i, "#", "#" + INCIDENT_ANCHOR)
                .replaceFirst("^# " + i.name(), "# " + i.name() + ": " + title(i))
                + "\nSeverity: `" + i.severity().name().toLowerCase() + "` (change it, or turn the rule off, with `<rules>` "
                + "in the plugin's configuration: see the [README](../../README.md#configuration)). Suppress one finding "
                + "with `@SuppressWarnings(\"sqllint:" + i.name() + "\")` or `// sqllint:ignore " + i.name()
                + " reason` ([suppressions](../suppressions.md)).\n";
    }

    /** {@code docs/rules/README.md}: the index of the rule pages. */
    public static String index() {
        return GENERATED + "\n\n# Rules\n\nThe advice is written for the project's SQL dialect (`sqllint.dialect`; PostgreSQL "
                + "unless configured or found among the JDBC drivers).\n\n" + markdown("");
    }

    /** One rule's help for SARIF's {@code help.markdown}: its incident linked on the rule's page. */
    public static String ruleMarkdown(RuleInfo i, String heading) {
        return ruleMarkdown(i, heading, helpUri(i) + "#" + INCIDENT_ANCHOR);
    }

    /**
     * One rule's help: summary, explanation (its "a production incident" a link to {@code incidentLink}), fix, the
     * before/after SQL, and the incident.
     */
    static String ruleMarkdown(RuleInfo i, String heading, String incidentLink) {
        return heading + " " + i.name() + "\n\n"
                + "**" + i.summary() + ".**\n\n"
                + linked(i.explanation(), incidentLink) + "\n\n"
                + "Fix: " + i.fix() + ".\n\n"
                + "Before:\n\n```" + fence(i) + "\n" + i.before() + "\n```\n\n"
                + "After:\n\n```" + fence(i) + "\n" + i.after() + "\n```\n\n"
                + heading + "# " + INCIDENT_HEADING + "\n\n"
                + i.incident() + " " + (i.incidentSource().isEmpty() ? WRITE_UP + "."
                        : "[" + WRITE_UP + "](" + i.incidentSource() + ").") + "\n";
    }

    /** The examples' language: Java repository methods when the rule judges JPA queries, else SQL. */
    private static String fence(RuleInfo i) {
        return i.exampleEntities().isEmpty() ? i.exampleLanguage() : "java";
    }

    /** Plain-text help, for SARIF {@code help.text}. */
    public static String ruleText(RuleInfo i) {
        return i.summary() + ".\n\n" + i.explanation() + "\n\nFix: " + i.fix() + ".\n\nBefore:\n" + i.before()
                + "\n\nAfter:\n" + i.after() + "\n\n" + INCIDENT_HEADING + ": " + i.incident() + " " + WRITE_UP
                + (i.incidentSource().isEmpty() ? "." : ": " + i.incidentSource());
    }

    /** The explanation with its first {@value #INCIDENT} as a Markdown link. */
    static String linked(String explanation, String target) {
        int at = explanation.indexOf(INCIDENT);
        if (at < 0) return explanation;
        return explanation.substring(0, at) + "[" + INCIDENT + "](" + target + ")" + explanation.substring(at + INCIDENT.length());
    }

    /** The README with its rule table replaced by the generated one. */
    public static String updateReadme(String readme) {
        int start = readme.indexOf(START);
        int end = readme.indexOf(END);
        if (start < 0 || end < start) throw new IllegalArgumentException("README lacks the rules markers");
        return readme.substring(0, start + START.length()) + "\n" + markdown("docs/rules/") + readme.substring(end);
    }

    /** Every generated file, by its path relative to the repository's root, with its content. */
    public static Map<String, String> pages() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("docs/rules/README.md", index());
        for (Rule r : Rules.all()) out.put("docs/rules/" + r.info().name() + ".md", page(r.info()));
        return out;
    }

    /** Regenerates the README's rule table and the rule pages under the repository root given (default: here). */
    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : ".");
        Path readme = root.resolve("README.md");
        Files.writeString(readme, updateReadme(Files.readString(readme, StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
        for (Map.Entry<String, String> page : pages().entrySet()) {
            Path file = root.resolve(page.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, page.getValue(), StandardCharsets.UTF_8);
        }
    }
}
