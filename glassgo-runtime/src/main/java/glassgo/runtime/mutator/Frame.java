// Frame: the pointer slots of one function activation. Mirrors the locals part of a Go stack frame
// together with its stack map (runtime/stack.go, cmd/compile's liveness bitmaps).
package glassgo.runtime.mutator;

/**
 * {@code n} pointer slots, zeroed when opened, valid until {@link #close()}; open them in try-with-resources
 * so frames pop in LIFO order. The rule compiled code will follow, and mutator code must follow now: a heap
 * pointer that is live across a safepoint (an allocation, a park, a channel operation, a preemption poll)
 * must be stored in a frame slot (or a global) at that safepoint, because the collector finds live objects
 * only through {@link Roots}. A pointer held only in a Java local is invisible to it.
 *
 * <p>Stores into frame slots take no write barrier, as in Go: stacks are scanned, not barriered.
 */
public final class Frame implements AutoCloseable {
    private final StackSlots stack;
    final int base;
    final int n;

    Frame(StackSlots stack, int base, int n) {
        this.stack = stack;
        this.base = base;
        this.n = n;
    }

    /** Slot {@code i}'s pointer. */
    public long get(int i) {
        return stack.get(base + check(i));
    }

    /** Stores {@code ptr} in slot {@code i} (no write barrier: stacks are roots). */
    public void set(int i, long ptr) {
        stack.put(base + check(i), ptr);
    }

    /** The native address of slot {@code i} (what a collector would see while scanning). */
    public long slotAddr(int i) {
        return stack.addr(base + check(i));
    }

    public int size() {
        return n;
    }

    private int check(int i) {
        if (i < 0 || i >= n) {
            throw new IndexOutOfBoundsException("mutator: frame slot " + i + " outside [0," + n + ")");
        }
        return i;
    }

    /** Pops the frame; it must be the innermost open one. */
    @Override
    public void close() {
        stack.pop(this);
    }
}
