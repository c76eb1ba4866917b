package dev.sqllint.engine;

import dev.sqllint.extract.JavaFile;
import dev.sqllint.schema.FlywayMigrations;
import dev.sqllint.schema.JpaModel;
import dev.sqllint.schema.LiquibaseChangelogs;
import dev.sqllint.schema.JpaNaming;
import dev.sqllint.schema.Schema;
import dev.sqllint.schema.SchemaProblems;
import dev.sqllint.schema.Table;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the project's schema with no database connection: SQL migrations and Liquibase changelogs (in
 * their order), then JPA mappings for the tables no migration declares. Migrations win where the two
 * disagree; the run says so once, as a note.
 */
final class SchemaLoader {

    /** The schema, the JPA model (for JPQL), what they hold (for the summary), and notes for the debug log. */
    record Loaded(Schema schema, JpaModel jpa, AnalysisResult.SchemaSummary summary, List<String> notes) {
    }

    private SchemaLoader() {
    }

    static Loaded load(AnalysisConfig config, List<JavaFile> javaFiles, SchemaProblems problems) {
        return load(config, javaFiles, problems, new dev.sqllint.extract.ProjectIndex(javaFiles));
    }

    /** {@code javaFiles}: at least every file with a JPA mapping; {@code index}: every type of the sources. */
    static Loaded load(AnalysisConfig config, List<JavaFile> javaFiles, SchemaProblems problems,
                       dev.sqllint.extract.ProjectIndex index) {
        Schema schema = new Schema();
        List<String> sources = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<Path> sqlLocations = config.schemaLocations().stream()
                .filter(p -> Files.isDirectory(p) || p.getFileName().toString().toLowerCase().endsWith(".sql")).toList();
        List<Path> scripts = FlywayMigrations.scripts(config.resourceRoots(), sqlLocations, problems);
        if (!scripts.isEmpty()) {
            FlywayMigrations.replay(config.resourceRoots(), sqlLocations, schema, problems);
            sources.add(scripts.size() + (scripts.size() == 1 ? " SQL migration" : " SQL migrations"));
        }
        List<Path> changelogs = new ArrayList<>();
        LiquibaseChangelogs.findMaster(config.resourceRoots()).ifPresent(changelogs::add);
        for (Path p : config.schemaLocations()) {
            String name = p.getFileName().toString().toLowerCase();
            if (Files.isRegularFile(p) && (name.endsWith(".xml") || name.endsWith(".yaml") || name.endsWith(".yml")
                    || name.endsWith(".json"))) {
                changelogs.add(p);
            }
        }
        for (Path changelog : changelogs) {
            LiquibaseChangelogs.replay(changelog, config.resourceRoots(), schema, problems);
            sources.add("Liquibase " + changelog.getFileName());
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
