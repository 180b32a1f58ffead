// Fastrand: the runtime's cheap random numbers for hash seeds, iteration starts and select order.
// Mirrors stubs.go's fastrand (per-M wyrand state) with one process-wide atomic state, since sched keeps
// its per-M generator private.
package glassgo.runtime.maps;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A splitmix64 sequence over one atomic counter: each call is one atomic add and a few multiplies,
 * safe from any goroutine on any M. Seeded from the clock, so orders differ between runs as in Go
 * (deterministic replay would seed it from the scheduler's seed; see {@link #seed}).
 */
public final class Fastrand {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    private static final AtomicLong STATE = new AtomicLong(System.nanoTime() * GOLDEN);

    private Fastrand() {
    }

    /** Restarts the sequence (tests and a future deterministic mode). */
    public static void seed(long seed) {
        STATE.set(seed);
    }

    /** 64 random bits. */
    public static long next64() {
        long z = STATE.addAndGet(GOLDEN);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Go's fastrand(): 32 random bits. */
    public static int next() {
        return (int) (next64() >>> 32);
    }

    /** Go's fastrandn(n): uniform in [0, n) by multiply-shift, for n ≤ 2^31. */
    public static int nextN(int n) {
        return (int) (((next() & 0xFFFFFFFFL) * n) >>> 32);
    }
}
