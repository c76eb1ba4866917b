package dev.sqllint.engine;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.HashSet;
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

    /** Watches this JVM's heap. */
    static MemoryGuard ofHeap() {
        long max = Runtime.getRuntime().maxMemory();
        if (max <= 0 || max == Long.MAX_VALUE) return new MemoryGuard(() -> false);
        Set<String> heapPools = new HashSet<>();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) heapPools.add(pool.getName());
        }
        long limit = (long) (max * SHORT_SHARE);
        return new MemoryGuard(() -> liveAfterLastGc(heapPools) > limit);
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
    private static long liveAfterLastGc(Set<String> heapPools) {
        long latestEnd = -1;
        long live = 0;
        for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (!(gc instanceof com.sun.management.GarbageCollectorMXBean bean)) continue;
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
