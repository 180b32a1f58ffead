// WbBuf: a P's write-barrier buffer. Mirrors runtime/mwbbuf.go (wbBuf, putFast, wbBufFlush1).
package glassgo.runtime.gc.classic;

/**
 * The barrier's fast path only records pointers; shading them (find the object, set its mark bit, queue
 * it) happens in a batch when the buffer fills or the collector flushes every P at mark termination.
 * Owned by one P: a goroutine cannot change P inside the barrier, which has no safepoint.
 */
final class WbBuf {
    /** Go's wbBufEntries is 256 (each entry is an old/new pair there; here one pointer per slot). */
    static final int ENTRIES = 512;

    private final long[] buf = new long[ENTRIES];
    private int n;

    /** Records two pointers; returns true when the buffer is full and must be flushed. */
    boolean putFast(long oldPtr, long newPtr) {
        buf[n] = oldPtr;
        buf[n + 1] = newPtr;
        n += 2;
        return n == ENTRIES;
    }

    /** wbBufFlush1: shades every recorded pointer into {@code mark}'s buffer, then empties. */
    void flush(Mark mark, GcWork gcw) {
        for (int i = 0; i < n; i++) {
            long p = buf[i];
            if (p != 0) {
                mark.shade(p, gcw);
            }
        }
        n = 0;
    }

    boolean isEmpty() {
        return n == 0;
    }
}
