package dev.sqllint.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqllint.report.ConsoleReport;
import dev.sqllint.testing.LintTestHelper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A suppression naming a rule that does not exist suppresses nothing, and says so at the name, with the rule
 * the writer most likely meant: a typo must not silently leave a finding unsuppressed.
 */
class UnknownRuleNamesTest {

    private static final String VISIBLE_TRACKS = "\"SELECT t.* FROM tracks t WHERE t.owner_id = ? OR t.track_id IN \"\n"
            + "        + \"(SELECT c.track_id FROM track_collaborators c WHERE c.user_id = ?)\"";

    @Test
    void misspeltRuleInSuppressWarningsAndInAnIgnoreComment() {
        AnalysisResult r = LintTestHelper.forAllRules().addSource("com/acme/TrackDao.java", """
                package com.acme;
                import org.springframework.jdbc.core.JdbcTemplate;
                class TrackDao {
                  JdbcTemplate jdbc;
                  @SuppressWarnings({"unchecked", "sqllint:OrAcrossAccesPaths"})
                  Object visible() {
                    return jdbc.queryForList(%s);
                  }
                  Object again() {
                    // sqllint:ignore OrAccrossAccessPaths tiny lists
                    return jdbc.queryForList(%s);
                  }
                  @SuppressWarnings("sqllint:NoSuchThing")
                  Object other() {
                    return null;
                  }
                }
                """.formatted(VISIBLE_TRACKS, VISIBLE_TRACKS)).run();

        assertEquals(List.of("OrAcrossAccessPaths", "OrAcrossAccessPaths"),
                r.findings().stream().filter(f -> !f.isSuppressed()).map(Finding::rule).toList());
        assertEquals(List.of(
                "UNKNOWN_RULE_NAME TrackDao.java:5:44 no rule is named OrAcrossAccesPaths, so "
                        + "@SuppressWarnings(\"sqllint:OrAcrossAccesPaths\") suppresses nothing; did you mean OrAcrossAccessPaths?",
                "UNKNOWN_RULE_NAME TrackDao.java:11:23 no rule is named OrAccrossAccessPaths, so "
                        + "// sqllint:ignore OrAccrossAccessPaths tiny lists suppresses nothing; did you mean OrAcrossAccessPaths?",
                "UNKNOWN_RULE_NAME TrackDao.java:15:30 no rule is named NoSuchThing, so @SuppressWarnings(\"sqllint:NoSuchThing\") "
                        + "suppresses nothing; rule names: " + String.join(", ",
                                dev.sqllint.rules.Rules.all().stream().map(rule -> rule.info().name()).toList())),
                r.diagnostics().stream().map(UnknownRuleNamesTest::describe).toList());
    }

    @Test
    void consoleLineIsClickableAtTheNameAndDoesNotCountAsASkippedFile() {
        AnalysisResult r = LintTestHelper.forAllRules().addSource("com/acme/TrackDao.java", """
                package com.acme;
                import org.springframework.jdbc.core.JdbcTemplate;
                class TrackDao {
                  JdbcTemplate jdbc;
                  @SuppressWarnings("sqllint:JoinForScalarOnlyy")
                  Object visible() {
                    return jdbc.queryForList(%s);
                  }
                }
                """.formatted(VISIBLE_TRACKS)).run();

        String line = ConsoleReport.diagnostic(r.diagnostics().get(0));
        assertTrue(line.endsWith("TrackDao.java:[5,30] unknown rule name: no rule is named JoinForScalarOnlyy, so "
                + "@SuppressWarnings(\"sqllint:JoinForScalarOnlyy\") suppresses nothing; did you mean JoinForScalarOnly?"), line);
        assertTrue(ConsoleReport.summary(r).get(0).contains(" 0 files skipped"), ConsoleReport.summary(r).get(0));
    }

    @Test
    void knownNamesAndOtherWarningsSayNothing() {
        AnalysisResult r = LintTestHelper.forAllRules().addSource("com/acme/TrackDao.java", """
                package com.acme;
                import org.springframework.jdbc.core.JdbcTemplate;
                @SuppressWarnings({"sqllint", "rawtypes"})
                class TrackDao {
                  JdbcTemplate jdbc;
                  @SuppressWarnings("sqllint:OrAcrossAccessPaths")
                  Object visible() {
                    // sqllint:ignore OrAcrossAccessPaths,DistinctOnHistoryScan both fine here
                    return jdbc.queryForList(%s);
                  }
                }
                """.formatted(VISIBLE_TRACKS)).run();

        assertEquals(List.of(), r.diagnostics());
    }

    @Test
    void typoNearestRuleIsOnlyOfferedWhenClose() {
        assertEquals("JoinForScalarOnly", UnknownRuleNames.closest("joinforscalaronly").orElseThrow());
        assertEquals("DistinctOverFanOutJoin", UnknownRuleNames.closest("DistinctOverFanoutJoins").orElseThrow());
        assertTrue(UnknownRuleNames.closest("Everything").isEmpty());
    }

    private static String describe(Diagnostic d) {
        return d.kind() + " " + d.file().getFileName() + ":" + d.line() + ":" + d.column() + " " + d.reason();
    }
}
