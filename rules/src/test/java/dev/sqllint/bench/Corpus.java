package dev.sqllint.bench;

import dev.sqllint.engine.AnalysisConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What {@link SyntheticCorpus#write} generated: the project root, its size, and the findings planted in it
 * (every one of which sqllint must report, and nothing else).
 *
 * @param root           the project directory (has {@code pom.xml}, {@code src/main/java}, {@code src/main/resources})
 * @param javaFiles      Java sources written
 * @param javaBytes      their total size in bytes (UTF-8)
 * @param sqlJavaFiles   Java sources that hold SQL text or an SQL site (DAOs, repositories, mappers, SQL
 *                       constants, entities with {@code @Formula})
 * @param mapperFiles    MyBatis XML mappers
 * @param migrationFiles Flyway migrations
 * @param findings       the planted findings, sorted by file and line
 */
public record Corpus(Path root, long seed, int javaFiles, long javaBytes, int sqlJavaFiles, int mapperFiles,
                     int migrationFiles, List<ExpectedFinding> findings) {

    /** One planted finding: the rule, the file relative to the root ({@code src/main/java/...}), the 1-based line. */
    public record ExpectedFinding(String rule, String file, int line) {
        @Override
        public String toString() {
            return rule + " " + file + ":" + line;
        }
    }

    /** Planted findings per rule; every rule is present, with 0 when none was planted. */
    public Map<String, Integer> expectedPerRule() {
        Map<String, Integer> out = new TreeMap<>();
        for (String rule : SqlShape.RULES) out.put(rule, 0);
        for (ExpectedFinding f : findings) out.merge(f.rule(), 1, Integer::sum);
        return out;
    }

    public Path sourceRoot() {
        return root.resolve("src/main/java");
    }

    public Path resourceRoot() {
        return root.resolve("src/main/resources");
    }

    /** What {@code mvn sqllint:check} would analyse in this project, with its defaults. */
    public AnalysisConfig config() {
        return AnalysisConfig.of(root, List.of(sourceRoot())).withSchema(List.of(resourceRoot()), List.of(), List.of(), "spring");
    }
}
