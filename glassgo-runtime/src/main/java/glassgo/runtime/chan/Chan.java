// Chan: the channel operations compiled Go code calls: make, send, receive (with ok), close, len, cap
// and the non-blocking forms a two-case select compiles to. Mirrors runtime/chan.go (makechan, chansend,
// chanrecv, send, recv, closechan, selectnbsend, selectnbrecv).
package glassgo.runtime.chan;

import glassgo.runtime.malloc.GoType;
import glassgo.runtime.mutator.GoPanic;
import glassgo.runtime.maps.TypedMem;
import glassgo.runtime.mutator.Goroutine;
import glassgo.runtime.mutator.Mutator;
import glassgo.runtime.sched.G;
import glassgo.runtime.sched.GoRuntime;
import glassgo.runtime.sched.WaitReason;

import java.util.List;

/**
 * Go's channel algorithm. A send, in steps (a receive is symmetric):
 * <ol>
 *   <li>nil channel: block forever ({@code chan send (nil chan)}); a non-blocking send just fails;</li>
 *   <li>lock the channel; closed → unlock and panic "send on closed channel";</li>
 *   <li>a receiver is waiting: copy the value straight into its slot (even on its stack), ready it;</li>
 *   <li>room in the buffer: copy the value to {@code buf[sendx]}, advance sendx;</li>
 *   <li>otherwise queue a sudog with the value's address and park ({@code chan send}); the lock is
 *       released only once the goroutine is parked. Whoever completes the operation copies the value and
 *       readies it; a close readies it with {@code success = false}, and it panics.</li>
 * </ol>
 * A receiver that finds a full buffer and a waiting sender takes the head of the buffer and moves the
 * sender's value to the tail, so values keep FIFO order.
 *
 * <h2>Calling convention</h2>
 * A channel is its hchan's address (nil: 0). Entry points take the running {@link Goroutine}, the channel,
 * and an element address: for a send, where the value is read from; for a receive, where it is written
 * (0 to discard, as {@code <-c} does). The caller owns that memory and keeps the channel and the element
 * rooted while the call may block (compiled code: its frame). Element values are copied with
 * {@link TypedMem#typedmemmove}, so pointer elements pass through the write barrier. Panics are
 * {@link GoPanic#plainError} panics with Go's text.
 */
public final class Chan {
    /** {@link #selectnbrecv}'s answer: bit 0 = a case was taken, bit 1 = a value was received. */
    public static final int SELECTED = 1;
    public static final int RECEIVED = 2;

    private Chan() {
    }

    /** {@code make(chan T, size)}. */
    public static long makechan(Goroutine g, GoType elem, long size) {
        return Hchan.makechan(g, elem, size);
    }

    /** {@code len(c)}. */
    public static long chanlen(long c) {
        return c == 0 ? 0 : Hchan.qcount(c);
    }

    /** {@code cap(c)}. */
    public static long chancap(long c) {
        return c == 0 ? 0 : Hchan.dataqsiz(c);
    }

    /** {@code c <- *elem}. */
    public static void chansend1(Goroutine g, long c, long elem) {
        chansend(g, c, elem, true);
    }

    /** {@code select { case c <- *elem: return true; default: return false }}. */
    public static boolean selectnbsend(Goroutine g, long c, long elem) {
        return chansend(g, c, elem, false);
    }

    /** {@code *elem = <-c} (elem 0: {@code <-c}). */
    public static void chanrecv1(Goroutine g, long c, long elem) {
        chanrecv(g, c, elem, true);
    }

    /** {@code *elem, ok = <-c}: returns ok (false: closed and drained, *elem zeroed). */
    public static boolean chanrecv2(Goroutine g, long c, long elem) {
        return (chanrecv(g, c, elem, true) & RECEIVED) != 0;
    }

    /** {@code select { case *elem, ok = <-c: ...; default: ... }}: {@link #SELECTED} | {@link #RECEIVED} bits. */
    public static int selectnbrecv(Goroutine g, long c, long elem) {
        return chanrecv(g, c, elem, false);
    }

    static boolean chansend(Goroutine g, long c, long ep, boolean block) {
        if (c == 0) {
            if (!block) {
                return false;
            }
            GoRuntime.gopark(g.g(), null, WaitReason.waitReasonChanSendNilChan);
            throw new IllegalStateException("chan: a goroutine blocked on a nil channel was woken");
        }
        // Fast path for a failing non-blocking send, without the lock: not closed and no room. Go reads
        // closed first, then full; a close in between is a send that failed before it.
        if (!block && !Hchan.closed(c) && Hchan.full(c)) {
            return false;
        }
        Hchan.lock(c);
        if (Hchan.closed(c)) {
            Hchan.unlock(c);
            throw GoPanic.plainError("send on closed channel");
        }
        Sudog r = Hchan.dequeueRecv(c);
        if (r != null) {
            send(g, c, r, ep, () -> Hchan.unlock(c));
            return true;
        }
        if (Hchan.qcount(c) < Hchan.dataqsiz(c)) {
            long slot = Hchan.chanbuf(c, Hchan.bump(c, Hchan.SENDX));
            TypedMem.typedmemmove(g.mutator(), Hchan.elemtype(c), slot, ep);
            Hchan.setQcount(c, Hchan.qcount(c) + 1);
            Hchan.unlock(c);
            return true;
        }
        if (!block) {
            Hchan.unlock(c);
            return false;
        }
        Sudog me = new Sudog(new Sudog.Waiter(g.g()), c, ep, false, true);
        Hchan.enqueueSend(me);
        GoRuntime.gopark(g.g(), gp -> {
            Hchan.unlock(c);
            return true;
        }, WaitReason.waitReasonChanSend);
        if (!me.success) {
            if (!Hchan.closed(c)) {
                throw new IllegalStateException("chansend: spurious wakeup");
            }
            throw GoPanic.plainError("send on closed channel");
        }
        return true;
    }

