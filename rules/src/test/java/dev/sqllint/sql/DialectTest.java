package dev.sqllint.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DialectTest {

    @Test
    void theDriverAmongTheDependenciesNamesTheDialect() {
        assertEquals(Optional.of(Dialect.MYSQL),
                Dialect.fromDriverArtifacts(List.of("spring-boot-starter-jdbc", "mysql-connector-j", "lombok")));
        assertEquals(Optional.of(Dialect.SQLSERVER), Dialect.fromDriverArtifacts(List.of("mssql-jdbc")));
        assertEquals(Optional.empty(), Dialect.fromDriverArtifacts(List.of("spring-boot-starter-web")));
    }

    @Test
    void anEmbeddedTestDatabaseCountsOnlyWithoutARealDriver() {
        assertEquals(Optional.of(Dialect.POSTGRESQL), Dialect.fromDriverArtifacts(List.of("h2", "postgresql")));
        assertEquals(Optional.of(Dialect.H2), Dialect.fromDriverArtifacts(List.of("h2")));
    }

    @Test
    void perDatabaseScriptNamesNameTheirDialect() {
        assertEquals(Optional.of(Dialect.POSTGRESQL), Dialect.ofFileName("activiti.postgres.create.engine.sql"));
        assertEquals(Optional.of(Dialect.SQLSERVER), Dialect.ofFileName("tables_mssql.sql"));
        assertEquals(Optional.of(Dialect.MYSQL), Dialect.ofFileName("mysql"));
        assertEquals(Optional.of(Dialect.SQLSERVER), Dialect.ofFileName("SQL_SERVER/V1_12_15__add_weight___SQL_SERVER.sql"),
                "hawkbit's spelling: one folder of migrations per database");
        assertEquals(Optional.of(Dialect.SQLSERVER), Dialect.ofFileName("schema-sql-server.sql"));
        assertEquals(Optional.empty(), Dialect.ofFileName("nosql_servers.sql"), "only the two words, whole");
        assertEquals(Optional.empty(), Dialect.ofFileName("V1__create_orders.sql"));
        assertEquals(Optional.empty(), Dialect.ofFileName("mysql_to_postgres.sql"), "two dialects name none");
    }

    @Test
    void configuredValuesAreCaseInsensitiveAndTakeFileSpellings() {
        assertEquals(Optional.of(Dialect.POSTGRESQL), Dialect.named("PostgreSQL"));
        assertEquals(Optional.of(Dialect.SQLSERVER), Dialect.named("mssql"));
        assertEquals(Optional.empty(), Dialect.named("sybase"));
    }
}
