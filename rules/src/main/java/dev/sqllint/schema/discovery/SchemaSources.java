package dev.sqllint.schema.discovery;

import dev.sqllint.schema.FlywayMigrations;
import dev.sqllint.schema.LiquibaseChangelogs;
import dev.sqllint.schema.SchemaProblems;
import dev.sqllint.source.FileFacts;
import dev.sqllint.sql.Dialect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Every schema source of one module, found with no configuration, in the order to replay them: SQL scripts (Flyway
 * order where names are versioned, path order otherwise) of the project's database, other databases' scripts as a
 * fallback, Liquibase master changelogs, and Hibernate {@code *.hbm.xml} mappings.
 *
 * @param scripts         the project's dialect's scripts and those naming no database, in replay order
 * @param fallbackScripts per other database, most likely first: read only for tables no own script declares
 * @param changelogs      Liquibase master changelogs at the default place, configured, or named in the configuration
 * @param otherChangelogs changelogs nothing includes, found elsewhere: a module's own master, or an old upgrade
 *                        path; each is read apart and only for the tables the others do not declare
 * @param hbmMappings     Hibernate XML mappings
 */
public record SchemaSources(List<Path> scripts, Map<String, List<Path>> fallbackScripts, List<Path> changelogs,
                            List<Path> otherChangelogs, List<Path> hbmMappings) {

    /**
     * Where to look: the module, its resource roots, configured locations, whether tests count, the database; and
     * what is known of the candidates' content from an earlier run ({@code facts}).
     */
    public record Search(Path moduleDir, List<Path> resourceRoots, List<Path> schemaLocations, boolean includeTests,
                         Dialect dialect, FileFacts facts) {
        /** A search that reads every candidate. */
        public Search(Path moduleDir, List<Path> resourceRoots, List<Path> schemaLocations, boolean includeTests,
                      Dialect dialect) {
            this(moduleDir, resourceRoots, schemaLocations, includeTests, dialect, FileFacts.NONE);
        }
    }

    public static SchemaSources discover(Search search, SchemaProblems problems) {
        FileFacts facts = search.facts();
        SchemaFiles.Found found = SchemaFiles.find(search.moduleDir(), search.resourceRoots(), search.includeTests(), problems,
                facts);
        MigrationSettings.Found settings = MigrationSettings.read(found.configFiles(), search.moduleDir(),
                search.resourceRoots(), search.dialect(), problems, facts);
        List<Path> locations = new ArrayList<>();
        for (Path p : search.schemaLocations()) {
            if (Files.isDirectory(p)) {
                // a folder the user names holds their DDL whatever its scripts are called (a dump's mall.sql), not
                // only Flyway-named migrations: every script in it that creates or alters tables
                locations.addAll(SchemaFiles.find(null, List.of(p), search.includeTests(), SchemaProblems.IGNORE, facts)
                        .sqlScripts());
            } else if (p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".sql")) {
                locations.add(p);
            }
        }
        locations.addAll(settings.flywayLocations());
        for (Path p : locations) {
            if (!Files.exists(p)) problems.report(p, 0, "configured Flyway location does not exist");
        }
        List<Path> candidates = new ArrayList<>(locations);
        candidates.addAll(found.sqlScripts());
        List<Path> ordered = new ArrayList<>();
        Set<Path> seen = new LinkedHashSet<>();
        for (Path p : FlywayMigrations.scripts(search.resourceRoots(), candidates, SchemaProblems.IGNORE)) {
            if (seen.add(key(p)) && (found.sqlScripts().contains(key(p)) || SchemaFiles.declaresSchema(p, facts))) ordered.add(p);
        }
        List<Path> roots = new ArrayList<>(search.resourceRoots());
        if (search.moduleDir() != null) roots.add(search.moduleDir());
        DialectScripts.Split split = DialectScripts.split(ordered, search.dialect(), roots);
        // Flyway's own complaints (two scripts with one version) only for the scripts that run together
        List<Path> own = FlywayMigrations.scripts(List.of(), split.own(), problems);

        Set<Path> changelogs = new LinkedHashSet<>();
        LiquibaseChangelogs.findMaster(search.resourceRoots()).ifPresent(p -> changelogs.add(key(p)));
        for (Path p : search.schemaLocations()) {
            String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
            if (Files.isRegularFile(p) && (name.endsWith(".xml") || name.endsWith(".yaml") || name.endsWith(".yml")
                    || name.endsWith(".json"))) {
                changelogs.add(key(p));
            }
        }
        settings.changelogs().forEach(p -> changelogs.add(key(p)));
        List<Path> others = new ArrayList<>();
        for (Path p : ChangelogMasters.find(found.xmlAndYaml(), facts)) if (!changelogs.contains(key(p))) others.add(key(p));
        List<Path> hbm = found.xmlAndYaml().stream()
                .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".hbm.xml")).toList();
        return new SchemaSources(List.copyOf(own), split.fallbacks(), List.copyOf(changelogs), List.copyOf(others), hbm);
    }

    /** Every file the sources name, for the cache's run key. */
    public List<Path> files() {
        List<Path> all = new ArrayList<>(scripts);
        fallbackScripts.values().forEach(all::addAll);
        all.addAll(changelogs);
        all.addAll(otherChangelogs);
        all.addAll(hbmMappings);
        return all;
    }

    private static Path key(Path p) {
        return p.toAbsolutePath().normalize();
    }
}
