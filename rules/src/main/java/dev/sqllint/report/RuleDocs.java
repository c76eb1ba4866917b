package dev.sqllint.report;

import dev.sqllint.rules.Rule;
import dev.sqllint.rules.RuleInfo;
import dev.sqllint.rules.Rules;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Generates rule documentation from {@link RuleInfo}: the README's rule reference (between the
 * {@code rules:start} and {@code rules:end} markers) and SARIF's rule help. Run {@code main} with the
 * README's path to regenerate it; a test fails when the README is out of date.
 */
public final class RuleDocs {

    public static final String START = "<!-- rules:start (generated from @RuleInfo by RuleDocs; do not edit) -->";
    public static final String END = "<!-- rules:end -->";

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

    /** The rule reference in Markdown. */
    public static String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("| Rule | Severity | What it finds |\n| --- | --- | --- |\n");
        for (Rule r : Rules.all()) {
            RuleInfo i = r.info();
            md.append("| [`").append(i.name()).append("`](#").append(i.name().toLowerCase()).append(") | ")
                    .append(i.severity().name().toLowerCase()).append(" | ").append(i.summary()).append(" |\n");
        }
        for (Rule r : Rules.all()) md.append('\n').append(ruleMarkdown(r.info(), "###"));
        return md.toString();
    }

    /** One rule's help: summary, explanation, fix, and the before/after SQL. */
    public static String ruleMarkdown(RuleInfo i, String heading) {
        return heading + " " + i.name() + "\n\n"
                + "**" + i.summary() + ".**\n\n"
                + i.explanation() + "\n\n"
                + "Fix: " + i.fix() + ".\n\n"
                + "Before:\n\n```sql\n" + i.before() + "\n```\n\n"
                + "After:\n\n```sql\n" + i.after() + "\n```\n";
    }

    /** Plain-text help, for SARIF {@code help.text}. */
    public static String ruleText(RuleInfo i) {
        return i.summary() + ".\n\n" + i.explanation() + "\n\nFix: " + i.fix() + ".\n\nBefore:\n" + i.before()
                + "\n\nAfter:\n" + i.after();
    }

    /** The README with its rule section replaced by the generated one. */
    public static String updateReadme(String readme) {
        int start = readme.indexOf(START);
        int end = readme.indexOf(END);
        if (start < 0 || end < start) throw new IllegalArgumentException("README lacks the rules markers");
        return readme.substring(0, start + START.length()) + "\n" + markdown() + readme.substring(end);
    }

    public static void main(String[] args) throws IOException {
        Path readme = Path.of(args.length > 0 ? args[0] : "README.md");
        String text = Files.readString(readme, StandardCharsets.UTF_8);
        Files.writeString(readme, updateReadme(text), StandardCharsets.UTF_8);
    }
}
