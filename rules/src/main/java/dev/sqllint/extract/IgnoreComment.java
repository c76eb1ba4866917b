package dev.sqllint.extract;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code // sqllint:ignore [RuleName[,RuleName…]] [reason]} comment. The first word names the rules
 * when it reads like rule names (CamelCase words, such as {@code DistinctOnHistoryScan}); otherwise the
 * comment ignores every rule and all of its text is the reason. So a misspelt rule name ignores nothing
 * rather than everything.
 *
 * @param rules   the rules named, empty when the comment ignores every rule
 * @param reason  why, as written after the rule names ({@code ""} when none)
 * @param text    the comment as written, for reports
 */
public record IgnoreComment(Set<String> rules, String reason, String text) {

    private static final Pattern IGNORE = Pattern.compile("^sqllint:ignore(?:\\s+(.*))?$", Pattern.DOTALL);
    private static final Pattern RULE_NAMES = Pattern.compile("[A-Z][a-z0-9]+[A-Z][A-Za-z0-9]*(?:,[A-Z][a-z0-9]+[A-Z][A-Za-z0-9]*)*");
    private static final Pattern LEADING_PUNCTUATION = Pattern.compile("^[-:–—]+\\s*");

    public IgnoreComment {
        rules = Set.copyOf(rules);
    }

    /** Parses a comment's content (the text inside {@code //} or {@code /* *}{@code /}); empty when it is another comment. */
    public static Optional<IgnoreComment> parse(String content, String text) {
        Matcher m = IGNORE.matcher(content.strip());
        if (!m.matches()) return Optional.empty();
        String rest = m.group(1) == null ? "" : m.group(1).strip().replaceAll("\\s+", " ");
        String first = rest.isEmpty() ? "" : rest.split(" ", 2)[0];
        String names = first.replaceFirst("[:;.]$", ""); // "DistinctOnHistoryScan: reason"
        if (RULE_NAMES.matcher(names).matches()) {
            String reason = rest.substring(first.length()).strip();
            return Optional.of(new IgnoreComment(Set.copyOf(Arrays.asList(names.split(","))), withoutLeadingPunctuation(reason), text));
        }
        return Optional.of(new IgnoreComment(Set.of(), withoutLeadingPunctuation(rest), text));
    }

    /** The reason of a finding's {@code suppressedBy} text, when it is an ignore comment that gives one. */
    public static Optional<String> reasonOf(String suppressedBy) {
        if (suppressedBy == null) return Optional.empty();
        String s = suppressedBy.strip();
        if (s.startsWith("//")) s = s.substring(2);
        else if (s.startsWith("/*") && s.endsWith("*/") && s.length() >= 4) s = s.substring(2, s.length() - 2);
        else if (s.startsWith("<!--") && s.endsWith("-->") && s.length() >= 7) s = s.substring(4, s.length() - 3);
        else return Optional.empty();
        return parse(s, suppressedBy).map(IgnoreComment::reason).filter(r -> !r.isEmpty());
    }

    private static String withoutLeadingPunctuation(String reason) {
        return LEADING_PUNCTUATION.matcher(reason).replaceFirst("");
    }

    public boolean covers(String rule) {
        return rules.isEmpty() || rules.contains(rule);
    }
}
