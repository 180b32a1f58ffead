// SlotArea: a block of pointer-sized root slots in native memory outside the heap. Mirrors the memory
// that holds Go's roots: the data/bss segments (globals) and, until runtime.stack exists, goroutine stacks.
package glassgo.runtime.mutator;

import glassgo.runtime.mem.SysMem;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * {@code nslots} words, zeroed, at a real address obtained with {@code sysAlloc}. A collector scans such an
 * area word by word ({@link #forEachNonNil}); the heap's allocator never hands it out, so a pointer into a
 * slot area is never mistaken for a heap object. Every slot may hold a pointer (the area's pointer bitmap
 * is "all ones"), which is what Go's data/bss bitmaps say for a pointer-only global block.
 */
final class SlotArea {
    final String name;
    final long base;
    final int nslots;
    private final MemorySegment seg;
    private boolean freed;

    SlotArea(String name, int nslots) {
        if (nslots <= 0) {
            throw new IllegalArgumentException("mutator: slot area " + name + " needs at least one slot, got " + nslots);
        }
        this.name = name;
        this.nslots = nslots;
        long bytes = roundToPage(nslots * 8L);
        this.base = SysMem.sysAlloc(bytes);
        this.seg = MemorySegment.ofAddress(base).reinterpret(bytes);
    }

    private static long roundToPage(long n) {
        return (n + SysMem.PHYS_PAGE_SIZE - 1) & -SysMem.PHYS_PAGE_SIZE;
    }

    long get(int slot) {
        return seg.get(ValueLayout.JAVA_LONG, check(slot) * 8L);
    }

    void put(int slot, long v) {
        seg.set(ValueLayout.JAVA_LONG, check(slot) * 8L, v);
    }

    /** Zeroes slots [from, from+n): a new frame starts with nil pointers, as Go's prologue zeroes them. */
    void clear(int from, int n) {
        seg.asSlice(from * 8L, n * 8L).fill((byte) 0);
    }

    private int check(int slot) {
        if (slot < 0 || slot >= nslots) {
            throw new IndexOutOfBoundsException("mutator: slot " + slot + " outside " + name + " [0," + nslots + ")");
        }
        return slot;
    }

    /** Calls {@code visit(slotAddr, value)} for each of the first {@code n} slots holding a non-zero word. */
    void forEachNonNil(int n, Roots.SlotVisitor visit) {
        for (int i = 0; i < n; i++) {
            long v = seg.get(ValueLayout.JAVA_LONG, i * 8L);
            if (v != 0) {
                visit.visit(base + i * 8L, v);
            }
        }
    }

    void free() {
        if (!freed) {
            freed = true;
            SysMem.sysFree(base, roundToPage(nslots * 8L));
        }
    }
}
