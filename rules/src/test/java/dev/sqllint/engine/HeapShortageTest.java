package dev.sqllint.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqllint.bench.Corpus;
import dev.sqllint.bench.SyntheticCorpus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When the heap runs short the analysis degrades instead of dying: it stops caching, drops its memos, analyses
 * the rest one file at a time, and skips (with a diagnostic and a count in the summary) only a file that does
 * not fit even then. An {@link OutOfMemoryError} never escapes.
 */
class HeapShortageTest {

    @TempDir
    Path project;

    @Test
    void aShortHeapDegradesButReportsTheSameFindingsAndWritesNoCache() throws IOException {
        Corpus corpus = SyntheticCorpus.write(project.resolve("corpus"), 100, 5);
        AnalysisResult ample = new Analyzer().analyze(corpus.config());
        Path cache = project.resolve("cache");
        AnalysisResult shortOfHeap = new Analyzer().withMemoryGuard(MemoryGuard.of(() -> true))
                .analyze(corpus.config().withCache(cache));

        assertNull(ample.work().memory());
        assertNotNull(shortOfHeap.work().memory());
        assertEquals(0, shortOfHeap.work().memory().filesSkipped());
        assertEquals(ample.findings(), shortOfHeap.findings());
        assertEquals(ample.sources(), shortOfHeap.sources());
        assertEquals(ample.statementsParsed(), shortOfHeap.statementsParsed());
        assertFalse(Files.exists(cache.resolve(ResultCache.FILE_NAME)), "a degraded run must not be cached");
    }

    @Test
    void aTinyHeapCompletesAndSaysWhichFileItDropped() throws Exception {
        write("src/main/java/com/acme/orders/OrderDao.java", dao("OrderDao", 3));
        // about 1.3 MB of DAO: its syntax tree needs far more than the 32 MB heap the forked JVM is given
        write("src/main/java/com/acme/reports/ReportDao.java", dao("ReportDao", 5_000));

        List<String> out = runWithHeap("32m");

        String all = String.join("\n", out);
        assertTrue(all.contains("the heap ran short (") && all.contains("1 file not analysed"), all);
        assertTrue(all.contains("diagnostic: ReportDao.java the heap ran short"), all);
        assertTrue(all.contains("3 SQL sites found, 3 statements parsed"), all); // OrderDao's, analysed
        assertFalse(all.contains("OutOfMemoryError"), all);
    }

    private List<String> runWithHeap(String heap) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx" + heap, "-XX:+UseSerialGC", "-cp",
                System.getProperty("java.class.path"), TinyHeapRun.class.getName(), project.toString())
                .redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>(p.inputReader(StandardCharsets.UTF_8).lines().toList());
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the forked analysis hangs");
        assertEquals(0, p.exitValue(), String.join("\n", lines));
        return lines;
    }

    /** A DAO with {@code methods} queries, one of which ORs across two tables' columns. */
    private static String dao(String name, int methods) {
        StringBuilder s = new StringBuilder("""
                package com.acme.orders;

                import org.springframework.jdbc.core.JdbcTemplate;

                public class %s {
                    private final JdbcTemplate jdbc;

                    public %s(JdbcTemplate jdbc) {
                        this.jdbc = jdbc;
                    }
                """.formatted(name, name));
        for (int i = 0; i < methods; i++) {
            s.append("""

                        public Object find%d(long customer, String code) {
                            return jdbc.queryForList("SELECT o.id, o.total FROM orders o JOIN customers c ON c.id = o.customer_id "
                                    + "WHERE o.customer_id = ? OR c.code = ? ORDER BY o.id", customer, code);
                        }
                    """.formatted(i));
        }
        return s.append("}\n").toString();
    }

    private void write(String path, String text) throws IOException {
        Path p = project.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
    }
}
