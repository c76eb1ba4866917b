package dev.sqllint.engine;

/**
 * JavaParser configured as sqllint runs it ({@link JavaSyntax}), for the benchmark's floor: what parsing only the
 * files a run needs costs, with nothing else of the analysis.
 */
public final class JavaSyntaxForBenchmark {

    private JavaSyntaxForBenchmark() {
    }

    /** Whether the text parses as sqllint parses Java. */
    public static boolean parses(String text) {
        return JavaSyntax.parse(text, false).isSuccessful();
    }
}
