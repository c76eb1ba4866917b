package dev.sqllint.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the generated files under the project root and keeps the tally the {@link Corpus} reports: files
 * and bytes by kind, and every planted finding with its file and line.
 */
final class CorpusWriter {

    private final Path root;
    private final List<Corpus.ExpectedFinding> findings = new ArrayList<>();
    private int javaFiles;
    private long javaBytes;
    private int sqlJavaFiles;
    private int mapperFiles;
    private int migrationFiles;

    CorpusWriter(Path root) {
        this.root = root;
    }

    /** A Java source; {@code holdsSql}: it has SQL text or an SQL site (it counts among the SQL files). */
    void java(String path, SourceText text, boolean holdsSql) {
        javaBytes += write(path, text.toString());
        javaFiles++;
        if (holdsSql) sqlJavaFiles++;
        record(path, text);
    }

    /** A resource; {@code mapper}: a MyBatis XML mapper, else a Flyway migration. */
    void resource(String path, SourceText text, boolean mapper) {
        write(path, text.toString());
        if (mapper) mapperFiles++;
        else migrationFiles++;
        record(path, text);
    }

    /** Anything else the tree has (the pom). */
    void other(String path, String text) {
        write(path, text);
    }

    private void record(String path, SourceText text) {
        for (SourceText.Planted p : text.planted()) findings.add(new Corpus.ExpectedFinding(p.rule(), path, p.line()));
    }

    private int write(String path, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        try {
            Path file = root.resolve(path);
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.length;
    }

    Corpus corpus(Path dir, long seed) {
        List<Corpus.ExpectedFinding> sorted = new ArrayList<>(findings);
        sorted.sort(java.util.Comparator.comparing(Corpus.ExpectedFinding::file).thenComparingInt(Corpus.ExpectedFinding::line)
                .thenComparing(Corpus.ExpectedFinding::rule));
        return new Corpus(dir, seed, javaFiles, javaBytes, sqlJavaFiles, mapperFiles, migrationFiles, List.copyOf(sorted));
    }
}
