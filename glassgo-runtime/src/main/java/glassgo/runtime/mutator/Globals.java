// Globals: a registered block of global pointer variables, the roots Go keeps in its data and bss
// segments (runtime/symtab.go's moduledata.data/bss with gcdatamask/gcbssmask).
package glassgo.runtime.mutator;

/**
 * {@code n} global pointer variables of a program, e.g. {@code var longLived *Node}. Created with
 * {@link Mutator#globals}; they live as long as the mutator and are always roots.
 *
 * <p>Stores go through {@link Mutator#writePointer}: Go's write barrier covers globals as well as heap
 * objects (only stack slots are exempt), so the collector will see every store here.
 */
public final class Globals {
    private final Mutator mu;
    final SlotArea area;

    Globals(Mutator mu, SlotArea area) {
        this.mu = mu;
        this.area = area;
    }

    /** The address of global {@code i} (a real address, outside the heap). */
    public long addr(int i) {
        if (i < 0 || i >= area.nslots) {
            throw new IndexOutOfBoundsException("mutator: global " + i + " outside " + area.name + " [0," + area.nslots + ")");
        }
        return area.base + i * 8L;
    }

    /** Reads global {@code i}. */
    public long get(int i) {
        return area.get(i);
    }

    /** Stores a pointer in global {@code i}, through the write barrier's single entry point. */
    public void set(int i, long ptr) {
        mu.writePointer(area.base, addr(i) - area.base, ptr);
    }

    public int size() {
        return area.nslots;
    }

    public String name() {
        return area.name;
    }
}
