// Maps: the map operations compiled Go code calls — make, lookup, assign, delete, len, clear — and
// incremental growth. Mirrors runtime/map.go (makemap, mapaccess1/2, mapassign, mapdelete, mapclear,
// hashGrow, growWork, evacuate, newoverflow) on the layouts in Hmap, Bmap and MapType.
package glassgo.runtime.maps;

import glassgo.runtime.malloc.SizeClasses;
import glassgo.runtime.mutator.Frame;
import glassgo.runtime.mutator.GoPanic;
import glassgo.runtime.mutator.Goroutine;
import glassgo.runtime.mutator.Mutator;
import glassgo.runtime.sched.FatalError;

import java.lang.foreign.Arena;

/**
 * A Go map is a hash table of 2^B buckets of 8 entries in native memory. The steps every operation
 * shares, numbered as in the code:
 * <ol>
 *   <li><b>Hash</b> the key with the map's own seed ({@code hash0}, random per map, renewed when the map
 *       becomes empty). The low B bits pick the bucket; the top byte is the entry's {@code tophash}.</li>
 *   <li><b>Find the bucket</b>: while the table grows, an old bucket that has not been evacuated yet still
 *       holds the key, so lookups read the old table there.</li>
 *   <li><b>Scan</b> the bucket and its overflow chain, comparing tophash bytes first and keys only on a
 *       match; {@code emptyRest} ends the scan early.</li>
 *   <li><b>Grow</b>, on an insert that would exceed the load factor 6.5 entries per bucket (double the
 *       table) or when overflow buckets are too many for the table (same size: rehash to compact, after
 *       many deletes). Growth is incremental: {@code hashGrow} only allocates the new table; each later
 *       assign or delete evacuates the bucket it touches plus one more in order ({@code growWork}), so no
 *       single operation pays for the whole copy.</li>
 *   <li><b>Evacuate</b> an old bucket: each entry goes to bucket {@code i} (X) or {@code i + 2^oldB} (Y)
 *       of the new table by the new hash bit; the old cell keeps a tophash saying where it went, which
 *       iterators read (see {@link Hiter}).</li>
 * </ol>
 *
 * <h2>Calling convention</h2>
 * Entry points take the running {@link Goroutine} (Go's getg()), the {@link MapType}, the map (an hmap
 * address, 0 for nil) and keys by address, exactly like Go's runtime functions: the caller owns the key's
 * memory. {@link #mapassign} returns the address of the elem slot, which the caller then fills (with
 * {@link TypedMem#typedmemmove} if it has pointers); {@link #mapaccess1} returns the elem's address or the
 * address of a shared zero value (never to be written); {@link #mapaccess2} returns 0 when the key is
 * absent (Go's {@code ok == false}). The caller keeps the map (and pointers it stores) rooted — in a frame
 * slot, a global or a heap object — as compiled code does by passing arguments on its stack. Maps are not
 * safe for concurrent use: as in Go, a detected concurrent write throws {@link FatalError} "concurrent map
 * writes".
 */
public final class Maps {
    /** An average of 6.5 entries per bucket triggers growth (Go measured this against overflow and waste). */
    private static final long LOAD_FACTOR_NUM = 13;
    private static final long LOAD_FACTOR_DEN = 2;
    /** Zero values for mapaccess1 live outside the heap, like Go's zeroVal array; never written. */
    private static final long ZERO_SIZE = 1024;
    private static final long ZERO_VAL = Arena.global().allocate(ZERO_SIZE, 8).address();

    private Maps() {
    }

    // --- creation ------------------------------------------------------------------------------------

    /** {@code make(map[K]V)} and {@code make(map[K]V, hint)} with a hint up to 8: no buckets yet (makemap_small). */
    public static long makemap_small(Goroutine g) {
        long h = g.mutator().alloc(Hmap.TYPE);
        Hmap.setHash0(h, Fastrand.next());
        return h;
    }

