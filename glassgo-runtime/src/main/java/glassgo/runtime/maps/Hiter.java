// Hiter: a map iteration in progress, {@code for k, v := range m}. Mirrors map.go's hiter struct and
// mapiterinit/mapiternext: a random start bucket and offset, and the rules that let an iteration see
// every entry exactly once while the map grows and entries are deleted or added.
package glassgo.runtime.maps;

import glassgo.runtime.malloc.GoType;
import glassgo.runtime.mutator.Goroutine;
import glassgo.runtime.mutator.Mutator;
import glassgo.runtime.sched.FatalError;

/**
 * The iterator is a 96-byte struct the caller provides (compiled code: on its stack; tests: a heap
 * object kept in a frame), zeroed, with Go's layout so that the collector scans it precisely:
 * <pre>
 *   key *K  0 | elem *V  8 | t 16 (unused: the MapType is passed to each call) | h 24 | buckets 32
 *   bptr 40 | overflow 48 | oldoverflow 56 | startBucket 64 | offset 72 (u8) | wrapped 73 (bool)
 *   B 74 (u8) | i 75 (u8) | bucket 80 | checkBucket 88
 * </pre>
 * After {@link #mapiterinit} and each {@link #mapiternext}, {@link #key} is the address of the current
 * key (0 when the iteration is over) and {@link #elem} that of its elem. The iterator holds the bucket
 * array it started on ({@code buckets}) and, for noscan maps, the overflow lists, so they stay alive
 * if the map grows away from them.
 *
 * <p>Order: iteration starts at a random bucket and, within each bucket, a random cell offset, as Go's
 * does, so programs cannot depend on an order. While the map grows, an iterator that started on the
 * now-new table and reaches a bucket whose old bucket is not evacuated yet walks the old bucket instead,
 * keeping only the entries that will land in its new bucket ({@code checkBucket}); entries already
 * evacuated are looked up again, so an entry deleted or updated since is seen as it is now.
 */
public final class Hiter {
    static final long KEY = 0;
    static final long ELEM = 8;
    static final long H = 24;
    static final long BUCKETS = 32;
    static final long BPTR = 40;
    static final long OVERFLOW = 48;
    static final long OLDOVERFLOW = 56;
    static final long START_BUCKET = 64;
    static final long OFFSET = 72;
    static final long WRAPPED = 73;
    static final long B = 74;
    static final long I = 75;
    static final long BUCKET = 80;
    static final long CHECK_BUCKET = 88;
    /** The hiter struct's size and pointer words (key, elem, h, buckets, bptr, overflow, oldoverflow). */
    public static final long SIZE = 96;
    public static final GoType TYPE = GoType.withPointers("hiter", SIZE, 0, 1, 3, 4, 5, 6, 7);
    /** checkBucket when no check is needed. */
    private static final long NO_CHECK = -1;

    private Hiter() {
    }

    /** The current key's address, 0 at the end. */
    public static long key(long it) {
        return TypedMem.getLong(it + KEY);
    }

    /** The current elem's address. */
    public static long elem(long it) {
        return TypedMem.getLong(it + ELEM);
    }

    /**
     * {@code for k, v := range m} starts: fills the zeroed iterator at {@code it} and moves to the first
     * entry. May allocate (the overflow list of a noscan map), so {@code it} and {@code h} must be rooted.
     */
    public static void mapiterinit(Goroutine g, MapType t, long h, long it) {
        if (h == 0 || Hmap.count(h) == 0) {
            return;
        }
        Mutator mu = g.mutator();
        TypedMem.storePointer(mu, it + H, h);
        TypedMem.putByte(it + B, (byte) Hmap.b(h));
        TypedMem.storePointer(mu, it + BUCKETS, Hmap.buckets(h));
        if (t.noscanBuckets()) {
            // The iterator keeps the overflow lists, hence every overflow bucket it may still visit, alive.
            Maps.createOverflow(mu, h);
            long extra = Hmap.extra(h);
            TypedMem.storePointer(mu, it + OVERFLOW, TypedMem.getLong(extra + Hmap.EXTRA_OVERFLOW));
            TypedMem.storePointer(mu, it + OLDOVERFLOW, TypedMem.getLong(extra + Hmap.EXTRA_OLDOVERFLOW));
        }
        int b = Hmap.b(h);
        long r = Fastrand.next() & 0xFFFFFFFFL;
        if (b > 31 - 3) {
            r += (Fastrand.next() & 0xFFFFFFFFL) << 31;
        }
        long start = r & ((1L << b) - 1);
        TypedMem.putLong(it + START_BUCKET, start);
        TypedMem.putByte(it + OFFSET, (byte) ((r >>> b) & (Bmap.BUCKET_CNT - 1)));
        TypedMem.putLong(it + BUCKET, start);
        // Remember that an iterator exists, so evacuation keeps the old cells' contents and NaN keys move
        // predictably.
        int flags = Hmap.flags(h);
        if ((flags & (Hmap.ITERATOR | Hmap.OLD_ITERATOR)) != (Hmap.ITERATOR | Hmap.OLD_ITERATOR)) {
            Hmap.setFlags(h, flags | Hmap.ITERATOR | Hmap.OLD_ITERATOR);
        }
        mapiternext(g, t, it);
    }

