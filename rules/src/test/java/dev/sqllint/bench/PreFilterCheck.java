package dev.sqllint.bench;

import dev.sqllint.engine.AnalysisConfig;
import dev.sqllint.engine.AnalysisResult;
import dev.sqllint.engine.Analyzer;
import dev.sqllint.engine.Finding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Main-method check on any source tree: analyses it with the pre-filter off and on, and with a cache (cold,
 * then warm), and prints whether the findings and counts are identical, with the times and the work each did.
 *
 * <pre>mvn -q -pl rules test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.sqllint.bench.PreFilterCheck -Dexec.args="/path/to/tree"</pre>
 */
public final class PreFilterCheck {

    public static void main(String[] args) throws IOException {
        Path tree = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        List<Path> roots = dirs(tree, Path.of("src", "main", "java"));
        if (roots.isEmpty()) roots = List.of(tree);
        AnalysisConfig config = AnalysisConfig.of(tree, roots)
                .withSchema(dirs(tree, Path.of("src", "main", "resources")), List.of(), List.of(), "spring");
        new Analyzer().analyze(config); // warm-up
        AnalysisResult all = new Analyzer().analyze(config.withPreFilter(false));
        AnalysisResult filtered = new Analyzer().analyze(config);
        Path cacheDir = Files.createTempDirectory("sqllint-cache");
        AnalysisResult cold = new Analyzer().analyze(config.withCache(cacheDir));
        AnalysisResult warm = new Analyzer().analyze(config.withCache(cacheDir));
        report("pre-filter off", all, all);
        report("pre-filter on", filtered, all);
        report("cache cold", cold, all);
        report("cache warm", warm, all);
    }

    private static void report(String label, AnalysisResult r, AnalysisResult reference) {
        boolean same = keys(r).equals(keys(reference));
        System.out.printf("%-15s %6d ms  files %d, roots %d, parsed %d up front + %d on demand, cached %d; "
                        + "sites %d, statements %d/%d; findings %d %s%n",
                label, r.elapsedMillis(), r.work().javaFiles(), r.work().roots(), r.work().parsedUpFront(),
                r.work().parsedOnDemand(), r.work().cached(), r.sqlSites(), r.statementsParsed(),
                r.statementsParsed() + r.statementsNotParsed(), r.findings().size(), same ? "(identical)" : "DIFFERENT");
        if (!same) {
            List<String> a = keys(r);
            List<String> b = keys(reference);
            a.stream().filter(k -> !b.contains(k)).forEach(k -> System.out.println("   only here: " + k));
            b.stream().filter(k -> !a.contains(k)).forEach(k -> System.out.println("   missing:   " + k));
        }
        if (r.sqlSites() != reference.sqlSites() || r.statementsParsed() != reference.statementsParsed()) {
            System.out.printf("   counts differ: sites %d vs %d, parsed %d vs %d%n", r.sqlSites(), reference.sqlSites(),
                    r.statementsParsed(), reference.statementsParsed());
        }
    }

    private static List<String> keys(AnalysisResult r) {
        return r.findings().stream().map(PreFilterCheck::key).toList();
    }

    private static String key(Finding f) {
        return f.rule() + " " + f.file() + ":" + f.line() + ":" + f.column() + " " + f.message();
    }

    private static List<Path> dirs(Path tree, Path suffix) throws IOException {
        try (Stream<Path> s = Files.walk(tree)) {
            return s.filter(Files::isDirectory).filter(p -> p.endsWith(suffix)).sorted().toList();
        }
    }
}
