// Mark: the marking primitives: shade/greyobject, scanobject, gcDrain, markroot and the heap verifier.
// Mirrors runtime/mgcmark.go (markroot, scanobject, greyobject, gcDrain, gcDrainN) and mbitmap.go's
// findObject.
package glassgo.runtime.gc.classic;

import glassgo.runtime.gc.RootSet;
import glassgo.runtime.malloc.MHeap;
import glassgo.runtime.malloc.MSpan;
import glassgo.runtime.mem.AddressSpace;
import glassgo.runtime.mem.RuntimeFault;

/**
 * Tricolor marking over native memory:
 * <ol>
 *   <li><b>shade(p)</b> (greyobject): resolve {@code p} — possibly an interior pointer — to its object with
 *       the span's magic division (findObject); set the object's mark bit atomically; if this call set it
 *       and the span has pointers, queue the object (grey). Noscan objects are black at once.</li>
 *   <li><b>scanobject(b)</b>: walk the object's words while the heap bitmap's scan bit says pointers may
 *       follow; shade each word whose pointer bit is set. The object is then black.</li>
 *   <li><b>drain</b>: scan grey objects until the buffers are empty or the budget is spent.</li>
 *   <li><b>markroot</b>: shade every pointer of a root job: the stacks (world stopped) or one block of
 *       globals (concurrently).</li>
 * </ol>
 * Large objects are scanned in 128 KiB oblets, as in Go.
 */
public final class Mark {
    private final MHeap heap;
    private final AddressSpace space;
    /** Throw on a pointer to a free slot; only sound while no P allocates (the world is stopped). */
    volatile boolean checkFree;

    Mark(MHeap heap) {
        this.heap = heap;
        this.space = heap.space();
    }

    /**
     * A whole mark by one marker on the calling thread, with nothing else touching the heap: clear every mark
     * bit, shade the roots, drain. Returns the bytes marked. The marking benchmark (glassgo-bench's
     * MarkBench) times exactly this; a collector never calls it.
     */
    public static long markAll(MHeap heap, RootSet roots) {
        heap.clearMarkBits();
        Mark m = new Mark(heap);
        GcWork gcw = new GcWork(new GcWork.Global());
        m.markroots(roots, gcw);
        m.drain(gcw, Long.MAX_VALUE, null);
        return gcw.bytesMarked;
    }

    /** Step 1. Pointers outside the heap (globals, zerobase, nil) are ignored, as Go's findObject does. */
    void shade(long p, GcWork gcw) {
        MSpan s = heap.spanOfHeap(p);
        if (s == null) {
            return;
        }
        int idx = s.objIndex(p);
        if (checkFree && s.isFree(idx)) {
            throw new RuntimeFault("runtime: marking free object 0x" + Long.toHexString(s.objectBase(idx))
                    + " found by pointer 0x" + Long.toHexString(p) + " in " + s + "\n", "marking free object");
        }
        if (!s.tryMark(idx)) {
            return;
        }
        gcw.bytesMarked += objectSize(s);
        if (!s.noscan()) {
            gcw.put(s.objectBase(idx));
        }
    }

    private static long objectSize(MSpan s) {
        return s.sizeclass() == 0 ? (long) s.npages() << 13 : s.elemsize();
    }

    /**
     * Go's maxObletBytes: a large object is scanned in pieces ("oblets") of at most this size, each queued as
     * a grey entry of its own, so that several markers share one big object and a marker reaches a
     * preemption point between pieces.
     */
    static final long MAX_OBLET_BYTES = 128 << 10;

    /**
     * Step 2. {@code b} is an object's base or, for a large object, the start of one of its oblets: scanning
     * the object's base queues its other oblets (Go's scanobject) and scans only the first.
     */
    void scanobject(long b, GcWork gcw) {
        MSpan s = heap.spanOfHeap(b);
        long n;
        if (s.sizeclass() != 0) {
            n = s.elemsize();
        } else {
            long end = s.limit();
            if (end - s.base() > MAX_OBLET_BYTES && b == s.base()) {
                for (long oblet = b + MAX_OBLET_BYTES; oblet < end; oblet += MAX_OBLET_BYTES) {
                    gcw.put(oblet);
                }
            }
            n = Math.min(end - b, MAX_OBLET_BYTES);
        }
        long off = 0;
        for (; off < n; off += 8) {
            long a = b + off;
            int bits = heap.heapBits(a);                   // one bitmap lookup for both bits
            if ((bits & MHeap.SCAN_BIT) == 0) {
                break;
            }
            if ((bits & MHeap.PTR_BIT) != 0) {
                long p = space.getLong(a);
                if (p != 0) {
                    shade(p, gcw);
                }
            }
        }
        gcw.scanWork += off;
    }

