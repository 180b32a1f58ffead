// Bmap: the layout of one map bucket and the small accessors over it. Mirrors map.go's bmap (tophash
// array, keys, elems, overflow pointer), its tophash sentinels and tophash()/evacuated()/overflow().
package glassgo.runtime.maps;

import glassgo.runtime.mutator.Mutator;

/**
 * A bucket holds up to {@link #BUCKET_CNT} entries. {@code tophash[i]} is the top byte of entry i's hash
 * (raised to at least {@link #MIN_TOP_HASH}) or one of the sentinels below, so a lookup compares keys only
 * when the top bytes match, and a scan can stop at {@link #EMPTY_REST}. Layout per {@link MapType}.
 */
final class Bmap {
    static final int BUCKET_CNT = 8;
    /** Offset of the keys: right after the 8 tophash bytes. */
    static final long DATA_OFFSET = 8;

    /** This cell is empty, and so is every higher cell and every overflow bucket after it. */
    static final int EMPTY_REST = 0;
    /** This cell is empty. */
    static final int EMPTY_ONE = 1;
    /** Key/elem valid, evacuated to the first half of the larger table. */
    static final int EVACUATED_X = 2;
    /** Same, to the second half. */
    static final int EVACUATED_Y = 3;
    /** Cell empty, bucket evacuated. */
    static final int EVACUATED_EMPTY = 4;
    /** Minimum tophash of a normal filled cell. */
    static final int MIN_TOP_HASH = 5;

    private Bmap() {
    }

    /** The tophash of a full hash: its top byte, moved out of the sentinels' range. */
    static int tophash(long hash) {
        int top = (int) (hash >>> 56);
        return top < MIN_TOP_HASH ? top + MIN_TOP_HASH : top;
    }

    static boolean isEmpty(int top) {
        return top <= EMPTY_ONE;
    }

    static int tophashAt(long b, int i) {
        return TypedMem.getByte(b + i) & 0xFF;
    }

    static void setTophash(long b, int i, int top) {
        TypedMem.putByte(b + i, (byte) top);
    }

    /** Whether bucket b of an old table has been moved to the new one. */
    static boolean evacuated(long b) {
        int h = tophashAt(b, 0);
        return h > EMPTY_ONE && h < MIN_TOP_HASH;
    }

    /** Address of key slot i (the key itself, or the pointer to it when indirect). */
    static long keySlot(MapType t, long b, int i) {
        return b + DATA_OFFSET + i * t.keySize();
    }

    static long elemSlot(MapType t, long b, int i) {
        return b + DATA_OFFSET + BUCKET_CNT * t.keySize() + i * t.elemSize();
    }

    /** The key a slot holds: the slot, or the object it points to when keys are indirect. */
    static long key(MapType t, long slot) {
        return t.indirectKey() ? TypedMem.getLong(slot) : slot;
    }

    static long elem(MapType t, long slot) {
        return t.indirectElem() ? TypedMem.getLong(slot) : slot;
    }

    static long overflow(MapType t, long b) {
        return TypedMem.getLong(b + t.bucketSize() - 8);
    }

    static void setOverflow(Mutator mu, MapType t, long b, long ovf) {
        TypedMem.storePointer(mu, b + t.bucketSize() - 8, ovf);
    }
}
