// StackSlots: the pointer slots of one goroutine's frames, in native memory. A stand-in for the pointer
// part of a Go goroutine stack (runtime/stack.go) until runtime.stack allocates real stacks.
package glassgo.runtime.mutator;

/**
 * A per-goroutine stack of pointer slots: {@link Frame}s are pushed and popped in LIFO order, and
 * {@code sp} is the number of slots in use. The collector scans slots [0, sp), the analogue of scanning a
 * stack from its top frame down with each frame's pointer bitmap (all slots of a Frame are pointers, so no
 * bitmap is needed). Created on a goroutine's first frame; freed when the goroutine ends.
 *
 * <p>The capacity is fixed ({@link #CAPACITY} slots): running out is a fatal error, as overflowing Go's
 * maximum stack size is. Growth by copying belongs to runtime.stack.
 */
final class StackSlots {
    /** 1024 slots = 8 KiB, two pages; deep recursions (bintree depth 25 uses ~2 slots per level) fit easily. */
    static final int CAPACITY = 1024;

    private final SlotArea area;
    /** Slots in use; only the owning goroutine changes it, the collector reads it with the goroutine stopped. */
    volatile int sp;

    StackSlots(long goid) {
        this.area = new SlotArea("stack slots of goroutine " + goid, CAPACITY);
    }

    Frame push(int n) {
        int base = sp;
        if (n < 0 || base + n > CAPACITY) {
            throw new MutatorFault("mutator: goroutine stack slots exhausted (" + base + " + " + n + " > " + CAPACITY + ")",
                    "stack overflow");
        }
        area.clear(base, n);
        sp = base + n;
        return new Frame(this, base, n);
    }

    void pop(Frame f) {
        if (sp != f.base + f.n) {
            throw new IllegalStateException("mutator: frame popped out of order (sp=" + sp + ", frame ["
                    + f.base + "," + (f.base + f.n) + "))");
        }
        sp = f.base;
    }

    long get(int slot) {
        return area.get(slot);
    }

    void put(int slot, long v) {
        area.put(slot, v);
    }

    long addr(int slot) {
        return area.base + slot * 8L;
    }

    void scan(Roots.SlotVisitor visit) {
        area.forEachNonNil(sp, visit);
    }

    void free() {
        area.free();
    }
}
