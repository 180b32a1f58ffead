// ChanAbi: the channel and select entry points compiled Go calls (cmd/compile's calls to runtime.makechan,
// chansend1, chanrecv1, chanrecv2, closechan, selectgo, block in chan.go and select.go), taking the
// goroutine's Stack instead of getg() and JVM longs for Go's ints and bools.
package glassgo.runtime.chan;

import glassgo.runtime.malloc.GoType;
import glassgo.runtime.mutator.Goroutine;
import glassgo.runtime.stack.Stack;

/**
 * Elements move by address, as in {@link Chan}: the compiled caller passes a frame temporary whose pointer
 * words are in its frame layout, so the value stays rooted while the goroutine is parked.
 */
public final class ChanAbi {
    private ChanAbi() {
    }

    static Goroutine g(Stack s) {
        return (Goroutine) s.owner;
    }

    public static long makechan(Stack s, GoType elem, long size) {
        return Chan.makechan(g(s), elem, size);
    }

    public static long chanlen(long c) {
        return Chan.chanlen(c);
    }

    public static long chancap(long c) {
        return Chan.chancap(c);
    }

    public static void chansend1(Stack s, long c, long elem) {
        Chan.chansend1(g(s), c, elem);
    }

    public static void chanrecv1(Stack s, long c, long elem) {
        Chan.chanrecv1(g(s), c, elem);
    }

    /** {@code v, ok := <-c}: 1 when a value was received, 0 when the channel was closed and drained. */
    public static long chanrecv2(Stack s, long c, long elem) {
        return Chan.chanrecv2(g(s), c, elem) ? 1 : 0;
    }

    public static void closechan(Stack s, long c) {
        Chan.closechan(g(s), c);
    }

    /**
     * A select over the scase array {@code cas0} (sends first): the chosen case index (-1: default) in the low
     * 32 bits and recvOK in bit 32, as {@link Select#selectgo} packs them.
     */
    public static long selectgo(Stack s, long cas0, long nsends, long nrecvs, long block) {
        return Select.selectgo(g(s), cas0, (int) nsends, (int) nrecvs, block != 0);
    }

    /** {@code select {}}. */
    public static void block(Stack s) {
        Select.block(g(s));
    }
}
