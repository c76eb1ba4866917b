package dev.sqllint.maven;

import dev.sqllint.engine.RuleSelection;

/**
 * One {@code <rule>} of the {@code <rules>} configuration:
 * <pre>
 * &lt;rule&gt;&lt;name&gt;DistinctOnHistoryScan&lt;/name&gt;&lt;severity&gt;error&lt;/severity&gt;&lt;/rule&gt;
 * &lt;rule&gt;&lt;name&gt;JoinForScalarOnly&lt;/name&gt;&lt;enabled&gt;false&lt;/enabled&gt;&lt;/rule&gt;
 * </pre>
 * Maven fills the fields; what is left out keeps the rule's own setting.
 */
public class RuleConfig {

    /** The rule's name, as in the report ({@code DistinctOnHistoryScan}). */
    private String name;

    /** {@code error}, {@code warning} or {@code info}: replaces the rule's own severity. */
    private String severity;

    /** {@code false}: the rule does not run. */
    private Boolean enabled;

    public RuleConfig() {
    }

    RuleConfig(String name, String severity, Boolean enabled) {
        this.name = name;
        this.severity = severity;
        this.enabled = enabled;
    }

    RuleSelection.Setting toSetting() {
        return new RuleSelection.Setting(name, enabled, severity);
    }

    @Override
    public String toString() {
        return "rule " + name + (enabled == null ? "" : " enabled=" + enabled) + (severity == null ? "" : " severity=" + severity);
    }
}
