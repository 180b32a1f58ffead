// PMask: one atomic bit per P. Mirrors proc.go's pMask, used for idlepMask (P is on the
// idle list: nothing to steal) and timerpMask (P may have timers), which let
// findRunnable's stealing and its final re-checks skip Ps cheaply without sched.lock.
package glassgo.runtime.sched;

import java.util.concurrent.atomic.AtomicLongArray;

/** A fixed-size atomic bitmap indexed by P id (Go's pMask). */
final class PMask {
    private final AtomicLongArray words;

    PMask(int nprocs) {
        words = new AtomicLongArray((nprocs + 63) / 64);
    }

    boolean read(int id) {
        return (words.get(id >>> 6) & (1L << (id & 63))) != 0;
    }

    void set(int id) {
        long bit = 1L << (id & 63);
        int w = id >>> 6;
        long old;
        do {
            old = words.get(w);
        } while ((old & bit) == 0 && !words.compareAndSet(w, old, old | bit));
    }

    void clear(int id) {
        long bit = 1L << (id & 63);
        int w = id >>> 6;
        long old;
        do {
            old = words.get(w);
        } while ((old & bit) != 0 && !words.compareAndSet(w, old, old & ~bit));
    }
}