    /**
     * {@code make(map[K]V, hint)}: an hmap whose bucket array holds {@code hint} entries without growing.
     * A hint that is negative or too large for memory is treated as 0, as in Go (the compiler checks the
     * sign of a constant hint).
     */
    public static long makemap(Goroutine g, MapType t, long hint) {
        if (hint < 0 || Math.multiplyHigh(hint, t.bucketSize()) != 0 || hint * t.bucketSize() > (1L << 47)) {
            hint = 0;
        }
        Mutator mu = g.mutator();
        try (Frame f = g.frame(1)) {
            long h = mu.alloc(Hmap.TYPE);
            f.set(0, h);                      // live across the bucket array's allocation
            Hmap.setHash0(h, Fastrand.next());
            int b = 0;
            while (overLoadFactor(hint, b)) {
                b++;
            }
            Hmap.setB(h, b);
            if (b != 0) {
                long[] arr = makeBucketArray(mu, t, b);
                TypedMem.storePointer(mu, h + Hmap.BUCKETS, arr[0]);
                if (arr[1] != 0) {
                    TypedMem.storePointer(mu, extra(mu, h) + Hmap.EXTRA_NEXTOVERFLOW, arr[1]);
                }
            }
            return h;
        }
    }

    /**
     * A bucket array for 2^b buckets: {buckets, nextOverflow}. From b = 4 on, Go adds 2^(b−4) spare
     * overflow buckets (rounded up to fill the size class) after the regular ones, handed out by
     * newoverflow before it allocates; the last spare's overflow pointer is set (to the array) to mark
     * the end of the spares.
     */
    private static long[] makeBucketArray(Mutator mu, MapType t, int b) {
        long base = 1L << b;
        long nbuckets = base;
        if (b >= 4) {
            nbuckets += 1L << (b - 4);
            long sz = t.bucketSize() * nbuckets;
            long up = SizeClasses.roundUpSize(sz);
            if (up != sz) {
                nbuckets = up / t.bucketSize();
            }
        }
        long buckets = mu.allocArray(t.bucket(), nbuckets);
        long nextOverflow = 0;
        if (base != nbuckets) {
            nextOverflow = buckets + base * t.bucketSize();
            long last = buckets + (nbuckets - 1) * t.bucketSize();
            Bmap.setOverflow(mu, t, last, buckets);
        }
        return new long[] {buckets, nextOverflow};
    }

    private static boolean overLoadFactor(long count, int b) {
        return count > Bmap.BUCKET_CNT && count > LOAD_FACTOR_NUM * ((1L << b) / LOAD_FACTOR_DEN);
    }

    /** Whether noverflow is large for 2^B buckets (about one overflow bucket per bucket, capped at 2^15). */
    private static boolean tooManyOverflowBuckets(int noverflow, int b) {
        return noverflow >= 1 << Math.min(b, 15);
    }

    // --- lookup --------------------------------------------------------------------------------------

    /** {@code len(m)}. */
    public static long maplen(long h) {
        return h == 0 ? 0 : Hmap.count(h);
    }

    /** {@code m[key]}: the elem's address, or the address of a zero value of the elem type (never write it). */
    public static long mapaccess1(Goroutine g, MapType t, long h, long key) {
        long e = mapaccess2(g, t, h, key);
        return e != 0 ? e : zeroVal(t);
    }

    /**
     * {@code m[key]} for elems over 1024 bytes (Go's mapaccess1_fat): the compiler passes the address of a
     * zero value of the elem type, returned when the key is absent.
     */
    public static long mapaccess1_fat(Goroutine g, MapType t, long h, long key, long zero) {
        long e = mapaccess2(g, t, h, key);
        return e != 0 ? e : zero;
    }

    /** {@code v, ok := m[key]}: the elem's address, or 0 when the key is absent (ok is {@code result != 0}). */
    public static long mapaccess2(Goroutine g, MapType t, long h, long key) {
        long slot = findSlot(t, h, key);
        return slot == 0 ? 0 : Bmap.elem(t, Bmap.elemSlot(t, slot & ~7L, (int) (slot & 7)));
    }

