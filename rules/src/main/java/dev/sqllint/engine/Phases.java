package dev.sqllint.engine;

import dev.sqllint.sql.SqlParser;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * Where a run's time goes, phase by phase: each thread's time is charged to the innermost phase it is in, so a
 * file JavaParser reads because extraction asked about one of its constants counts as JavaParser, not twice.
 * The times are summed over the worker threads (two busy threads for one second make two seconds), so they add
 * up to the work done, not to the wall time. Costs two {@code System.nanoTime()} calls per timed step.
 */
public final class Phases {

    /** The steps of the pipeline, in the order they first run. */
    public enum Phase {
        FIND_SOURCES("find sources"),
        PRE_FILTER("pre-filter (read, digest, scan)"),
        CACHE("cache (look up, store)"),
        JAVA_PARSER("JavaParser"),
        SCHEMA("schema"),
        EXTRACTION("extraction and folding"),
        JSQLPARSER("JSqlParser"),
        RULES("rules"),
        MYBATIS_XML("MyBatis XML (read, expand)");

        private final String label;

        Phase(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private final Map<Phase, LongAdder> nanos = new EnumMap<>(Phase.class);
    private final Map<Phase, LongAdder> steps = new EnumMap<>(Phase.class);
    /** The phase each thread is in (null: none), and when its current stretch in that phase began. */
    private final ThreadLocal<Phase> current = new ThreadLocal<>();
    private final ThreadLocal<long[]> since = ThreadLocal.withInitial(() -> new long[1]);

    public Phases() {
        for (Phase p : Phase.values()) {
            nanos.put(p, new LongAdder());
            steps.put(p, new LongAdder());
        }
    }

    /** Runs {@code work}, charging this thread's time to {@code phase} until it returns (nested phases excepted). */
    public <T> T time(Phase phase, Supplier<T> work) {
        Phase outer = current.get();
        long[] mark = since.get();
        long start = System.nanoTime();
        if (outer != null) nanos.get(outer).add(start - mark[0]);
        current.set(phase);
        mark[0] = start;
        steps.get(phase).increment();
        try {
            return work.get();
        } finally {
            long end = System.nanoTime();
            nanos.get(phase).add(end - mark[0]);
            current.set(outer);
            mark[0] = end;
        }
    }

    public void time(Phase phase, Runnable work) {
        time(phase, () -> {
            work.run();
            return null;
        });
    }

    /** The clock JSqlParser's front reports its parses to. */
    SqlParser.Clock sqlParsing() {
        return new SqlParser.Clock() {
            @Override
            public <T> T time(Supplier<T> parse) {
                return Phases.this.time(Phase.JSQLPARSER, parse);
            }
        };
    }

    /** A phase's time (milliseconds summed over threads) and how often it was entered (files, statements parsed). */
    public record Spent(long millis, long steps) {
    }

    /** Every phase's time, in pipeline order. */
    public Map<Phase, Spent> spent() {
        Map<Phase, Spent> out = new EnumMap<>(Phase.class);
        for (Phase p : Phase.values()) out.put(p, new Spent(nanos.get(p).sum() / 1_000_000, steps.get(p).sum()));
        return Collections.unmodifiableMap(out);
    }
}
