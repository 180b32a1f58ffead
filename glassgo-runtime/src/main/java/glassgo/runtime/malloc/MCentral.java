// MCentral: the spans of one span class that are not cached in any mcache. Mirrors runtime/mcentral.go.
package glassgo.runtime.malloc;

/**
 * Spans are split into partial (has free slots) and full, each into swept and unswept for the current
 * sweep generation: {@code partial[sg/2 % 2]} is "swept" and {@code partial[1 - sg/2 % 2]} "unswept".
 * Advancing {@code mheap.sweepgen} by 2 swaps the roles, so every swept span becomes unswept without
 * being moved (mcentral.go's partialSwept/partialUnswept).
 *
 * <p>cacheSpan, in Go's steps:
 * <ol>
 *   <li>pay sweep credit for the span about to be cached (proportional sweep, {@link Sweeper});</li>
 *   <li>pop a partial swept span;</li>
 *   <li>pop a partial unswept span and sweep it for ourselves (lazy sweeping): it is ours once popped;</li>
 *   <li>pop a full unswept span and sweep it: if the sweep freed a slot, take it, else file it as full
 *       swept (steps 3 and 4 try at most {@link #SPAN_BUDGET} spans, as Go does, so one refill never
 *       sweeps a whole class);</li>
 *   <li>grow: allocate a new span of {@code class_to_allocnpages} pages from the heap.</li>
 * </ol>
 */
final class MCentral {
    final int spanclass;
    private final MHeap heap;
    private final SpanSet[] partial = {new SpanSet(), new SpanSet()};
    private final SpanSet[] full = {new SpanSet(), new SpanSet()};

    MCentral(MHeap heap, int spanclass) {
        this.heap = heap;
        this.spanclass = spanclass;
    }

    SpanSet partialSwept(int sg) {
        return partial[(sg >>> 1) & 1];
    }

    SpanSet partialUnswept(int sg) {
        return partial[1 - ((sg >>> 1) & 1)];
    }

    SpanSet fullSwept(int sg) {
        return full[(sg >>> 1) & 1];
    }

    SpanSet fullUnswept(int sg) {
        return full[1 - ((sg >>> 1) & 1)];
    }

    /** Go's spanBudget: unswept spans one refill may sweep before it grows the heap instead. */
    static final int SPAN_BUDGET = 100;

    /** A span with at least one free slot for an mcache, marked as cached (sweepgen = sg + 3). */
    MSpan cacheSpan(MCache c) {
        int npages = SizeClasses.classToAllocNPages(SpanClass.sizeclass(spanclass));
        heap.sweeper.deductCredit((long) npages << SizeClasses.PAGE_SHIFT, 0);                  // step 1
        int sg = heap.sweepgen();
        MSpan s = partialSwept(sg).pop();                                                      // step 2
        for (int budget = SPAN_BUDGET; s == null && budget > 0; budget--) {
            MSpan u = partialUnswept(sg).pop();                                                // step 3
            if (u == null) {
                u = fullUnswept(sg).pop();                                                     // step 4
                if (u == null) {
                    break;
                }
            }
            heap.sweepSpan(u, true);
            if (u.allocCount < u.nelems) {
                s = u;
            } else {
                fullSwept(sg).push(u);
            }
        }
        if (s == null) {
            s = grow(c);                                                                       // step 5
        }
        if (s.allocCount == s.nelems) {
            throw new IllegalStateException("runtime: mcentral.cacheSpan: span has no free objects");
        }
        s.sweepgen = sg + 3;
        // Re-anchor allocCache at freeindex, rounded down to 64 and shifted (mcentral.go's tail).
        int freeByteBase = s.freeindex & ~63;
        s.refillAllocCache(freeByteBase);
        s.allocCache >>>= s.freeindex % 64;
        return s;
    }

    /** Returns a span from an mcache: full spans to fullSwept, others to partialSwept. */
    void uncacheSpan(MSpan s) {
        int sg = heap.sweepgen();
        if (s.sweepgen != sg + 3) {
            throw new IllegalStateException("runtime: mcentral.uncacheSpan: span not cached in this cycle, sweepgen "
                    + s.sweepgen + " vs " + sg);
        }
        s.sweepgen = sg;
        if (s.allocCount == s.nelems) {
            fullSwept(sg).push(s);
        } else {
            partialSwept(sg).push(s);
        }
    }

    private MSpan grow(MCache c) {
        int npages = SizeClasses.classToAllocNPages(SpanClass.sizeclass(spanclass));
        return heap.alloc(npages, spanclass, 0, c);
    }

}
