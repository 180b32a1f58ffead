// Select: Go's select statement with any number of cases, default, and the uniformly random choice
// among ready cases. Mirrors runtime/select.go (selectgo, sellock/selunlock, selparkcommit, block).
package glassgo.runtime.chan;

import glassgo.runtime.maps.Fastrand;
import glassgo.runtime.mutator.GoPanic;
import glassgo.runtime.maps.TypedMem;
import glassgo.runtime.mutator.Goroutine;
import glassgo.runtime.sched.GoRuntime;
import glassgo.runtime.sched.WaitReason;

/**
 * {@code selectgo}, in Go's three passes:
 * <ol>
 *   <li><b>Order</b>: a random permutation of the non-nil cases (pollorder, a Fisher–Yates shuffle with
 *       fastrandn), so that when several are ready each is chosen with equal probability; and the cases
 *       sorted by channel address (lockorder), so that two selects on the same channels always lock them
 *       in the same order and cannot deadlock. Lock every channel in lockorder.</li>
 *   <li><b>Pass 1</b>: in pollorder, take the first case that can proceed now — a waiting peer, room or
 *       data in the buffer, or a closed channel (receive: zero value, ok = false; send: panic). If none
 *       and there is a default, unlock and return -1.</li>
 *   <li><b>Pass 2</b>: queue one sudog per case on its channel, all for the same goroutine, and park
 *       ({@code select}); the locks are released only once parked. The first channel operation to
 *       claim the goroutine ({@code selectDone}) completes its case and wakes it.</li>
 *   <li><b>Pass 3</b>: relock everything, remove the sudogs of the other cases, unlock, return the
 *       case that fired.</li>
 * </ol>
 *
 * <h2>Calling convention</h2>
 * The compiler lays out the cases as an array of {@code scase {c *hchan; elem unsafe.Pointer}} (16 bytes
 * each), sends first ({@code nsends} of them), then receives ({@code nrecvs}); {@code elem} is the value's
 * address for a send and the destination (or 0) for a receive. {@link #selectgo} returns
 * {@code caseIndex | (recvOK ? 1L << 32 : 0)}: read it with {@link #caseIndex} and {@link #recvOK}; the case
 * index is -1 when the default was taken.
 */
public final class Select {
    private static final long SCASE_SIZE = 16;

    private Select() {
    }

    /** The chosen case of a {@link #selectgo} result, or -1 for the default. */
    public static int caseIndex(long result) {
        return (int) result;
    }

    /** Whether a receive case received a value (false: its channel was closed). */
    public static boolean recvOK(long result) {
        return (result >>> 32) != 0;
    }

    /** {@code select {}}: park forever (Go's block()). */
    public static void block(Goroutine g) {
        GoRuntime.gopark(g.g(), null, WaitReason.waitReasonSelectNoCases);
        throw new IllegalStateException("select: a goroutine blocked in select {} was woken");
    }

    private static long caseChan(long cas0, int i) {
        return TypedMem.getLong(cas0 + i * SCASE_SIZE);
    }

    private static long caseElem(long cas0, int i) {
        return TypedMem.getLong(cas0 + i * SCASE_SIZE + 8);
    }

