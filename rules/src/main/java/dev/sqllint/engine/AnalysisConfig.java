package dev.sqllint.engine;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What to analyse and how. {@code baseDir} is the project directory that report paths are relative to.
 *
 * @param maxFileBytes        files larger than this are skipped with a note (generated code, data)
 * @param statementTimeout    per-statement parse time-out
 * @param threads             worker threads for parsing and analysis; the output does not depend on it
 */
public record AnalysisConfig(Path baseDir, List<Path> sourceRoots, List<String> includes, List<String> excludes,
                             Charset encoding, long maxFileBytes, Duration statementTimeout, int threads) {

    public static final long DEFAULT_MAX_FILE_BYTES = 2L * 1024 * 1024;
    public static final Duration DEFAULT_STATEMENT_TIMEOUT = Duration.ofSeconds(5);

    public static AnalysisConfig of(Path baseDir, List<Path> sourceRoots) {
        return new AnalysisConfig(baseDir, sourceRoots, List.of(), List.of(), StandardCharsets.UTF_8,
                DEFAULT_MAX_FILE_BYTES, DEFAULT_STATEMENT_TIMEOUT, Runtime.getRuntime().availableProcessors());
    }

    public AnalysisConfig withIncludes(List<String> in, List<String> ex) {
        return new AnalysisConfig(baseDir, sourceRoots, in, ex, encoding, maxFileBytes, statementTimeout, threads);
    }

    public AnalysisConfig withEncoding(Charset charset) {
        return new AnalysisConfig(baseDir, sourceRoots, includes, excludes, charset, maxFileBytes, statementTimeout, threads);
    }

    public AnalysisConfig withStatementTimeout(Duration timeout) {
        return new AnalysisConfig(baseDir, sourceRoots, includes, excludes, encoding, maxFileBytes, timeout, threads);
    }

    public AnalysisConfig withMaxFileBytes(long bytes) {
        return new AnalysisConfig(baseDir, sourceRoots, includes, excludes, encoding, bytes, statementTimeout, threads);
    }
}
