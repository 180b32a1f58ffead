// Sudog: one goroutine waiting on one object, with the value it sends or receives.
// Mirrors runtime2.go's sudog and the FIFO waitq of chan.go (first/last); the semaphore
// and channel in this package queue Gs with it.
package glassgo.runtime.sched;

/** A waiting G in a wait queue (Go's sudog). */
final class Sudog {
    final G g;
    Sudog next;
    /** The value being sent, or the slot a receiver gets its value in (Go's elem). */
    Object elem;
    /** True if woken by a completed operation, false if by close (Go's success). */
    boolean success;
    /** Nonzero if a semaphore release handed its count directly to this waiter. */
    int ticket;

    Sudog(G g) {
        this.g = g;
    }

    /**
     * gp's sudog for its next wait, reset (Go's acquireSudog, which keeps a per-P cache so
     * that a park allocates nothing). A G waits in at most one queue at a time here (no
     * select), and a readier dequeues the sudog before it readies the G, so once gopark
     * returns the sudog is free again: one cached sudog per G is enough.
     */
    static Sudog acquire(G gp) {
        Sudog s = gp.sudogcache;
        if (s == null) {
            s = new Sudog(gp);
            gp.sudogcache = s;
        }
        s.next = null;
        s.elem = null;
        s.success = false;
        s.ticket = 0;
        return s;
    }

    /** Go's releaseSudog: drop the value so the cached sudog does not keep it alive. */
    void release() {
        elem = null;
    }

    /** A FIFO queue of sudogs (Go's waitq); guarded by its owner's lock. */
    static final class WaitQ {
        private Sudog first;
        private Sudog last;

        void enqueue(Sudog s) {
            s.next = null;
            if (last == null) {
                first = s;
            } else {
                last.next = s;
            }
            last = s;
        }

        /** Put s at the front (a LIFO semaphore waiter that was already woken once). */
        void enqueueFront(Sudog s) {
            s.next = first;
            first = s;
            if (last == null) {
                last = s;
            }
        }

        Sudog dequeue() {
            Sudog s = first;
            if (s != null) {
                first = s.next;
                if (first == null) {
                    last = null;
                }
                s.next = null;
            }
            return s;
        }
    }
}
