// GQueue and its LIFO sibling: intrusive lists of Gs linked through G.schedlink.
// Mirrors proc.go's gQueue (the global run queue, FIFO) and gList (free lists, LIFO).
// Neither synchronises: the owner's lock (sched.lock, the free-list locks) guards them.
package glassgo.runtime.sched;

/** A FIFO queue of Gs through {@code schedlink} (Go's gQueue), with a LIFO push for gList use. */
final class GQueue {
    private G head;
    private G tail;
    private int size;

    boolean empty() {
        return head == null;
    }

    int size() {
        return size;
    }

    /** Add gp at the front (Go's gQueue.push; a gList push). */
    void push(G gp) {
        gp.schedlink = head;
        head = gp;
        if (tail == null) {
            tail = gp;
        }
        size++;
    }

    /** Add gp at the back (Go's gQueue.pushBack). */
    void pushBack(G gp) {
        gp.schedlink = null;
        if (tail != null) {
            tail.schedlink = gp;
        } else {
            head = gp;
        }
        tail = gp;
        size++;
    }

    /** Remove and return the front G, or null (Go's gQueue.pop). */
    G pop() {
        G gp = head;
        if (gp != null) {
            head = gp.schedlink;
            if (head == null) {
                tail = null;
            }
            gp.schedlink = null;
            size--;
        }
        return gp;
    }
}
