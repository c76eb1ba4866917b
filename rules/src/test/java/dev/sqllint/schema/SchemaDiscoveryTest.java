package dev.sqllint.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqllint.schema.discovery.ModuleSchema;
import dev.sqllint.schema.discovery.SchemaSources;
import dev.sqllint.sql.Dialect;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where real projects keep their schema, found with no configuration: one layout per test, as projects lay it out. */
class SchemaDiscoveryTest {

    @TempDir
    Path module;

    private final SchemaText.Problems problems = new SchemaText.Problems();

    private Path write(String path, String text) throws IOException {
        Path p = module.resolve(path);
        Files.createDirectories(p.getParent());
        return Files.writeString(p, text, StandardCharsets.UTF_8);
    }

    private ModuleSchema.Read read(Dialect dialect, boolean includeTests) {
        Path resources = module.resolve("src/main/resources");
        SchemaSources sources = SchemaSources.discover(new SchemaSources.Search(module, List.of(resources), List.of(),
                includeTests, dialect), problems);
        return ModuleSchema.read(sources, List.of(resources), dialect, problems);
    }

    private String schema(Dialect dialect) {
        return SchemaText.facts(read(dialect, false).schema());
    }

    @Test
    void aSchemaFolderNextToSrcIsReadAndTestsBuildOutputAndDataScriptsAreNot() throws IOException {
        write("schema/001-create-schema.sql", """
                CREATE TABLE app_user (user_id BIGINT PRIMARY KEY, email TEXT NOT NULL);
                CREATE TABLE problem (id BIGINT PRIMARY KEY, affected_user_id BIGINT REFERENCES app_user (user_id));
                """);
        write("schema/002-seed.sql", "INSERT INTO app_user (user_id, email) VALUES (1, 'a@b.c');");
        write("src/test/resources/test-schema.sql", "CREATE TABLE test_only (id BIGINT PRIMARY KEY);");
        write("target/classes/schema/001-create-schema.sql", "CREATE TABLE stale_copy (id BIGINT PRIMARY KEY);");
        write("target-parallel/maven-status/marker", "");
        write("target-parallel/classes/db/copy.sql", "CREATE TABLE parallel_copy (id BIGINT PRIMARY KEY);");
        write("node_modules/pg-fixtures/init.sql", "CREATE TABLE from_a_package (id BIGINT PRIMARY KEY);");
        write("billing/pom.xml", "<project/>");
        write("billing/schema/init.sql", "CREATE TABLE another_modules (id BIGINT PRIMARY KEY);");
        ModuleSchema.Read read = read(Dialect.POSTGRESQL, false);
        assertEquals("""
                app_user
                  primary key (user_id)
                problem
                  primary key (id)
                  foreign key (affected_user_id) -> app_user (user_id)
                """, SchemaText.facts(read.schema()));
        assertEquals(List.of("1 SQL script"), read.sources());
        assertTrue(read(Dialect.POSTGRESQL, true).schema().table("test_only").isPresent(), "includeTests reads test roots");
    }

