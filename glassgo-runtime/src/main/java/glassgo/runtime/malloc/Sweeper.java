// Sweeper: the sweep phase's shared state and its three drivers — sweepone (the background sweeper and
// the "finish the sweep" loops), proportional sweep credit on allocation, and the sweep generation flip.
// Mirrors runtime/mgcsweep.go (sweepone, sweepLocker/sweep.active, gcPaceSweeper, deductSweepCredit,
// finishsweep_m) and the sweep fields of mheap (sweepgen, pagesSwept, sweepPagesPerByte).
package glassgo.runtime.malloc;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The sweep of one cycle, in Go's steps:
 * <ol>
 *   <li><b>flip</b> ({@link MHeap#startSweep}, mark termination, world stopped): {@code sweepgen += 2}, so every
 *       span in every mcentral becomes unswept without being touched; the counters restart;</li>
 *   <li><b>sweep lazily</b>: an mcache refill sweeps the unswept spans of its own class before growing
 *       the heap (MCentral.cacheSpan); before caching a span or allocating a large object, the allocating
 *       goroutine pays sweep credit — it sweeps whole spans until the pages swept keep pace with the
 *       bytes allocated (deductSweepCredit), so that the sweep is done before the heap reaches the next
 *       trigger ({@link #pace});</li>
 *   <li><b>sweep in the background</b>: the collector's bgsweep goroutine calls {@link #sweepone} until it
 *       reports nothing left, yielding often;</li>
 *   <li><b>finish</b>: the goroutine that triggers the next cycle sweeps what is left before stopping the
 *       world, and sweep termination sweeps any rest with the world stopped ({@link #finish}).</li>
 * </ol>
 * A span is owned by whoever popped it from an mcentral set, so two sweepers never sweep the same span.
 * {@link #active} counts sweeps in progress: the sweep is done when no unswept span is left AND none is
 * being swept (Go's sweep.active / isSweepDone).
 */
final class Sweeper {
    private final MHeap heap;
    /** Pages swept this cycle (Go's mheap.pagesSwept). */
    final AtomicLong pagesSwept = new AtomicLong();
    /** Next span class sweepone looks at (Go's sweep.centralIndex); only grows within a cycle. */
    private final AtomicInteger nextClass = new AtomicInteger();
    /** Sweeps in progress (popped, not yet filed back). */
    private final AtomicInteger active = new AtomicInteger();
    /** Set once sweepone found no unswept span in any class this cycle. */
    private volatile boolean drained = true;
    /** Proportional sweep: pages to sweep per byte allocated, and the basis it counts from. */
    private volatile double pagesPerByte;
    private volatile long pagesSweptBasis;
    private volatile long heapLiveBasis;
    /** Spans swept with the world stopped (Go's npausesweep), since the heap was created. */
    final AtomicLong pauseSwept = new AtomicLong();
    /** Set when the heap is closing: no new sweep may start (a background sweeper may outlive main). */
    private volatile boolean closed;

    Sweeper(MHeap heap) {
        this.heap = heap;
    }

    /** Step 1, world stopped, right after sweepgen += 2. */
    void flipped() {
        pagesSwept.set(0);
        nextClass.set(0);
        drained = false;
        pagesPerByte = 0;
    }

    /**
     * Sweeps one unswept span from any mcentral (sweepone). Returns the pages swept, or -1 when no unswept
     * span is left (which does not mean another sweeper has finished the span it holds).
     */
    long sweepone() {
        if (drained) {
            return -1;
        }
        active.incrementAndGet();
        try {
            if (closed) {
                return -1;
            }
            int sg = heap.sweepgen();
            for (int spc = nextClass.get(); spc < SpanClass.NUM_SPAN_CLASSES; spc = nextClass.get()) {
                MCentral c = heap.central(spc);
                MSpan s = c.partialUnswept(sg).pop();
                if (s == null) {
                    s = c.fullUnswept(sg).pop();
                }
                if (s != null) {
                    heap.sweepSpan(s, false);
                    return s.npages;
                }
                nextClass.compareAndSet(spc, spc + 1);
            }
            drained = true;
            return -1;
        } finally {
            active.decrementAndGet();
        }
    }

    /** Before the heap is unmapped: refuse new sweeps and wait for those in progress. */
    void close() {
        closed = true;
        while (active.get() != 0) {
            Thread.onSpinWait();
        }
    }

    /** Go's isSweepDone: nothing unswept and no sweep in progress. */
    boolean done() {
        return drained && active.get() == 0;
    }

    /**
     * Step 4 (finishsweep_m), world stopped: sweep what is left. No goroutine is inside a sweep at a
     * safepoint, so afterwards every span is swept. Returns the spans swept here.
     */
    long finish() {
        long n = 0;
        while (sweepone() >= 0) {
            n++;
        }
        if (active.get() != 0) {
            throw new IllegalStateException("runtime: finishsweep: " + active.get() + " sweeps in progress with the world stopped");
        }
        pauseSwept.addAndGet(n);
        return n;
    }

    /**
     * gcPaceSweeper: spread the pages still to sweep over the bytes the program may allocate before the
     * trigger (less 1 MiB of slack), counting from the current heapLive and pages swept.
     */
    void pace(long trigger) {
        long heapLive = heap.heapLive();
        long distance = Math.max(trigger - heapLive - (1 << 20), SizeClasses.PAGE_SIZE);
        long swept = pagesSwept.get();
        long pagesInUse = heap.stats.heapInUse.get() >>> SizeClasses.PAGE_SHIFT;
        long toSweep = pagesInUse - swept;
        if (toSweep <= 0 || drained) {
            pagesPerByte = 0;
            return;
        }
        heapLiveBasis = heapLive;
        pagesSweptBasis = swept;
        pagesPerByte = (double) toSweep / distance;
    }

    /**
     * deductSweepCredit: before caching a span of {@code spanBytes} (or allocating a large one of
     * {@code callerPages}, which the caller sweeps itself by taking fresh pages), sweep until the pages
     * swept since the basis cover {@code pagesPerByte} × the bytes allocated since it.
     */
    void deductCredit(long spanBytes, long callerPages) {
        double rate = pagesPerByte;
        if (rate == 0) {
            return;
        }
        long live = heap.heapLive();
        long allocated = spanBytes + Math.max(0, live - heapLiveBasis);
        long target = (long) (rate * allocated) - callerPages;
        while (target > pagesSwept.get() - pagesSweptBasis) {
            if (sweepone() < 0) {
                pagesPerByte = 0;
                return;
            }
        }
    }
}
