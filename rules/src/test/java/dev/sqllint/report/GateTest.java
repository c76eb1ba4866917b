package dev.sqllint.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqllint.engine.Finding;
import dev.sqllint.engine.InvalidConfigurationException;
import dev.sqllint.rules.Severity;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class GateTest {

    private static final Finding ERROR = finding("DistinctOnHistoryScan", Severity.ERROR);
    private static final Finding WARNING = finding("OrAcrossAccessPaths", Severity.WARNING);
    private static final Finding INFO = finding("JoinForScalarOnly", Severity.INFO);
    private static final Finding SUPPRESSED_ERROR = ERROR.withSuppression("@SuppressWarnings(\"sqllint\")");

    @Test
    void byDefaultEveryUnsuppressedFindingFails() {
        Gate gate = Gate.of("info", 0);
        Gate.Verdict v = gate.judge(List.of(INFO));
        assertTrue(v.fails());
        assertEquals(List.of(INFO), v.failing());
        assertFalse(gate.judge(List.of()).fails());
    }

    @Test
    void suppressedFindingsNeverFail() {
        Gate.Verdict v = Gate.of("info", 0).judge(List.of(SUPPRESSED_ERROR));
        assertFalse(v.fails());
        assertEquals(1, v.suppressed());
    }

    @Test
    void findingsBelowFailOnSeverityAreCountedButDoNotFail() {
        Gate gate = Gate.of("error", 0);
        Gate.Verdict warningsOnly = gate.judge(List.of(WARNING, INFO));
        assertFalse(warningsOnly.fails());
        assertEquals(2, warningsOnly.belowThreshold());
        assertTrue(gate.judge(List.of(WARNING, ERROR)).fails());
        assertEquals(List.of(ERROR), gate.judge(List.of(WARNING, ERROR)).failing());

        Gate warning = Gate.of("WARNING", 0);
        assertTrue(warning.judge(List.of(WARNING)).fails());
        assertFalse(warning.judge(List.of(INFO)).fails());
    }

    @Test
    void theBuildFailsOnlyWhenMoreThanMaxAllowedViolationsCount() {
        Gate gate = Gate.of("warning", 2);
        assertFalse(gate.judge(List.of(ERROR, WARNING)).fails());
        assertFalse(gate.judge(List.of(ERROR, WARNING, INFO, SUPPRESSED_ERROR)).fails());
        assertTrue(gate.judge(List.of(ERROR, WARNING, WARNING)).fails());
    }

    @Test
    void theSummarySaysWhatCountedAndWhatDidNot() {
        Gate gate = Gate.of("warning", 1);
        assertEquals("sqllint: gate: 2 findings at or above warning, 1 allowed; 1 below warning; 1 suppressed: fails",
                gate.summary(gate.judge(List.of(ERROR, WARNING, INFO, SUPPRESSED_ERROR))));
        assertEquals("sqllint: gate: 0 findings at or above warning, 1 allowed: passes", gate.summary(gate.judge(List.of())));
    }

    @Test
    void reportOnlyGateSaysItWouldFailNotThatItFails() {
        Gate gate = Gate.of("info", 0);
        assertEquals("sqllint: gate: 1 finding at or above info, 0 allowed: would fail (failOnViolation=false, so the build goes on)",
                gate.summary(gate.judge(List.of(WARNING)), false));
        assertEquals("sqllint: gate: 0 findings at or above info, 0 allowed: passes", gate.summary(gate.judge(List.of()), false));
    }

    @Test
    void badThresholdsFailFast() {
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class, () -> Gate.of("critical", 0));
        assertEquals("sqllint: failOnSeverity is 'critical'; use error, warning or info", e.getMessage());
        assertThrows(InvalidConfigurationException.class, () -> Gate.of("error", -1));
    }

    private static Finding finding(String rule, Severity severity) {
        return new Finding(rule, severity, Path.of("A.java"), 3, 5, "m", "JdbcTemplate.query", "A.m", "SELECT 1", false, null);
    }
}
