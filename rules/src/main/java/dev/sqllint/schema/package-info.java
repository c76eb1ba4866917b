/**
 * The project's schema, read with no database: Flyway and plain SQL scripts ({@link
 * dev.sqllint.schema.FlywayMigrations}, {@code SqlDdl}, {@code SqlScript}), Liquibase changelogs in XML, YAML and
 * formatted SQL, Hibernate XML mappings, and JPA annotations ({@link dev.sqllint.schema.JpaReader} into a
 * {@link dev.sqllint.schema.JpaModel}), replayed into one {@link dev.sqllint.schema.Schema}.
 * {@link dev.sqllint.schema.KeyModel} answers the rules' questions (unique? history? indexed?) with their
 * evidence: {@code SchemaKeyModel} from the schema, {@code NamingConventions} where it is silent.
 *
 * <p>Reads: schema sources found by {@link dev.sqllint.schema.discovery}, Java files with mappings. Hands on:
 * the key model, to the rules; the JPA model, to JPQL translation, derived queries and Criteria queries.
 */
package dev.sqllint.schema;
