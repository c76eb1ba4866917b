package dev.sqllint.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqllint.report.ConsoleReport;
import dev.sqllint.rules.Rules;
import dev.sqllint.schema.Schema;
import dev.sqllint.schema.discovery.ReactorSchema;
import dev.sqllint.source.FileFacts;
import dev.sqllint.sql.Dialect;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A multi-module build whose DAO module has no DDL: its SQL is judged against the tables the schema module
 * declares, and the run names the tables no module declares.
 */
class ReactorSchemaTest {

    @TempDir
    Path build;

    private Path write(String path, String text) throws IOException {
        Path p = build.resolve(path);
        Files.createDirectories(p.getParent());
        return Files.writeString(p, text, StandardCharsets.UTF_8);
    }

    private void layout() throws IOException {
        write("pom.xml", "<project><modules><module>db</module><module>dao</module></modules></project>");
        write("db/pom.xml", "<project/>");
        write("db/src/main/resources/db/migration/V1__init.sql", """
                CREATE TABLE accounts (id BIGINT PRIMARY KEY, iban VARCHAR(34) NOT NULL, region VARCHAR(8));
                CREATE UNIQUE INDEX accounts_iban_key ON accounts (iban);
                """);
        write("dao/pom.xml", "<project/>");
        write("dao/src/main/java/com/acme/PaymentDao.java", """
                package com.acme;
                import org.springframework.jdbc.core.JdbcTemplate;
                class PaymentDao {
                  JdbcTemplate jdbc;
                  Object payments() {
                    return jdbc.queryForList("SELECT p.id FROM payments p WHERE "
                        + "EXISTS (SELECT 1 FROM accounts a WHERE a.iban = p.iban AND a.region = ?)");
                  }
                }
                """);
    }

    private AnalysisResult analyzeDao(List<Path> reactor) {
        Path dao = build.resolve("dao");
        AnalysisConfig config = AnalysisConfig.of(dao, List.of(dao.resolve("src/main/java")))
                .withSchema(List.of(dao.resolve("src/main/resources")), List.of(), List.of(), "spring")
                .withReactor(false, reactor);
        return new Analyzer(Rules.all().stream().filter(r -> r.info().name().equals("ExistsWhereJoinFits")).toList(), null)
                .analyze(config);
    }

    @Test
    void aDaoModuleWithNoDdlSeesTheTablesAnotherModuleDeclares() throws IOException {
        layout();
        AnalysisResult alone = analyzeDao(List.of());
        assertEquals(0, alone.findings().size(), "without the reactor nothing proves accounts.iban unique");

        AnalysisResult inReactor = analyzeDao(List.of(build, build.resolve("db"), build.resolve("dao")));
        assertEquals(1, inReactor.findings().size(), inReactor.diagnostics().toString());
        assertTrue(inReactor.findings().get(0).message().contains("accounts.iban is UNIQUE (V1__init.sql:2)"),
                inReactor.findings().get(0).message());
        assertEquals(List.of("1 table other modules declare"), inReactor.schema().sources());
        assertEquals(List.of("payments"), inReactor.schema().undeclaredTables());
    }

    @Test
    void theRunNamesTheTablesNoSchemaDeclaresAndHowToPointAtThem() throws IOException {
        layout();
        AnalysisResult alone = analyzeDao(List.of());
        assertEquals(List.of("accounts", "payments"), alone.schema().undeclaredTables());
        String line = ConsoleReport.summary(alone).stream().filter(l -> l.contains("declared by no schema")).findFirst()
                .orElseThrow();
        assertEquals("sqllint: 2 tables the SQL uses are declared by no schema source (accounts, payments), so naming "
                + "conventions stand in for their keys; point sqllint at their DDL with <schemaLocations> or "
                + "-Dsqllint.schemaLocations=<folder or file>", line);
    }

    @Test
    void modulesBuildingInParallelReadTheReactorsSchemaOnce() throws Exception {
        layout();
        List<Path> modules = List.of(build, build.resolve("db"), build.resolve("dao"));
        CompletableFuture<Schema> a = CompletableFuture.supplyAsync(() -> ReactorSchema.of(modules, false, Dialect.POSTGRESQL, FileFacts.NONE));
        CompletableFuture<Schema> b = CompletableFuture.supplyAsync(() -> ReactorSchema.of(modules, false, Dialect.POSTGRESQL, FileFacts.NONE));
        assertSame(a.get(), b.get());
        assertTrue(a.get().table("accounts").isPresent());
        // the root's folder holds the modules, which are theirs, not the root's: nothing is read twice
        assertEquals(1, a.get().tables().size());
    }

    @Test
    void aDumpInTheRootsOwnFolderServesEveryModule() throws IOException {
        // the schema a GUI client exported, kept beside the modules in the aggregator's folder, in no module
        write("pom.xml", "<project><modules><module>shop-admin</module><module>shop-mbg</module></modules></project>");
        write("document/sql/shop.sql", """
                DROP TABLE IF EXISTS `pms_sku_stock`;
                CREATE TABLE `pms_sku_stock`  (
                  `id` bigint(20) NOT NULL AUTO_INCREMENT,
                  `product_id` bigint(20) NULL DEFAULT NULL,
                  `sku_code` varchar(64) CHARACTER SET utf8 COLLATE utf8_general_ci NOT NULL,
                  PRIMARY KEY (`id`) USING BTREE,
                  UNIQUE INDEX `uk_sku_code`(`sku_code`) USING BTREE
                ) ENGINE = InnoDB AUTO_INCREMENT = 1 CHARACTER SET = utf8 ROW_FORMAT = DYNAMIC;
                """);
        write("shop-admin/pom.xml", "<project/>");
        write("shop-mbg/pom.xml", "<project/>");
        write("shop-admin/src/main/resources/application.yml", "server:\n  port: 8080\n");
        Schema schema = ReactorSchema.of(List.of(build, build.resolve("shop-admin"), build.resolve("shop-mbg")), false,
                Dialect.MYSQL, FileFacts.NONE);
        assertTrue(schema.table("pms_sku_stock").flatMap(t -> t.primaryKey()).isPresent(), schema.tables().toString());
        assertEquals(1, schema.table("pms_sku_stock").orElseThrow().uniqueKeys().size());
    }
}
