package dev.sqllint.bench;

import dev.sqllint.engine.Analyzer;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;

/**
 * The benchmark as a build meets sqllint: every measured run in a JVM of its own ({@link FreshJvmRun}) with the
 * same {@code -Xmx}, a cold JavaParser parse-all, a cold sqllint run and a warm one interleaved round by round
 * (so a change in the machine's load hits all three alike), medians reported, both ratios from this one run.
 */
final class FreshJvms {

    private static final double COLD_TARGET = 0.25;
    private static final double WARM_TARGET = 0.05;
    private static final long HEAP_TARGET_MB = 512;
    private static final double SCALE_TARGET = 2.2;

    /** {@link #classpath()}, packed once per benchmark. */
    private static String classpath;

    /** What one child JVM printed: its time, heap and RSS peaks, phases, counts; or why it failed. */
    private record Child(long millis, long cpuMillis, long heapMb, long liveMb, long rssMb, Map<String, long[]> phases, long wall, List<String> info,
                         String failure) {
        boolean failed() {
            return failure != null;
        }
    }

    private FreshJvms() {
    }

    /** One cold sqllint run recorded with Java Flight Recorder into {@code jfr}, and its phases: for profiling. */
    static void profile(Path tree, String xmx, Path jfr, Path workDir) throws IOException, InterruptedException {
        Path caches = workDir.resolve("caches");
        Files.createDirectories(caches);
        Child cold = child(xmx, jfr, "sqllint", tree.toString(), Files.createTempDirectory(caches, "cache-").toString(),
                Files.createTempDirectory(caches, "out-").toString());
        System.out.printf("sqllint cold: %s ms, peak heap %d MB (%d MB live), peak RSS %d MB; recording: %s%n%n", shown(cold),
                cold.heapMb(), cold.liveMb(), cold.rssMb(), jfr);
        phases(cold);
        cold.info().forEach(System.out::println);
    }

    static void run(Path tree, Corpus corpus, int runs, int threads, String xmx, Path jfr, Path workDir, Path doubled)
            throws IOException, InterruptedException {
        System.out.println("## sqllint benchmark (a fresh JVM per run)");
        System.out.println();
        System.out.printf("- tree: %s%s%n", tree, corpus == null ? ""
                : String.format(" (synthetic: %d Java files, %.1f MB, %d with SQL, %d MyBatis XML mappers, %d migrations, seed %d)",
                corpus.javaFiles(), corpus.javaBytes() / 1e6, corpus.sqlJavaFiles(), corpus.mapperFiles(),
                corpus.migrationFiles(), corpus.seed()));
        System.out.printf("- machine: %d cores, load average %.2f at start; Java %s; every run a new JVM with -Xmx%s;"
                        + " %d analysis threads; %d rounds (medians)%n", Runtime.getRuntime().availableProcessors(),
                Benchmark.loadAverage(), System.getProperty("java.version"), xmx, threads, runs);
        if (!System.getProperty("bench.jvmOpts", "").isBlank()) System.out.println("- JVM options: " + System.getProperty("bench.jvmOpts"));
        System.out.println();
        Path caches = workDir.resolve("caches");
        Files.createDirectories(caches);
        List<Child> parses = new ArrayList<>();
        List<Child> colds = new ArrayList<>();
        List<Child> warms = new ArrayList<>();
        List<Child> floors = new ArrayList<>();
        Path firstOut = null;
        Path warmOut = null;
        for (int i = 0; i < runs; i++) {
            parses.add(child(xmx, null, "parse-all", tree.toString(), String.valueOf(threads)));
            Path cache = Files.createTempDirectory(caches, "cache-");
            Path out = Files.createTempDirectory(caches, "out-");
            colds.add(child(xmx, i == 0 ? jfr : null, "sqllint", tree.toString(), cache.toString(), out.toString()));
            Path warmDir = Files.createTempDirectory(caches, "out-");
            warms.add(child(xmx, null, "sqllint", tree.toString(), cache.toString(), warmDir.toString()));
            // the floor while sqllint parses whole files: its JavaParser alone on the files the cold run parsed
            floors.add(child(xmx, null, "parse-files", out.resolve("parsed.txt").toString(), String.valueOf(threads)));
            if (i == 0) {
                firstOut = out;
                warmOut = warmDir;
            }
            System.err.printf("  round %d: parse-all %s, cold %s, warm %s, parse of the cold run's files %s ms (CPU %d, %d, %d, %d ms)%n",
                    i + 1, shown(parses.get(i)), shown(colds.get(i)), shown(warms.get(i)), shown(floors.get(i)),
                    parses.get(i).cpuMillis(), colds.get(i).cpuMillis(), warms.get(i).cpuMillis(), floors.get(i).cpuMillis());
        }
        Child parse = median(parses);
        Child cold = median(colds);
        Child warm = median(warms);
        Child floor = median(floors);
        Child twice = null;
        if (doubled != null) {
            List<Child> big = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                Path cache = Files.createTempDirectory(caches, "cache-");
                big.add(child(xmx, null, "sqllint", doubled.toString(), cache.toString(),
                        Files.createTempDirectory(caches, "out-").toString()));
            }
            twice = median(big);
        }

