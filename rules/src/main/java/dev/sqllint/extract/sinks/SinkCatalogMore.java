package dev.sqllint.extract.sinks;

import dev.sqllint.extract.Language;
import dev.sqllint.extract.sinks.SinkCatalog.AnnotationSink;
import dev.sqllint.extract.sinks.SinkCatalog.Shape;
import dev.sqllint.extract.sinks.SinkCatalog.SqlArgument;
import java.util.ArrayList;
import java.util.List;

/**
 * The catalogue entries beyond JDBC, Spring JDBC, JPA, Spring Data, MyBatis and Jdbi statement annotations
 * (the rows of {@code shared/sinks.tsv} whose SQL has a static shape): Spring's JDBC operation objects,
 * R2DBC, the Vert.x SQL client, Commons DbUtils, Jdbi's {@code Handle}, Micronaut Data and Hibernate's SQL
 * mapping annotations. Kept apart from {@link SinkCatalog#standard()} so the families read one per block.
 */
final class SinkCatalogMore {

    private static final String SPRING_OBJECT = "org.springframework.jdbc.object.";

    private SinkCatalogMore() {
    }

    static void addTo(SinkCatalog c) {
        springJdbc(c);
        // R2DBC: Spring's DatabaseClient and the SPI; placeholders $1, :name, ? are normalised
        c.methods(Language.SQL, SqlArgument.FIRST, List.of("org.springframework.r2dbc.core.DatabaseClient"), "sql");
        c.methods(Language.SQL, SqlArgument.FIRST, List.of("io.r2dbc.spi.Connection"), "createStatement");
        c.methods(Language.SQL, SqlArgument.FIRST, List.of("io.r2dbc.spi.Batch"), "add");
        vertx(c);
        // Commons DbUtils: query(sql, ...) on a DataSource-backed runner, query(connection, sql, ...) otherwise
        c.methods(Language.SQL, SqlArgument.AFTER_CONNECTION,
                List.of("org.apache.commons.dbutils.QueryRunner", "org.apache.commons.dbutils.AsyncQueryRunner"),
                "query", "update", "execute", "insert", "batch", "insertBatch");
        // Jdbi 3 fluent API (the SQL object annotations are in SinkCatalog#standard)
        c.methods(Language.SQL, SqlArgument.FIRST, List.of("org.jdbi.v3.core.Handle"),
                "createQuery", "createUpdate", "createCall", "prepareBatch", "select", "execute");
        c.annotation(new AnnotationSink("org.jdbi.v3.sqlobject.statement.SqlBatch", List.of("value"), Language.SQL));
        // Micronaut Data: SQL on JDBC/R2DBC repositories (JPQL on JPA ones, which are rarer): read as SQL
        c.annotation(new AnnotationSink("io.micronaut.data.annotation.Query", List.of("value", "countQuery"), Language.SQL,
                Shape.STATEMENT, "@Query (Micronaut)"));
        hibernate(c);
    }

    private static void springJdbc(SinkCatalog c) {
        // batchUpdate(String...): every String argument is a statement of its own
        c.methods(Language.SQL, SqlArgument.EVERY_STATEMENT, List.of("org.springframework.jdbc.core.JdbcTemplate",
                "org.springframework.jdbc.core.JdbcOperations"), "batchUpdate");
        c.constructor(Language.SQL, 0, List.of("org.springframework.jdbc.core.PreparedStatementCreatorFactory"));
        // new SqlQuery(dataSource, sql) and subclasses calling super(dataSource, sql); SqlCall and
        // StoredProcedure take a procedure name, not SQL, and are left out
        List<String> operations = new ArrayList<>();
        for (String t : List.of("SqlQuery", "SqlUpdate", "MappingSqlQuery", "MappingSqlQueryWithParameters",
                "BatchSqlUpdate", "SqlFunction", "UpdatableSqlQuery", "GenericSqlQuery")) {
            operations.add(SPRING_OBJECT + t);
        }
        c.constructor(Language.SQL, 1, operations);
        List<String> withSetSql = new ArrayList<>(operations);
        withSetSql.add(SPRING_OBJECT + "RdbmsOperation");
        withSetSql.add(SPRING_OBJECT + "SqlOperation");
        c.methods(Language.SQL, SqlArgument.FIRST, withSetSql, "setSql");
    }

    private static void vertx(SinkCatalog c) {
        List<String> clients = new ArrayList<>();
        for (String pkg : List.of("io.vertx.sqlclient.", "io.vertx.mutiny.sqlclient.", "io.vertx.rxjava3.sqlclient.",
                "io.vertx.reactivex.sqlclient.")) {
            for (String t : List.of("SqlClient", "Pool", "SqlConnection")) clients.add(pkg + t);
        }
        clients.addAll(List.of("io.vertx.pgclient.PgPool", "io.vertx.pgclient.PgConnection", "io.vertx.mysqlclient.MySQLPool",
                "io.vertx.mysqlclient.MySQLConnection", "io.vertx.jdbcclient.JDBCPool", "io.vertx.oracleclient.OraclePool",
                "io.vertx.mssqlclient.MSSQLPool", "io.vertx.db2client.DB2Pool"));
        c.methods(Language.SQL, SqlArgument.FIRST, clients, "query", "preparedQuery");
        c.methods(Language.SQL, SqlArgument.FIRST, List.of("io.vertx.sqlclient.SqlConnection",
                "io.vertx.mutiny.sqlclient.SqlConnection", "io.vertx.rxjava3.sqlclient.SqlConnection"), "prepare");
    }

    private static void hibernate(SinkCatalog c) {
        String h = "org.hibernate.annotations.";
        c.annotation(new AnnotationSink(h + "Formula", List.of("value"), Language.SQL, Shape.EXPRESSION, null));
        c.annotation(new AnnotationSink(h + "Where", List.of("clause"), Language.SQL, Shape.CONDITION, null));
        c.annotation(new AnnotationSink(h + "SQLRestriction", List.of("value"), Language.SQL, Shape.CONDITION, null));
        c.annotation(new AnnotationSink(h + "Subselect", List.of("value"), Language.SQL, Shape.STATEMENT, null));
        for (String crud : List.of("SQLInsert", "SQLUpdate", "SQLDelete", "SQLDeleteAll", "SQLSelect")) {
            c.annotation(new AnnotationSink(h + crud, List.of("sql"), Language.SQL));
        }
        c.annotation(new AnnotationSink(h + "NamedQuery", List.of("query"), Language.JPQL));
        c.annotation(new AnnotationSink(h + "NamedNativeQuery", List.of("query"), Language.SQL));
    }
}
