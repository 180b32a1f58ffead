// Hchan: a Go channel's header in native memory, its lock, and its wait queues. Mirrors chan.go's
// hchan (qcount, dataqsiz, buf, elemsize, closed, elemtype, sendx, recvx, recvq, sendq, lock), makechan
// and chanbuf.
package glassgo.runtime.chan;

import glassgo.runtime.malloc.GoType;
import glassgo.runtime.mutator.GoPanic;
import glassgo.runtime.maps.TypedMem;
import glassgo.runtime.mutator.Frame;
import glassgo.runtime.mutator.Goroutine;
import glassgo.runtime.mutator.Mutator;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A channel value is the address of its hchan (nil channel: 0). Layout:
 * <pre>
 *   qcount   uint    0   elements in the buffer
 *   dataqsiz uint    8   buffer capacity (0: unbuffered)
 *   buf      *elem   16  the ring of dataqsiz elements
 *   elemsize uint16  24
 *   closed   uint32  28
 *   elemtype         32  the element type (an index into this class's type table)
 *   sendx    uint    40  next slot to send into
 *   recvx    uint    48  next slot to receive from
 *   lock     uint32  56  the channel's spin lock
 *   nrecvq   uint32  60  (glassgo) sudogs in recvq, readable without the lock
 *   nsendq   uint32  64  (glassgo) sudogs in sendq
 *   qid      uint32  68  (glassgo) the handle of the channel's wait queues while it has waiters (0: none)
 * </pre>
 * As in Go, when the element type has no pointers the buffer follows the header in one noscan object
 * (so the collector never scans it); otherwise the header is one object and the buffer a separate array
 * of elements the collector scans. Go's recvq and sendq hold sudogs, which reference Gs; glassgo's Gs are
 * Java objects, so the queues are Java objects too, found through a handle the hchan holds while someone
 * waits (the hchan counts its receivers so the common paths need no lookup) and dropped when both are empty.
 * The handle replaced a map keyed by channel address, whose shared size counter and node allocation were
 * most of a park/unpark ping-pong between two Ps.
 *
 * <p>The lock is a spin lock on the lock word: critical sections are a few loads and stores, and a
 * goroutine never parks holding it — gopark's unlockf releases it once the goroutine is off its stack.
 */
final class Hchan {
    static final long QCOUNT = 0;
    static final long DATAQSIZ = 8;
    static final long BUF = 16;
    static final long ELEMSIZE = 24;
    static final long CLOSED = 28;
    static final long ELEMTYPE = 32;
    static final long SENDX = 40;
    static final long RECVX = 48;
    static final long LOCK = 56;
    static final long NRECVQ = 60;
    static final long NSENDQ = 64;
    static final long QID = 68;
    static final long SIZE = 72;
    /** hchan with a separate, scanned buffer: only buf is a pointer. */
    static final GoType TYPE = GoType.withPointers("hchan", SIZE, 2);
    /** Go's maxAlloc on amd64. */
    private static final long MAX_ALLOC = 1L << 48;

    private static final MemorySegment ALL = MemorySegment.NULL.reinterpret(Long.MAX_VALUE);
    private static final VarHandle INT = ValueLayout.JAVA_INT.varHandle();

    /** Element types by index (the hchan's elemtype word); a channel type's element type is registered once. */
    private static volatile GoType[] types = new GoType[0];
    private static final Map<GoType, Integer> TYPE_IDS = new HashMap<>();
    /**
     * The wait queues of channels that have waiters, by handle (index 0 unused). Written under QLOCK; read
     * without it by a channel's lock holder, after the hchan's qid word, which is published after the entry.
     */
    private static volatile Queues[] qtable = new Queues[64];
    /** Free handles, a stack. */
    private static int[] qfree = new int[64];
    private static int nfree;
    private static int qnext = 1;
    private static final Object QLOCK = new Object();

    /** A channel's recvq and sendq. */
    static final class Queues {
        final Sudog.WaitQ recvq = new Sudog.WaitQ();
        final Sudog.WaitQ sendq = new Sudog.WaitQ();
        int id;
    }

    /** A handle for fresh queues; the caller holds the channel's lock and stores it in the hchan. */
    private static Queues newQueues() {
        synchronized (QLOCK) {
            int id = nfree > 0 ? qfree[--nfree] : qnext++;
            if (id >= qtable.length) {
                qtable = java.util.Arrays.copyOf(qtable, qtable.length * 2);
            }
            Queues q = new Queues();
            q.id = id;
            qtable[id] = q;
            return q;
        }
    }

    private static void freeQueues(Queues q) {
        synchronized (QLOCK) {
            qtable[q.id] = null;
            if (nfree == qfree.length) {
                qfree = java.util.Arrays.copyOf(qfree, nfree * 2);
            }
            qfree[nfree++] = q.id;
        }
    }

    /** The channel's queues, or null when nobody waits on it (channel lock held). */
    private static Queues queuesOf(long c) {
        int id = (int) INT.getVolatile(ALL, c + QID);
        if (id == 0) {
            return null;
        }
        return qtable[id];
    }

    private Hchan() {
    }

    /**
     * {@code make(chan T, size)}: panics "makechan: size out of range" for a negative size or a buffer
     * larger than memory.
     */
    static long makechan(Goroutine g, GoType elem, long size) {
        if (elem.size() >= 1 << 16) {
            throw new IllegalArgumentException("makechan: invalid channel element type " + elem);
        }
        long mem = elem.size() * size;
        if (size < 0 || (elem.size() != 0 && (Math.multiplyHigh(elem.size(), size) != 0 || mem / elem.size() != size))
                || mem > MAX_ALLOC - SIZE) {
            throw GoPanic.plainError("makechan: size out of range");
        }
        Mutator mu = g.mutator();
        long c;
        if (!elem.noscan() && mem != 0) {
            try (Frame f = g.frame(1)) {
                c = mu.alloc(TYPE);
                f.set(0, c);                      // live across the buffer's allocation
                TypedMem.storePointer(mu, c + BUF, mu.allocArray(elem, size));
            }
        } else if (mem == 0) {
            // Unbuffered or zero-size elements: buf only marks a position (Go points it at the hchan).
            c = mu.allocBytes(SIZE);
            TypedMem.putLong(c + BUF, c);
        } else {
            c = mu.allocBytes(SIZE + mem);
            TypedMem.putLong(c + BUF, c + SIZE);
        }
        // the qid word starts at 0 (fresh memory is zeroed): queues of a dead channel that leaked goroutines
        // waited on forever stay with those goroutines, not with whatever reuses its address
        TypedMem.putShort(c + ELEMSIZE, (short) elem.size());
        TypedMem.putLong(c + ELEMTYPE, typeId(elem));
        TypedMem.putLong(c + DATAQSIZ, size);
        return c;
    }

    private static synchronized int typeId(GoType t) {
        Integer id = TYPE_IDS.get(t);
        if (id == null) {
            id = types.length;
            GoType[] grown = java.util.Arrays.copyOf(types, id + 1);
            grown[id] = t;
            types = grown;                        // copy on write: readers take no lock
            TYPE_IDS.put(t, id);
        }
        return id;
    }

    static GoType elemtype(long c) {
        return types[(int) TypedMem.getLong(c + ELEMTYPE)];
    }

    static long qcount(long c) {
        return TypedMem.getLong(c + QCOUNT);
    }

    static void setQcount(long c, long n) {
        TypedMem.putLong(c + QCOUNT, n);
    }

    static long dataqsiz(long c) {
        return TypedMem.getLong(c + DATAQSIZ);
    }

    static boolean closed(long c) {
        return (int) INT.getVolatile(ALL, c + CLOSED) != 0;
    }

    static void setClosed(long c) {
        INT.setVolatile(ALL, c + CLOSED, 1);
    }

    static long elemsize(long c) {
        return TypedMem.getShort(c + ELEMSIZE) & 0xFFFF;
    }

    /** The address of buffer slot i (Go's chanbuf). */
    static long chanbuf(long c, long i) {
        return TypedMem.getLong(c + BUF) + i * elemsize(c);
    }

    /** Advances sendx or recvx (at {@code off}) around the ring; returns the old value. */
    static long bump(long c, long off) {
        long x = TypedMem.getLong(c + off);
        long nx = x + 1 == dataqsiz(c) ? 0 : x + 1;
        TypedMem.putLong(c + off, nx);
        return x;
    }

    /** A send would block: no receiver waiting (unbuffered) or the buffer full. Read without the lock. */
    static boolean full(long c) {
        long size = dataqsiz(c);
        if (size == 0) {
            return (int) INT.getVolatile(ALL, c + NRECVQ) == 0;
        }
        return qcount(c) == size;
    }

    /** A receive would block: nothing buffered and, unbuffered, no sender waiting. Read without the lock. */
    static boolean empty(long c) {
        if (dataqsiz(c) == 0) {
            return (int) INT.getVolatile(ALL, c + NSENDQ) == 0;
        }
        return qcount(c) == 0;
    }

    // --- the lock -------------------------------------------------------------------------------------

    static void lock(long c) {
        int spins = 0;
        while (!INT.compareAndSet(ALL, c + LOCK, 0, 1)) {
            if (++spins < 100) {
                Thread.onSpinWait();
            } else {
                Thread.yield();                 // the holder's thread may have been descheduled
            }
        }
    }

    static void unlock(long c) {
        if (!INT.compareAndSet(ALL, c + LOCK, 1, 0)) {
            throw new IllegalStateException("chan: unlock of unlocked channel 0x" + Long.toHexString(c));
        }
    }

    // --- wait queues (lock held) ----------------------------------------------------------------------

    private static Queues queues(long c) {
        Queues q = queuesOf(c);
        if (q == null) {
            q = newQueues();
            INT.setVolatile(ALL, c + QID, q.id);
        }
        return q;
    }

    static void enqueueRecv(Sudog s) {
        Queues q = queues(s.c);
        q.recvq.enqueue(s);
        publishSizes(s.c, q);
    }

    static void enqueueSend(Sudog s) {
        Queues q = queues(s.c);
        q.sendq.enqueue(s);
        publishSizes(s.c, q);
    }

    /** The first receiver that can be woken, or null. */
    static Sudog dequeueRecv(long c) {
        if ((int) INT.getVolatile(ALL, c + NRECVQ) == 0) {
            return null;
        }
        Queues q = queuesOf(c);
        Sudog s = q.recvq.dequeue();
        publishSizes(c, q);
        return s;
    }

    /** The first sender that can be woken, or null. */
    static Sudog dequeueSend(long c) {
        if ((int) INT.getVolatile(ALL, c + NSENDQ) == 0) {
            return null;
        }
        Queues q = queuesOf(c);
        Sudog s = q.sendq.dequeue();
        publishSizes(c, q);
        return s;
    }

    /** Removes a select's sudog that did not fire from its queue (Go's dequeueSudoG). */
    static void remove(Sudog s, boolean send) {
        Queues q = queuesOf(s.c);
        if (q != null) {
            (send ? q.sendq : q.recvq).remove(s);
            publishSizes(s.c, q);
        }
    }

    /** Mirrors the queue lengths into the hchan and forgets the queues once both are empty. */
    private static void publishSizes(long c, Queues q) {
        INT.setVolatile(ALL, c + NRECVQ, q.recvq.size());
        INT.setVolatile(ALL, c + NSENDQ, q.sendq.size());
        if (q.recvq.isEmpty() && q.sendq.isEmpty()) {
            INT.setVolatile(ALL, c + QID, 0);
            freeQueues(q);
        }
    }

    /** Every waiter of a closing channel, receivers first; the queues are emptied. */
    static List<Sudog> drainAll(long c) {
        List<Sudog> out = new ArrayList<>();
        Queues q = queuesOf(c);
        if (q == null) {
            return out;
        }
        for (Sudog s; (s = q.recvq.dequeue()) != null; ) {
            out.add(s);
        }
        for (Sudog s; (s = q.sendq.dequeue()) != null; ) {
            out.add(s);
        }
        publishSizes(c, q);
        return out;
    }
}
