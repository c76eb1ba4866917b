package dev.sqllint.bench;

import dev.sqllint.engine.AnalysisConfig;
import dev.sqllint.engine.AnalysisResult;
import dev.sqllint.engine.Analyzer;
import dev.sqllint.engine.JavaSyntaxForBenchmark;
import dev.sqllint.engine.Phases;
import dev.sqllint.report.SarifWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One measurement in a JVM of its own, as a build meets it: no JIT warm-up, classes loaded for the first time.
 * {@link Benchmark} starts one per measured run and reads what it prints, one {@code key value} per line:
 *
 * <pre>
 * FreshJvmRun parse-all DIR THREADS        JavaParser reads and parses every .java file of the tree
 * FreshJvmRun parse-files LIST THREADS     JavaParser as sqllint configures it reads and parses the files
 *                                          LIST names, one per line
 * FreshJvmRun sqllint DIR CACHE_DIR OUT    sqllint analyses the tree with that cache and writes the SARIF
 *                                          report, the findings (one "rule file:line" per line) and the
 *                                          Java files it parsed (parsed.txt) under OUT
 * </pre>
 *
 * It prints {@code millis} (the work, without the JVM's start), {@code cpuMillis} (the process's CPU time for it), {@code heapMb} (the most heap in use, seen when a
 * collection began), {@code liveMb} (the most left after a collection: what had to fit), {@code rssMb} (the process's peak resident memory) and for sqllint {@code phase LABEL MILLIS} lines and
 * {@code info ...} lines with the run's counts.
 */
public final class FreshJvmRun {

    private FreshJvmRun() {
    }

    public static void main(String[] args) throws IOException {
        HeapPeaks.watch();
        Path dir = Path.of(args[1]);
        switch (args[0]) {
            case "parse-all" -> {
                long cpu = cpuNanos();
                long start = System.nanoTime();
                int parsed = Benchmark.parseAll(TreeConfig.of(dir).sourceRoots(), Integer.parseInt(args[2]));
                long millis = (System.nanoTime() - start) / 1_000_000;
                System.out.println("info " + parsed + " Java files parsed");
                printCosts(millis, cpu);
            }
            case "parse-files" -> {
                List<Path> files = Files.readAllLines(dir).stream().map(Path::of).toList();
                long cpu = cpuNanos();
                long start = System.nanoTime();
                int parsed = Benchmark.parseFiles(files, Integer.parseInt(args[2]), FreshJvmRun::parsesAsSqllintDoes);
                long millis = (System.nanoTime() - start) / 1_000_000;
                System.out.println("info " + parsed + " Java files parsed");
                printCosts(millis, cpu);
            }
            case "sqllint" -> sqllint(TreeConfig.of(dir), Path.of(args[2]), Path.of(args[3]));
            default -> throw new IllegalArgumentException("unknown mode " + args[0]);
        }
    }

    private static void sqllint(AnalysisConfig config, Path cache, Path out) throws IOException {
        long cpu = cpuNanos();
        long start = System.nanoTime();
        AnalysisResult r = new Analyzer().analyze(config.withCache(cache));
        long analysed = System.nanoTime();
        Files.createDirectories(out);
        SarifWriter.write(r, config.baseDir(), out.resolve("sqllint.sarif"), "bench");
        long reported = System.nanoTime();
        List<String> findings = new ArrayList<>();
        r.findings().forEach(f -> findings.add(f.rule() + " " + config.baseDir().relativize(f.file()).toString()
                .replace('\\', '/') + ":" + f.line() + " " + f.message()));
        Files.write(out.resolve("findings.txt"), findings);
        Files.write(out.resolve("parsed.txt"), r.work().parsedFiles().stream().map(Path::toString).toList());
        for (Map.Entry<Phases.Phase, Phases.Spent> e : r.work().phases().entrySet()) {
            System.out.println("phase " + e.getKey().label() + "\t" + e.getValue().millis() + "\t" + e.getValue().steps());
        }
        System.out.println("phase reports (SARIF)\t" + (reported - analysed) / 1_000_000 + "\t1");
        System.out.println("wall " + (analysed - start) / 1_000_000);
        System.out.printf("info %d files scanned, %d Java files parsed (%d up front, %d on demand), %d SQL sites,"
                        + " %d statements parsed, %d not parsed, %d findings %s%n",
                r.filesScanned(), r.work().parsed(), r.work().parsedUpFront(), r.work().parsedOnDemand(), r.sqlSites(),
                r.statementsParsed(), r.statementsNotParsed(), r.findings().size(), r.findingsPerRule());
        if (r.work().memory() != null) System.out.println("info " + r.work().memory().summary());
        printCosts((reported - start) / 1_000_000, cpu);
    }

    /** Reads a file and parses it as sqllint does (its JavaParser configuration): false when it does not parse. */
    private static boolean parsesAsSqllintDoes(Path file) {
        try {
            return JavaSyntaxForBenchmark.parses(Files.readString(file));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * The process's CPU time since {@code cpuBefore}: all its threads, the JIT compiler's and the collector's included.
     * On a machine other jobs share, it moves much less than the wall time, so its ratios carry over better.
     */
    private static void printCosts(long millis, long cpuBefore) {
        System.out.println("millis " + millis);
        System.out.println("cpuMillis " + (cpuNanos() - cpuBefore) / 1_000_000);
        System.out.println("heapMb " + HeapPeaks.beforeGcMb());
        System.out.println("liveMb " + HeapPeaks.afterGcMb());
        System.out.println("rssMb " + peakRssMb());
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** VmHWM of /proc/self/status (Linux); -1 elsewhere. */
    private static long peakRssMb() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/self/status"))) {
            return lines.filter(l -> l.startsWith("VmHWM:")).map(l -> l.replaceAll("\\D", "")).mapToLong(Long::parseLong)
                    .findFirst().orElse(-1024) / 1024;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