    /** Steps 1–3. The bucket holding the key with its index in the low 3 bits, or 0. */
    static long findSlot(MapType t, long h, long key) {
        if (h == 0 || Hmap.count(h) == 0) {
            return 0;
        }
        if ((Hmap.flags(h) & Hmap.HASH_WRITING) != 0) {
            throw new FatalError("concurrent map read and map write");
        }
        long hash = t.hasher().hash(key, Hmap.hash0(h));
        long mask = (1L << Hmap.b(h)) - 1;
        long b = Hmap.buckets(h) + (hash & mask) * t.bucketSize();
        long old = Hmap.oldbuckets(h);
        if (old != 0) {
            if (!Hmap.sameSizeGrow(h)) {
                mask >>>= 1;              // there used to be half as many buckets
            }
            long oldb = old + (hash & mask) * t.bucketSize();
            if (!Bmap.evacuated(oldb)) {
                b = oldb;
            }
        }
        int top = Bmap.tophash(hash);
        for (; b != 0; b = Bmap.overflow(t, b)) {
            for (int i = 0; i < Bmap.BUCKET_CNT; i++) {
                int th = Bmap.tophashAt(b, i);
                if (th != top) {
                    if (th == Bmap.EMPTY_REST) {
                        return 0;
                    }
                    continue;
                }
                if (t.hasher().equal(key, Bmap.key(t, Bmap.keySlot(t, b, i)))) {
                    return b | i;
                }
            }
        }
        return 0;
    }

    /** The address of at least {@code elem.size} zero bytes. */
    private static long zeroVal(MapType t) {
        if (t.elem().size() > ZERO_SIZE) {
            throw new IllegalArgumentException("maps: mapaccess1 of " + t + ": elems over " + ZERO_SIZE
                    + " bytes need the caller's zero value (Go's mapaccess1_fat)");
        }
        return ZERO_VAL;
    }

    // --- assign --------------------------------------------------------------------------------------

    /**
     * {@code m[key] = ...}: finds or makes the key's entry and returns the address of its elem slot for the
     * caller to fill. Panics "assignment to entry in nil map" on a nil map. May allocate (buckets, overflow
     * buckets, indirect keys and elems) and evacuate old buckets.
     */
    public static long mapassign(Goroutine g, MapType t, long h, long key) {
        if (h == 0) {
            throw GoPanic.plainError("assignment to entry in nil map");
        }
        Mutator mu = g.mutator();
        if ((Hmap.flags(h) & Hmap.HASH_WRITING) != 0) {
            throw new FatalError("concurrent map writes");
        }
        long hash = t.hasher().hash(key, Hmap.hash0(h));
        // Set hashWriting after hashing: a hash function that panics (an unhashable interface key) must not
        // leave the map marked as being written.
        Hmap.setFlags(h, Hmap.flags(h) ^ Hmap.HASH_WRITING);
        if (Hmap.buckets(h) == 0) {
            TypedMem.storePointer(mu, h + Hmap.BUCKETS, mu.alloc(t.bucket()));
        }
        int top = Bmap.tophash(hash);
        long elemSlot;
        while (true) {
            long bucket = hash & ((1L << Hmap.b(h)) - 1);
            if (Hmap.growing(h)) {
                growWork(mu, t, h, bucket);
            }
            long b = Hmap.buckets(h) + bucket * t.bucketSize();
            long insertB = 0;
            int insertI = 0;
            long found = 0;
            scan:
            while (true) {
                for (int i = 0; i < Bmap.BUCKET_CNT; i++) {
                    int th = Bmap.tophashAt(b, i);
                    if (th != top) {
                        if (Bmap.isEmpty(th) && insertB == 0) {
                            insertB = b;
                            insertI = i;
                        }
                        if (th == Bmap.EMPTY_REST) {
                            break scan;
                        }
                        continue;
                    }
                    long k = Bmap.key(t, Bmap.keySlot(t, b, i));
                    if (!t.hasher().equal(key, k)) {
                        continue;
                    }
                    if (t.needKeyUpdate()) {
                        TypedMem.typedmemmove(mu, t.key(), k, key);   // e.g. -0 replaced by +0, as Go does
                    }
                    found = Bmap.elemSlot(t, b, i);
                    break scan;
                }
                long ovf = Bmap.overflow(t, b);
                if (ovf == 0) {
                    break;
                }
                b = ovf;
            }
            if (found != 0) {
                elemSlot = found;
                break;
            }
            // Step 4: at the load factor, or with too many overflow buckets, grow and start over (growing
            // invalidates everything found so far).
            long count = Hmap.count(h);
            if (!Hmap.growing(h) && (overLoadFactor(count + 1, Hmap.b(h))
                    || tooManyOverflowBuckets(Hmap.noverflow(h), Hmap.b(h)))) {
                hashGrow(mu, t, h);
                continue;
            }
            if (insertB == 0) {
                insertB = newoverflow(mu, t, h, b);   // every cell full: a new bucket in the chain
                insertI = 0;
            }
            long keySlot = Bmap.keySlot(t, insertB, insertI);
            elemSlot = Bmap.elemSlot(t, insertB, insertI);
            if (t.indirectKey()) {
                TypedMem.storePointer(mu, keySlot, mu.alloc(t.key()));
            }
            if (t.indirectElem()) {
                TypedMem.storePointer(mu, elemSlot, mu.alloc(t.elem()));
            }
            TypedMem.typedmemmove(mu, t.key(), Bmap.key(t, keySlot), key);
            Bmap.setTophash(insertB, insertI, top);
            Hmap.setCount(h, count + 1);
            break;
        }
        int flags = Hmap.flags(h);
        if ((flags & Hmap.HASH_WRITING) == 0) {
            throw new FatalError("concurrent map writes");
        }
        Hmap.setFlags(h, flags & ~Hmap.HASH_WRITING);
        return Bmap.elem(t, elemSlot);
    }