    /**
     * Completes a send to receiver r, which a send found waiting: copy into its slot, release the lock(s)
     * with {@code unlock}, ready it. Go's send().
     */
    static void send(Goroutine g, long c, Sudog r, long ep, Runnable unlock) {
        if (r.elem != 0) {
            TypedMem.typedmemmove(g.mutator(), Hchan.elemtype(c), r.elem, ep);
            r.elem = 0;
        }
        G gp = r.g();
        unlock.run();
        r.waiter.param = r;
        r.success = true;
        GoRuntime.goready(g.g(), gp);
    }

    static int chanrecv(Goroutine g, long c, long ep, boolean block) {
        Mutator mu = g.mutator();
        if (c == 0) {
            if (!block) {
                return 0;
            }
            GoRuntime.gopark(g.g(), null, WaitReason.waitReasonChanReceiveNilChan);
            throw new IllegalStateException("chan: a goroutine blocked on a nil channel was woken");
        }
        if (!block && Hchan.empty(c)) {
            // Nothing to receive and not closed: fail without the lock. Closed and still empty: zero value.
            if (!Hchan.closed(c)) {
                return 0;
            }
            if (Hchan.empty(c)) {
                if (ep != 0) {
                    TypedMem.typedmemclr(mu, Hchan.elemtype(c), ep);
                }
                return SELECTED;
            }
        }
        Hchan.lock(c);
        if (Hchan.closed(c)) {
            if (Hchan.qcount(c) == 0) {
                Hchan.unlock(c);
                if (ep != 0) {
                    TypedMem.typedmemclr(mu, Hchan.elemtype(c), ep);
                }
                return SELECTED;
            }
        } else {
            Sudog s = Hchan.dequeueSend(c);
            if (s != null) {
                recv(g, c, s, ep, () -> Hchan.unlock(c));
                return SELECTED | RECEIVED;
            }
        }
        if (Hchan.qcount(c) > 0) {
            long slot = Hchan.chanbuf(c, Hchan.bump(c, Hchan.RECVX));
            GoType t = Hchan.elemtype(c);
            if (ep != 0) {
                TypedMem.typedmemmove(mu, t, ep, slot);
            }
            TypedMem.typedmemclr(mu, t, slot);
            Hchan.setQcount(c, Hchan.qcount(c) - 1);
            Hchan.unlock(c);
            return SELECTED | RECEIVED;
        }
        if (!block) {
            Hchan.unlock(c);
            return 0;
        }
        Sudog me = new Sudog(new Sudog.Waiter(g.g()), c, ep, false, false);
        Hchan.enqueueRecv(me);
        GoRuntime.gopark(g.g(), gp -> {
            Hchan.unlock(c);
            return true;
        }, WaitReason.waitReasonChanReceive);
        return me.success ? SELECTED | RECEIVED : SELECTED;
    }

    /**
     * Completes a receive from sender s, which a receive found waiting. Unbuffered: copy straight from the
     * sender. Buffered (so the buffer is full): take the head for the receiver and put the sender's value
     * at the tail, the same slot since the ring is full. Go's recv().
     */
    static void recv(Goroutine g, long c, Sudog s, long ep, Runnable unlock) {
        Mutator mu = g.mutator();
        GoType t = Hchan.elemtype(c);
        if (Hchan.dataqsiz(c) == 0) {
            if (ep != 0) {
                TypedMem.typedmemmove(mu, t, ep, s.elem);
            }
        } else {
            long slot = Hchan.chanbuf(c, Hchan.bump(c, Hchan.RECVX));
            if (ep != 0) {
                TypedMem.typedmemmove(mu, t, ep, slot);
            }
            TypedMem.typedmemmove(mu, t, slot, s.elem);
            TypedMem.putLong(c + Hchan.SENDX, TypedMem.getLong(c + Hchan.RECVX));
        }
        s.elem = 0;
        G gp = s.g();
        unlock.run();
        s.waiter.param = s;
        s.success = true;
        GoRuntime.goready(g.g(), gp);
    }

    /**
     * {@code close(c)}: panics "close of nil channel" or "close of closed channel"; otherwise readies every
     * waiter — receivers get the zero value and ok = false, senders panic "send on closed channel".
     */
    public static void closechan(Goroutine g, long c) {
        if (c == 0) {
            throw GoPanic.plainError("close of nil channel");
        }
        Hchan.lock(c);
        if (Hchan.closed(c)) {
            Hchan.unlock(c);
            throw GoPanic.plainError("close of closed channel");
        }
        Hchan.setClosed(c);
        List<Sudog> waiters = Hchan.drainAll(c);
        for (Sudog s : waiters) {
            if (s.elem != 0 && !s.send) {
                TypedMem.typedmemclr(g.mutator(), Hchan.elemtype(c), s.elem);
            }
            s.elem = 0;
            s.waiter.param = s;
            s.success = false;
        }
        Hchan.unlock(c);
        for (Sudog s : waiters) {
            GoRuntime.goready(g.g(), s.g());
        }
    }
}
