package dev.sqllint.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqllint.rules.Rule;
import dev.sqllint.rules.Severity;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleSelectionTest {

    @Test
    void everyRuleRunsAtItsOwnSeverityByDefault() {
        RuleSelection none = RuleSelection.of(List.of(), List.of());
        assertEquals(names(RuleSelection.all().rules()), names(none.rules()));
        assertEquals(dev.sqllint.rules.Rules.all().size(), none.rules().size());
        Finding f = finding("DistinctOnHistoryScan", Severity.WARNING);
        assertEquals(f, none.apply(f));
    }

    @Test
    void aDisabledRuleDoesNotRunWhetherDisabledInRulesOrInDisabledRules() {
        RuleSelection s = RuleSelection.of(
                List.of(new RuleSelection.Setting("JoinForScalarOnly", false, null)),
                List.of(" ExistsWhereJoinFits", ""));
        List<String> rest = names(RuleSelection.all().rules()).stream()
                .filter(n -> !n.equals("JoinForScalarOnly") && !n.equals("ExistsWhereJoinFits")).toList();
        assertEquals(rest, names(s.rules()));
    }

    @Test
    void anEnabledSettingWithoutAnOverrideChangesNothing() {
        RuleSelection s = RuleSelection.of(List.of(new RuleSelection.Setting("JoinForScalarOnly", true, null)), List.of());
        assertEquals(dev.sqllint.rules.Rules.all().size(), s.rules().size());
    }

    @Test
    void anOverriddenSeverityAppliesToThatRulesFindingsOnly() {
        RuleSelection s = RuleSelection.of(List.of(new RuleSelection.Setting("DistinctOnHistoryScan", null, "ERROR")), List.of());
        assertEquals(Severity.ERROR, s.apply(finding("DistinctOnHistoryScan", Severity.WARNING)).severity());
        assertEquals(Severity.WARNING, s.apply(finding("OrAcrossAccessPaths", Severity.WARNING)).severity());
        Rule rule = s.rules().get(0);
        assertEquals(Severity.ERROR, s.severityOf(rule));
    }

    @Test
    void anUnknownRuleNameFailsFastListingTheValidNames() {
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class, () -> RuleSelection.of(
                List.of(new RuleSelection.Setting("DistinctOnHistoryScan", false, null),
                        new RuleSelection.Setting("NoSuchRule", null, "error")),
                List.of("JoinForScalar")));
        assertTrue(e.getMessage().contains("unknown rule names NoSuchRule, JoinForScalar"), e.getMessage());
        assertTrue(e.getMessage().contains("valid names: DistinctOnHistoryScan, OrAcrossAccessPaths, ExistsWhereJoinFits, "
                + "DistinctOverFanOutJoin, JoinForScalarOnly"), e.getMessage());
    }

    @Test
    void aSettingWithoutANameOrWithAnUnknownSeverityFailsFast() {
        assertThrows(InvalidConfigurationException.class,
                () -> RuleSelection.of(List.of(new RuleSelection.Setting(null, false, null)), List.of()));
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> RuleSelection.of(List.of(new RuleSelection.Setting("JoinForScalarOnly", null, "fatal")), List.of()));
        assertTrue(e.getMessage().contains("the severity of rule JoinForScalarOnly is 'fatal'; use error, warning or info"),
                e.getMessage());
    }

    @Test
    void aDisabledRuleProducesNoFindingsWhileTheOthersStillRun() {
        var helper = dev.sqllint.testing.LintTestHelper.forAllRules();
        helper.addSource("com/acme/TrackDao.java", """
                package com.acme;
                import org.springframework.jdbc.core.JdbcTemplate;
                class TrackDao {
                  JdbcTemplate jdbc;
                  Object tracks(long u) {
                    return jdbc.queryForList("SELECT t.* FROM tracks t WHERE t.owner_id = ? OR t.track_id IN "
                        + "(SELECT c.track_id FROM track_collaborators c WHERE c.user_id = ?)", u, u);
                  }
                }
                """);
        AnalysisResult all = helper.run();
        assertEquals(1, all.findings().size());
        RuleSelection s = RuleSelection.of(List.of(), List.of("OrAcrossAccessPaths"));
        AnalysisResult without = new Analyzer(s.rules(), new dev.sqllint.schema.NamingConventions())
                .analyze(AnalysisConfig.of(helper.root(), List.of(helper.root())));
        assertEquals(0, without.findings().size());
        assertEquals(1, without.statementsParsed());
    }

    @Test
    void theRunCarriesTheOverriddenSeverities() {
        AnalysisResult run = new AnalysisResult(List.of(finding("OrAcrossAccessPaths", Severity.WARNING)), List.of(),
                1, 1, 1, 0, 0, AnalysisResult.SchemaSummary.NONE, List.of());
        RuleSelection s = RuleSelection.of(List.of(new RuleSelection.Setting("OrAcrossAccessPaths", null, "info")), List.of());
        assertEquals(Severity.INFO, s.apply(run).findings().get(0).severity());
        assertEquals(1, s.apply(run).filesScanned());
    }

    static Finding finding(String rule, Severity severity) {
        return new Finding(rule, severity, Path.of("A.java"), 3, 5, "m", "JdbcTemplate.query", "A.m", "SELECT 1", false, null);
    }

    private static List<String> names(List<Rule> rules) {
        return rules.stream().map(r -> r.info().name()).toList();
    }
}
