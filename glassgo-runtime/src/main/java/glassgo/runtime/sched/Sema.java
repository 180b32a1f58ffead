// Sema: a counting semaphore for goroutines. Mirrors sema.go's semacquire1/semrelease1
// (the basis of sync.Mutex, RWMutex and WaitGroup): a fast path on the count, then a
// wait queue under a lock with a waiter count, parking with reason "semacquire". Go keys
// its semaphores by address in a 251-root treap; this one carries its own count and queue
// (the address-keyed table belongs to runtime.sema when Go code needs it).
package glassgo.runtime.sched;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A goroutine semaphore: {@link #acquire()} parks while the count is 0; {@link #release()}
 * increments it and readies the first waiter. A release before the acquire is not lost
 * (sleep/wakeup pairs, as in Plan 9 and Go).
 */
public final class Sema {
    private final AtomicInteger count;
    private final AtomicInteger nwait = new AtomicInteger();
    private final RtMutex lock = new RtMutex();
    private final Sudog.WaitQ waiters = new Sudog.WaitQ();
    /** goparkunlock's unlockf: release the queue lock once the G is parked. */
    private final Predicate<G> unlock = gp -> {
        lock.unlock();
        return true;
    };

    public Sema(int initial) {
        if (initial < 0) {
            throw new IllegalArgumentException("semaphore count must be >= 0, got " + initial);
        }
        count = new AtomicInteger(initial);
    }

    /** Go's semacquire: FIFO waiting. */
    public void acquire() {
        semacquire1(false);
    }

    /** Go's semrelease without hand-off. */
    public void release() {
        semrelease1(false);
    }

    /** The current count (for tests and dumps). */
    public int count() {
        return count.get();
    }

    private boolean cansemacquire() {
        while (true) {
            int v = count.get();
            if (v == 0) {
                return false;
            }
            if (count.compareAndSet(v, v - 1)) {
                return true;
            }
        }
    }

    /**
     * Go's semacquire1. {@code lifo}: a waiter that already waited once requeues at the
     * front (sync.Mutex's woken-but-lost waiter).
     */
    void semacquire1(boolean lifo) {
        G gp = GoRuntime.getg();
        if (gp == null) {
            throw new IllegalStateException("semacquire: must be called from a goroutine");
        }
        if (cansemacquire()) {
            return;
        }
        Sudog s = Sudog.acquire(gp);
        while (true) {
            lock.lock();
            // Add ourselves to nwait to disable the release fast path, then re-check.
            nwait.incrementAndGet();
            if (cansemacquire()) {
                nwait.decrementAndGet();
                lock.unlock();
                return;
            }
            s.ticket = 0;
            if (lifo) {
                waiters.enqueueFront(s);
            } else {
                waiters.enqueue(s);
            }
            GoRuntime.gopark(gp, unlock, WaitReason.waitReasonSemacquire);
            if (s.ticket != 0 || cansemacquire()) {
                return;
            }
        }
    }

    /**
     * Go's semrelease1. With {@code handoff} the count goes straight to the first waiter
     * (ticket = 1); Go then also yields so the waiter runs at once (goyield), which
     * glassgo does not do yet.
     */
    void semrelease1(boolean handoff) {
        count.incrementAndGet();
        if (nwait.get() == 0) {
            return;
        }
        Sudog s;
        lock.lock();
        try {
            if (nwait.get() == 0) {
                return;
            }
            s = waiters.dequeue();
            if (s != null) {
                nwait.decrementAndGet();
            }
        } finally {
            lock.unlock();
        }
        if (s != null) {
            if (handoff && cansemacquire()) {
                s.ticket = 1;
            }
            GoRuntime.goready(s.g);
        }
    }
}
