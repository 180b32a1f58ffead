// HeapPeaks: the largest heap a lab run reached, observed the way Go's gctrace reports a heap (heapLive at a
// cycle's trigger and at mark termination, the H0 and H1 of "H0->H1->H2 MB") plus the memory GOMEMLIMIT
// bounds (Go's mappedReady: heap memory mapped and not released, plus GC metadata).
package glassgo.cli.lab;

import glassgo.runtime.gc.Collector;
import glassgo.runtime.gc.CycleRecord;
import glassgo.runtime.malloc.MHeap;

/**
 * A cycle listener (called with the world stopped at the end of each cycle) and a final sample at the end of
 * the program. Between cycles heapLive only grows toward the next trigger, and the next cycle's H0 records
 * it, so the maximum over H0/H1 and the final sample is the run's peak heapLive; sweeping moves pages from
 * in-use to free without unmapping them, so sampling mappedReady at cycle ends misses only growth that the
 * scavenger returned before the next cycle.
 */
final class HeapPeaks implements Collector.CycleListener {
    private final MHeap heap;
    private volatile long peakHeapLive;
    private volatile long peakMapped;

    HeapPeaks(MHeap heap) {
        this.heap = heap;
    }

    @Override
    public void cycleEnded(CycleRecord c) {
        peakHeapLive = Math.max(peakHeapLive, Math.max(c.heap0(), c.heap1()));
        peakMapped = Math.max(peakMapped, heap.mappedReady());
    }

    /** The final sample, taken when the workload's body returns. */
    void sample() {
        peakHeapLive = Math.max(peakHeapLive, heap.heapLive());
        peakMapped = Math.max(peakMapped, heap.mappedReady());
    }

    long peakHeapLive() {
        return peakHeapLive;
    }

    long peakMapped() {
        return peakMapped;
    }
}
