// Sudog: one goroutine waiting on one channel, with the address of the value it sends or the slot it
// receives into. Mirrors runtime2.go's sudog (g, elem, c, isSelect, success, waitlink) and chan.go's
// doubly linked waitq (enqueue, dequeue skipping select losers, dequeueSudoG).
package glassgo.runtime.chan;

import glassgo.runtime.sched.G;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A waiting goroutine as a channel's queue sees it. A goroutine blocked in a plain send or receive has one
 * sudog; one blocked in {@code select} has one per case, all sharing a {@link Waiter}, whose
 * {@code selectDone} flag lets exactly one channel win the goroutine (Go keeps that flag and
 * {@code param} on the G; glassgo's G belongs to the sched package, so they travel here).
 */
final class Sudog {
    /** What Go keeps on the G for a blocked channel operation: who woke it, and whether a select was won. */
    static final class Waiter {
        final G g;
        /** The sudog whose operation completed (Go's gp.param); null after a wake-up by nothing. */
        volatile Sudog param;
        /** Set by the first channel that claims a selecting goroutine (Go's g.selectDone). */
        final AtomicBoolean selectDone = new AtomicBoolean();

        Waiter(G g) {
            this.g = g;
        }
    }

    final Waiter waiter;
    /** The channel (hchan address) this sudog is queued on. */
    final long c;
    /** Address of the value to send or of the receiver's slot (0: the value is discarded). */
    long elem;
    final boolean isSelect;
    /** True in a sendq (the goroutine sends), false in a recvq. */
    final boolean send;
    /** True when a completed operation woke the goroutine, false when close did (Go's success). */
    volatile boolean success;
    /** The next sudog of the same select, in lock order (Go's waitlink). */
    Sudog waitlink;
    Sudog next;
    Sudog prev;

    Sudog(Waiter waiter, long c, long elem, boolean isSelect, boolean send) {
        this.waiter = waiter;
        this.c = c;
        this.elem = elem;
        this.isSelect = isSelect;
        this.send = send;
    }

    G g() {
        return waiter.g;
    }

    /** A FIFO of sudogs (Go's waitq); guarded by the channel's lock. */
    static final class WaitQ {
        private Sudog first;
        private Sudog last;
        private int size;

        boolean isEmpty() {
            return first == null;
        }

        /** The number of queued sudogs, select losers not yet removed included. */
        int size() {
            return size;
        }

        void enqueue(Sudog s) {
            s.next = null;
            s.prev = last;
            if (last == null) {
                first = s;
            } else {
                last.next = s;
            }
            last = s;
            size++;
        }

        /**
         * The first waiter that can still be woken. A select whose goroutine another channel already
         * claimed stays queued until that goroutine relocks its channels and removes it; it is skipped here.
         */
        Sudog dequeue() {
            while (true) {
                Sudog s = first;
                if (s == null) {
                    return null;
                }
                first = s.next;
                if (first == null) {
                    last = null;
                } else {
                    first.prev = null;
                }
                s.next = null;
                s.prev = null;
                size--;
                if (s.isSelect && !s.waiter.selectDone.compareAndSet(false, true)) {
                    continue;
                }
                return s;
            }
        }

        /** Removes s if it is still queued (a select's losing cases). */
        void remove(Sudog s) {
            if (s.prev != null) {
                s.prev.next = s.next;
            } else if (first == s) {
                first = s.next;
            } else {
                return;                         // already dequeued
            }
            if (s.next != null) {
                s.next.prev = s.prev;
            } else {
                last = s.prev;
            }
            s.next = null;
            s.prev = null;
            size--;
        }
    }
}