    @Test
    void perDatabaseCreateScriptsReadTheProjectsDatabaseAndFallBackWholeTablesOnly() throws IOException {
        String dir = "src/main/resources/org/acme/bpm/engine/db/";
        write(dir + "create/acme.postgres.create.engine.sql", """
                create table ACT_RU_TASK (ID_ varchar(64) not null, NAME_ varchar(255), primary key (ID_));
                create index ACT_IDX_TASK_NAME on ACT_RU_TASK(NAME_);
                """);
        write(dir + "create/acme.mysql.create.engine.sql", """
                create table ACT_RU_TASK (ID_ varchar(64) not null, NAME_ varchar(255), primary key (NAME_)) ENGINE=InnoDB;
                """);
        write(dir + "create/acme.h2.create.engine.sql", """
                create table ACT_RU_TASK (ID_ varchar(64), primary key (ID_));
                create table ACT_GE_H2_ONLY (ID_ varchar(64), primary key (ID_));
                """);
        write(dir + "create/acme.informix.create.engine.sql", "create table ACT_INFORMIX_ONLY (ID_ varchar(64));");
        write(dir + "drop/acme.postgres.drop.engine.sql", "drop table ACT_RU_TASK;");
        assertEquals("""
                act_ge_h2_only
                  primary key (id_)
                act_ru_task
                  primary key (id_)
                  index act_idx_task_name (name_)
                """, schema(Dialect.POSTGRESQL));
        assertTrue(schema(Dialect.MYSQL).contains("act_ru_task\n  primary key (name_)\n"), "MySQL reads its own script");

        // a MyBatis mapper's ${prefix}ACT_RU_TASK folds to sqllint_dynACT_RU_TASK: it names the declared table
        Schema schema = read(Dialect.POSTGRESQL, false).schema();
        KeyModel keys = new SchemaKeyModel(schema, new NamingConventions(), List.of());
        KeyModel.Evidence e = keys.uniqueKeyCovered("sqllint_dynACT_RU_TASK", Set.of("ID_")).orElseThrow();
        assertTrue(e.proved() && e.reason().contains("act_ru_task.id_ is the primary key"), e.reason());
    }

    @Test
    void schemaQualifiersQuotesBracketsAndBackticksAllNameTheDeclaredTable() throws IOException {
        write("src/main/resources/db/migration/V1__init.sql", """
                CREATE TABLE public."Orders" (id BIGINT NOT NULL, order_no TEXT);
                ALTER TABLE ONLY public."Orders" ADD CONSTRAINT orders_pkey PRIMARY KEY (id);
                CREATE UNIQUE INDEX orders_order_no_key ON public."Orders" USING btree (order_no);
                create table [dbo].[invoices] ([id] int not null, constraint pk_invoices primary key clustered ([id])) on [PRIMARY];
                CREATE TABLE `line_items` (`id` bigint NOT NULL, `sku` varchar(255), PRIMARY KEY (`id`), KEY `ix_sku` (`sku`(191)));
                CREATE TABLE IF NOT EXISTS settings (key VARCHAR(250) NOT NULL PRIMARY KEY, value JSONB NOT NULL);
                """);
        Schema schema = read(Dialect.POSTGRESQL, false).schema();
        assertEquals("""
                invoices
                  primary key pk_invoices (id)
                line_items
                  primary key (id)
                  index ix_sku (sku)
                orders
                  primary key orders_pkey (id)
                  unique orders_order_no_key (order_no)
                  unique index orders_order_no_key (order_no)
                settings
                  primary key (key)
                """, SchemaText.facts(schema));
        for (String name : List.of("orders", "public.orders", "\"Orders\"", "[dbo].[orders]", "`orders`", "ORDERS")) {
            assertTrue(schema.table(name).isPresent(), name);
        }
        assertEquals(List.of(), problems.reported);
    }

    @Test
    void flywayAndLiquibaseLocationsNamedInTheConfigurationAreRead() throws IOException {
        write("src/main/resources/application.yml", """
                spring:
                  flyway:
                    locations: classpath:db/vendor/{vendor}, filesystem:../shared-db/migrations
                """);
        write("src/main/resources/db/vendor/postgresql/V1__accounts.sql",
                "CREATE TABLE accounts (id BIGINT PRIMARY KEY, iban TEXT);");
        write("src/main/resources/db/vendor/mysql/V1__accounts.sql",
                "CREATE TABLE accounts (id BIGINT, iban VARCHAR(34) PRIMARY KEY);");
        write("../shared-db/migrations/V2__iban_unique.sql", "ALTER TABLE accounts ADD CONSTRAINT uq_iban UNIQUE (iban);");
        write("src/main/resources/application-prod.properties",
                "spring.liquibase.change-log=classpath:/changes/master.xml\n");
        write("src/main/resources/changes/master.xml", """
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
                  <include file="changes/001-branches.xml"/>
                </databaseChangeLog>
                """);
        write("src/main/resources/changes/001-branches.xml", """
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
                  <changeSet id="1" author="a"><createTable tableName="branches">
                    <column name="code" type="VARCHAR(8)"><constraints primaryKey="true"/></column>
                  </createTable></changeSet>
                </databaseChangeLog>
                """);
        ModuleSchema.Read read = read(Dialect.POSTGRESQL, false);
        assertEquals("""
                accounts
                  primary key (id)
                  unique uq_iban (iban)
                branches
                  primary key (code)
                """, SchemaText.facts(read.schema()));
        assertEquals(List.of("2 SQL scripts", "Liquibase master.xml"), read.sources());
    }

