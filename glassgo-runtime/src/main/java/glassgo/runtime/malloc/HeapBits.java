// HeapBits: Go 1.19's heap bitmap, 2 bits per heap word, recording which words of an object are
// pointers. Mirrors runtime/mbitmap.go (heapBitsSetType, heapBits.isPointer/morePointers).
package glassgo.runtime.malloc;

import glassgo.runtime.mem.AddressSpace;

import java.lang.foreign.ValueLayout;

/**
 * glassgo keeps pointer metadata the Go 1.19 way (not 1.22's allocation headers), because 1.19 is the
 * baseline everywhere else — same objects per span, no header word inside objects, so an address the
 * allocator returns is the object's first byte for every size.
 *
 * <p>Encoding (mbitmap.go): each heap word has a pointer bit and a scan bit. A bitmap byte describes four
 * consecutive words: low nibble = the four pointer bits, high nibble = the four scan bits. The byte for
 * the word at {@code addr} is {@code (addr - arenaBase) / 32} in the arena's bitmap, at shift
 * {@code (addr / 8) & 3}. scan = 1 means "pointers may follow in this object"; scan = 0 means the rest of
 * the object is dead, so a scanner stops. Zero is "scalar, dead". Noscan spans have no maintained bitmap.
 *
 * <p>{@link #setType} writes every word of the slot: pointer bits by tiling the type's mask over the
 * allocation's elements, scan bits on the words below the allocation's ptrdata
 * ({@code dataSize - typ.size + typ.ptrdata}), zeros after — so a reused slot never keeps a previous
 * object's bits. (Go 1.19 special-cases 1-, 2- and 3-word objects with the same result, apart from word 0
 * of 3-word objects, whose scan bit Go always sets.)
 */
public final class HeapBits {
    private HeapBits() {}

    static void setType(MHeap h, long addr, long slotSize, long dataSize, GoType typ) {
        long nwords = slotSize >>> 3;
        long typWords = typ.size() >>> 3;
        long scanWords = (dataSize - typ.size() + typ.ptrdata()) >>> 3;
        long w = 0;
        long ew = 0; // word index within the current element: w % typWords, without dividing
        while (w < nwords) {
            // A large object may cross into the next arena, whose bitmap is a different one.
            HeapArena arena = h.arenaOf(addr + (w << 3));
            long arenaWords = (arena.base + AddressSpace.ARENA_BYTES - addr) >>> 3;
            long end = Math.min(nwords, arenaWords);
            while (w < end) {
                long word = (addr + (w << 3) - arena.base) >>> 3;
                int shift = (int) (word & 3);
                int n = (int) Math.min(4 - shift, end - w);
                int bits = 0;
                for (int i = 0; i < n; i++) {
                    if (w + i < scanWords) {
                        bits |= 0x10 << (shift + i);
                        if (typ.isPointerWord(ew)) {
                            bits |= 1 << (shift + i);
                        }
                    }
                    if (++ew == typWords) {
                        ew = 0;
                    }
                }
                int mask = ((1 << n) - 1) << shift;
                mask |= mask << 4;
                long byteOff = word >>> 2;
                if (mask == 0xFF) {
                    arena.bitmap.set(ValueLayout.JAVA_BYTE, byteOff, (byte) bits);
                } else {
                    byte old = arena.bitmap.get(ValueLayout.JAVA_BYTE, byteOff);
                    arena.bitmap.set(ValueLayout.JAVA_BYTE, byteOff, (byte) ((old & ~mask) | bits));
                }
                w += n;
            }
        }
    }

    private static int entry(HeapArena arena, long addr) {
        long word = (addr - arena.base) >>> 3;
        int b = arena.bitmap.get(ValueLayout.JAVA_BYTE, word >>> 2);
        return b >>> (int) (word & 3);
    }

    /** The pointer bit of the heap word at {@code addr}. */
    static boolean isPointer(HeapArena arena, long addr) {
        return (entry(arena, addr) & 0x01) != 0;
    }

    /** The scan bit: whether pointers may follow at or after this word in its object. */
    static boolean morePointers(HeapArena arena, long addr) {
        return (entry(arena, addr) & 0x10) != 0;
    }
}
