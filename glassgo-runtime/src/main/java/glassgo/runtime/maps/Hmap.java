// Hmap: the header of a Go map in native memory and its auxiliary objects. Mirrors map.go's hmap
// (count, flags, B, noverflow, hash0, buckets, oldbuckets, nevacuate, extra) and mapextra.
package glassgo.runtime.maps;

import glassgo.runtime.malloc.GoType;

/**
 * A map value is the address of an hmap (nil map: 0). Layout, as on amd64:
 * <pre>
 *   count      int      0    live entries (len(m))
 *   flags      uint8    8    iterator | oldIterator | hashWriting | sameSizeGrow
 *   B          uint8    9    log2 of the number of buckets
 *   noverflow  uint16   10   approximate number of overflow buckets
 *   hash0      uint32   12   this map's hash seed
 *   buckets    *bmap    16   array of 2^B buckets
 *   oldbuckets *bmap    24   the previous array while growing, else nil
 *   nevacuate  uintptr  32   buckets below this are evacuated
 *   extra      *mapextra 40  optional fields
 * </pre>
 * mapextra (only when needed): {@code overflow}, {@code oldoverflow} — for noscan buckets, lists holding
 * every overflow bucket of the current and the old table, because the collector does not scan noscan
 * buckets and would otherwise free overflow buckets reachable only through them — and
 * {@code nextOverflow}, the next free preallocated overflow bucket. An overflow list is Go's
 * {@code *[]*bmap}: here an object {array, len, cap} whose array holds the bucket pointers.
 */
final class Hmap {
    static final long COUNT = 0;
    static final long FLAGS = 8;
    static final long B = 9;
    static final long NOVERFLOW = 10;
    static final long HASH0 = 12;
    static final long BUCKETS = 16;
    static final long OLDBUCKETS = 24;
    static final long NEVACUATE = 32;
    static final long EXTRA = 40;
    static final GoType TYPE = GoType.withPointers("hmap", 48, 2, 3, 5);

    static final long EXTRA_OVERFLOW = 0;
    static final long EXTRA_OLDOVERFLOW = 8;
    static final long EXTRA_NEXTOVERFLOW = 16;
    static final GoType EXTRA_TYPE = GoType.withPointers("mapextra", 24, 0, 1, 2);

    static final long LIST_ARRAY = 0;
    static final long LIST_LEN = 8;
    static final long LIST_CAP = 16;
    static final GoType LIST_TYPE = GoType.withPointers("[]*bmap", 24, 0);
    static final GoType BUCKET_PTR = GoType.withPointers("*bmap", 8, 0);

    /** flags: there may be an iterator using buckets / oldbuckets; a goroutine is writing; same-size growth. */
    static final int ITERATOR = 1;
    static final int OLD_ITERATOR = 2;
    static final int HASH_WRITING = 4;
    static final int SAME_SIZE_GROW = 8;

    private Hmap() {
    }

    static long count(long h) {
        return TypedMem.getLong(h + COUNT);
    }

    static void setCount(long h, long n) {
        TypedMem.putLong(h + COUNT, n);
    }

    static int flags(long h) {
        return TypedMem.getByte(h + FLAGS) & 0xFF;
    }

    static void setFlags(long h, int f) {
        TypedMem.putByte(h + FLAGS, (byte) f);
    }

    static int b(long h) {
        return TypedMem.getByte(h + B) & 0xFF;
    }

    static void setB(long h, int b) {
        TypedMem.putByte(h + B, (byte) b);
    }

    static int noverflow(long h) {
        return TypedMem.getShort(h + NOVERFLOW) & 0xFFFF;
    }

    static void setNoverflow(long h, int n) {
        TypedMem.putShort(h + NOVERFLOW, (short) n);
    }

    /** The seed as hash functions take it (Go widens the uint32 to uintptr). */
    static long hash0(long h) {
        return TypedMem.getInt(h + HASH0) & 0xFFFFFFFFL;
    }

    static void setHash0(long h, int seed) {
        TypedMem.putInt(h + HASH0, seed);
    }

    static long buckets(long h) {
        return TypedMem.getLong(h + BUCKETS);
    }

    static long oldbuckets(long h) {
        return TypedMem.getLong(h + OLDBUCKETS);
    }

    static long nevacuate(long h) {
        return TypedMem.getLong(h + NEVACUATE);
    }

    static void setNevacuate(long h, long n) {
        TypedMem.putLong(h + NEVACUATE, n);
    }

    static long extra(long h) {
        return TypedMem.getLong(h + EXTRA);
    }

    static boolean growing(long h) {
        return oldbuckets(h) != 0;
    }

    static boolean sameSizeGrow(long h) {
        return (flags(h) & SAME_SIZE_GROW) != 0;
    }

    /** The number of buckets before the current growth started. */
    static long noldbuckets(long h) {
        int oldB = b(h);
        if (!sameSizeGrow(h)) {
            oldB--;
        }
        return 1L << oldB;
    }

    static long oldbucketmask(long h) {
        return noldbuckets(h) - 1;
    }
}
