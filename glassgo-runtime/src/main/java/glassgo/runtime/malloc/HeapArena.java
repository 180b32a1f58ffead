// HeapArena: the metadata of one 64 MiB heap arena. Mirrors runtime/mheap.go's heapArena.
package glassgo.runtime.malloc;

import glassgo.runtime.mem.AddressSpace;
import glassgo.runtime.mem.SysMem;

import java.lang.foreign.MemorySegment;

/**
 * Per-arena metadata, created when the heap first grows into the arena's frame:
 * <ul>
 *   <li>{@code spans}: page → span. Every page of an in-use span maps to it; free pages map to null (Go
 *       only keeps the first/last page of free spans meaningful; clearing all makes spanOf exact);</li>
 *   <li>{@code pageInUse}: bit per page, set on the first page of every in-use heap span;</li>
 *   <li>{@code pageMarks}: bit per page, set on the first page of a span that had live (marked) objects at
 *       its last sweep; {@code pageInUse &^ pageMarks} are the spans a page reclaimer could free wholesale;</li>
 *   <li>{@code zeroedBase}: offset of the first byte never handed out; memory above it is fresh from the
 *       OS and known to be zero, so spans carved there skip zeroing (mheap.go allocNeedsZero);</li>
 *   <li>the 1.19 heap bitmap, 2 MiB of native memory outside the heap (see {@link HeapBits}).</li>
 * </ul>
 */
final class HeapArena {
    static final int PAGES_PER_ARENA = (int) (AddressSpace.ARENA_BYTES >>> SizeClasses.PAGE_SHIFT);
    /** 2 bits per 8-byte word: arena bytes / 32. */
    static final long BITMAP_BYTES = AddressSpace.ARENA_BYTES / 32;

    final long base;
    final MSpan[] spans = new MSpan[PAGES_PER_ARENA];
    final long[] pageInUse = new long[PAGES_PER_ARENA / 64];
    final long[] pageMarks = new long[PAGES_PER_ARENA / 64];
    private long zeroedBase;
    final long bitmapAddr;
    final MemorySegment bitmap;

    HeapArena(long base) {
        this.base = base;
        this.bitmapAddr = SysMem.sysAlloc(BITMAP_BYTES);
        this.bitmap = MemorySegment.ofAddress(bitmapAddr).reinterpret(BITMAP_BYTES);
    }

    static int pageIndex(long addr) {
        return (int) ((addr >>> SizeClasses.PAGE_SHIFT) & (PAGES_PER_ARENA - 1));
    }

    /**
     * Whether [addr, addr+n) inside this arena may hold old data; advances zeroedBase past it. Called
     * under the heap lock or with per-arena synchronization, since page caches allocate concurrently.
     */
    synchronized boolean allocNeedsZero(long addr, long n) {
        long off = addr - base;
        boolean needs = off < zeroedBase;
        if (off + n > zeroedBase) {
            zeroedBase = off + n;
        }
        return needs;
    }

    void setBit(long[] bits, int page, boolean v) {
        if (v) {
            bits[page >>> 6] |= 1L << page;
        } else {
            bits[page >>> 6] &= ~(1L << page);
        }
    }

    boolean bit(long[] bits, int page) {
        return (bits[page >>> 6] & (1L << page)) != 0;
    }

    void free() {
        SysMem.sysFree(bitmapAddr, BITMAP_BYTES);
    }
}
