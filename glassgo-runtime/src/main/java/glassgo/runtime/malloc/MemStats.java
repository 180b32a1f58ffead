// MemStats: the allocator's part of runtime.MemStats. Mirrors runtime/mstats.go (Go 1.19 definitions).
package glassgo.runtime.malloc;

import java.util.List;

/**
 * A snapshot taken by {@link MHeap#readMemStats}. Definitions are Go 1.19's:
 * <ul>
 *   <li>{@code heapAlloc} = {@code alloc} = totalAlloc − totalFree, objects counted at their size-class
 *       size (a tiny block as 16 bytes, a large object as its whole pages);</li>
 *   <li>{@code mallocs}/{@code frees} count objects; tiny allocations are added to both, so
 *       {@code heapObjects = mallocs − frees} excludes them;</li>
 *   <li>{@code heapSys = heapInuse + heapIdle}; {@code heapIdle = free pages, backed or released};</li>
 *   <li>{@code sys} here = heapSys + gcSys (the heap bitmaps); Go's Sys also counts stacks, mspan/mcache
 *       structures and profiling data, which glassgo's allocator does not own;</li>
 *   <li>{@code bySize}: classes 0..60 as in Go (class 0 unused; large objects and classes above 60 are
 *       not broken out).</li>
 * </ul>
 */
public record MemStats(long alloc, long totalAlloc, long sys, long mallocs, long frees, long heapAlloc,
                       long heapSys, long heapIdle, long heapInuse, long heapReleased, long heapObjects,
                       long gcSys, List<BySize> bySize) {

    /** One size class's counts, Go's MemStats.BySize element. */
    public record BySize(long size, long mallocs, long frees) {}

    /** Go reports classes 0..60 only (len(MemStats.BySize) == 61). */
    public static final int BY_SIZE_ENTRIES = 61;
}
