package dev.sqllint.engine;

import dev.sqllint.extract.JavaFile;
import dev.sqllint.schema.JpaModel;
import dev.sqllint.schema.JpaNaming;
import dev.sqllint.schema.discovery.ModuleSchema;
import dev.sqllint.schema.discovery.ReactorSchema;
import dev.sqllint.schema.discovery.SchemaSources;
import dev.sqllint.schema.Schema;
import dev.sqllint.schema.SchemaProblems;
import dev.sqllint.schema.Table;
import dev.sqllint.source.FileFacts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the project's schema with no database connection: the module's SQL scripts and Liquibase changelogs (in
 * their order) wherever it keeps them, Hibernate XML mappings, then the tables other modules of the build declare,
 * then JPA mappings for the tables no script declares. Migrations win where the two
 * disagree; the run says so once, as a note.
 */
final class SchemaLoader {

    /** The schema, the JPA model (for JPQL), what they hold (for the summary), and notes for the debug log. */
    record Loaded(Schema schema, JpaModel jpa, AnalysisResult.SchemaSummary summary, List<String> notes) {
    }

    private SchemaLoader() {
    }

    static Loaded load(AnalysisConfig config, List<JavaFile> javaFiles, SchemaProblems problems) {
        return load(config, javaFiles, problems, new dev.sqllint.extract.ProjectIndex(javaFiles), FileFacts.NONE);
    }

    /**
     * {@code javaFiles}: at least every file with a JPA mapping; {@code index}: every type of the sources;
     * {@code facts}: what is known of the schema candidates' content.
     */
    static Loaded load(AnalysisConfig config, List<JavaFile> javaFiles, SchemaProblems problems,
                       dev.sqllint.extract.ProjectIndex index, FileFacts facts) {
        List<String> notes = new ArrayList<>();
        ModuleSchema.Read own = ModuleSchema.read(SchemaSources.discover(search(config, facts), problems),
                config.resourceRoots(), config.dialect(), problems);
        Schema schema = own.schema();
        List<String> sources = new ArrayList<>(own.sources());
        if (config.reactorModules().size() > 1) {
            int adopted = schema.adoptMissing(ReactorSchema.of(config.reactorModules(), config.includeTests(),
                    config.dialect(), facts)).size();
            if (adopted > 0) sources.add(adopted + (adopted == 1 ? " table" : " tables") + " other modules declare");
        }
        JpaModel jpa = JpaModel.read(javaFiles, "jpa".equalsIgnoreCase(config.jpaNaming()) ? JpaNaming.JPA : JpaNaming.SPRING,
                index);
        if (!jpa.entities().isEmpty()) {
            noteDisagreements(schema, jpa, notes);
            jpa.applyTo(schema, problems);
            sources.add(jpa.entities().size() + " JPA entities");
        }
        return new Loaded(schema, jpa, summary(schema, sources), notes);
    }

    /**
     * Where no JDBC driver names the database, the schema scripts may: scripts that name one of sqllint's databases,
     * and only one ({@code mysql-schema.sql}), make it the project's, so statements, MyBatis {@code databaseId}s and
     * advice are read for it and not for the PostgreSQL default.
     */
    static AnalysisConfig withScriptDialect(AnalysisConfig config) {
        return effective(config, FileFacts.NONE).config();
    }

    /**
     * The configuration a run uses (see {@link #withScriptDialect}) and, once asked for, the schema files it reads.
     * The files found to choose the dialect are those files when the dialect stays: discovery reads every
     * configuration file for migration settings, a tenth of a warm ThingsBoard run, so it is done once.
     */
    static Effective effective(AnalysisConfig requested, FileFacts facts) {
        if (!AnalysisConfig.DEFAULT_DIALECT_SOURCE.equals(requested.dialectSource())) {
            return new Effective(requested, null, facts);
        }
        List<Path> files = sourceFiles(requested, facts);
        List<Path> roots = new ArrayList<>(requested.resourceRoots());
        roots.addAll(requested.reactorModules());
        return dev.sqllint.schema.discovery.DialectScripts.onlyDialectNamed(files, roots)
                .map(d -> new Effective(requested.withDialect(d, "no JDBC driver among the dependencies; the schema"
                        + " scripts name only " + d.displayName()), null, facts))
                .orElseGet(() -> new Effective(requested, files, facts));
    }

    /** A run's configuration and its schema files, found when first asked for. */
    static final class Effective {
        private final AnalysisConfig config;
        private final FileFacts facts;
        private List<Path> schemaFiles;

        private Effective(AnalysisConfig config, List<Path> schemaFiles, FileFacts facts) {
            this.config = config;
            this.schemaFiles = schemaFiles;
            this.facts = facts;
        }

        AnalysisConfig config() {
            return config;
        }

        /** What is known of the schema candidates' content (kept across runs when the run has a cache). */
        FileFacts facts() {
            return facts;
        }

        /** As {@link SchemaLoader#sourceFiles} of the configuration. */
        synchronized List<Path> schemaFiles() {
            if (schemaFiles == null) schemaFiles = sourceFiles(config, facts);
            return schemaFiles;
        }
    }

    /** Where this module's schema sources are looked for. */
    static SchemaSources.Search search(AnalysisConfig config, FileFacts facts) {
        return new SchemaSources.Search(config.baseDir(), config.resourceRoots(), config.schemaLocations(),
                config.includeTests(), config.dialect(), facts);
    }

    /** Every schema file this run reads (its own and the other modules'), for the cache's run key. */
    static List<Path> sourceFiles(AnalysisConfig config, FileFacts facts) {
        List<Path> files = new ArrayList<>(SchemaSources.discover(search(config, facts), SchemaProblems.IGNORE).files());
        if (config.reactorModules().size() > 1) {
            ReactorSchema.sources(config.reactorModules(), config.includeTests(), config.dialect(), facts)
                    .forEach(s -> files.addAll(s.files()));
        }
        return files;
    }

    /** Migrations win over mappings; say once which mapped tables disagree with them. */
    private static void noteDisagreements(Schema migrations, JpaModel jpa, List<String> notes) {
        List<String> differing = new ArrayList<>();
        for (JpaModel.Entity e : jpa.entities()) {
            migrations.table(e.table()).ifPresent(t -> {
                List<String> declared = t.primaryKey().map(k -> k.columns()).orElse(List.of());
                if (!e.primaryKey().isEmpty() && !declared.isEmpty() && !declared.equals(e.primaryKey())) {
                    differing.add(e.name() + " maps " + t.name() + " with key " + e.primaryKey() + ", migrations declare " + declared);
                }
            });
        }
        if (!differing.isEmpty()) {
            notes.add("JPA mappings disagree with the migrations, which win: " + String.join("; ", differing));
        }
    }

    static AnalysisResult.SchemaSummary summary(Schema schema, List<String> sources) {
        int keys = 0;
        int fks = 0;
        int indexes = 0;
        for (Table t : schema.tables()) {
            keys += (t.primaryKey().isPresent() ? 1 : 0) + t.uniqueKeys().size();
            fks += t.foreignKeys().size();
            indexes += t.indexes().size();
        }
        return new AnalysisResult.SchemaSummary(schema.tables().size(), keys, fks, indexes, List.copyOf(sources));
    }
}