    @Test
    void aFolderNamedInSchemaLocationsIsReadWhateverItsScriptsAreCalled() throws IOException {
        // a MySQL tool's dump kept in the repository's docs, outside every module: what the summary tells users to name
        write("docs/database/shop.sql", """
                /* exported by a GUI client; Target Server Type: MySQL */
                SET NAMES utf8mb4;
                DROP TABLE IF EXISTS `pms_brand`;
                CREATE TABLE `pms_brand`  (
                  `id` bigint(20) NOT NULL AUTO_INCREMENT,
                  `name` varchar(64) CHARACTER SET utf8 COLLATE utf8_general_ci NULL DEFAULT NULL,
                  PRIMARY KEY (`id`) USING BTREE
                ) ENGINE = InnoDB AUTO_INCREMENT = 1 CHARACTER SET = utf8 COMMENT = 'brands' ROW_FORMAT = DYNAMIC;
                DROP TABLE IF EXISTS `pms_product_brand_relation`;
                CREATE TABLE `pms_product_brand_relation`  (
                  `product_id` bigint(20) NOT NULL,
                  `brand_id` bigint(20) NOT NULL,
                  PRIMARY KEY (`product_id`, `brand_id`) USING BTREE
                ) ENGINE = InnoDB ROW_FORMAT = DYNAMIC;
                INSERT INTO `pms_brand` VALUES (1, 'acme');
                """);
        write("docs/database/V2__brand_logo.sql", "ALTER TABLE pms_brand ADD COLUMN logo VARCHAR(255);");
        write("docs/database/U2__brand_logo.sql", "ALTER TABLE pms_brand DROP COLUMN logo; DROP TABLE pms_brand;");
        Path resources = module.resolve("src/main/resources");
        SchemaSources sources = SchemaSources.discover(new SchemaSources.Search(null, List.of(resources),
                List.of(module.resolve("docs/database")), false, Dialect.MYSQL), problems);
        ModuleSchema.Read read = ModuleSchema.read(sources, List.of(resources), Dialect.MYSQL, problems);
        assertEquals("""
                pms_brand
                  primary key (id)
                pms_product_brand_relation
                  primary key (product_id, brand_id)
                """, SchemaText.facts(read.schema()));
        assertEquals(List.of("2 SQL scripts"), read.sources());
    }

    @Test
    void aDropwizardConfigurationNamesTheMigrationsOutsideTheModule() throws IOException {
        write("config.yml", """
                server:
                  applicationConnectors:
                    - type: http
                      port: 8080
                flyway:
                  locations:
                    - filesystem:../db/migrations
                """);
        write("../db/migrations/V1__init.sql", "CREATE TABLE builds (uuid UUID PRIMARY KEY, name TEXT);");
        assertEquals("builds\n  primary key (uuid)\n", schema(Dialect.POSTGRESQL));
    }

