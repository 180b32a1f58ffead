// Collector: the interface a garbage-collection algorithm offers the runtime. The classic tricolor
// collector (glassgo.runtime.gc.classic) is one; Green Tea is meant to be a sibling behind the same face.
package glassgo.runtime.gc;

import glassgo.runtime.malloc.MHeap;

/**
 * The entry points Go's runtime package exposes for its collector: {@code runtime.GC},
 * {@code debug.SetGCPercent}, {@code debug.SetMemoryLimit}, the write barrier, cycle counts. A collector
 * attaches itself to an {@link MHeap} (allocation polls it through {@link MHeap.CollectorHook}).
 */
public interface Collector {
    /** runtime.GC: runs a full, forced cycle and returns after its sweep. Must be called from a goroutine. */
    void gc();

    WriteBarrier writeBarrier();

    /** debug.SetGCPercent: returns the previous value; negative = off. */
    int setGCPercent(int percent);

    /** debug.SetMemoryLimit: returns the previous limit; a negative argument only queries. */
    long setMemoryLimit(long bytes);

    /** Completed cycles (Go's memstats.numgc). */
    int numGC();

    /** The phase right now (for observers; may change as soon as it is read). */
    int phase();

    /** Registers a listener called after each cycle with the world still stopped. */
    void onCycleEnd(CycleListener listener);

    /**
     * Registers a listener called in each cycle's sweep-termination pause, world stopped, once the previous
     * cycle's sweep is complete and before marking starts: the one moment at which every span is swept.
     */
    void onSweepDone(SweepListener listener);

    @FunctionalInterface
    interface CycleListener {
        void cycleEnded(CycleRecord cycle);
    }

    @FunctionalInterface
    interface SweepListener {
        /** {@code cycle}: the number of the cycle about to start; {@code freed}: objects the finished sweep freed. */
        void sweepDone(int cycle, long freed);
    }
}
