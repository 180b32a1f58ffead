// Note: a one-shot sleep/wakeup event. Mirrors lock_futex.go's note
// (notesleep/notetsleep/notewakeup/noteclear), with LockSupport park/unpark in place
// of the futex. Ms park on their own note (m.park); stop-the-world waits on sched.stopnote.
package glassgo.runtime.sched;

import java.util.concurrent.locks.LockSupport;

/**
 * A one-shot event: {@link #wakeup()} sets it, {@link #sleep()} waits until it is set,
 * {@link #clear()} re-arms it. Exactly one thread sleeps on a note at a time, as in Go.
 * A wakeup before the sleep is not lost.
 */
final class Note {
    private volatile boolean key;
    private volatile Thread sleeper;

    /** Go's notewakeup: set the note and unpark its sleeper. Idempotent. */
    void wakeup() {
        key = true;
        Thread t = sleeper;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }

    /** Go's notesleep: block until woken. Both sides write then read volatiles, so one sees the other. */
    void sleep() {
        if (key) {
            return;
        }
        sleeper = M.carrierThread();
        while (!key) {
            LockSupport.park(this);
        }
        sleeper = null;
    }

    /** Go's notetsleep: block until woken or {@code ns} elapse; true if woken. */
    boolean tsleep(long ns) {
        if (key) {
            return true;
        }
        long deadline = System.nanoTime() + ns;
        sleeper = M.carrierThread();
        while (!key) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            LockSupport.parkNanos(this, left);
        }
        sleeper = null;
        return key;
    }

    /** Go's noteclear: re-arm. Only the sleeper clears, after it woke. */
    void clear() {
        key = false;
    }

    boolean isSet() {
        return key;
    }
}