    /**
     * Runs a select over the scase array at {@code cas0}. {@code block} false means the statement has a
     * default case.
     */
    public static long selectgo(Goroutine g, long cas0, int nsends, int nrecvs, boolean block) {
        int ncases = nsends + nrecvs;
        // Step 1: pollorder, a random permutation of the cases with a channel (nil channels never proceed).
        int[] pollorder = new int[ncases];
        int norder = 0;
        for (int i = 0; i < ncases; i++) {
            if (caseChan(cas0, i) == 0) {
                continue;
            }
            int j = Fastrand.nextN(norder + 1);
            pollorder[norder] = pollorder[j];
            pollorder[j] = i;
            norder++;
        }
        if (norder == 0) {
            if (!block) {
                return -1 & 0xFFFFFFFFL;
            }
            // Only nil channels: Go parks in pass 2 with nothing queued, so the dump says "select".
            GoRuntime.gopark(g.g(), null, WaitReason.waitReasonSelect);
            throw new IllegalStateException("select: a goroutine selecting on nil channels only was woken");
        }
        int[] lockorder = lockorder(cas0, pollorder, norder);
        sellock(cas0, lockorder);

        // Step 2, pass 1: a case that can proceed now.
        for (int k = 0; k < norder; k++) {
            int casi = pollorder[k];
            long c = caseChan(cas0, casi);
            long elem = caseElem(cas0, casi);
            if (casi >= nsends) {
                Sudog s = Hchan.dequeueSend(c);
                if (s != null) {
                    Chan.recv(g, c, s, elem, () -> selunlock(cas0, lockorder));
                    return result(casi, true);
                }
                if (Hchan.qcount(c) > 0) {
                    long slot = Hchan.chanbuf(c, Hchan.bump(c, Hchan.RECVX));
                    if (elem != 0) {
                        TypedMem.typedmemmove(g.mutator(), Hchan.elemtype(c), elem, slot);
                    }
                    TypedMem.typedmemclr(g.mutator(), Hchan.elemtype(c), slot);
                    Hchan.setQcount(c, Hchan.qcount(c) - 1);
                    selunlock(cas0, lockorder);
                    return result(casi, true);
                }
                if (Hchan.closed(c)) {
                    selunlock(cas0, lockorder);
                    if (elem != 0) {
                        TypedMem.typedmemclr(g.mutator(), Hchan.elemtype(c), elem);
                    }
                    return result(casi, false);
                }
            } else {
                if (Hchan.closed(c)) {
                    selunlock(cas0, lockorder);
                    throw GoPanic.plainError("send on closed channel");
                }
                Sudog r = Hchan.dequeueRecv(c);
                if (r != null) {
                    Chan.send(g, c, r, elem, () -> selunlock(cas0, lockorder));
                    return result(casi, false);
                }
                if (Hchan.qcount(c) < Hchan.dataqsiz(c)) {
                    long slot = Hchan.chanbuf(c, Hchan.bump(c, Hchan.SENDX));
                    TypedMem.typedmemmove(g.mutator(), Hchan.elemtype(c), slot, elem);
                    Hchan.setQcount(c, Hchan.qcount(c) + 1);
                    selunlock(cas0, lockorder);
                    return result(casi, false);
                }
            }
        }
        if (!block) {
            selunlock(cas0, lockorder);
            return -1 & 0xFFFFFFFFL;
        }

        // Step 3, pass 2: wait on every channel, sudogs linked in lock order.
        Sudog.Waiter w = new Sudog.Waiter(g.g());
        Sudog[] sgs = new Sudog[norder];
        for (int k = 0; k < norder; k++) {
            int casi = lockorder[k];
            boolean send = casi < nsends;
            Sudog s = new Sudog(w, caseChan(cas0, casi), caseElem(cas0, casi), true, send);
            sgs[k] = s;
            if (k > 0) {
                sgs[k - 1].waitlink = s;
            }
            if (send) {
                Hchan.enqueueSend(s);
            } else {
                Hchan.enqueueRecv(s);
            }
        }
        GoRuntime.gopark(g.g(), gp -> {
            selunlock(cas0, lockorder);         // Go's selparkcommit
            return true;
        }, WaitReason.waitReasonSelect);

        // Step 4, pass 3: the sudog that fired; dequeue the others.
        sellock(cas0, lockorder);
        Sudog fired = w.param;
        int casi = -1;
        boolean success = false;
        for (int k = 0; k < norder; k++) {
            Sudog s = sgs[k];
            if (s == fired) {
                casi = lockorder[k];
                success = s.success;
            } else {
                Hchan.remove(s, s.send);
            }
        }
        if (casi < 0) {
            throw new IllegalStateException("selectgo: bad wakeup");
        }
        selunlock(cas0, lockorder);
        if (casi < nsends) {
            if (!success) {
                throw GoPanic.plainError("send on closed channel");
            }
            return result(casi, false);
        }
        return result(casi, success);
    }

    private static long result(int casi, boolean recvOK) {
        return (casi & 0xFFFFFFFFL) | (recvOK ? 1L << 32 : 0);
    }

    /** The cases of pollorder sorted by channel address (Go heap-sorts; any sort gives the same order). */
    private static int[] lockorder(long cas0, int[] pollorder, int norder) {
        Integer[] order = new Integer[norder];
        for (int k = 0; k < norder; k++) {
            order[k] = pollorder[k];
        }
        java.util.Arrays.sort(order, (a, b) -> Long.compareUnsigned(caseChan(cas0, a), caseChan(cas0, b)));
        int[] out = new int[norder];
        for (int k = 0; k < norder; k++) {
            out[k] = order[k];
        }
        return out;
    }

    /** Locks each distinct channel once, in address order. */
    private static void sellock(long cas0, int[] lockorder) {
        long last = 0;
        for (int casi : lockorder) {
            long c = caseChan(cas0, casi);
            if (c != last) {
                Hchan.lock(c);
                last = c;
            }
        }
    }

    /** Unlocks in reverse order; a channel listed several times is unlocked once. */
    private static void selunlock(long cas0, int[] lockorder) {
        for (int k = lockorder.length - 1; k >= 0; k--) {
            long c = caseChan(cas0, lockorder[k]);
            if (k > 0 && c == caseChan(cas0, lockorder[k - 1])) {
                continue;
            }
            Hchan.unlock(c);
        }
    }
}