    /**
     * Step 3: scans grey objects until none is left or {@code budget} bytes were scanned. Every 64 objects
     * or {@link #POLL_SCAN_WORK} bytes of scan work calls {@code poll} (a preemption point: {@code gcw} is consistent there) and stops if it returns
     * false — a marker parked there may resume after its cycle ended, and must not drain the global list
     * of the next cycle (nor shade anything once the sweep has begun). Returns the bytes scanned.
     */
    long drain(GcWork gcw, long budget, java.util.function.BooleanSupplier poll) {
        long start = gcw.scanWork;
        long nextPoll = start + POLL_SCAN_WORK;
        int k = 0;
        while (gcw.scanWork - start < budget) {
            long b = gcw.tryGet();
            if (b == 0) {
                break;
            }
            scanobject(b, gcw);
            gcw.balance();
            if (poll != null && ((++k & 63) == 0 || gcw.scanWork >= nextPoll)) {
                nextPoll = gcw.scanWork + POLL_SCAN_WORK;
                if (!poll.getAsBoolean()) {
                    break;
                }
            }
        }
        return gcw.scanWork - start;
    }

    /**
     * drain polls after at most this much scan work, however few objects that is: a stop-the-world waits
     * for a marker only until its next poll, and 64 objects of 8 KiB pointer tables are 64 K pointers to
     * shade (milliseconds). Go's gcDrain checks preemption after every object.
     */
    static final long POLL_SCAN_WORK = 16 << 10;

    /** Step 4, stacks: with every goroutine stopped. Returns the number of root slots seen. */
    long markStacks(RootSet roots, GcWork gcw) {
        long[] n = {0};
        roots.scanStacks((slot, p) -> {
            n[0]++;
            shade(p, gcw);
        });
        return n[0];
    }

    /** Step 4, globals: one root job, concurrently with the mutator (stores into globals are barriered). */
    void markGlobals(RootSet roots, int job, GcWork gcw) {
        roots.scanGlobals(job, (slot, p) -> shade(p, gcw));
    }

    /** All roots at once, world stopped (gcstoptheworld mode). */
    void markroots(RootSet roots, GcWork gcw) {
        roots.scan((slot, p) -> shade(p, gcw));
    }

    /**
     * GODEBUG gcverify=1, after marking with the world stopped: no root and no marked object may point to
     * an unmarked object (otherwise the sweep would free a reachable object), and no marked slot is free.
     */
    void verify(RootSet roots) {
        roots.scan((slot, p) -> checkMarked(p, "root slot 0x" + Long.toHexString(slot)));
        heap.forEachInUseSpan(s -> {
            for (int i = 0; i < s.nelems(); i++) {
                if (!s.isMarked(i)) {
                    continue;
                }
                if (s.isFree(i)) {
                    throw new RuntimeFault("runtime: gcverify: marked object is free: 0x"
                            + Long.toHexString(s.objectBase(i)) + " in " + s + "\n", "gcverify failed");
                }
                if (s.noscan()) {
                    continue;
                }
                long b = s.objectBase(i);
                long n = s.sizeclass() == 0 ? s.limit() - s.base() : s.elemsize();
                for (long off = 0; off < n && heap.morePointers(b + off); off += 8) {
                    if (heap.isPointerWord(b + off)) {
                        checkMarked(space.getLong(b + off), "object 0x" + Long.toHexString(b) + "+" + off);
                    }
                }
            }
        });
    }

    private void checkMarked(long p, String where) {
        MSpan s = heap.spanOfHeap(p);
        if (s != null && !s.isMarked(s.objIndex(p))) {
            throw new RuntimeFault("runtime: gcverify: " + where + " points to unmarked object 0x"
                    + Long.toHexString(s.objectBase(s.objIndex(p))) + "\n", "gcverify failed");
        }
    }
}
