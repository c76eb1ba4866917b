package dev.sqllint.engine;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What a run does when the heap runs short, instead of letting an {@link OutOfMemoryError} break the build: it
 * degrades once (stops caching, drops the memos, analyses the remaining files one at a time) and skips, with
 * a diagnostic, only a file whose analysis ran out of heap even then. The summary says so and counts them.
 */
final class HeapShortage {

    private final MemoryGuard guard;
    private final AtomicBoolean degraded = new AtomicBoolean();
    private final List<Runnable> reliefs = new CopyOnWriteArrayList<>();
    private final Set<Path> skipped = ConcurrentHashMap.newKeySet();
    private final Object oneAtATime = new Object();

    HeapShortage(MemoryGuard guard) {
        this.guard = guard;
    }

    /** What to give up when the heap runs short (run once, on the first shortage). */
    void onShortage(Runnable relief) {
        reliefs.add(relief);
        if (degraded.get()) relief.run();
    }

    boolean degraded() {
        return degraded.get();
    }

    /** Degrades now if the guard says the heap is short. */
    void check() {
        if (!degraded.get() && guard.isShort()) degrade();
    }

    /** Stops caching and drops the memos (each relief once, whatever thread gets here first). */
    void degrade() {
        if (!degraded.compareAndSet(false, true)) return;
        for (Runnable relief : reliefs) {
            try {
                relief.run();
            } catch (RuntimeException | OutOfMemoryError e) {
                // a relief that cannot run frees nothing; the rest still may
            }
        }
    }

    /**
     * Runs one file's work: in parallel while the heap suffices, one file at a time once degraded. A file that
     * runs out of heap is tried once more after degrading; if it runs out again it is skipped: {@code skip} makes
     * its outcome from the reason.
     */
    <T> T run(Path file, Supplier<T> work, Function<String, T> skip) {
        check();
        boolean serial = degraded.get();
        try {
            return serial ? serially(work) : work.get();
        } catch (OutOfMemoryError | ExceptionInInitializerError | NoClassDefFoundError e) {
            // a class whose initialiser ran out of heap is unusable from then on: skipped, like running out
            degrade();
        }
        if (!serial) {
            try {
                return serially(work);
            } catch (OutOfMemoryError | ExceptionInInitializerError | NoClassDefFoundError e) {
                // skipped below
            }
        }
        skipped.add(file);
        return skip.apply("the heap ran short (" + maxHeapMb() + " MB at most): this file was not analysed");
    }

    /** Runs work that has no file of its own (a phase); on running out of heap, the fallback instead. */
    <T> T phase(Supplier<T> work, Supplier<T> fallback) {
        try {
            return work.get();
        } catch (OutOfMemoryError e) {
            degrade();
            return fallback.get();
        }
    }

    private <T> T serially(Supplier<T> work) {
        synchronized (oneAtATime) {
            return work.get();
        }
    }

    /** The summary's account: null when the heap sufficed. */
    AnalysisResult.Memory report() {
        if (!degraded.get()) return null;
        return new AnalysisResult.Memory(maxHeapMb(), skipped.size(), false);
    }

    static long maxHeapMb() {
        return Runtime.getRuntime().maxMemory() / (1024 * 1024);
    }
}
