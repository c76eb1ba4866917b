package dev.sqllint.maven;

import dev.sqllint.engine.AnalysisConfig;
import dev.sqllint.engine.AnalysisResult;
import dev.sqllint.engine.Analyzer;
import dev.sqllint.source.SourceFile;
import dev.sqllint.source.SourceFinder;
import dev.sqllint.report.Baseline;
import dev.sqllint.engine.InvalidConfigurationException;
import dev.sqllint.engine.RuleSelection;
import dev.sqllint.mybatis.MapperFiles;
import java.io.File;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import dev.sqllint.sql.Dialect;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Dependency;
import org.apache.maven.model.Resource;
import org.apache.maven.project.MavenProject;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Parameter;

/** What every sqllint goal shares: where the sources and schema are, and how to read them. */
abstract class AbstractSqllintMojo extends AbstractMojo {

    /** Skip sqllint. */
    @Parameter(property = "sqllint.skip", defaultValue = "false")
    protected boolean skip;

    /** Also scan the test source roots. */
    @Parameter(property = "sqllint.includeTests", defaultValue = "false")
    protected boolean includeTests;

    /** Ant-style patterns, relative to a source root, of the files to scan. Default: all {@code .java} files. */
    @Parameter(property = "sqllint.includes")
    protected List<String> includes;

    /** Ant-style patterns, relative to a source root, of files not to scan. */
    @Parameter(property = "sqllint.excludes")
    protected List<String> excludes;

    /**
     * Extra schema sources: SQL migration files or folders, Liquibase changelogs. Flyway's
     * {@code db/migration}, Spring Boot's {@code schema.sql} and Liquibase's {@code db/changelog} master under
     * the resource roots are found without configuration.
     */
    @Parameter(property = "sqllint.schemaLocations")
    protected List<File> schemaLocations;

    /** Table-name globs of append-only history tables, e.g. {@code *_events}, {@code audit_*}. */
    @Parameter(property = "sqllint.historyTables")
    protected List<String> historyTables;

    /** Physical naming of JPA mappings: {@code spring} (camelCase to snake_case) or {@code jpa} (names as written). */
    @Parameter(property = "sqllint.jpaNaming", defaultValue = "spring")
    protected String jpaNaming;

    /**
     * The database the SQL is written for: {@code postgresql}, {@code mysql}, {@code mariadb}, {@code sqlserver},
     * {@code oracle}, {@code h2}, {@code db2}, {@code hsqldb}. Default: from the JDBC driver among the project's
     * dependencies (or the reactor's), else PostgreSQL.
     */
    @Parameter(property = "sqllint.dialect")
    protected String dialect;

