package dev.sqllint.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sqllint.engine.AnalysisResult;
import dev.sqllint.engine.Finding;
import dev.sqllint.testing.LintTestHelper;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Each rule page's example is true: the rule finds its "before" query, and not its "after" one (issue 14: the
 * docs are generated from {@link RuleInfo}, so a rule that changes without its example fails here).
 */
class RuleExamplesTest {

    @TestFactory
    List<DynamicTest> everyRuleFindsItsBeforeExampleAndNotItsAfter() {
        return Rules.all().stream().map(rule -> DynamicTest.dynamicTest(rule.info().name(), () -> {
            RuleInfo info = rule.info();
            assertEquals(List.of(info.name()), rules(findings(rule, info.before())), "before:\n" + info.before());
            assertEquals(List.of(), rules(findings(rule, info.after())), "after:\n" + info.after());
        })).toList();
    }

    private static List<Finding> findings(Rule rule, String sql) {
        LintTestHelper helper = LintTestHelper.forRule(rule.getClass());
        if (!rule.info().exampleSchema().isEmpty()) helper.addResource("db/migration/V1__example.sql", rule.info().exampleSchema());
        AnalysisResult r = helper
                .addSource("com/acme/ExampleDao.java", """
                        package com.acme;
                        import org.springframework.jdbc.core.JdbcTemplate;
                        class ExampleDao {
                          JdbcTemplate jdbc;
                          boolean example() {
                            // the result compared with 0, as CountForExistence's example says; no other rule reads the
                            // Java around the call
                            return jdbc.queryForObject(\"""
                        %s
                        \""", Integer.class) > 0;
                          }
                        }
                        """.formatted(sql.replace("\\", "\\\\")))
                .run();
        assertEquals(0, r.statementsNotParsed(), r.diagnostics().toString());
        assertEquals(1, r.statementsParsed(), sql);
        return r.findings();
    }

    private static List<String> rules(List<Finding> findings) {
        return findings.stream().map(Finding::rule).toList();
    }
}