    // --- delete --------------------------------------------------------------------------------------

    /** {@code delete(m, key)}: a no-op on a nil or empty map or a missing key. */
    public static void mapdelete(Goroutine g, MapType t, long h, long key) {
        if (h == 0 || Hmap.count(h) == 0) {
            return;
        }
        Mutator mu = g.mutator();
        if ((Hmap.flags(h) & Hmap.HASH_WRITING) != 0) {
            throw new FatalError("concurrent map writes");
        }
        long hash = t.hasher().hash(key, Hmap.hash0(h));
        Hmap.setFlags(h, Hmap.flags(h) ^ Hmap.HASH_WRITING);
        long bucket = hash & ((1L << Hmap.b(h)) - 1);
        if (Hmap.growing(h)) {
            growWork(mu, t, h, bucket);
        }
        long bOrig = Hmap.buckets(h) + bucket * t.bucketSize();
        int top = Bmap.tophash(hash);
        search:
        for (long b = bOrig; b != 0; b = Bmap.overflow(t, b)) {
            for (int i = 0; i < Bmap.BUCKET_CNT; i++) {
                int th = Bmap.tophashAt(b, i);
                if (th != top) {
                    if (th == Bmap.EMPTY_REST) {
                        break search;
                    }
                    continue;
                }
                long ks = Bmap.keySlot(t, b, i);
                if (!t.hasher().equal(key, Bmap.key(t, ks))) {
                    continue;
                }
                clearEntry(mu, t, b, i);
                Bmap.setTophash(b, i, Bmap.EMPTY_ONE);
                markEmptyRest(t, bOrig, b, i);
                long count = Hmap.count(h) - 1;
                Hmap.setCount(h, count);
                if (count == 0) {
                    // A fresh seed once empty makes it harder to build a sequence of collisions on purpose.
                    Hmap.setHash0(h, Fastrand.next());
                }
                break search;
            }
        }
        int flags = Hmap.flags(h);
        if ((flags & Hmap.HASH_WRITING) == 0) {
            throw new FatalError("concurrent map writes");
        }
        Hmap.setFlags(h, flags & ~Hmap.HASH_WRITING);
    }

