package dev.sqllint.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * The heap a run needed, from the collector's own reports: the most in use when a collection began (the heap the
 * run filled before the collector stepped in; at most -Xmx) and the most left after one (the live data, what must
 * fit). The sum of the pools' peak usages overstates both: the young and old generations peak at different times.
 */
final class HeapPeaks {

    private static final AtomicLong BEFORE = new AtomicLong();
    private static final AtomicLong AFTER = new AtomicLong();

    private HeapPeaks() {
    }

    static void watch() {
        Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (!(gc instanceof NotificationEmitter emitter)) continue;
            emitter.addNotificationListener((n, handback) -> {
                if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) return;
                var info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData()).getGcInfo();
                BEFORE.accumulateAndGet(sum(info.getMemoryUsageBeforeGc(), heapPools), Math::max);
                AFTER.accumulateAndGet(sum(info.getMemoryUsageAfterGc(), heapPools), Math::max);
            }, null, null);
        }
    }

    /** The most heap in use when a collection began, or now if that is more (a run that never collected). */
    static long beforeGcMb() {
        long now = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        return Math.max(BEFORE.get(), now) / (1024 * 1024);
    }

    static long afterGcMb() {
        return AFTER.get() / (1024 * 1024);
    }

    private static long sum(Map<String, MemoryUsage> usage, Set<String> pools) {
        long bytes = 0;
        for (Map.Entry<String, MemoryUsage> e : usage.entrySet()) if (pools.contains(e.getKey())) bytes += e.getValue().getUsed();
        return bytes;
    }
}
