package dev.sqllint.engine;

import dev.sqllint.report.ConsoleReport;
import java.nio.file.Path;
import java.util.List;

/** {@link HeapShortageTest}'s forked JVM: analyses a project with the heap it was given and prints the summary. */
public final class TinyHeapRun {

    public static void main(String[] args) {
        Path root = Path.of(args[0]);
        AnalysisConfig config = AnalysisConfig.of(root, List.of(root.resolve("src/main/java")))
                .withCache(root.resolve("target/sqllint-cache"));
        AnalysisResult result = new Analyzer().analyze(config);
        ConsoleReport.summary(result).forEach(System.out::println);
        result.diagnostics().forEach(d -> System.out.println("diagnostic: " + d.file().getFileName() + " " + d.reason()));
        result.findings().forEach(f -> System.out.println("finding: " + f.rule() + " " + f.file().getFileName() + ":" + f.line()));
    }
}
