/**
 * Where a project keeps its schema, found without configuration: every module's SQL scripts, changelogs and
 * mappings ({@link dev.sqllint.schema.discovery.SchemaFiles}, {@code ChangelogMasters}), the locations its
 * Spring configuration names ({@code MigrationSettings}), per-database scripts sorted from the rest
 * ({@code DialectScripts}), and the schema the other modules of a multi-module build declare
 * ({@link dev.sqllint.schema.discovery.ReactorSchema}).
 *
 * <p>Reads: a module's folders and configuration files. Hands on: the ordered {@code SchemaSources} of a
 * module and the replayed schema ({@code ModuleSchema}), to the engine's schema loader.
 */
package dev.sqllint.schema.discovery;
