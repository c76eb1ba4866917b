package dev.sqllint.extract;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Which files the analysis of one file read: every answer {@link ProjectIndex} gives (a type, a constant, a
 * supertype) names the file it came from. The incremental cache keys a file's results on these files' contents,
 * so changing a constant re-analyses exactly the files whose SQL used it. Recording is per thread: one file is
 * analysed on one thread from start to end.
 */
public final class FileDependencies {

    private static final ThreadLocal<Set<Path>> CURRENT = new ThreadLocal<>();

    private FileDependencies() {
    }

    /** Runs {@code work}, adding every file it reads to {@code into}. */
    public static <T> T recording(Set<Path> into, Supplier<T> work) {
        Set<Path> outer = CURRENT.get();
        CURRENT.set(into);
        try {
            return work.get();
        } finally {
            CURRENT.set(outer);
            if (outer != null) outer.addAll(into);
        }
    }

    public static void read(Path file) {
        Set<Path> current = CURRENT.get();
        if (current != null && file != null) current.add(file);
    }

    /**
     * A cache shared by the files of a run whose hits still count as reads: a value computed for one file (a
     * folded constant) remembers the files it read, and every later file that uses it reads them too.
     */
    public static final class Memo<K, V> {
        private record Entry<V>(V value, Set<Path> reads) {
        }

        private final Map<K, Entry<V>> entries;

        Memo(Map<K, ?> backing) {
            @SuppressWarnings("unchecked")
            Map<K, Entry<V>> typed = (Map<K, Entry<V>>) backing;
            this.entries = typed;
        }

        public static <K, V> Memo<K, V> concurrent() {
            return new Memo<>(new ConcurrentHashMap<K, Object>());
        }

        public void clear() {
            entries.clear();
        }

        /** The cached value, its reads replayed; null when absent. */
        public V get(K key) {
            Entry<V> e = entries.get(key);
            if (e == null) return null;
            Set<Path> current = CURRENT.get();
            if (current != null) current.addAll(e.reads());
            return e.value();
        }

        /**
         * Computes the value, recording its reads with it. Not computeIfAbsent: computing a value may compute
         * others in the same memo (a constant built from constants).
         */
        public V compute(K key, Supplier<V> work) {
            Set<Path> reads = new HashSet<>();
            V value = recording(reads, work);
            entries.putIfAbsent(key, new Entry<>(value, Set.copyOf(reads)));
            return value;
        }
    }
}