        System.out.println("| run (fresh JVM, -Xmx" + xmx + ") | time ms | ratio to cold parse-all | CPU ms | CPU ratio |"
                + " peak heap MB | live heap MB | peak RSS MB |");
        System.out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        row("JavaParser parse-all, cold (reads + parses every .java file, " + threads + " threads)", parse, parse);
        row("sqllint cold (empty cache, SARIF written)", cold, parse);
        row("sqllint warm (the cold run's cache, nothing changed)", warm, parse);
        row("JavaParser as sqllint runs it, on the Java files the cold run parsed, nothing else (the floor while whole"
                + " files are parsed)", floor, parse);
        if (twice != null) row("sqllint cold, twice the files", twice, parse);
        System.out.println();
        phases(cold);
        System.out.println();
        System.out.println("| target | measured | pass |");
        System.out.println("| --- | ---: | --- |");
        target("cold <= " + COLD_TARGET + "x cold parse-all (time)", ratio(cold, parse), COLD_TARGET);
        target("cold <= " + COLD_TARGET + "x cold parse-all (CPU)", cpuRatio(cold, parse), COLD_TARGET);
        target("warm <= " + WARM_TARGET + "x cold parse-all (time)", ratio(warm, parse), WARM_TARGET);
        target("warm <= " + WARM_TARGET + "x cold parse-all (CPU)", cpuRatio(warm, parse), WARM_TARGET);
        boolean failed = cold.failed() || warm.failed();
        long heap = Math.max(cold.heapMb(), warm.heapMb());
        System.out.printf("| sqllint cold and warm complete under -Xmx%s, peak heap <= %d MB | %s | %s |%n", xmx,
                HEAP_TARGET_MB, failed ? "failed" : heap + " MB", !failed && heap <= HEAP_TARGET_MB ? "PASS" : "FAIL");
        if (twice != null) target("2x files <= " + SCALE_TARGET + "x time (cold)", ratio(twice, cold), SCALE_TARGET);
        System.out.println();
        cold.info().forEach(System.out::println);
        if (firstOut != null && Files.exists(firstOut.resolve("findings.txt")) && Files.exists(warmOut.resolve("findings.txt"))) {
            List<String> coldFindings = Files.readAllLines(firstOut.resolve("findings.txt"));
            System.out.println("warm run reports the same findings as the cold run: "
                    + (coldFindings.equals(Files.readAllLines(warmOut.resolve("findings.txt"))) ? "yes" : "NO"));
            System.out.println("SARIF of the first cold run: " + firstOut.resolve("sqllint.sarif"));
            if (corpus != null) planted(corpus, coldFindings);
        }
        System.out.printf("%n(load average %.2f at the end)%n", Benchmark.loadAverage());
    }

    // ------------------------------------------------------------------------------------------- the child JVMs

    private static Child child(String xmx, Path jfr, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + xmx, "-cp", classpath()));
        if (jfr != null) {
            // deep stacks: the default 64 frames end inside JavaParser's visitors, before our code
            command.add("-XX:FlightRecorderOptions=stackdepth=1024");
            command.add("-XX:StartFlightRecording=filename=" + jfr + ",settings=profile");
        }
        // -Dbench.jvmOpts="-XX:TieredStopAtLevel=1": options for every measured JVM (a build's .mvn/jvm.config)
        String options = System.getProperty("bench.jvmOpts", "").strip();
        if (!options.isEmpty()) command.addAll(Arrays.asList(options.split("\\s+")));
        command.add(FreshJvmRun.class.getName());
        command.addAll(Arrays.asList(args));
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        List<String> lines = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        int exit = p.waitFor();
        Map<String, long[]> phases = new LinkedHashMap<>();
        List<String> info = new ArrayList<>();
        long millis = -1;
        long cpu = -1;
        long heap = -1;
        long live = -1;
        long rss = -1;
        long wall = -1;
        for (String l : lines) {
            if (l.startsWith("phase ")) {
                String[] cells = l.substring(6).split("\t");
                phases.put(cells[0], new long[] {Long.parseLong(cells[1]), Long.parseLong(cells[2])});
            } else if (l.startsWith("info ")) info.add(l.substring(5));
            else if (l.startsWith("millis ")) millis = Long.parseLong(l.substring(7));
            else if (l.startsWith("cpuMillis ")) cpu = Long.parseLong(l.substring(10));
            else if (l.startsWith("heapMb ")) heap = Long.parseLong(l.substring(7));
            else if (l.startsWith("liveMb ")) live = Long.parseLong(l.substring(7));
            else if (l.startsWith("rssMb ")) rss = Long.parseLong(l.substring(6));
            else if (l.startsWith("wall ")) wall = Long.parseLong(l.substring(5));
        }
        String failure = exit != 0 || millis < 0 ? "failed (exit " + exit + ")" : null;
        return new Child(millis, cpu, heap, live, rss, phases, wall, info, failure);
    }

    /**
     * This JVM's class path (exec:java runs the benchmark in a class loader of its own, not on java.class.path), with
     * the engine's class folder as a jar ({@link #asJar}).
     */
    private static synchronized String classpath() {
        if (classpath == null) classpath = packedClasspath();
        return classpath;
    }

    private static String packedClasspath() {
        List<String> entries = new ArrayList<>();
        if (FreshJvms.class.getClassLoader() instanceof URLClassLoader loader) {
            for (URL url : loader.getURLs()) {
                try {
                    entries.add(Path.of(url.toURI()).toString());
                } catch (URISyntaxException | IllegalArgumentException e) {
                    throw new IllegalStateException("class path entry " + url, e);
                }
            }
        }
        if (entries.isEmpty()) entries.addAll(Arrays.asList(System.getProperty("java.class.path").split(File.pathSeparator)));
        Path engine;
        try {
            engine = Path.of(Analyzer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("the engine's classes", e);
        }
        return entries.stream().map(e -> Files.isDirectory(engine) && Path.of(e).equals(engine) ? asJar(engine).toString() : e)
                .collect(Collectors.joining(File.pathSeparator));
    }

    /**
     * The engine's class folder packed as a jar beside it, as a build loads sqllint (from the plugin's jars): a class
     * folder costs a warm run what no build pays, a file opened per class and the cache's fingerprint of the engine
     * walking every class file (40 ms of ThingsBoard's 400).
     */
    private static Path asJar(Path classes) {
        Path jar = classes.resolveSibling("bench-engine.jar");
        try (var out = new JarOutputStream(Files.newOutputStream(jar));
             var files = Files.walk(classes)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace(File.separatorChar, '/')));
                out.write(Files.readAllBytes(f));
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot pack " + classes, e);
        }
        return jar;
    }

    // ------------------------------------------------------------------------------------------- reporting

    private static Child median(List<Child> runs) {
        if (runs.stream().anyMatch(Child::failed)) return runs.stream().filter(Child::failed).findFirst().orElseThrow();
        List<Child> sorted = runs.stream().sorted((a, b) -> Long.compare(a.millis(), b.millis())).toList();
        Child m = sorted.get(sorted.size() / 2);
        // the peaks are the highest of any round: the bound must hold for every run
        long heap = runs.stream().mapToLong(Child::heapMb).max().orElse(-1);
        long live = runs.stream().mapToLong(Child::liveMb).max().orElse(-1);
        long rss = runs.stream().mapToLong(Child::rssMb).max().orElse(-1);
        long cpu = runs.stream().mapToLong(Child::cpuMillis).sorted().toArray()[runs.size() / 2];
        return new Child(m.millis(), cpu, heap, live, rss, m.phases(), m.wall(), m.info(), null);
    }

    private static String shown(Child c) {
        return c.failed() ? c.failure() : String.valueOf(c.millis());
    }

    private static void row(String name, Child c, Child parse) {
        String ratio = Double.isNaN(ratio(c, parse)) ? "-" : String.format("%.2f", ratio(c, parse));
        String cpuRatio = c.failed() || parse.failed() || parse.cpuMillis() <= 0 ? "-"
                : String.format("%.2f", c.cpuMillis() / (double) parse.cpuMillis());
        System.out.printf("| %s | %s | %s | %s | %s | %s | %s | %s |%n", name, shown(c), ratio, c.failed() ? "-" : c.cpuMillis(),
                cpuRatio, c.failed() ? "-" : c.heapMb(), c.failed() ? "-" : c.liveMb(), c.failed() ? "-" : c.rssMb());
    }

    private static double ratio(Child c, Child base) {
        return c.failed() || base.failed() || base.millis() <= 0 ? Double.NaN : c.millis() / (double) base.millis();
    }

    private static double cpuRatio(Child c, Child base) {
        return c.failed() || base.failed() || base.cpuMillis() <= 0 ? Double.NaN : c.cpuMillis() / (double) base.cpuMillis();
    }

    private static void target(String what, double measured, double limit) {
        System.out.printf("| %s | %s | %s |%n", what, Double.isNaN(measured) ? "-" : String.format("%.2fx", measured),
                !Double.isNaN(measured) && measured <= limit ? "PASS" : "FAIL");
    }

    /** The cold run's time per phase, summed over its threads, beside its wall time. */
    private static void phases(Child cold) {
        if (cold.failed()) return;
        long total = cold.phases().values().stream().mapToLong(t -> t[0]).sum();
        System.out.printf("Phases of the median cold run (thread time; %d ms of wall time for the analysis, %d ms of"
                + " thread time in all):%n%n", cold.wall(), total);
        System.out.println("| phase | ms | share | steps |");
        System.out.println("| --- | ---: | ---: | ---: |");
        cold.phases().forEach((name, t) -> System.out.printf("| %s | %d | %.0f %% | %d |%n", name, t[0],
                total == 0 ? 0.0 : 100.0 * t[0] / total, t[1]));
    }

    private static void planted(Corpus corpus, List<String> findings) {
        List<String> planted = corpus.findings().stream().map(Corpus.ExpectedFinding::toString).sorted().toList();
        // findings.txt lines are "rule file:line message"
        List<String> found = findings.stream().map(l -> l.substring(0, l.indexOf(' ', l.indexOf(' ') + 1)))
                .sorted().collect(Collectors.toList());
        List<String> missing = planted.stream().filter(p -> !found.contains(p)).toList();
        List<String> unexpected = found.stream().filter(f -> !planted.contains(f)).toList();
        System.out.printf("planted findings: %d %s; all found and nothing else: %s%n", planted.size(),
                corpus.expectedPerRule(), missing.isEmpty() && unexpected.isEmpty() ? "yes" : "NO");
        missing.forEach(m -> System.out.println("  missing:    " + m));
        unexpected.forEach(u -> System.out.println("  unexpected: " + u));
    }

    static void delete(Path dir) {
        try {
            if (Files.exists(dir)) {
                try (var s = Files.walk(dir)) {
                    for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