    /** Clears a deleted entry so the collector does not keep what it referenced. */
    private static void clearEntry(Mutator mu, MapType t, long b, int i) {
        long ks = Bmap.keySlot(t, b, i);
        if (t.indirectKey()) {
            TypedMem.storePointer(mu, ks, 0);
        } else if (!t.key().noscan()) {
            TypedMem.typedmemclr(mu, t.key(), ks);
        }
        long es = Bmap.elemSlot(t, b, i);
        if (t.indirectElem()) {
            TypedMem.storePointer(mu, es, 0);
        } else {
            TypedMem.typedmemclr(mu, t.elem(), es);
        }
    }

    /**
     * After cell i of bucket b became emptyOne: if every later cell of the chain is empty, turn this
     * cell and the empty ones before it into emptyRest, walking backwards across the chain, so that
     * lookups stop early.
     */
    private static void markEmptyRest(MapType t, long bOrig, long b, int i) {
        if (i == Bmap.BUCKET_CNT - 1) {
            long ovf = Bmap.overflow(t, b);
            if (ovf != 0 && Bmap.tophashAt(ovf, 0) != Bmap.EMPTY_REST) {
                return;
            }
        } else if (Bmap.tophashAt(b, i + 1) != Bmap.EMPTY_REST) {
            return;
        }
        while (true) {
            Bmap.setTophash(b, i, Bmap.EMPTY_REST);
            if (i == 0) {
                if (b == bOrig) {
                    return;                       // the start of the chain
                }
                long c = b;
                b = bOrig;
                while (Bmap.overflow(t, b) != c) {
                    b = Bmap.overflow(t, b);
                }
                i = Bmap.BUCKET_CNT - 1;
            } else {
                i--;
            }
            if (Bmap.tophashAt(b, i) != Bmap.EMPTY_ONE) {
                return;
            }
        }
    }

    /**
     * {@code for k := range m { delete(m, k) }}, which the compiler turns into one call (Go's mapclear):
     * the map keeps its size B and gets a fresh bucket array and seed. Iterators already running see no
     * more entries, as after deleting each one.
     */
    public static void mapclear(Goroutine g, MapType t, long h) {
        if (h == 0 || Hmap.count(h) == 0) {
            return;
        }
        Mutator mu = g.mutator();
        int flags = Hmap.flags(h);
        if ((flags & Hmap.HASH_WRITING) != 0) {
            throw new FatalError("concurrent map writes");
        }
        Hmap.setFlags(h, (flags ^ Hmap.HASH_WRITING) & ~Hmap.SAME_SIZE_GROW);
        // Go clears the bucket array in place, so a running iterator (which holds that array) finds nothing
        // more. Here the map gets a fresh array instead, and the cells of the arrays an iterator may hold,
        // overflow chains included, are marked empty so that it, too, finds nothing more.
        emptyTable(t, Hmap.buckets(h), Hmap.b(h));
        long old = Hmap.oldbuckets(h);
        if (old != 0) {
            emptyTable(t, old, Hmap.b(h) - (Hmap.sameSizeGrow(h) ? 0 : 1));
        }
        TypedMem.storePointer(mu, h + Hmap.OLDBUCKETS, 0);
        Hmap.setNevacuate(h, 0);
        Hmap.setNoverflow(h, 0);
        Hmap.setCount(h, 0);
        Hmap.setHash0(h, Fastrand.next());
        long extra = Hmap.extra(h);
        if (extra != 0) {
            TypedMem.storePointer(mu, extra + Hmap.EXTRA_OVERFLOW, 0);
            TypedMem.storePointer(mu, extra + Hmap.EXTRA_OLDOVERFLOW, 0);
            TypedMem.storePointer(mu, extra + Hmap.EXTRA_NEXTOVERFLOW, 0);
        }
        long[] arr = makeBucketArray(mu, t, Hmap.b(h));
        TypedMem.storePointer(mu, h + Hmap.BUCKETS, arr[0]);
        if (arr[1] != 0) {
            TypedMem.storePointer(mu, extra(mu, h) + Hmap.EXTRA_NEXTOVERFLOW, arr[1]);
        }
        flags = Hmap.flags(h);
        if ((flags & Hmap.HASH_WRITING) == 0) {
            throw new FatalError("concurrent map writes");
        }
        Hmap.setFlags(h, flags & ~Hmap.HASH_WRITING);
    }

