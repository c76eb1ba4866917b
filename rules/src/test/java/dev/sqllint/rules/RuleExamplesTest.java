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
        if (!rule.info().exampleEntities().isEmpty()) return repositoryFindings(rule, sql);
        if (rule.info().exampleLanguage().equals("java")) return javaFindings(rule, sql);
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

    /** A JPA rule's example: repository methods over the example's entities, in a repository of the first one. */
    private static List<Finding> repositoryFindings(Rule rule, String methods) {
        String entities = rule.info().exampleEntities();
        java.util.regex.Matcher first = java.util.regex.Pattern.compile("class (\\w+)").matcher(entities);
        assertEquals(true, first.find(), entities);
        AnalysisResult r = LintTestHelper.forRule(rule.getClass())
                .addSource("com/acme/Entities.java", entities)
                .addSource("com/acme/ExampleRepository.java", """
                        package com.acme;
                        import java.util.Collection;
                        import java.util.List;
                        import org.springframework.data.domain.Page;
                        import org.springframework.data.domain.Pageable;
                        import org.springframework.data.jpa.repository.EntityGraph;
                        import org.springframework.data.jpa.repository.JpaRepository;
                        import org.springframework.data.jpa.repository.Query;
                        interface ExampleRepository extends JpaRepository<%s, Long> {
                        %s
                        }
                        """.formatted(first.group(1), methods))
                .withProjectSchema()
                .run();
        assertEquals(0, r.statementsNotParsed(), r.diagnostics().toString());
        return r.findings();
    }

    /** A Java example: statements of a DAO method, with a JdbcTemplate, a user's id and a list to fill. */
    private static List<Finding> javaFindings(Rule rule, String statements) {
        AnalysisResult r = LintTestHelper.forRule(rule.getClass())
                .addSource("com/acme/ExampleDao.java", """
                        package com.acme;
                        import java.util.ArrayList;
                        import java.util.List;
                        import org.springframework.jdbc.core.JdbcTemplate;
                        class ExampleDao {
                          JdbcTemplate jdbc;
                          List<String> example(long userId) {
                            List<String> titles = new ArrayList<>();
                        %s
                            return titles;
                          }
                        }
                        """.formatted(statements))
                .run();
        assertEquals(0, r.statementsNotParsed(), r.diagnostics().toString());
        assertEquals(true, r.statementsParsed() >= 1, statements);
        return r.findings();
    }

    private static List<String> rules(List<Finding> findings) {
        return findings.stream().map(Finding::rule).toList();
    }
}