    /** Moves to the next entry; {@link #key} is 0 when there is none. */
    public static void mapiternext(Goroutine g, MapType t, long it) {
        Mutator mu = g.mutator();
        long h = TypedMem.getLong(it + H);
        if ((Hmap.flags(h) & Hmap.HASH_WRITING) != 0) {
            throw new FatalError("concurrent map iteration and map write");
        }
        long bucket = TypedMem.getLong(it + BUCKET);
        long b = TypedMem.getLong(it + BPTR);
        int i = TypedMem.getByte(it + I) & 0xFF;
        long checkBucket = TypedMem.getLong(it + CHECK_BUCKET);
        int itB = TypedMem.getByte(it + B) & 0xFF;
        int offset = TypedMem.getByte(it + OFFSET) & 0xFF;
        long itBuckets = TypedMem.getLong(it + BUCKETS);
        while (true) {
            if (b == 0) {
                if (bucket == TypedMem.getLong(it + START_BUCKET) && TypedMem.getByte(it + WRAPPED) != 0) {
                    TypedMem.storePointer(mu, it + KEY, 0);
                    TypedMem.storePointer(mu, it + ELEM, 0);
                    return;
                }
                checkBucket = NO_CHECK;
                b = itBuckets + bucket * t.bucketSize();
                if (Hmap.growing(h) && itB == Hmap.b(h)) {
                    // Started on the new table during growth: if this bucket's old bucket is not evacuated
                    // yet, walk the old one, keeping only entries headed for this bucket.
                    long oldb = Hmap.oldbuckets(h) + (bucket & Hmap.oldbucketmask(h)) * t.bucketSize();
                    if (!Bmap.evacuated(oldb)) {
                        checkBucket = bucket;
                        b = oldb;
                    }
                }
                bucket++;
                if (bucket == 1L << itB) {
                    bucket = 0;
                    TypedMem.putByte(it + WRAPPED, (byte) 1);
                }
                i = 0;
            }
            for (; i < Bmap.BUCKET_CNT; i++) {
                int offi = (i + offset) & (Bmap.BUCKET_CNT - 1);
                int top = Bmap.tophashAt(b, offi);
                if (Bmap.isEmpty(top) || top == Bmap.EVACUATED_EMPTY) {
                    continue;
                }
                long k = Bmap.key(t, Bmap.keySlot(t, b, offi));
                long e = Bmap.elemSlot(t, b, offi);
                boolean keyEqualsItself = t.reflexiveKey() || t.hasher().equal(k, k);
                if (checkBucket != NO_CHECK && !Hmap.sameSizeGrow(h)) {
                    if (keyEqualsItself) {
                        long hash = t.hasher().hash(k, Hmap.hash0(h));
                        if ((hash & ((1L << itB) - 1)) != checkBucket) {
                            continue;              // goes to the other half of the new table
                        }
                    } else if ((checkBucket >>> (itB - 1)) != (top & 1)) {
                        continue;                  // a NaN: evacuate decides by the tophash's low bit
                    }
                }
                long rk;
                long re;
                if ((top != Bmap.EVACUATED_X && top != Bmap.EVACUATED_Y) || !keyEqualsItself) {
                    rk = k;
                    re = Bmap.elem(t, e);
                } else {
                    // The table grew since the iteration started and this entry moved: ask the map for its
                    // current state (it may have been updated or deleted).
                    long slot = Maps.findSlot(t, h, k);
                    if (slot == 0) {
                        continue;
                    }
                    long nb = slot & ~7L;
                    int ni = (int) (slot & 7);
                    rk = Bmap.key(t, Bmap.keySlot(t, nb, ni));
                    re = Bmap.elem(t, Bmap.elemSlot(t, nb, ni));
                }
                TypedMem.storePointer(mu, it + KEY, rk);
                TypedMem.storePointer(mu, it + ELEM, re);
                TypedMem.putLong(it + BUCKET, bucket);
                if (TypedMem.getLong(it + BPTR) != b) {
                    TypedMem.storePointer(mu, it + BPTR, b);
                }
                TypedMem.putByte(it + I, (byte) (i + 1));
                TypedMem.putLong(it + CHECK_BUCKET, checkBucket);
                return;
            }
            b = Bmap.overflow(t, b);
            i = 0;
        }
    }
}