    /** Marks every cell of a table's chains emptyRest, so iterators over it see nothing more. */
    private static void emptyTable(MapType t, long buckets, int b) {
        for (long i = 0; i < 1L << b; i++) {
            for (long c = buckets + i * t.bucketSize(); c != 0; c = Bmap.overflow(t, c)) {
                TypedMem.memclr(c, Bmap.BUCKET_CNT);
            }
        }
    }

    // --- growth --------------------------------------------------------------------------------------

    /**
     * Step 4: starts growing — allocate the new table, make the current one old. Doubles the table unless
     * the trigger was too many overflow buckets, in which case the size stays and the rehash compacts.
     */
    private static void hashGrow(Mutator mu, MapType t, long h) {
        int bigger = 1;
        if (!overLoadFactor(Hmap.count(h) + 1, Hmap.b(h))) {
            bigger = 0;
            Hmap.setFlags(h, Hmap.flags(h) | Hmap.SAME_SIZE_GROW);
        }
        long old = Hmap.buckets(h);
        long[] arr = makeBucketArray(mu, t, Hmap.b(h) + bigger);
        // Iterators running now iterate over what becomes the old table.
        int f = Hmap.flags(h);
        int flags = f & ~(Hmap.ITERATOR | Hmap.OLD_ITERATOR);
        if ((f & Hmap.ITERATOR) != 0) {
            flags |= Hmap.OLD_ITERATOR;
        }
        Hmap.setB(h, Hmap.b(h) + bigger);
        Hmap.setFlags(h, flags);
        TypedMem.storePointer(mu, h + Hmap.OLDBUCKETS, old);
        TypedMem.storePointer(mu, h + Hmap.BUCKETS, arr[0]);
        Hmap.setNevacuate(h, 0);
        Hmap.setNoverflow(h, 0);
        long extra = Hmap.extra(h);
        if (extra != 0 && TypedMem.getLong(extra + Hmap.EXTRA_OVERFLOW) != 0) {
            TypedMem.storePointer(mu, extra + Hmap.EXTRA_OLDOVERFLOW, TypedMem.getLong(extra + Hmap.EXTRA_OVERFLOW));
            TypedMem.storePointer(mu, extra + Hmap.EXTRA_OVERFLOW, 0);
        }
        if (arr[1] != 0) {
            TypedMem.storePointer(mu, extra(mu, h) + Hmap.EXTRA_NEXTOVERFLOW, arr[1]);
        }
        // The actual copying happens in growWork and evacuate, a bucket or two per write.
    }

    /** Evacuates the old bucket the caller is about to use, and one more to keep growth moving. */
    private static void growWork(Mutator mu, MapType t, long h, long bucket) {
        evacuate(mu, t, h, bucket & Hmap.oldbucketmask(h));
        if (Hmap.growing(h)) {
            evacuate(mu, t, h, Hmap.nevacuate(h));
        }
    }

    private static boolean bucketEvacuated(MapType t, long h, long bucket) {
        return Bmap.evacuated(Hmap.oldbuckets(h) + bucket * t.bucketSize());
    }

    /** A destination while evacuating: bucket, next free cell. */
    private static final class EvacDst {
        long b;
        int i;

        EvacDst(long b) {
            this.b = b;
        }
    }

