package dev.sqllint.engine;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Tells whether the heap is running short: what the last garbage collection left live is above a share of the
 * maximum heap. Reads only (no thresholds set on the JVM's beans, which other plugins of the build share), and
 * cheaply enough to ask once per file.
 */
final class MemoryGuard {

    /** Live data above this share of the maximum heap: the analysis degrades before the JVM throws. */
    static final double SHORT_SHARE = 0.80;

    private final BooleanSupplier isShort;

    private MemoryGuard(BooleanSupplier isShort) {
        this.isShort = isShort;
    }

    /**
     * Watches this JVM's heap. The answer changes only when a collection ends, so the collectors' last-collection
     * reports (a new composite of every pool each time, far dearer than reading the count) are read only when
     * their collection count moved since the last question: asked once per file, a run of 4,000 files read them
     * 4,000 times (6 of a warm ThingsBoard run's 67 Java samples).
     */
    static MemoryGuard ofHeap() {
        long max = Runtime.getRuntime().maxMemory();
        if (max <= 0 || max == Long.MAX_VALUE) return new MemoryGuard(() -> false);
        Set<String> heapPools = new HashSet<>();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) heapPools.add(pool.getName());
        }
        List<com.sun.management.GarbageCollectorMXBean> collectors = new ArrayList<>();
        for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof com.sun.management.GarbageCollectorMXBean bean) collectors.add(bean);
        }
        long limit = (long) (max * SHORT_SHARE);
        return new MemoryGuard(new BooleanSupplier() {
            private long collections = -1;
            private boolean isShort;

            @Override
            public synchronized boolean getAsBoolean() {
                long now = 0;
                for (var gc : collectors) now += Math.max(0, gc.getCollectionCount());
                if (now != collections) {
                    collections = now;
                    isShort = liveAfterLastGc(collectors, heapPools) > limit;
                }
                return isShort;
            }
        });
    }

    /** A guard whose answer the caller decides (tests). */
    static MemoryGuard of(BooleanSupplier isShort) {
        return new MemoryGuard(isShort);
    }

    boolean isShort() {
        try {
            return isShort.getAsBoolean();
        } catch (RuntimeException e) {
            return false; // a JVM without these beans: no warning, the OutOfMemoryError catch still holds
        }
    }

    /** The heap in use after the most recent collection of any collector; 0 before the first. */
    private static long liveAfterLastGc(List<com.sun.management.GarbageCollectorMXBean> collectors, Set<String> heapPools) {
        long latestEnd = -1;
        long live = 0;
        for (var bean : collectors) {
            var info = bean.getLastGcInfo();
            if (info == null || info.getEndTime() <= latestEnd) continue;
            latestEnd = info.getEndTime();
            live = 0;
            for (Map.Entry<String, MemoryUsage> pool : info.getMemoryUsageAfterGc().entrySet()) {
                if (heapPools.contains(pool.getKey())) live += pool.getValue().getUsed();
            }
        }
        return live;
    }
}
