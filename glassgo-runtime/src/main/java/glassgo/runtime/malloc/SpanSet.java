// SpanSet: a set of spans with push and pop. Mirrors runtime/mspanset.go's spanSet.
package glassgo.runtime.malloc;

import java.util.ArrayDeque;

/**
 * Go's spanSet is a lock-free structure (a growable spine of 512-entry blocks, head and tail packed in one
 * 64-bit word). glassgo uses a deque under a monitor: the set is touched only on refills and sweeps, never
 * on the per-object fast path, so the lock is uncontended in practice. Order (FIFO here) is not part of
 * the contract, as in Go.
 */
final class SpanSet {
    private final ArrayDeque<MSpan> spans = new ArrayDeque<>();

    synchronized void push(MSpan s) {
        spans.addLast(s);
    }

    /** A span, or null when the set is empty. */
    synchronized MSpan pop() {
        return spans.pollFirst();
    }

    synchronized int size() {
        return spans.size();
    }
}