    /** Step 5: moves every entry of old bucket {@code oldbucket}'s chain to X or Y of the new table. */
    private static void evacuate(Mutator mu, MapType t, long h, long oldbucket) {
        long b = Hmap.oldbuckets(h) + oldbucket * t.bucketSize();
        long newbit = Hmap.noldbuckets(h);
        if (!Bmap.evacuated(b)) {
            EvacDst x = new EvacDst(Hmap.buckets(h) + oldbucket * t.bucketSize());
            EvacDst y = Hmap.sameSizeGrow(h) ? null : new EvacDst(Hmap.buckets(h) + (oldbucket + newbit) * t.bucketSize());
            for (long c = b; c != 0; c = Bmap.overflow(t, c)) {
                for (int i = 0; i < Bmap.BUCKET_CNT; i++) {
                    int top = Bmap.tophashAt(c, i);
                    if (Bmap.isEmpty(top)) {
                        Bmap.setTophash(c, i, Bmap.EVACUATED_EMPTY);
                        continue;
                    }
                    if (top < Bmap.MIN_TOP_HASH) {
                        throw new IllegalStateException("maps: bad map state: tophash " + top + " in an unevacuated bucket");
                    }
                    long ks = Bmap.keySlot(t, c, i);
                    long k = Bmap.key(t, ks);
                    int useY = 0;
                    if (y != null) {
                        long hash = t.hasher().hash(k, Hmap.hash0(h));
                        if ((Hmap.flags(h) & Hmap.ITERATOR) != 0 && !t.reflexiveKey() && !t.hasher().equal(k, k)) {
                            // A NaN key hashes differently every time, so its new bucket is arbitrary; an
                            // iterator must be able to recompute the choice, so take it from the old
                            // tophash's low bit and give the entry a fresh tophash.
                            useY = top & 1;
                            top = Bmap.tophash(hash);
                        } else if ((hash & newbit) != 0) {
                            useY = 1;
                        }
                    }
                    Bmap.setTophash(c, i, Bmap.EVACUATED_X + useY);
                    EvacDst dst = useY == 0 ? x : y;
                    if (dst.i == Bmap.BUCKET_CNT) {
                        dst.b = newoverflow(mu, t, h, dst.b);
                        dst.i = 0;
                    }
                    Bmap.setTophash(dst.b, dst.i, top);
                    long dk = Bmap.keySlot(t, dst.b, dst.i);
                    long de = Bmap.elemSlot(t, dst.b, dst.i);
                    long es = Bmap.elemSlot(t, c, i);
                    if (t.indirectKey()) {
                        TypedMem.storePointer(mu, dk, TypedMem.getLong(ks));
                    } else {
                        TypedMem.typedmemmove(mu, t.key(), dk, ks);
                    }
                    if (t.indirectElem()) {
                        TypedMem.storePointer(mu, de, TypedMem.getLong(es));
                    } else {
                        TypedMem.typedmemmove(mu, t.elem(), de, es);
                    }
                    dst.i++;
                }
            }
            // With no iterator on the old table, drop its references so the collector can free what only
            // the old cells kept alive (tophash stays: it records where each entry went).
            if ((Hmap.flags(h) & Hmap.OLD_ITERATOR) == 0 && !t.bucket().noscan()) {
                clearBucketData(mu, t, b);
            }
        }
        if (oldbucket == Hmap.nevacuate(h)) {
            advanceEvacuationMark(mu, t, h, newbit);
        }
    }

    /** Clears everything after the tophash bytes of bucket b (keys, elems, overflow), barriered. */
    private static void clearBucketData(Mutator mu, MapType t, long b) {
        long words = t.bucketSize() / 8;
        for (long w = 1; w < words; w++) {
            long a = b + w * 8;
            if (t.bucket().isPointerWord(w)) {
                if (TypedMem.getLong(a) != 0) {
                    TypedMem.storePointer(mu, a, 0);
                }
            } else {
                TypedMem.putLong(a, 0);
            }
        }
    }

    /**
     * Moves nevacuate past evacuated buckets (at most 1024 per call, to bound the work); when all are,
     * the growth is over: the old table and its overflow list are dropped.
     */
    private static void advanceEvacuationMark(Mutator mu, MapType t, long h, long newbit) {
        long n = Hmap.nevacuate(h) + 1;
        long stop = Math.min(n + 1024, newbit);
        while (n != stop && bucketEvacuated(t, h, n)) {
            n++;
        }
        Hmap.setNevacuate(h, n);
        if (n == newbit) {
            TypedMem.storePointer(mu, h + Hmap.OLDBUCKETS, 0);
            long extra = Hmap.extra(h);
            if (extra != 0) {
                TypedMem.storePointer(mu, extra + Hmap.EXTRA_OLDOVERFLOW, 0);
            }
            Hmap.setFlags(h, Hmap.flags(h) & ~Hmap.SAME_SIZE_GROW);
        }
    }

