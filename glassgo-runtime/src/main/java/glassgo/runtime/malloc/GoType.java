// GoType: what the allocator needs from a Go type descriptor: size, ptrdata and the 1-bit-per-word
// pointer mask. Mirrors the size/ptrdata/gcdata fields of runtime/type.go's _type.
package glassgo.runtime.malloc;

import java.util.Arrays;

/**
 * A type's pointer layout, precise to the word. {@code ptrdata} is the length of the prefix that can
 * hold pointers (up to and including the last pointer word); {@code ptrMask} has bit i set when word
 * i is a pointer (Go's {@code gcdata} for types without a GC program). {@code ptrdata == 0} means
 * noscan: such objects go to noscan spans and get no heap bitmap.
 */
public final class GoType {
    private final String name;
    private final long size;
    private final long ptrdata;
    private final long[] ptrMask;
    /** The heap-bitmap bytes of one value in its size-class slot, built on first allocation (see HeapBits). */
    private HeapBits.Pattern pattern;

    private GoType(String name, long size, long[] ptrMask) {
        if (size < 0 || size % 8 != 0 && hasPointers(ptrMask)) {
            throw new IllegalArgumentException("GoType: pointerful type size must be a multiple of 8: " + size);
        }
        this.name = name;
        this.size = size;
        this.ptrMask = ptrMask;
        long last = -1;
        for (int w = ptrMask.length - 1; w >= 0 && last < 0; w--) {
            if (ptrMask[w] != 0) {
                last = w * 64L + 63 - Long.numberOfLeadingZeros(ptrMask[w]);
            }
        }
        this.ptrdata = (last + 1) * 8;
        if (ptrdata > size) {
            throw new IllegalArgumentException("GoType: pointer word beyond size in " + name);
        }
    }

    private static boolean hasPointers(long[] mask) {
        return Arrays.stream(mask).anyMatch(w -> w != 0);
    }

    /** A pointer-free type of {@code size} bytes. */
    public static GoType noscan(String name, long size) {
        return new GoType(name, size, new long[1]);
    }

    /** A type whose words at the given indexes are pointers. */
    public static GoType withPointers(String name, long size, int... pointerWords) {
        long[] mask = new long[(int) ((size / 8 + 63) / 64) + 1];
        for (int w : pointerWords) {
            if (w < 0 || (w + 1) * 8L > size) {
                throw new IllegalArgumentException("GoType: pointer word " + w + " outside " + name);
            }
            mask[w >>> 6] |= 1L << w;
        }
        return new GoType(name, size, mask);
    }

    public String name() {
        return name;
    }

    public long size() {
        return size;
    }

    public long ptrdata() {
        return ptrdata;
    }

    public boolean noscan() {
        return ptrdata == 0;
    }

    /**
     * Bits {@code w .. w+n-1} of the pointer mask (n ≤ 8), bit 0 = word w; zero past ptrdata. The mask array
     * carries one spare word so a run that crosses a 64-bit boundary can read the next word unchecked.
     */
    int pointerBits(long w, int n) {
        int i = (int) (w >>> 6);
        if (i >= ptrMask.length - 1) {
            return 0;
        }
        int sh = (int) (w & 63);
        long bits = ptrMask[i] >>> sh;
        if (sh + n > 64) {
            bits |= ptrMask[i + 1] << (64 - sh);
        }
        return (int) bits & ((1 << n) - 1);
    }

    /** True when word {@code w} (0-based, within one value) holds a pointer. */
    public boolean isPointerWord(long w) {
        return w < ptrdata / 8 && (ptrMask[(int) (w >>> 6)] & (1L << w)) != 0;
    }

    /** The cached bitmap pattern for one value of this type in a slot of {@code slotWords} words. */
    HeapBits.Pattern pattern(long slotWords) {
        HeapBits.Pattern p = pattern;
        if (p == null || p.slotWords() != slotWords) {
            // Racing builders produce equal immutable patterns; the record's final fields publish safely.
            p = HeapBits.Pattern.of(this, slotWords);
            pattern = p;
        }
        return p;
    }

    @Override
    public String toString() {
        return name + "{size=" + size + ", ptrdata=" + ptrdata + "}";
    }
}
