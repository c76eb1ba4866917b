package dev.sqllint.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sqllint.rules.OrAcrossAccessPaths;
import dev.sqllint.rules.Rule;
import dev.sqllint.rules.Rules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mvn -T 4} runs the modules' analyses at the same time in one JVM. Nothing may pass from one to
 * another: each must report exactly what it reports alone, whatever its neighbours' settings.
 */
class ConcurrentRunsTest {

    private static final String TRACK_DAO = """
            package com.acme;
            import org.springframework.jdbc.core.JdbcTemplate;
            class TrackDao {
              JdbcTemplate jdbc;
              Object tracks(long u) {
                return jdbc.queryForList("SELECT t.* FROM tracks t WHERE t.owner_id = ? OR t.track_id IN "
                    + "(SELECT c.track_id FROM track_collaborators c WHERE c.user_id = ?)", u, u);
              }
            }
            """;

    private static final String PLAY_DAO = """
            package com.acme;
            import org.springframework.jdbc.core.JdbcTemplate;
            class PlayDao {
              JdbcTemplate jdbc;
              Object lastPlays(long u) {
                // by play number, not by time: a history only where the configuration says so
                return jdbc.queryForList("SELECT DISTINCT ON (p.track_id) p.track_id, p.play_no FROM plays p "
                    + "WHERE p.user_id = ? ORDER BY p.track_id, p.play_no DESC LIMIT 10", u);
              }
            }
            """;

    @Test
    void modulesAnalysedAtTheSameTimeReportWhatTheyReportAlone(@TempDir Path dir) throws Exception {
        List<Rule> withoutOr = Rules.all().stream().filter(r -> !(r instanceof OrAcrossAccessPaths)).toList();
        // catalog: all rules; reports: plays is a history table there only; search: OrAcrossAccessPaths disabled
        AnalysisConfig catalog = module(dir, "catalog", TRACK_DAO, PLAY_DAO);
        AnalysisConfig reports = module(dir, "reports", TRACK_DAO, PLAY_DAO);
        reports = reports.withSchema(reports.resourceRoots(), List.of(), List.of("plays"), "spring");
        AnalysisConfig search = module(dir, "search", TRACK_DAO, PLAY_DAO);
        List<Supplier<AnalysisResult>> runs = List.of(
                run(new Analyzer(), catalog), run(new Analyzer(), reports), run(new Analyzer(withoutOr, null), search));

        List<String> alone = new ArrayList<>();
        for (Supplier<AnalysisResult> r : runs) alone.add(summary(r.get()));
        assertEquals(List.of(
                "TrackDao.java:6:77 OrAcrossAccessPaths",
                "PlayDao.java:7:38 DistinctOnHistoryScan, TrackDao.java:6:77 OrAcrossAccessPaths",
                ""), alone);

        ExecutorService threads = Executors.newFixedThreadPool(6);
        try {
            for (int round = 0; round < 3; round++) {
                List<Future<String>> together = new ArrayList<>();
                for (int copy = 0; copy < 2; copy++) {
                    for (Supplier<AnalysisResult> r : runs) together.add(threads.submit(() -> summary(r.get())));
                }
                for (int i = 0; i < together.size(); i++) {
                    assertEquals(alone.get(i % runs.size()), together.get(i).get(), "round " + round + ", run " + i);
                }
            }
        } finally {
            threads.shutdownNow();
        }
    }

    private static AnalysisConfig module(Path dir, String name, String... sources) throws IOException {
        Path root = Files.createDirectories(dir.resolve(name).resolve("src/main/java/com/acme"));
        for (String source : sources) {
            String className = source.substring(source.indexOf("class ") + 6, source.indexOf(" {"));
            Files.writeString(root.resolve(className + ".java"), source);
        }
        Path sourceRoot = dir.resolve(name).resolve("src/main/java");
        return AnalysisConfig.of(dir.resolve(name), List.of(sourceRoot)).withThreads(2);
    }

    private static Supplier<AnalysisResult> run(Analyzer analyzer, AnalysisConfig config) {
        return () -> analyzer.analyze(config);
    }

    private static String summary(AnalysisResult result) {
        return String.join(", ", result.findings().stream()
                .map(f -> f.file().getFileName() + ":" + f.line() + ":" + f.column() + " " + f.rule()).toList());
    }
}
