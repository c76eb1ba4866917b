package dev.sqllint.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqllint.rules.NotInSubquery;
import dev.sqllint.sql.Dialect;
import dev.sqllint.testing.LintTestHelper;
import org.junit.jupiter.api.Test;

/**
 * Where no JDBC driver names the database (the module with the mappers seldom carries it), the schema scripts may:
 * a project whose only database-named scripts are MySQL's is read as MySQL, not as the PostgreSQL default.
 */
class ScriptDialectTest {

    private static final String TABLES = """
            CREATE TABLE config_info (id BIGINT PRIMARY KEY, data_id VARCHAR(255), group_id VARCHAR(128));
            CREATE TABLE config_tags (id BIGINT PRIMARY KEY, config_id BIGINT);
            """;

    private static final String DAO = """
            package com.acme.config;
            import org.springframework.jdbc.core.JdbcTemplate;
            class ConfigDao {
              private JdbcTemplate jdbc;
              Object untagged() {
                // BUG: NotInSubquery at NOT
                return jdbc.queryForList("SELECT c.id FROM config_info c WHERE c.id NOT IN (SELECT t.config_id FROM config_tags t)");
              }
            }
            """;

    private static AnalysisResult run(LintTestHelper lint) {
        return lint.run(c -> c.withDialect(Dialect.POSTGRESQL, AnalysisConfig.DEFAULT_DIALECT_SOURCE));
    }

    @Test
    void onlyMySqlScriptsBesideADatabaseSqllintDoesNotReadMakeTheProjectMySql() {
        AnalysisResult r = run(LintTestHelper.forRule(NotInSubquery.class)
                .addResource("META-INF/mysql-schema.sql", TABLES)
                .addResource("META-INF/derby-schema.sql", TABLES)
                .addSource("com/acme/config/ConfigDao.java", DAO));
        assertEquals(1, r.findings().size());
        assertTrue(r.findings().get(0).message().contains("Advice for MySQL:"), r.findings().get(0).message());
    }

    @Test
    void scriptsForSeveralDatabasesForAnEmbeddedOneOrNoneLeaveTheDefault() {
        AnalysisResult both = run(LintTestHelper.forRule(NotInSubquery.class)
                .addResource("db/schema-mysql.sql", TABLES)
                .addResource("db/schema-postgresql.sql", TABLES)
                .addSource("com/acme/config/ConfigDao.java", DAO));
        assertTrue(both.findings().get(0).message().contains("Advice for PostgreSQL:"), both.findings().get(0).message());
        AnalysisResult embedded = run(LintTestHelper.forRule(NotInSubquery.class)
                .addResource("db/schema-h2.sql", TABLES)
                .addSource("com/acme/config/ConfigDao.java", DAO));
        assertTrue(embedded.findings().get(0).message().contains("Advice for PostgreSQL:"), embedded.findings().get(0).message());
        AnalysisResult none = run(LintTestHelper.forRule(NotInSubquery.class)
                .addResource("db/schema.sql", TABLES)
                .addSource("com/acme/config/ConfigDao.java", DAO));
        assertTrue(none.findings().get(0).message().contains("Advice for PostgreSQL:"), none.findings().get(0).message());
    }

    @Test
    void aConfiguredDialectOrADriverWins() {
        AnalysisResult r = LintTestHelper.forRule(NotInSubquery.class).withDialect(Dialect.SQLSERVER)
                .addResource("META-INF/mysql-schema.sql", TABLES)
                .addSource("com/acme/config/ConfigDao.java", DAO).run();
        assertTrue(r.findings().get(0).message().contains("Advice for SQL Server:"), r.findings().get(0).message());
    }

    @Test
    void theEffectiveConfigurationSaysWhy() {
        LintTestHelper lint = LintTestHelper.forRule(NotInSubquery.class)
                .addResource("META-INF/mysql-schema.sql", TABLES)
                .addSource("com/acme/config/ConfigDao.java", DAO);
        run(lint);
        AnalysisConfig effective = Analyzer.effective(AnalysisConfig.of(lint.root(), java.util.List.of(lint.root()))
                .withSchema(java.util.List.of(lint.resourceRoot()), java.util.List.of(), java.util.List.of(), "spring"));
        assertEquals(Dialect.MYSQL, effective.dialect());
        assertEquals("no JDBC driver among the dependencies; the schema scripts name only MySQL", effective.dialectSource());
    }
}
