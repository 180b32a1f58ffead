// RtMutex: the runtime's own mutex. Mirrors lock_futex.go (lock/unlock with the states
// unlocked, locked, sleeping; a few active spins, one passive spin, then a futex sleep),
// with a queue of parked threads standing in for the futex.
//
// Why not java.util.concurrent.locks.ReentrantLock: it records its owner with
// Thread.currentThread(), and HotSpot may reuse a current-thread value in a goroutine's
// compiled frame after the goroutine moved to another M. Two goroutines could then both
// "own" the lock through reentrancy, or an unlock could throw IllegalMonitorStateException.
// Go's runtime mutex has no owner either: gopark's unlockf releases on the M a lock the
// goroutine took, exactly what this allows.
package glassgo.runtime.sched;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/** A non-reentrant mutual-exclusion lock without an owner (Go's runtime mutex). */
final class RtMutex {
    private static final int MUTEX_UNLOCKED = 0;
    private static final int MUTEX_LOCKED = 1;
    private static final int MUTEX_SLEEPING = 2;
    /** Go's active_spin and active_spin_cnt. */
    private static final int ACTIVE_SPIN = 4;
    private static final int ACTIVE_SPIN_CNT = 30;
    private static final boolean MULTICORE = Runtime.getRuntime().availableProcessors() > 1;

    private final AtomicInteger key = new AtomicInteger();
    private final ConcurrentLinkedQueue<Thread> sleepers = new ConcurrentLinkedQueue<>();

    void lock() {
        int v = key.getAndSet(MUTEX_LOCKED);
        if (v == MUTEX_UNLOCKED) {
            return;
        }
        // wait is MUTEX_LOCKED or MUTEX_SLEEPING: whatever we take the lock with must keep
        // telling unlock whether sleepers may exist.
        int wait = v;
        while (true) {
            for (int i = 0; MULTICORE && i < ACTIVE_SPIN; i++) {
                while (key.get() == MUTEX_UNLOCKED) {
                    if (key.compareAndSet(MUTEX_UNLOCKED, wait)) {
                        return;
                    }
                }
                for (int k = 0; k < ACTIVE_SPIN_CNT; k++) {
                    Thread.onSpinWait();
                }
            }
            while (key.get() == MUTEX_UNLOCKED) {
                if (key.compareAndSet(MUTEX_UNLOCKED, wait)) {
                    return;
                }
            }
            Thread.yield();
            v = key.getAndSet(MUTEX_SLEEPING);
            if (v == MUTEX_UNLOCKED) {
                return;
            }
            wait = MUTEX_SLEEPING;
            futexsleep();
        }
    }

    /** Sleep while the key is MUTEX_SLEEPING (Go's futexsleep(key, mutex_sleeping)). */
    private void futexsleep() {
        Thread me = M.carrierThread();
        sleepers.add(me);
        while (key.get() == MUTEX_SLEEPING && sleepers.contains(me)) {
            LockSupport.park(this);
        }
        sleepers.remove(me);
    }

    void unlock() {
        int v = key.getAndSet(MUTEX_UNLOCKED);
        if (v == MUTEX_UNLOCKED) {
            throw new FatalError("unlock of unlocked lock");
        }
        if (v == MUTEX_SLEEPING) {
            Thread t = sleepers.poll();
            if (t != null) {
                LockSupport.unpark(t);
            }
        }
    }
}