    @Parameter(defaultValue = "${project}", readonly = true)
    protected MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true)
    protected MavenSession session;

    /** Per-statement SQL parse time-out, in milliseconds. */
    @Parameter(property = "sqllint.statementTimeoutMillis", defaultValue = "5000")
    protected long statementTimeoutMillis;

    /**
     * Keep each file's results in {@code ${project.build.directory}/sqllint} between builds: a re-run parses
     * only what changed and the files whose SQL used it. {@code -Dsqllint.cache=false} turns it off.
     */
    @Parameter(property = "sqllint.cache", defaultValue = "true")
    protected boolean cache;

    /**
     * Parse only the files a text scan finds SQL-relevant, and the files their analysis asks about (constants,
     * supertypes). The findings do not depend on it; off parses every file.
     */
    @Parameter(property = "sqllint.preFilter", defaultValue = "true")
    protected boolean preFilter;

    /** Time one file's analysis may take, in milliseconds; past it, the rest of that file is skipped with a note. */
    @Parameter(property = "sqllint.fileTimeBudgetMillis", defaultValue = "30000")
    protected long fileTimeBudgetMillis;

    /** Source files larger than this many bytes are skipped with a note (generated code). */
    @Parameter(property = "sqllint.maxFileBytes", defaultValue = "2097152")
    protected long maxFileBytes;

    /**
     * The baseline: findings accepted when sqllint was adopted, which {@code check} reports but does not fail
     * on. Written by {@code sqllint:baseline}. Default: {@code sqllint-baseline.xml} in the project base
     * directory, used when it exists.
     */
    @Parameter(property = "sqllint.baselineFile")
    protected File baselineFile;

    /**
     * Per-rule settings: {@code <rule><name>…</name><severity>error</severity></rule>} overrides a rule's
     * severity, {@code <enabled>false</enabled>} turns it off. An unknown rule name fails the build at once.
     */
    @Parameter
    protected List<RuleConfig> rules;

    /** Names of rules not to run, comma-separated on the command line. An unknown name fails the build at once. */
    @Parameter(property = "sqllint.disabledRules")
    protected List<String> disabledRules;

    @Parameter(defaultValue = "${project.compileSourceRoots}", readonly = true, required = true)
    protected List<String> compileSourceRoots;

    @Parameter(defaultValue = "${project.testCompileSourceRoots}", readonly = true, required = true)
    protected List<String> testCompileSourceRoots;

    @Parameter(defaultValue = "${project.resources}", readonly = true, required = true)
    protected List<Resource> resources;

    @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
    protected File baseDir;

    @Parameter(defaultValue = "${project.build.directory}", readonly = true, required = true)
    protected File buildDirectory;

    @Parameter(defaultValue = "${project.build.sourceEncoding}", readonly = true)
    protected String sourceEncoding;

    @Parameter(defaultValue = "${plugin.version}", readonly = true)
    protected String pluginVersion;

    /** Runs the enabled rules over this project's sources and schema; findings carry the configured severities. */
    protected AnalysisResult analyze() throws MojoExecutionException {
        RuleSelection selection = ruleSelection();
        AnalysisConfig config = config();
        try {
            return selection.apply(new Analyzer(selection.rules(), null).analyze(config));
        } catch (OutOfMemoryError e) {
            // the analysis degrades when the heap runs short; this is for what it could not catch in time
            return AnalysisResult.heapExhausted();
        }
    }

    /** The {@code rules} and {@code disabledRules} configuration; an unknown rule name stops the build. */
    RuleSelection ruleSelection() throws MojoExecutionException {
        List<RuleSelection.Setting> settings = new ArrayList<>();
        if (rules != null) for (RuleConfig r : rules) settings.add(r.toSetting());
        try {
            return RuleSelection.of(settings, disabledRules == null ? List.of() : disabledRules);
        } catch (InvalidConfigurationException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
    }

    /** The source files {@link #analyze()} reads (its result counts them, IDE markers and changed-files mode need them). */
    protected List<Path> scannedFiles() throws MojoExecutionException {
        AnalysisConfig c = config();
        List<Path> files = new ArrayList<>(new SourceFinder(c.includes(), c.excludes()).find(c.sourceRoots(), (file, why) -> { })
                .stream().map(SourceFile::path).toList());
        List<Path> mapperRoots = new ArrayList<>(c.resourceRoots());
        mapperRoots.addAll(c.sourceRoots());
        files.addAll(MapperFiles.find(mapperRoots, c.excludes(), (kind, file, line, why) -> { })); // MyBatis XML mappers
        return files;
    }

    AnalysisConfig config() throws MojoExecutionException {
        List<Path> roots = new ArrayList<>();
        for (String r : compileSourceRoots) roots.add(Path.of(r));
        if (includeTests) for (String r : testCompileSourceRoots) roots.add(Path.of(r));
        List<Path> resourceRoots = new ArrayList<>();
        if (resources != null) for (Resource r : resources) resourceRoots.add(Path.of(r.getDirectory()));
        List<Path> locations = new ArrayList<>();
        if (schemaLocations != null) for (File f : schemaLocations) locations.add(f.toPath());
        if (!"spring".equals(jpaNaming) && !"jpa".equals(jpaNaming)) {
            throw new MojoExecutionException("sqllint: jpaNaming must be 'spring' or 'jpa', not '" + jpaNaming + "'");
        }
        return AnalysisConfig.of(baseDir.toPath(), roots)
                .withSchema(resourceRoots, locations, historyTables == null ? List.of() : historyTables, jpaNaming)
                .withIncludes(includes == null ? List.of() : includes, excludes == null ? List.of() : excludes)
                .withEncoding(encoding())
                .withStatementTimeout(Duration.ofMillis(statementTimeoutMillis))
                .withMaxFileBytes(maxFileBytes)
                .withCache(cache ? buildDirectory.toPath().resolve("sqllint") : null)
                .withPreFilter(preFilter)
                .withFileTimeBudget(Duration.ofMillis(fileTimeBudgetMillis))
                .withDialect(chosenDialect(), dialectSource)
                .withReactor(includeTests, reactorModules());
    }

    /** The folders of the build's modules, in build order, when there is more than one: their schema is shared. */
    private List<Path> reactorModules() {
        List<Path> modules = new ArrayList<>();
        if (session == null || session.getProjects() == null || session.getProjects().size() < 2) return modules;
        for (MavenProject p : session.getProjects()) {
            if (p.getBasedir() != null) modules.add(p.getBasedir().toPath().toAbsolutePath().normalize());
        }
        return modules;
    }

    private String dialectSource = AnalysisConfig.DEFAULT_DIALECT_SOURCE;

    /** The configured dialect, else the JDBC driver's among this project's dependencies, then the reactor's. */
    private Dialect chosenDialect() throws MojoExecutionException {
        if (dialect != null && !dialect.isBlank()) {
            dialectSource = "configured";
            return Dialect.named(dialect).orElseThrow(() -> new MojoExecutionException(
                    "sqllint: unknown dialect '" + dialect + "'; one of: " + Dialect.ids()));
        }
        List<MavenProject> projects = new ArrayList<>();
        if (project != null) projects.add(project);
        if (session != null && session.getProjects() != null) projects.addAll(session.getProjects());
        for (MavenProject p : projects) {
            List<Dependency> deps = p.getDependencies() == null ? List.of() : p.getDependencies();
            var found = Dialect.fromDriverArtifacts(deps.stream().map(Dependency::getArtifactId).toList());
            if (found.isPresent()) {
                Dialect d = found.get();
                Dependency driver = deps.stream().filter(x -> Dialect.fromDriverArtifacts(List.of(x.getArtifactId())).equals(found))
                        .findFirst().orElseThrow();
                dialectSource = "the JDBC driver " + driver.getGroupId() + ":" + driver.getArtifactId()
                        + (p == project ? "" : " of " + p.getArtifactId());
                return d;
            }
        }
        dialectSource = AnalysisConfig.DEFAULT_DIALECT_SOURCE;
        return Dialect.POSTGRESQL;
    }

    private boolean encodingWarned;

    private Charset encoding() {
        if (sourceEncoding == null || sourceEncoding.isBlank()) return StandardCharsets.UTF_8;
        try {
            return Charset.forName(sourceEncoding);
        } catch (RuntimeException e) {
            if (!encodingWarned) getLog().warn("sqllint: unknown project.build.sourceEncoding '" + sourceEncoding + "', reading as UTF-8");
            encodingWarned = true; // config() runs more than once when IDE markers or changedSince need the file list
            return StandardCharsets.UTF_8;
        }
    }

    protected String toolVersion() {
        return pluginVersion == null ? "dev" : pluginVersion;
    }

    /** The configured baseline file, else {@code sqllint-baseline.xml} in the project base directory. */
    protected Path baselinePath() {
        return baselineFile != null ? baselineFile.toPath() : baseDir.toPath().resolve(Baseline.FILE_NAME);
    }

    protected Path reportDirectory() {
        return buildDirectory.toPath().resolve("sqllint");
    }
}
