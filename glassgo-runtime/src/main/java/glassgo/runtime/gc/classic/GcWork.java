// GcWork: a producer/consumer view of grey objects: a private buffer plus the global list of full
// buffers. Mirrors runtime/mgcwork.go (gcWork, workbuf, work.full, putfull/trygetfull, dispose).
package glassgo.runtime.gc.classic;

import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * A grey object is one whose mark bit is set and that sits in some work buffer waiting to be scanned.
 * Each marker (a background worker goroutine, an assist, the barrier-buffer flush) owns one GcWork; only
 * its owner touches it. A full private buffer moves to the global list, from which any marker takes.
 * Go keeps two buffers per gcWork to avoid thrashing at a boundary; glassgo keeps one and moves whole
 * buffers, which is the same protocol with a smaller hysteresis.
 *
 * <p>The counters are the cycle's accounting: {@code bytesMarked} (heapMarked) and {@code scanWork}
 * (bytes scanned, the pacer's heapScanWork), summed into the collector on {@link #dispose}.
 */
final class GcWork {
    /** Go's workbuf holds (2048 − 24) / 8 = 253 pointers. */
    static final int WORKBUF_ENTRIES = 253;

    /** Go's work.full: buffers with work, shared by all markers. */
    static final class Global {
        final ConcurrentLinkedDeque<long[]> full = new ConcurrentLinkedDeque<>();
        /**
         * Go's work.empty: drained buffers (all zero) for reuse, so marking makes no Java garbage — a JVM
         * collection stops every thread, and one inside a stop-the-world pause lengthens it.
         */
        final ConcurrentLinkedDeque<long[]> empty = new ConcurrentLinkedDeque<>();

        long[] getempty() {
            long[] b = empty.poll();
            return b != null ? b : new long[WORKBUF_ENTRIES];
        }

        boolean empty() {
            return full.isEmpty();
        }
    }

    private final Global global;
    private long[] buf;
    private int n;
    long bytesMarked;
    long scanWork;

    GcWork(Global global) {
        this.global = global;
        this.buf = global.getempty();
    }

    void put(long obj) {
        if (n == buf.length) {
            global.full.push(buf);
            buf = global.getempty();
            n = 0;
        }
        buf[n++] = obj;
    }

    /** The next grey object, or 0 when neither this buffer nor the global list has one. */
    long tryGet() {
        if (n == 0) {
            long[] b = global.full.poll();
            if (b == null) {
                return 0;
            }
            global.empty.push(buf);                  // drained: every entry was zeroed as it was taken
            buf = b;
            n = count(b);
        }
        long obj = buf[--n];
        buf[n] = 0;
        return obj;
    }

    /** A full buffer has no zero entries; a partial one is zero-terminated from the top (see dispose). */
    private static int count(long[] b) {
        int k = b.length;
        while (k > 0 && b[k - 1] == 0) {
            k--;
        }
        return k;
    }

    boolean empty() {
        return n == 0;
    }

    /**
     * Go's gcWork.balance: when the global list is empty, hand half of the private buffer to it so other
     * markers (assists, the other worker) have something to take.
     */
    void balance() {
        if (n >= 4 && global.full.isEmpty()) {
            int half = n / 2;
            long[] b = global.getempty();
            System.arraycopy(buf, n - half, b, 0, half);
            java.util.Arrays.fill(buf, n - half, n, 0);
            n -= half;
            global.full.push(b);
        }
    }

    /** Moves the private buffer's objects to the global list (Go's dispose, minus the stats flush). */
    void dispose() {
        if (n > 0) {
            global.full.push(buf);                   // zero above n: count() finds n again
            buf = global.getempty();
            n = 0;
        }
    }
}
