// HeapStats: the allocator's running counters, the raw material of MemStats. Mirrors the parts of
// runtime/mstats.go's heapStatsDelta and gcControllerState (heapInUse/heapFree/heapReleased) it owns.
package glassgo.runtime.malloc;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/** Counters updated from many Ms at once, hence atomics (Go uses atomics and a consistent-stats protocol). */
final class HeapStats {
    final AtomicLongArray smallAllocCount = new AtomicLongArray(SizeClasses.NUM_SIZE_CLASSES);
    final AtomicLongArray smallFreeCount = new AtomicLongArray(SizeClasses.NUM_SIZE_CLASSES);
    final AtomicLong largeAlloc = new AtomicLong();
    final AtomicLong largeAllocCount = new AtomicLong();
    final AtomicLong largeFree = new AtomicLong();
    final AtomicLong largeFreeCount = new AtomicLong();
    final AtomicLong tinyAllocCount = new AtomicLong();
    /** Bytes in in-use heap spans. */
    final AtomicLong heapInUse = new AtomicLong();
    /** Bytes in free pages that are still backed by memory. */
    final AtomicLong heapFree = new AtomicLong();
    /** Bytes in free pages returned to the OS (or never touched since growth). */
    final AtomicLong heapReleased = new AtomicLong();
    /** Off-heap GC metadata mapped: heap bitmaps. */
    final AtomicLong gcSys = new AtomicLong();

    void addSmallAllocs(int sizeclass, long n) {
        if (n != 0) {
            smallAllocCount.addAndGet(sizeclass, n);
        }
    }

    void addTinyAllocs(long n) {
        if (n != 0) {
            tinyAllocCount.addAndGet(n);
        }
    }
}
