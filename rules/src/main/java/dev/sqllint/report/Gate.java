package dev.sqllint.report;

import dev.sqllint.engine.Finding;
import dev.sqllint.engine.InvalidConfigurationException;
import dev.sqllint.engine.Severities;
import dev.sqllint.rules.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides whether a run's findings fail the build. A finding counts against the gate when the code did not
 * suppress it and its severity is at or above {@code failOnSeverity}; the build fails when more findings
 * count than {@code maxAllowedViolations}. Findings that do not count are still reported: a team can
 * tighten the gate step by step (start at {@code error}, or at today's count) without hiding anything.
 */
public final class Gate {

    /** The outcome: the findings that count, and what was left out and why. */
    public record Verdict(List<Finding> failing, int belowThreshold, int suppressed, boolean fails) {
    }

    private final Severity failOnSeverity;
    private final int maxAllowedViolations;

    /** @throws InvalidConfigurationException when {@code maxAllowedViolations} is negative */
    public Gate(Severity failOnSeverity, int maxAllowedViolations) {
        if (maxAllowedViolations < 0) {
            throw new InvalidConfigurationException("sqllint: maxAllowedViolations is " + maxAllowedViolations
                    + "; it must be 0 or more");
        }
        this.failOnSeverity = failOnSeverity;
        this.maxAllowedViolations = maxAllowedViolations;
    }

    /** From configuration: {@code failOnSeverity} is error, warning or info. */
    public static Gate of(String failOnSeverity, int maxAllowedViolations) {
        return new Gate(Severities.parse(failOnSeverity, "failOnSeverity"), maxAllowedViolations);
    }

    public Verdict judge(List<Finding> findings) {
        List<Finding> failing = new ArrayList<>();
        int below = 0;
        int suppressed = 0;
        for (Finding f : findings) {
            if (f.isSuppressed()) suppressed++;
            else if (!Severities.atLeast(f.severity(), failOnSeverity)) below++;
            else failing.add(f);
        }
        return new Verdict(List.copyOf(failing), below, suppressed, failing.size() > maxAllowedViolations);
    }

    /** One line for the console: what counted and what the gate allows. */
    public String summary(Verdict v) {
        return summary(v, true);
    }

    /**
     * The same line; when the gate is not enforced ({@code failOnViolation=false}) a failing verdict reads "would
     * fail", so the line never says "fails" just above BUILD SUCCESS.
     */
    public String summary(Verdict v, boolean enforced) {
        StringBuilder sb = new StringBuilder("sqllint: gate: ").append(v.failing().size())
                .append(v.failing().size() == 1 ? " finding" : " findings").append(" at or above ")
                .append(Severities.name(failOnSeverity)).append(", ").append(maxAllowedViolations).append(" allowed");
        if (v.belowThreshold() > 0) sb.append("; ").append(v.belowThreshold()).append(" below ").append(Severities.name(failOnSeverity));
        if (v.suppressed() > 0) sb.append("; ").append(v.suppressed()).append(" suppressed");
        if (!v.fails()) return sb.append(": passes").toString();
        return sb.append(enforced ? ": fails" : ": would fail (failOnViolation=false, so the build goes on)").toString();
    }

    public Severity failOnSeverity() {
        return failOnSeverity;
    }

    public int maxAllowedViolations() {
        return maxAllowedViolations;
    }
}
