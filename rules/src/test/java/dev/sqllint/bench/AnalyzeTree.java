package dev.sqllint.bench;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParserConfiguration;
import dev.sqllint.engine.AnalysisConfig;
import dev.sqllint.engine.AnalysisResult;
import dev.sqllint.engine.Analyzer;
import dev.sqllint.engine.Diagnostic;
import dev.sqllint.engine.Finding;
import dev.sqllint.report.ConsoleReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Main-method harness: runs sqllint on any source tree (every {@code src/main/java} under it, or the tree
 * itself) and, in the same JVM, times JavaParser parsing every file (the floor a source analyser pays), so
 * the two can be reported as a ratio. Prints counts, the parse rate of the SQL found, the reasons
 * statements were not parsed, and the findings.
 *
 * <pre>mvn -q -pl rules test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.sqllint.bench.AnalyzeTree -Dexec.args="/path/to/tree"</pre>
 */
public final class AnalyzeTree {

    public static void main(String[] args) throws IOException {
        Path tree = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        List<Path> roots;
        try (Stream<Path> s = Files.walk(tree)) {
            roots = s.filter(Files::isDirectory).filter(p -> p.endsWith(Path.of("src", "main", "java"))).sorted().toList();
        }
        if (roots.isEmpty()) roots = List.of(tree);
        List<Path> resources;
        try (Stream<Path> s = Files.walk(tree)) {
            resources = s.filter(Files::isDirectory).filter(p -> p.endsWith(Path.of("src", "main", "resources"))).sorted().toList();
        }
        AnalysisConfig config = AnalysisConfig.of(tree, roots).withSchema(resources, List.of(), List.of(), "spring");

        new Analyzer().analyze(config); // warm-up: JIT and class loading, as in a long-lived build
        long parseAll = timeParseAll(roots);
        AnalysisResult r = new Analyzer().analyze(config);
        AnalysisResult conventionsOnly = new Analyzer(dev.sqllint.rules.Rules.all(), new dev.sqllint.schema.NamingConventions())
                .analyze(config);
        System.out.printf("findings with the schema: %d (%d proved); with naming conventions only: %d; only with schema: %s; only with conventions: %s%n",
                r.findings().size(), r.findings().stream().filter(Finding::proved).count(), conventionsOnly.findings().size(),
                difference(r, conventionsOnly), difference(conventionsOnly, r));

        int statements = r.statementsParsed() + r.statementsNotParsed();
        System.out.printf("tree: %s (%d source roots)%n", tree, roots.size());
        ConsoleReport.summary(r).forEach(System.out::println);
        // per source kind and unresolved reasons; each unresolved site only with a second argument
        dev.sqllint.report.SourcesReport.listing(r).stream().filter(l -> args.length > 1 || !l.startsWith("  /"))
                .forEach(System.out::println);
        System.out.printf("parse rate: %d/%d statements = %.1f%%%n", r.statementsParsed(), statements,
                statements == 0 ? 100.0 : 100.0 * r.statementsParsed() / statements);
        System.out.printf("time: sqllint %d ms, JavaParser parse-all %d ms in the same JVM: ratio %.2f%n",
                r.elapsedMillis(), parseAll, parseAll == 0 ? 0.0 : (double) r.elapsedMillis() / parseAll);
        Map<String, Long> reasons = r.diagnostics().stream()
                .collect(Collectors.groupingBy(d -> d.kind() + ": " + shortReason(d), TreeMap::new, Collectors.counting()));
        reasons.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(15)
                .forEach(e -> System.out.printf("  %4d  %s%n", e.getValue(), e.getKey()));
        for (Finding f : r.findings()) System.out.println(ConsoleReport.finding(f));
        if (args.length > 1) {
            r.diagnostics().stream().filter(d -> d.kind() == Diagnostic.Kind.SQL_NOT_PARSED)
                    .forEach(d -> System.out.println("  not parsed: " + d.file().getFileName() + ":" + d.line() + " " + d.reason()));
        }
    }

    private static List<String> difference(AnalysisResult a, AnalysisResult b) {
        java.util.Set<String> inB = b.findings().stream().map(AnalyzeTree::key).collect(Collectors.toSet());
        return a.findings().stream().map(AnalyzeTree::key).filter(k -> !inB.contains(k)).toList();
    }

    private static String key(Finding f) {
        return f.rule() + " " + f.file().getFileName() + ":" + f.line();
    }

    private static String shortReason(Diagnostic d) {
        String s = d.reason().replaceAll(" in: .*", "").replaceAll("\"[^\"]*\"", "\"…\"").replaceAll("line \\d+, column \\d+", "…");
        int colon = s.indexOf(": ");
        return (colon > 0 && colon < 40 ? s.substring(colon + 2) : s).replaceAll("^.*ParseException: ", "");
    }

    private static long timeParseAll(List<Path> roots) throws IOException {
        long start = System.nanoTime();
        for (Path root : roots) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    new JavaParser(new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_21))
                            .parse(Files.readString(f, StandardCharsets.UTF_8));
                }
            } catch (java.io.UncheckedIOException | java.nio.charset.MalformedInputException e) {
                // unreadable files are not part of the floor
            }
        }
        return (System.nanoTime() - start) / 1_000_000;
    }
}
