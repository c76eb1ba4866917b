package dev.sqllint.schema.discovery;

import dev.sqllint.schema.HbmMappings;
import dev.sqllint.schema.LiquibaseChangelogs;
import dev.sqllint.schema.Schema;
import dev.sqllint.schema.SchemaProblems;
import dev.sqllint.schema.SqlDdl;
import dev.sqllint.sql.Dialect;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replays one module's {@link SchemaSources} into a schema: its scripts, its changelogs, its Hibernate mappings,
 * then other databases' scripts for the tables only they declare.
 */
public final class ModuleSchema {

    private static final Pattern CREATE_TABLE = Pattern.compile("(?i)\\bCREATE\\s+(?:[A-Z]+\\s+){0,3}?TABLE\\s+"
            + "(?:IF\\s+NOT\\s+EXISTS\\s+)?([A-Za-z0-9_$.\"`\\[\\]{}]+)");

    /** The schema, and what it came from in the words of the summary ("12 SQL scripts"). */
    public record Read(Schema schema, List<String> sources) {
    }

    private ModuleSchema() {
    }

    public static Read read(SchemaSources found, List<Path> resourceRoots, Dialect dialect, SchemaProblems problems) {
        Schema schema = new Schema();
        List<String> sources = new ArrayList<>();
        for (Path script : found.scripts()) SqlDdl.applyFile(script, schema, problems);
        if (!found.scripts().isEmpty()) sources.add(count(found.scripts().size(), "SQL script"));
        for (Path changelog : found.changelogs()) {
            LiquibaseChangelogs.replay(changelog, resourceRoots, schema, problems, dialect.fileTokens());
            sources.add("Liquibase " + changelog.getFileName());
        }
        for (Path changelog : found.otherChangelogs()) {
            Schema theirs = new Schema();
            LiquibaseChangelogs.replay(changelog, resourceRoots, theirs, problems, dialect.fileTokens());
            int adopted = schema.adoptMissing(theirs).size();
            if (adopted > 0) sources.add(count(adopted, "table") + " from Liquibase " + changelog.getFileName());
        }
        int mapped = HbmMappings.apply(found.hbmMappings(), schema, problems);
        if (mapped > 0) sources.add(count(mapped, "Hibernate mapping"));
        for (Map.Entry<String, List<Path>> other : found.fallbackScripts().entrySet()) {
            if (!declaresMissing(other.getValue(), schema)) continue;
            Schema theirs = new Schema();
            for (Path script : other.getValue()) SqlDdl.applyFile(script, theirs, SchemaProblems.IGNORE);
            int adopted = schema.adoptMissing(theirs).size();
            if (adopted > 0) sources.add(count(adopted, "table") + " only " + other.getKey() + " scripts declare");
        }
        return new Read(schema, sources);
    }

    /** Whether the scripts create a table {@code schema} lacks, by a cheap look at their text. */
    private static boolean declaresMissing(List<Path> scripts, Schema schema) {
        for (Path script : scripts) {
            try {
                Matcher m = CREATE_TABLE.matcher(new String(Files.readAllBytes(script), StandardCharsets.ISO_8859_1));
                while (m.find()) {
                    String name = SqlDdl.placeholders(m.group(1));
                    if (schema.table(name).isEmpty()) return true;
                }
            } catch (IOException | RuntimeException e) {
                // unreadable: nothing to fall back on
            }
        }
        return false;
    }

    static String count(int n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }
}