    // --- overflow buckets ----------------------------------------------------------------------------

    /** h.extra, allocated on first use. */
    static long extra(Mutator mu, long h) {
        long e = Hmap.extra(h);
        if (e == 0) {
            e = mu.alloc(Hmap.EXTRA_TYPE);
            TypedMem.storePointer(mu, h + Hmap.EXTRA, e);
        }
        return e;
    }

    /** Go's createOverflow: h.extra.overflow exists (for noscan buckets and their iterators). */
    static void createOverflow(Mutator mu, long h) {
        long e = extra(mu, h);
        if (TypedMem.getLong(e + Hmap.EXTRA_OVERFLOW) == 0) {
            TypedMem.storePointer(mu, e + Hmap.EXTRA_OVERFLOW, mu.alloc(Hmap.LIST_TYPE));
        }
    }

    /**
     * A new overflow bucket chained after b: a preallocated spare if one is left, else a fresh bucket. For
     * noscan buckets it is also appended to h.extra.overflow. Room in that list is made before the bucket
     * is allocated, so that the new bucket is never held only by this method across an allocation.
     */
    private static long newoverflow(Mutator mu, MapType t, long h, long b) {
        long list = 0;
        if (t.noscanBuckets()) {
            createOverflow(mu, h);
            list = TypedMem.getLong(Hmap.extra(h) + Hmap.EXTRA_OVERFLOW);
            ensureRoom(mu, list);
        }
        long ovf;
        long extra = Hmap.extra(h);
        long next = extra == 0 ? 0 : TypedMem.getLong(extra + Hmap.EXTRA_NEXTOVERFLOW);
        if (next != 0) {
            ovf = next;
            if (Bmap.overflow(t, ovf) == 0) {
                TypedMem.storePointer(mu, extra + Hmap.EXTRA_NEXTOVERFLOW, ovf + t.bucketSize());
            } else {
                // The last spare: its overflow pointer was the end marker.
                Bmap.setOverflow(mu, t, ovf, 0);
                TypedMem.storePointer(mu, extra + Hmap.EXTRA_NEXTOVERFLOW, 0);
            }
        } else {
            ovf = mu.alloc(t.bucket());
        }
        incrnoverflow(h);
        if (list != 0) {
            long len = TypedMem.getLong(list + Hmap.LIST_LEN);
            TypedMem.storePointer(mu, TypedMem.getLong(list + Hmap.LIST_ARRAY) + len * 8, ovf);
            TypedMem.putLong(list + Hmap.LIST_LEN, len + 1);
        }
        Bmap.setOverflow(mu, t, b, ovf);
        return ovf;
    }

    /** Makes room for one more bucket pointer in an overflow list (append's growth: double, at least 4). */
    private static void ensureRoom(Mutator mu, long list) {
        long len = TypedMem.getLong(list + Hmap.LIST_LEN);
        long cap = TypedMem.getLong(list + Hmap.LIST_CAP);
        if (len < cap) {
            return;
        }
        long ncap = Math.max(4, cap * 2);
        long arr = mu.allocArray(Hmap.BUCKET_PTR, ncap);
        long old = TypedMem.getLong(list + Hmap.LIST_ARRAY);
        for (long i = 0; i < len; i++) {
            TypedMem.storePointer(mu, arr + i * 8, TypedMem.getLong(old + i * 8));
        }
        TypedMem.storePointer(mu, list + Hmap.LIST_ARRAY, arr);
        TypedMem.putLong(list + Hmap.LIST_CAP, ncap);
    }

    /**
     * Counts an overflow bucket: exactly while there are few buckets, then with probability 1/2^(B−15), so
     * that the 16-bit counter approximates "as many overflow buckets as buckets" for any B.
     */
    private static void incrnoverflow(long h) {
        int b = Hmap.b(h);
        if (b < 16) {
            Hmap.setNoverflow(h, Hmap.noverflow(h) + 1);
            return;
        }
        int mask = (1 << (b - 15)) - 1;
        if ((Fastrand.next() & mask) == 0) {
            Hmap.setNoverflow(h, Hmap.noverflow(h) + 1);
        }
    }
}