    @Test
    void aLiquibaseMasterAnywhereIsReadAndWhatItIncludesIsNotReadAgain() throws IOException {
        write("src/main/resources/liquibase/changelog.yaml", """
                databaseChangeLog:
                  - include:
                      file: parts/001 create branches.yaml
                      relativeToChangelogFile: true
                """);
        write("src/main/resources/liquibase/parts/001 create branches.yaml", """
                databaseChangeLog:
                  - changeSet:
                      id: 1
                      author: a
                      changes:
                        - createTable:
                            tableName: branches
                            columns:
                              - column: {name: code, type: VARCHAR(8), constraints: {primaryKey: true}}
                """);
        ModuleSchema.Read read = read(Dialect.POSTGRESQL, false);
        assertEquals("branches\n  primary key (code)\n", SchemaText.facts(read.schema()));
        assertEquals(List.of("1 table from Liquibase changelog.yaml"), read.sources());
    }

    @Test
    void viewsKeepTheKeyOfTheOneTableTheySelectFromOtherwiseTheirKeysAreUnknown() throws IOException {
        write("src/main/resources/db/migration/V1__builds.sql", """
                CREATE TABLE builds (uuid UUID PRIMARY KEY, name TEXT, deleted BOOLEAN);
                CREATE TABLE artifacts (id BIGINT PRIMARY KEY, build_uuid UUID REFERENCES builds (uuid));
                CREATE VIEW builds_view AS SELECT b.uuid, b.name FROM builds b WHERE NOT b.deleted;
                CREATE MATERIALIZED VIEW build_names (build_id, build_name) AS SELECT uuid, name FROM builds;
                CREATE VIEW build_artifacts AS SELECT b.uuid, a.id FROM builds b JOIN artifacts a ON a.build_uuid = b.uuid;
                CREATE VIEW names_only AS SELECT DISTINCT name FROM builds;
                """);
        Schema schema = read(Dialect.POSTGRESQL, false).schema();
        String text = SchemaText.facts(schema);
        assertTrue(text.contains("builds_view\n  primary key (uuid)\n"), text);
        assertTrue(text.contains("build_names\n  primary key (build_id)\n"), text);
        assertTrue(text.contains("build_artifacts\n  keys unknown\n"), text);
        assertTrue(text.contains("names_only\n  keys unknown\n"), text);
        KeyModel keys = new SchemaKeyModel(schema, new NamingConventions(), List.of());
        assertTrue(keys.uniqueKeyCovered("builds_view", Set.of("uuid")).orElseThrow().proved());
        // a view over a join is judged as an undeclared table: never "declares no key"
        assertTrue(keys.declaredKeys("build_artifacts").isEmpty());
        assertTrue(keys.declaredKeys("builds_view").isPresent());
    }

    @Test
    void hibernateXmlMappingsDeclareKeysNaturalIdsAndForeignKeys() throws IOException {
        write("src/main/resources/org/acme/Order.hbm.xml", """
                <?xml version="1.0"?>
                <!DOCTYPE hibernate-mapping PUBLIC "-//Hibernate/Hibernate Mapping DTD 3.0//EN"
                    "http://www.hibernate.org/dtd/hibernate-mapping-3.0.dtd">
                <hibernate-mapping package="org.acme">
                  <class name="Customer" table="customers">
                    <id name="id" column="customer_id"><generator class="native"/></id>
                    <natural-id><property name="email"/></natural-id>
                    <set name="orders" inverse="true"><key column="customer_id"/><one-to-many class="Order"/></set>
                  </class>
                  <class name="Order" table="orders">
                    <id name="id" column="order_id"/>
                    <property name="orderNo" column="order_no" unique="true"/>
                    <many-to-one name="customer" column="customer_id" class="Customer"/>
                  </class>
                </hibernate-mapping>
                """);
        ModuleSchema.Read read = read(Dialect.POSTGRESQL, false);
        assertEquals("""
                customers
                  primary key (customer_id)
                  unique (email)
                orders
                  primary key (order_id)
                  unique (order_no)
                  foreign key (customer_id) -> customers (customer_id)
                """, SchemaText.facts(read.schema()));
        assertEquals(List.of("2 Hibernate mappings"), read.sources());
    }
}
