package dev.sqllint.mybatis;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParserConfiguration;
import dev.sqllint.engine.AnalysisConfig;
import dev.sqllint.extract.JavaFile;
import dev.sqllint.extract.ProjectIndex;
import dev.sqllint.extract.SqlSite;
import dev.sqllint.sql.Dialect;
import dev.sqllint.sql.PlaceholderNormalizer;
import dev.sqllint.sql.SqlParser;
import dev.sqllint.sql.SqlText;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Main-method harness for MyBatis parse-rate work: only the mapper reading of a tree (its {@code src/main/resources}
 * and {@code src/main/java} folders), with the properties its Java sets, as a run reads them; no Java extraction and
 * no rules, so a large project's mappers take a minute, not a real run's twenty. Prints variants parsed of all,
 * the reasons the rest stop the parser (the token, with the text around it), and, with a file as second argument,
 * every failing variant there.
 *
 * <pre>mvn -q -o -pl rules test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.sqllint.mybatis.MapperParseRates -Dexec.args="/path/to/tree [failures.txt] [mapper file name regex] [statement regex: print its variants]"</pre>
 */
public final class MapperParseRates {

    private static final Pattern ENCOUNTERED = Pattern.compile("Encountered: (?:<[A-Z_]+>|\"[^\"]*\") / \"([^\"]{1,40})\"");

    public static void main(String[] args) throws IOException {
        Path tree = Path.of(args[0]).toAbsolutePath().normalize();
        PrintStream detail = args.length > 1 ? new PrintStream(Files.newOutputStream(Path.of(args[1])), true, StandardCharsets.UTF_8) : null;
        String only = args.length > 2 ? args[2] : null;
        String dump = args.length > 3 ? args[3] : null;
        long started = System.nanoTime();
        List<Path> javaRoots = dirs(tree, Path.of("src", "main", "java"));
        List<Path> resourceRoots = dirs(tree, Path.of("src", "main", "resources"));
        AnalysisConfig defaults = AnalysisConfig.of(tree, javaRoots);
        Dialect dialect = Dialect.POSTGRESQL;
        List<String> problems = new ArrayList<>();
        MapperProblems report = (kind, file, line, reason) -> problems.add(kind + " " + file.getFileName() + ":" + line + " " + reason);
        List<Path> roots = new ArrayList<>(resourceRoots);
        roots.addAll(javaRoots);
        List<MapperFile> mappers = new ArrayList<>();
        for (Path p : MapperFiles.find(roots, List.of(), report)) MapperFiles.read(p, defaults.maxFileBytes(), report).ifPresent(mappers::add);
        MyBatisConfig config = MyBatisConfig.read(MapperFiles.findConfigurations(roots, List.of(), report), resourceRoots, dialect,
                defaults.maxFileBytes(), report);
        Set<String> undefined = new TreeSet<>();
        for (MapperFile file : mappers) undefined.addAll(file.substitutionNames());
        undefined.removeAll(config.properties().keySet());
        Map<Path, String> texts = new HashMap<>();
        List<JavaFile> java = new ArrayList<>();
        for (Path root : javaRoots) {
            try (Stream<Path> s = Files.walk(root)) {
                for (Path f : s.filter(p -> p.toString().endsWith(".java")).toList()) {
                    String text = Files.readString(f, StandardCharsets.UTF_8);
                    if (!text.contains("Properties") && !text.contains("Map<")) continue;
                    new JavaParser(new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_21))
                            .parse(text).getResult().ifPresent(cu -> {
                                java.add(new JavaFile(f, cu));
                                texts.put(f, text);
                            });
                }
            }
        }
        PropertiesFromJava.JavaSources sources = test -> java.stream().filter(f -> test.test(texts.get(f.path()))).toList();
        config = config.with(PropertiesFromJava.read(undefined, sources, new ProjectIndex(java), dialect));
        System.out.printf("%d mappers, %d properties (%d from Java of %d names undefined), read in %d ms%n", mappers.size(),
                config.properties().size(), config.properties().size(), undefined.size(), (System.nanoTime() - started) / 1_000_000);
        int total = 0;
        int parsed = 0;
        Map<String, List<String>> reasons = new TreeMap<>();
        Map<String, Integer> perStatement = new LinkedHashMap<>();
        long sitesStarted = System.nanoTime();
        try (SqlParser parser = new SqlParser(defaults.statementTimeout(), dialect)) {
            MapperStatements statements = new MapperStatements(mappers, report, config, parser);
            for (MapperFile file : mappers) {
                if (only != null && !file.path().getFileName().toString().matches(only)) continue;
                for (SqlSite site : statements.sites(file)) {
                    for (SqlText v : site.variants()) {
                        total++;
                        if (dump != null && detail != null && site.owner().matches(dump)) {
                            detail.println("-- variant of " + site.owner() + ": " + v.text().replaceAll("\\s+", " "));
                        }
                        SqlText sql = PlaceholderNormalizer.normalize(v, site.entity());
                        SqlParser.Result r = parser.parse(sql);
                        if (r.ok()) {
                            parsed++;
                            continue;
                        }
                        Matcher m = ENCOUNTERED.matcher(r.failure());
                        String reason = m.find() ? m.group(1).toUpperCase() : r.failure().contains("<EOF>") ? "<EOF>" : "other";
                        int at = SqlParser.failureOffset(sql, r);
                        String near = near(sql.text(), at);
                        String where = site.owner() + " (" + file.path().getFileName() + ":" + site.line() + ")";
                        reasons.computeIfAbsent(reason, k -> new ArrayList<>()).add(where + "  " + near);
                        perStatement.merge(where, 1, Integer::sum);
                        if (detail != null) {
                            detail.println("== " + where + " stop: " + reason + " at " + (at >= 0 && at < sql.length() ? sql.originAt(at) : "?"));
                            detail.println("   " + near);
                            detail.println(sql.text().replaceAll("\\s+", " "));
                        }
                    }
                }
            }
        }
        System.out.printf("variants: %d parsed of %d (%.1f%%), %d ms%n", parsed, total, total == 0 ? 100.0 : 100.0 * parsed / total,
                (System.nanoTime() - sitesStarted) / 1_000_000);
        reasons.entrySet().stream().sorted((a, b) -> b.getValue().size() - a.getValue().size()).limit(20).forEach(e -> {
            System.out.printf("  %5d  stop at %s%n", e.getValue().size(), e.getKey());
            e.getValue().stream().limit(3).forEach(x -> System.out.println("           " + x));
        });
        System.out.println("statements with most failing variants:");
        perStatement.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(25)
                .forEach(e -> System.out.printf("  %3d  %s%n", e.getValue(), e.getKey()));
        problems.stream().limit(10).forEach(p -> System.out.println("  problem: " + p));
    }

    private static String near(String sql, int at) {
        String flat = sql.replaceAll("\\s", " ");
        if (at < 0 || at > flat.length()) return flat.replaceAll(" +", " ").substring(0, Math.min(160, flat.replaceAll(" +", " ").length()));
        String before = flat.substring(Math.max(0, at - 400), at).replaceAll(" +", " ");
        String after = flat.substring(at, Math.min(flat.length(), at + 200)).replaceAll(" +", " ");
        return before.substring(Math.max(0, before.length() - 110)) + " >>>" + after.substring(0, Math.min(60, after.length()));
    }

    private static List<Path> dirs(Path tree, Path tail) throws IOException {
        try (Stream<Path> s = Files.walk(tree)) {
            return s.filter(Files::isDirectory).filter(p -> p.endsWith(tail)).sorted().toList();
        }
    }
}
