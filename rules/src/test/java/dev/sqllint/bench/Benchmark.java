package dev.sqllint.bench;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParserConfiguration;
import dev.sqllint.engine.AnalysisConfig;
import dev.sqllint.engine.AnalysisResult;
import dev.sqllint.engine.Analyzer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Times sqllint against the floor a source analyser pays, JavaParser parsing every file, and prints markdown
 * tables with the targets of issues 6 and 13 (cold run at most 0.25x parse-all, warm run at most 0.05x, at most
 * 512 MB of heap, twice the files in at most 2.2x the time).
 *
 * <pre>
 * Benchmark [--tree DIR | --files N --seed S] [--runs R] [--xmx SIZE] [--jfr FILE] [--profile FILE] [--scale] [--hot]
 * </pre>
 *
 * Without {@code --tree} it analyses a {@link SyntheticCorpus} of N files (default 5,000), generated under
 * {@code target/bench-corpus} (system property {@code sqllint.bench.dir}) and reused while the generator
 * and the parameters are the same; then it also checks that the findings are exactly the planted ones.
 * With {@code --tree DIR} it analyses every {@code src/main/java} under it (or the directory itself), with every
 * {@code src/main/resources}: any fetched project's tree.
 *
 * <p>By default every measured run is a JVM of its own ({@link FreshJvmRun}, {@code -Xmx512m} unless
 * {@code --xmx} says otherwise), as a build meets sqllint: a cold JavaParser parse-all, a cold sqllint run (empty
 * cache) and a warm one (the cold run's cache), interleaved {@code --runs} times, so both ratios come from one
 * run of the benchmark; then the cold run's phase breakdown. {@code --jfr FILE} records the first cold sqllint run
 * with Java Flight Recorder; {@code --profile FILE} makes only that run. {@code --hot} measures instead in this JVM after a warm-up (JIT compiled, classes
 * loaded: a long-lived build such as the Maven daemon), with a pre-filter-off reference. Run it with
 * {@code mvn -q -B -pl rules test-compile exec:java@bench -Dexec.args="--tree DIR"}.
 */
public final class Benchmark {

    private static final double COLD_TARGET = 0.25;
    private static final double WARM_TARGET = 0.05;
    private static final long HEAP_TARGET_MB = 512;
    private static final double SCALE_TARGET = 2.2;

    private record Options(int files, long seed, int runs, boolean scale, Path dir, boolean hot, String xmx, Path jfr,
                           boolean profile) {
    }

    /** One measured phase: median wall time of its runs, the highest heap peak of a run, and the last result. */
    private record Phase(String name, long millis, long peakHeapMb, AnalysisResult result, String failure) {
        boolean failed() {
            return failure != null;
        }
    }

    /** What is analysed: the configuration, and the planted findings when it is a synthetic corpus. */
    private record Tree(Path root, AnalysisConfig config, List<Path> sourceRoots, Corpus corpus) {
    }

    public static void main(String[] args) throws Exception {
        Options o = parse(args);
        Path workDir = Path.of(System.getProperty("sqllint.bench.dir", "target/bench-corpus")).toAbsolutePath().normalize();
        Tree tree = o.dir() != null ? realTree(o.dir()) : synthetic(workDir, o.files(), o.seed());
        Path caches = workDir.resolve("caches");
        int threads = tree.config().threads();
        if (o.profile()) {
            FreshJvms.profile(tree.root(), o.xmx(), o.jfr(), workDir);
            return;
        }
        if (!o.hot()) {
            FreshJvms.run(tree.root(), tree.corpus(), o.runs(), threads, o.xmx(), o.jfr(), workDir,
                    o.scale() && tree.corpus() != null ? synthetic(workDir, 2 * o.files(), o.seed()).root() : null);
            return;
        }

        System.out.println("## sqllint benchmark");
        System.out.println();
        System.out.printf("- tree: %s%s%n", tree.root(), tree.corpus() == null ? ""
                : String.format(" (synthetic: %d Java files, %.1f MB, %d with SQL, %d MyBatis XML mappers, %d migrations, seed %d)",
                tree.corpus().javaFiles(), tree.corpus().javaBytes() / 1e6, tree.corpus().sqlJavaFiles(),
                tree.corpus().mapperFiles(), tree.corpus().migrationFiles(), tree.corpus().seed()));
        System.out.printf("- machine: %d cores, load average %.2f at start; Java %s; -Xmx %d MB; %d analysis threads%n",
                Runtime.getRuntime().availableProcessors(), loadAverage(), System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() / (1024 * 1024), threads);
        System.out.printf("- in this JVM (--hot): %d timed runs per phase (median), after one warm-up run of parse-all and of sqllint%n", o.runs());
        System.out.println();

        // warm-up: JIT and class loading, as in a long-lived build (the Maven daemon, a second module)
        parseAll(tree.sourceRoots(), threads);
        untimed("warm-up", () -> new Analyzer().analyze(tree.config().withCache(freshDir(caches))));

        Phase parse = measure("JavaParser parse-all (reads + parses every file, " + threads + " threads)", o.runs(), () -> {
            parseAll(tree.sourceRoots(), threads);
            return null;
        });
        Phase cold = measure("sqllint cold (empty cache)", o.runs(),
                () -> new Analyzer().analyze(tree.config().withCache(freshDir(caches))));
        Path warmCache = freshDir(caches);
        untimed("filling the cache for the warm runs", () -> new Analyzer().analyze(tree.config().withCache(warmCache)));
        Phase warm = measure("sqllint warm (same cache, nothing changed)", o.runs(),
                () -> new Analyzer().analyze(tree.config().withCache(warmCache)));
        Phase noFilter = measure("sqllint, no cache, pre-filter off (reference)", 1,
                () -> new Analyzer().analyze(tree.config().withCache(null).withPreFilter(false)));
        Phase doubled = null;
        if (o.scale() && tree.corpus() != null) {
            Tree twice = synthetic(workDir, 2 * o.files(), o.seed());
            untimed("warm-up on " + 2 * o.files() + " files", // its files into the page cache
                    () -> new Analyzer().analyze(twice.config().withCache(freshDir(caches))));
            doubled = measure("sqllint cold, " + 2 * o.files() + " files", o.runs(),
                    () -> new Analyzer().analyze(twice.config().withCache(freshDir(caches))));
        }

        table(parse, cold, warm, noFilter, doubled);
        System.out.println();
        targets(parse, cold, warm, doubled);
        System.out.println();
        counts(tree, cold, warm);
        System.out.printf("%n(load average %.2f at the end)%n", loadAverage());
    }

    // ------------------------------------------------------------------------------------------- what is analysed

    private static Options parse(String[] raw) {
        // exec.args may arrive as one string; split it like a shell would (no quoting needed here)
        List<String> args = Arrays.stream(raw).flatMap(a -> Arrays.stream(a.trim().split("\\s+"))).filter(a -> !a.isEmpty()).toList();
        int files = 5000;
        long seed = 1;
        int runs = 3;
        boolean scale = false;
        boolean hot = false;
        String xmx = "512m";
        Path jfr = null;
        boolean profile = false;
        Path dir = null;
        for (int i = 0; i < args.size(); i++) {
            switch (args.get(i)) {
                case "--files" -> files = Integer.parseInt(args.get(++i));
                case "--seed" -> seed = Long.parseLong(args.get(++i));
                case "--runs" -> runs = Integer.parseInt(args.get(++i));
                case "--scale" -> scale = true;
                case "--hot" -> hot = true;
                case "--xmx" -> xmx = args.get(++i);
                case "--jfr" -> jfr = Path.of(args.get(++i)).toAbsolutePath();
                case "--profile" -> {
                    profile = true;
                    jfr = Path.of(args.get(++i)).toAbsolutePath();
                }
                case "--tree" -> dir = Path.of(args.get(++i)).toAbsolutePath().normalize();
                case "--help", "-h" -> {
                    System.out.println("usage: Benchmark [--tree DIR | --files N --seed S] [--runs R] [--xmx SIZE] [--jfr FILE]"
                            + " [--profile FILE] [--scale] [--hot]");
                    System.exit(0);
                }
                default -> dir = Path.of(args.get(i)).toAbsolutePath().normalize();
            }
        }
        return new Options(files, seed, Math.max(1, runs), scale, dir, hot, xmx, jfr, profile);
    }

    private static Tree realTree(Path dir) {
        AnalysisConfig config = TreeConfig.of(dir);
        return new Tree(dir, config, config.sourceRoots(), null);
    }

    /** The synthetic corpus of that size and seed, generated unless an earlier run left the same one. */
    private static Tree synthetic(Path workDir, int files, long seed) throws IOException {
        Path dir = workDir.resolve(files + "-files-seed-" + seed);
        Corpus corpus = CorpusMarker.read(dir, files, seed).orElse(null);
        if (corpus == null) {
            CorpusMarker.delete(dir);
            long start = System.nanoTime();
            corpus = SyntheticCorpus.write(dir, files, seed);
            CorpusMarker.write(corpus);
            System.out.printf("generated %s in %d ms%n%n", dir, (System.nanoTime() - start) / 1_000_000);
        }
        return new Tree(dir, corpus.config(), List.of(corpus.sourceRoot()), corpus);
    }

    // ------------------------------------------------------------------------------------------- measuring

    private static Phase measure(String name, int runs, Supplier<AnalysisResult> work) {
        long[] times = new long[runs];
        long peak = 0;
        AnalysisResult last = null;
        for (int i = 0; i < runs; i++) {
            last = null; // the previous run's result is not part of this run's heap
            System.gc();
            resetHeapPeaks();
            try {
                long start = System.nanoTime();
                last = work.get();
                times[i] = (System.nanoTime() - start) / 1_000_000;
            } catch (RuntimeException | OutOfMemoryError e) {
                if (!outOfMemory(e)) throw e;
                System.err.printf("  %s: out of memory%n", name);
                return new Phase(name, -1, Math.max(peak, heapPeakMb()), null, "out of memory");
            }
            peak = Math.max(peak, heapPeakMb());
        }
        Arrays.sort(times);
        System.err.printf("  %s: %s ms%n", name, Arrays.toString(times)); // progress: a full run takes minutes
        return new Phase(name, times[runs / 2], peak, last, null);
    }

    /** A run outside the measurement; running out of memory there is reported and the benchmark goes on. */
    private static void untimed(String what, Supplier<AnalysisResult> work) {
        try {
            work.get();
        } catch (RuntimeException | OutOfMemoryError e) {
            if (!outOfMemory(e)) throw e;
            System.err.printf("  %s: out of memory%n", what);
        }
    }

    /** The analyser hands a worker's OutOfMemoryError on as the cause of its own exception. */
    private static boolean outOfMemory(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) if (t instanceof OutOfMemoryError) return true;
        return false;
    }

    private static void resetHeapPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) pool.resetPeakUsage();
        }
    }

    /** The sum of the heap pools' peaks: an upper bound of the heap the phase needed at once. */
    private static long heapPeakMb() {
        long bytes = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) bytes += pool.getPeakUsage().getUsed();
        }
        return bytes / (1024 * 1024);
    }

    /** Reads and parses every .java file under the roots on {@code threads} threads, as sqllint's first stage does. */
    static int parseAll(List<Path> roots, int threads) {
        List<Path> files = new ArrayList<>();
        for (Path root : roots) {
            try (Stream<Path> s = Files.walk(root)) {
                s.filter(p -> p.toString().endsWith(".java") && Files.isRegularFile(p)).forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return parseFiles(files, threads, Benchmark::parses);
    }

    /** Reads and parses the files on {@code threads} threads with {@code parses}; how many parsed. */
    static int parseFiles(List<Path> files, int threads, java.util.function.Predicate<Path> parses) {
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            return pool.submit(() -> (int) files.parallelStream().filter(parses).count()).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    static boolean parses(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            return new JavaParser(new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_21))
                    .parse(text).isSuccessful();
        } catch (IOException | RuntimeException e) {
            return false; // unreadable files are not part of the floor
        }
    }

    private static Path freshDir(Path parent) {
        try {
            Files.createDirectories(parent);
            return Files.createTempDirectory(parent, "cache-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    // ------------------------------------------------------------------------------------------- reporting

    private static void table(Phase parse, Phase... phases) {
        System.out.println("| phase | time ms | ratio to parse-all | peak heap MB |");
        System.out.println("| --- | ---: | ---: | ---: |");
        row(parse, parse);
        for (Phase p : phases) if (p != null) row(p, parse);
    }

    private static void row(Phase p, Phase parse) {
        String time = p.failed() ? p.failure() : String.valueOf(p.millis());
        String ratio = p.failed() || parse.millis() <= 0 ? "-" : String.format("%.2f", p.millis() / (double) parse.millis());
        System.out.printf("| %s | %s | %s | %d |%n", p.name(), time, ratio, p.peakHeapMb());
    }

    private static void targets(Phase parse, Phase cold, Phase warm, Phase doubled) {
        System.out.println("| target | measured | pass |");
        System.out.println("| --- | ---: | --- |");
        target("cold <= " + COLD_TARGET + "x parse-all", ratio(cold, parse), COLD_TARGET);
        target("warm <= " + WARM_TARGET + "x parse-all", ratio(warm, parse), WARM_TARGET);
        // sqllint as it runs by default (pre-filter on, with or without its cache); the pre-filter-off phase is a
        // reference that keeps every file's syntax tree, like parse-all would if it kept them
        long heap = Stream.of(cold, warm).filter(p -> p != null).mapToLong(Phase::peakHeapMb).max().orElse(0);
        boolean failed = Stream.of(cold, warm).anyMatch(p -> p != null && p.failed());
        System.out.printf("| peak heap of sqllint cold and warm <= %d MB | %s | %s |%n", HEAP_TARGET_MB,
                failed ? "out of memory" : heap + " MB", !failed && heap <= HEAP_TARGET_MB ? "PASS" : "FAIL");
        if (doubled != null) target("2x files <= " + SCALE_TARGET + "x time (cold)", ratio(doubled, cold), SCALE_TARGET);
        else System.out.println("| 2x files <= " + SCALE_TARGET + "x time (cold) | not run (--scale, synthetic corpus only) | - |");
    }

    private static double ratio(Phase p, Phase base) {
        return p.failed() || base.failed() || base.millis() <= 0 ? Double.NaN : p.millis() / (double) base.millis();
    }

    private static void target(String what, double measured, double limit) {
        System.out.printf("| %s | %s | %s |%n", what, Double.isNaN(measured) ? "-" : String.format("%.2fx", measured),
                !Double.isNaN(measured) && measured <= limit ? "PASS" : "FAIL");
    }

    private static void counts(Tree tree, Phase cold, Phase warm) {
        AnalysisResult r = cold.result();
        if (r == null) {
            System.out.println("analysis: no result (" + cold.failure() + ")");
            return;
        }
        System.out.printf("analysis: %d files scanned, %d SQL sites, %d statements parsed, %d not parsed, %d findings %s%n",
                r.filesScanned(), r.sqlSites(), r.statementsParsed(), r.statementsNotParsed(), r.findings().size(),
                r.findingsPerRule());
        // SQL per source kind; each site sqllint could not read, only its reason
        dev.sqllint.report.SourcesReport.listing(r).stream().filter(l -> !l.startsWith("  /")).forEach(System.out::println);
        if (warm.result() != null) {
            System.out.println("warm run reports the same findings as the cold run: "
                    + (keys(warm.result()).equals(keys(r)) ? "yes" : "NO"));
        }
        if (tree.corpus() == null) return;
        List<String> planted = tree.corpus().findings().stream().map(Corpus.ExpectedFinding::toString).sorted().toList();
        List<String> found = r.findings().stream()
                .map(f -> new Corpus.ExpectedFinding(f.rule(), tree.root().relativize(f.file()).toString().replace('\\', '/'), f.line()).toString())
                .sorted().toList();
        List<String> missing = planted.stream().filter(p -> !found.contains(p)).toList();
        List<String> unexpected = found.stream().filter(f -> !planted.contains(f)).toList();
        System.out.printf("planted findings: %d %s; all found and nothing else: %s%n", planted.size(),
                tree.corpus().expectedPerRule(), missing.isEmpty() && unexpected.isEmpty() ? "yes" : "NO");
        missing.forEach(m -> System.out.println("  missing:    " + m));
        unexpected.forEach(u -> System.out.println("  unexpected: " + u));
    }

    private static List<String> keys(AnalysisResult r) {
        return r.findings().stream().map(f -> f.rule() + " " + f.file() + ":" + f.line() + ":" + f.column())
                .sorted(Comparator.naturalOrder()).collect(Collectors.toList());
    }
}
