// HeapBits: Go 1.19's heap bitmap, 2 bits per heap word, recording which words of an object are
// pointers. Mirrors runtime/mbitmap.go (heapBitsSetType, heapBits.isPointer/morePointers).
package glassgo.runtime.malloc;

import glassgo.runtime.mem.AddressSpace;

import java.lang.foreign.MemorySegment;
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
 * object's bits. (Go 1.19 special-cases 1-, 2- and 3-word objects with bit tricks; the bits come out the
 * same.) Like Go's Phase 3, the entries after the pointer data are zeroed up to the end of the slot.
 */
public final class HeapBits {
    private HeapBits() {}

    static void setType(MHeap h, long addr, long slotSize, long dataSize, GoType typ) {
        HeapArena arena = h.arenaOf(addr);
        if (dataSize == typ.size() && slotSize <= SizeClasses.MAX_SMALL_SIZE
                && addr + slotSize <= arena.base + AddressSpace.ARENA_BYTES) {
            setSingle(arena, addr, slotSize >>> 3, typ);
        } else {
            setTiled(h, addr, slotSize, dataSize, typ);
        }
    }

    /**
     * One value in one arena (newobject, the common case). The bitmap bytes for the value's slot are
     * rendered once per type and start phase (the slot's first word's position in its bitmap byte), then
     * copied: partial first and last bytes are merged, whole bytes in between are stored in one copy.
     */
    private static void setSingle(HeapArena arena, long addr, long nwords, GoType typ) {
        long word = (addr - arena.base) >>> 3;
        int phase = (int) (word & 3);
        Pattern p = typ.pattern(nwords);
        byte[] bits = p.bits()[phase];
        byte[] masks = p.masks()[phase];
        long byteOff = word >>> 2;
        int last = bits.length - 1;
        int from = 0;
        if (masks[0] != (byte) 0xFF) {
            merge(arena, byteOff, bits[0], masks[0]);
            from = 1;
        }
        if (last >= from && masks[last] != (byte) 0xFF) {
            merge(arena, byteOff + last, bits[last], masks[last]);
            last--;
        }
        int n = last - from + 1;
        if (n == 1) {
            arena.bitmap.set(ValueLayout.JAVA_BYTE, byteOff + from, bits[from]);
        } else if (n > 1) {
            MemorySegment.copy(bits, from, arena.bitmap, ValueLayout.JAVA_BYTE, byteOff + from, n);
        }
    }

    private static void merge(HeapArena arena, long byteOff, byte bits, byte mask) {
        byte old = arena.bitmap.get(ValueLayout.JAVA_BYTE, byteOff);
        arena.bitmap.set(ValueLayout.JAVA_BYTE, byteOff, (byte) ((old & ~mask) | bits));
    }

    /**
     * The bitmap bytes of one value of a type in a slot of {@code slotWords} words, for each of the four
     * phases at which the slot can start inside a bitmap byte; {@code masks} marks the entries that belong
     * to the slot (0xFF for bytes wholly inside it).
     */
    record Pattern(long slotWords, byte[][] bits, byte[][] masks) {
        static Pattern of(GoType typ, long slotWords) {
            long scanWords = typ.ptrdata() >>> 3;
            byte[][] bits = new byte[4][];
            byte[][] masks = new byte[4][];
            for (int phase = 0; phase < 4; phase++) {
                int nbytes = (int) ((phase + slotWords + 3) / 4);
                bits[phase] = new byte[nbytes];
                masks[phase] = new byte[nbytes];
                for (long w = 0; w < slotWords; w++) {
                    long pos = phase + w;
                    int b = (int) (pos >>> 2);
                    int sh = (int) (pos & 3);
                    masks[phase][b] |= (byte) (0x11 << sh);
                    if (w < scanWords) {
                        bits[phase][b] |= (byte) (0x10 << sh);
                        if (typ.isPointerWord(w)) {
                            bits[phase][b] |= (byte) (1 << sh);
                        }
                    }
                }
            }
            return new Pattern(slotWords, bits, masks);
        }
    }

    /**
     * Arrays, large objects, and slots of spans that straddle two arenas (the page allocator does not
     * stop at arena boundaries, nor does Go's): word by word, tiling the element's mask.
     */
    private static void setTiled(MHeap h, long addr, long slotSize, long dataSize, GoType typ) {
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
                int ptr = 0;
                int scan = 0;
                for (int i = 0; i < n; i++) {
                    if (w + i < scanWords) {
                        scan |= 1 << i;
                        if (typ.isPointerWord(ew)) {
                            ptr |= 1 << i;
                        }
                    }
                    if (++ew == typWords) {
                        ew = 0;
                    }
                }
                writeGroup(arena, word, shift, n, ptr, scan);
                w += n;
            }
        }
    }

    /** Writes n (≤ 4 - shift) entries starting at entry {@code shift} of the byte holding {@code word}. */
    private static void writeGroup(HeapArena arena, long word, int shift, int n, int ptr, int scan) {
        int bits = (ptr | scan << 4) << shift;
        long byteOff = word >>> 2;
        if (n == 4) {
            arena.bitmap.set(ValueLayout.JAVA_BYTE, byteOff, (byte) bits);
        } else {
            int mask = ((1 << n) - 1) * 0x11 << shift;
            byte old = arena.bitmap.get(ValueLayout.JAVA_BYTE, byteOff);
            arena.bitmap.set(ValueLayout.JAVA_BYTE, byteOff, (byte) ((old & ~mask) | bits));
        }
    }

    private static int entry(HeapArena arena, long addr) {
        long word = (addr - arena.base) >>> 3;
        int b = arena.bitmap.get(ValueLayout.JAVA_BYTE, word >>> 2);
        return b >>> (int) (word & 3);
    }

    /** Both bits of the heap word at {@code addr}: 0x01 = pointer, 0x10 = scan (pointers may follow). */
    static int bits(HeapArena arena, long addr) {
        return entry(arena, addr) & 0x11;
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
