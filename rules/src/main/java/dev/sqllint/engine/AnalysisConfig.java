package dev.sqllint.engine;

import dev.sqllint.sql.Dialect;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What to analyse and how. {@code baseDir} is the project directory that report paths are relative to.
 *
 * @param resourceRoots       where migrations and changelogs are looked for (src/main/resources)
 * @param schemaLocations     extra schema files or folders (SQL migrations, Liquibase changelogs)
 * @param historyTables       table-name globs to treat as append-only histories ({@code *_events})
 * @param jpaNaming           physical naming of JPA mappings: {@code spring} (snake_case) or {@code jpa} (as written)
 * @param maxFileBytes        files larger than this are skipped with a note (generated code, data)
 * @param statementTimeout    per-statement parse time-out
 * @param threads             worker threads for parsing and analysis; the output does not depend on it
 * @param cacheDir            where results are kept between runs (null: no cache); the output does not depend on it
 * @param preFilter           parse only the files a cheap text scan finds SQL-relevant, and what they refer to;
 *                            the findings do not depend on it
 * @param fileTimeBudget      time one file's analysis may take; past it, its remaining statements are skipped with a note
 * @param dialect             the database the SQL is written for
 * @param dialectSource       how the dialect was chosen, for the summary ("configured", "the JDBC driver org.postgresql:postgresql")
 * @param includeTests        whether test roots count: their sources, and their schema scripts
 * @param reactorModules      the folders of every module of the build (this one too), whose schema sources this
 *                            module's SQL also sees; empty outside a multi-module build
 */
public record AnalysisConfig(Path baseDir, List<Path> sourceRoots, List<String> includes, List<String> excludes,
                             List<Path> resourceRoots, List<Path> schemaLocations, List<String> historyTables,
                             String jpaNaming, Charset encoding, long maxFileBytes, Duration statementTimeout,
                             int threads, Path cacheDir, boolean preFilter, Duration fileTimeBudget,
                             Dialect dialect, String dialectSource, boolean includeTests, List<Path> reactorModules) {

    public static final long DEFAULT_MAX_FILE_BYTES = 2L * 1024 * 1024;
    public static final Duration DEFAULT_STATEMENT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_FILE_TIME_BUDGET = Duration.ofSeconds(30);
    public static final String DEFAULT_DIALECT_SOURCE = "the default: no JDBC driver among the dependencies";

    public static AnalysisConfig of(Path baseDir, List<Path> sourceRoots) {
        return new AnalysisConfig(baseDir, sourceRoots, List.of(), List.of(), List.of(), List.of(), List.of(), "spring",
                StandardCharsets.UTF_8, DEFAULT_MAX_FILE_BYTES, DEFAULT_STATEMENT_TIMEOUT,
                Runtime.getRuntime().availableProcessors(), null, true,
                DEFAULT_FILE_TIME_BUDGET, Dialect.POSTGRESQL, DEFAULT_DIALECT_SOURCE, false, List.of());
    }

    public AnalysisConfig withIncludes(List<String> in, List<String> ex) {
        return new AnalysisConfig(baseDir, sourceRoots, in, ex, resourceRoots, schemaLocations, historyTables, jpaNaming,
                encoding, maxFileBytes, statementTimeout, threads, cacheDir, preFilter, fileTimeBudget, dialect, dialectSource, includeTests, reactorModules);
    }

    public AnalysisConfig withSchema(List<Path> resources, List<Path> locations, List<String> histories, String naming) {
        return new AnalysisConfig(baseDir, sourceRoots, includes, excludes, resources, locations, histories, naming,
                encoding, maxFileBytes, statementTimeout, threads, cacheDir, preFilter, fileTimeBudget, dialect, dialectSource, includeTests, reactorModules);
    }

    public AnalysisConfig withEncoding(Charset charset) {
        return new AnalysisConfig(baseDir, sourceRoots, includes, excludes, resourceRoots, schemaLocations, historyTables,
                jpaNaming, charset, maxFileBytes, statementTimeout, threads, cacheDir, preFilter, fileTimeBudget, dialect, dialectSource, includeTests, reactorModules);
    }

    public AnalysisConfig withStatementTimeout(Duration timeout) {
        return new AnalysisConfig(baseDir, sourceRoots, includes, excludes, resourceRoots, schemaLocations, historyTables,
                jpaNaming, encoding, maxFileBytes, timeout, threads, cacheDir, preFilter, fileTimeBudget, dialect, dialectSource, includeTests, reactorModules);
    }

    public AnalysisConfig withMaxFileBytes(long bytes) {
        return new AnalysisConfig(baseDir, sourceRoots, includes, excludes, resourceRoots, schemaLocations, historyTables,
                jpaNaming, encoding, bytes, statementTimeout, threads, cacheDir, preFilter, fileTimeBudget, dialect, dialectSource, includeTests, reactorModules);
    }

    /** Keeps results in {@code dir} between runs (null: no cache). */
    public AnalysisConfig withCache(Path dir) {
        return new AnalysisConfig(baseDir, sourceRoots, includes, excludes, resourceRoots, schemaLocations, historyTables,
                jpaNaming, encoding, maxFileBytes, statementTimeout, threads, dir, preFilter, fileTimeBudget, dialect, dialectSource, includeTests, reactorModules);
    }

    /** Whether a cheap text scan may skip the files that cannot matter (on by default). */
    public AnalysisConfig withPreFilter(boolean on) {
        return new AnalysisConfig(baseDir, sourceRoots, includes, excludes, resourceRoots, schemaLocations, historyTables,
                jpaNaming, encoding, maxFileBytes, statementTimeout, threads, cacheDir, on, fileTimeBudget, dialect, dialectSource, includeTests, reactorModules);
    }

    public AnalysisConfig withThreads(int count) {
        return new AnalysisConfig(baseDir, sourceRoots, includes, excludes, resourceRoots, schemaLocations, historyTables,
                jpaNaming, encoding, maxFileBytes, statementTimeout, count, cacheDir, preFilter, fileTimeBudget, dialect, dialectSource, includeTests, reactorModules);
    }

    public AnalysisConfig withFileTimeBudget(Duration budget) {
        return new AnalysisConfig(baseDir, sourceRoots, includes, excludes, resourceRoots, schemaLocations, historyTables,
                jpaNaming, encoding, maxFileBytes, statementTimeout, threads, cacheDir, preFilter, budget, dialect, dialectSource, includeTests, reactorModules);
    }

    /** The database the SQL is written for, and how that was decided. */
    public AnalysisConfig withDialect(Dialect d, String source) {
        return new AnalysisConfig(baseDir, sourceRoots, includes, excludes, resourceRoots, schemaLocations, historyTables,
                jpaNaming, encoding, maxFileBytes, statementTimeout, threads, cacheDir, preFilter, fileTimeBudget, d, source, includeTests, reactorModules);
    }

    /** Whether test roots count, and the folders of every module of the build (empty: not a multi-module build). */
    public AnalysisConfig withReactor(boolean tests, List<Path> modules) {
        return new AnalysisConfig(baseDir, sourceRoots, includes, excludes, resourceRoots, schemaLocations, historyTables,
                jpaNaming, encoding, maxFileBytes, statementTimeout, threads, cacheDir, preFilter, fileTimeBudget, dialect,
                dialectSource, tests, List.copyOf(modules));
    }
}
