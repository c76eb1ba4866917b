package dev.sqllint.engine;

import dev.sqllint.rules.Rule;
import dev.sqllint.rules.Rules;
import dev.sqllint.rules.Severity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which rules run, and at what severity their findings are reported, as the build configures it. A
 * disabled rule does not run at all (its cost and its findings both go); an overridden severity replaces
 * the rule's own on each of its findings. A rule name that no rule has is a configuration error, reported
 * with the valid names, never ignored: a misspelt disable would otherwise quietly keep the rule on.
 */
public final class RuleSelection {

    /**
     * One rule's settings as written in the build: {@code enabled} and {@code severity} are null when not
     * set, which leaves the rule as it is.
     */
    public record Setting(String name, Boolean enabled, String severity) {
    }

    private final List<Rule> rules;
    private final Map<String, Severity> severities;

    private RuleSelection(List<Rule> rules, Map<String, Severity> severities) {
        this.rules = List.copyOf(rules);
        this.severities = Map.copyOf(severities);
    }

    /** Every rule, at its own severity. */
    public static RuleSelection all() {
        return new RuleSelection(Rules.all(), Map.of());
    }

    /**
     * Applies the settings (later ones win for the same rule, a disable anywhere wins) and the list of disabled
     * rules; blank names in that list are skipped.
     *
     * @throws InvalidConfigurationException on an unknown rule name, a setting without a name, or a severity
     *                                       that is not error, warning or info
     */
    public static RuleSelection of(List<Setting> settings, List<String> disabledRules) {
        Set<String> unknown = new LinkedHashSet<>();
        Set<String> disabled = new LinkedHashSet<>();
        Map<String, Severity> severities = new HashMap<>();
        for (Setting s : settings) {
            if (s.name() == null || s.name().isBlank()) {
                throw new InvalidConfigurationException("sqllint: a <rule> has no <name>; valid names: " + validNames());
            }
            String name = s.name().strip();
            if (Rules.named(name).isEmpty()) {
                unknown.add(name);
                continue;
            }
            if (Boolean.FALSE.equals(s.enabled())) disabled.add(name);
            if (s.severity() != null && !s.severity().isBlank()) {
                severities.put(name, Severities.parse(s.severity(), "the severity of rule " + name));
            }
        }
        for (String d : disabledRules) {
            if (d == null || d.isBlank()) continue;
            String name = d.strip();
            if (Rules.named(name).isEmpty()) unknown.add(name);
            else disabled.add(name);
        }
        if (!unknown.isEmpty()) {
            throw new InvalidConfigurationException("sqllint: unknown rule name" + (unknown.size() == 1 ? " " : "s ")
                    + String.join(", ", unknown) + " in the configuration (rules, disabledRules); valid names: " + validNames());
        }
        List<Rule> enabled = new ArrayList<>();
        for (Rule r : Rules.all()) if (!disabled.contains(r.info().name())) enabled.add(r);
        return new RuleSelection(enabled, severities);
    }

    /** The rules to run, in reporting order. */
    public List<Rule> rules() {
        return rules;
    }

    /** The rule's severity as configured: the override, or the rule's own. */
    public Severity severityOf(Rule rule) {
        return severities.getOrDefault(rule.info().name(), rule.info().severity());
    }

    /** The finding with its rule's configured severity. */
    public Finding apply(Finding f) {
        Severity s = severities.get(f.rule());
        return s == null || s == f.severity() ? f : f.withSeverity(s);
    }

    /** The run with every finding at its rule's configured severity. */
    public AnalysisResult apply(AnalysisResult result) {
        if (severities.isEmpty()) return result;
        return result.withFindings(result.findings().stream().map(this::apply).toList());
    }

    /** The rule names a user may write, in reporting order. */
    public static String validNames() {
        return Rules.all().stream().map(r -> r.info().name()).collect(Collectors.joining(", "));
    }
}
