package dev.sqllint.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqllint.engine.AnalysisResult;
import dev.sqllint.engine.Analyzer;
import dev.sqllint.engine.Diagnostic;
import dev.sqllint.engine.Finding;
import dev.sqllint.extract.SourceKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticCorpusTest {

    @TempDir
    Path tmp;

    @Test
    void theSameSeedWritesTheSameBytes() throws IOException {
        Corpus a = SyntheticCorpus.write(tmp.resolve("a"), 300, 42);
        Corpus b = SyntheticCorpus.write(tmp.resolve("b"), 300, 42);
        Corpus c = SyntheticCorpus.write(tmp.resolve("c"), 300, 43);

        assertEquals(contents(a.root()), contents(b.root()));
        assertEquals(a.findings(), b.findings());
        assertEquals(300, a.javaFiles());
        assertNotEquals(contents(a.root()), contents(c.root()));
    }

    @Test
    void theCorpusAnalysesToExactlyThePlantedFindings() throws IOException {
        Corpus corpus = SyntheticCorpus.write(tmp.resolve("p"), 400, 7);

        AnalysisResult r = new Analyzer().analyze(corpus.config());

        assertEquals(List.of(), r.diagnostics().stream().map(Diagnostic::toString).toList());
        assertEquals(expected(corpus), actual(corpus, r));
        assertEquals(0, r.statementsNotParsed());
        // every rule is planted more than once, and SQL comes through every source kind
        corpus.expectedPerRule().forEach((rule, n) -> assertTrue(n >= 2, rule + ": " + n));
        assertEquals(400 + corpus.mapperFiles(), r.filesScanned());
        assertEquals(List.of("JDBC", "Spring JDBC", "JPA/Hibernate", "Spring Data @Query", "MyBatis annotations", "Jdbi",
                "MyBatis XML", "Spring Data derived", "jOOQ"), r.sources().perKind().keySet().stream().map(SourceKind::label).toList());
        assertEquals(List.of(), r.sources().unresolved());
        // and the incidents too (a derived query plants only DistinctOverFanOutJoin, not in every small corpus)
        assertEquals(Set.of("JDBC", "Spring JDBC", "JPA/Hibernate", "Spring Data @Query", "MyBatis annotations", "Jdbi",
                "MyBatis XML", "jOOQ"), r.findings().stream().map(f -> SourceKind.of(f.api()).label())
                .filter(k -> !k.equals("Spring Data derived")).collect(Collectors.toSet()));
    }

    @Test
    void aThousandFilesHaveTheReferenceSizeAndSqlShare() throws IOException {
        Corpus corpus = SyntheticCorpus.write(tmp.resolve("k"), 1000, 1);

        double averageKb = corpus.javaBytes() / 1024.0 / corpus.javaFiles();
        assertTrue(averageKb > 4 && averageKb < 6.5, "average " + averageKb + " KB");
        double sqlShare = (corpus.sqlJavaFiles() + corpus.mapperFiles()) / (double) corpus.javaFiles();
        assertTrue(sqlShare > 0.04 && sqlShare < 0.07, "SQL share " + sqlShare);
    }

    private static List<String> expected(Corpus corpus) {
        return corpus.findings().stream().map(Corpus.ExpectedFinding::toString).sorted().toList();
    }

    private static List<String> actual(Corpus corpus, AnalysisResult r) {
        List<String> out = new ArrayList<>();
        for (Finding f : r.findings()) {
            String file = corpus.root().relativize(f.file()).toString().replace('\\', '/');
            out.add(new Corpus.ExpectedFinding(f.rule(), file, f.line()).toString());
        }
        out.sort(null);
        return out;
    }

    private static Map<String, String> contents(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                out.put(root.relativize(f).toString(), Files.readString(f));
            }
        }
        return out;
    }
}
