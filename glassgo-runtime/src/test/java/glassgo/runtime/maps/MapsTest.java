// Tests of glassgo's Go maps: a property test against java.util.HashMap with the collector running
// during growth, iteration during growth and deletion, randomized order, Go's key rules (NaN, ±0,
// strings, structs, big keys) and the nil-map panic.
package glassgo.runtime.maps;

import glassgo.runtime.malloc.GoType;
import glassgo.runtime.mutator.Frame;
import glassgo.runtime.mutator.GoPanic;
import glassgo.runtime.mutator.Goroutine;
import glassgo.runtime.mutator.Mutator;
import glassgo.runtime.sched.GoroutinePanic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.lang.foreign.Arena;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static glassgo.runtime.maps.MapTestSupport.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MapsTest {
    private static long scratch(long bytes) {
        return Arena.global().allocate(bytes, 8).address();
    }

    private static long getInt(Goroutine g, MapType t, long h, long k, long keyBuf) {
        TypedMem.putLong(keyBuf, k);
        long e = Maps.mapaccess2(g, t, h, keyBuf);
        return e == 0 ? Long.MIN_VALUE : TypedMem.getLong(e);
    }

    private static void putInt(Goroutine g, MapType t, long h, long k, long v, long keyBuf) {
        TypedMem.putLong(keyBuf, k);
        TypedMem.putLong(Maps.mapassign(g, t, h, keyBuf), v);
    }

    /** Iterates the whole map with a heap iterator kept in frame slot {@code slot}; returns key→elem. */
    private static Map<Long, Long> collectInts(Goroutine g, MapType t, long h, Frame f, int slot) {
        long it = g.mutator().alloc(Hiter.TYPE);
        f.set(slot, it);
        Map<Long, Long> seen = new HashMap<>();
        for (Hiter.mapiterinit(g, t, h, it); Hiter.key(it) != 0; Hiter.mapiternext(g, t, it)) {
            Long prev = seen.put(TypedMem.getLong(Hiter.key(it)), TypedMem.getLong(Hiter.elem(it)));
            assertThat(prev).as("key visited twice").isNull();
        }
        f.set(slot, 0);
        return seen;
    }

    /** Seeded random assign/delete/lookup/iterate on map[int64]int64 with GC cycles running throughout. */
    private static Run intPropertyRun(long seed, int ops, int keyRange, String godebug) throws InterruptedException {
        return runWithCollector(2, godebug, g -> {
            Random rnd = new Random(seed);
            Map<Long, Long> ref = new HashMap<>();
            long kb = scratch(8);
            try (Frame f = g.frame(2)) {
                f.set(0, rnd.nextBoolean() ? Maps.makemap_small(g) : Maps.makemap(g, INT_INT, rnd.nextInt(100)));
                for (int op = 0; op < ops; op++) {
                    g.preemptPoll();                    // a loop back-edge: where the world can stop
                    long h = f.get(0);
                    long k = rnd.nextInt(keyRange) - keyRange / 4;
                    int what = rnd.nextInt(100);
                    if (what < 50) {
                        long v = rnd.nextLong();
                        putInt(g, INT_INT, h, k, v, kb);
                        ref.put(k, v);
                    } else if (what < 80) {
                        TypedMem.putLong(kb, k);
                        Maps.mapdelete(g, INT_INT, h, kb);
                        ref.remove(k);
                    } else if (what < 99) {
                        long got = getInt(g, INT_INT, h, k, kb);
                        assertThat(got).as("lookup of %d after %d ops", k, op).isEqualTo(ref.getOrDefault(k, Long.MIN_VALUE));
                    } else {
                        assertThat(collectInts(g, INT_INT, h, f, 1)).isEqualTo(ref);
                    }
                    assertThat(Maps.maplen(h)).isEqualTo(ref.size());
                    // Allocate garbage now and then so the collector's cycles interleave with growth.
                    if ((op & 1) == 0) {
                        g.mutator().allocBytes(64);
                    }
                }
                assertThat(collectInts(g, INT_INT, f.get(0), f, 1)).isEqualTo(ref);
            }
        });
    }

    @Test
    void intMapMatchesHashMapOverRandomOperationsWhileTheCollectorRuns() throws InterruptedException {
        // Stop-the-world cycles: a cycle every 100 allocations, each complete before the mutator goes on.
        Run stw = intPropertyRun(1, 25_000, 3_000, "gcstoptheworld=1,gcstress=100");
        assertThat(stw.gcCycles()).as("stop-the-world cycles during the run").isGreaterThan(100);
        // Concurrent cycles: marking overlaps the map's growth, so the write barrier must see every store.
        Run conc = intPropertyRun(2, 25_000, 3_000, "gcstress=100");
        assertThat(conc.gcCycles()).as("concurrent cycles during the run").isGreaterThan(2);
        // A small key range: constant deletes and same-size growth.
        intPropertyRun(3, 15_000, 200, "gcstress=100");
    }

    @Test
    @EnabledIfSystemProperty(named = "glassgo.long", matches = "true")
    void intMapPropertyLongRun() throws InterruptedException {
        for (long seed = 10; seed < 16; seed++) {
            intPropertyRun(seed, 500_000, 100_000, "gcstress=1000");
        }
    }

    /** A Go string in the heap: its bytes in a fresh noscan object; the header written at {@code hdr}. */
    private static long newString(Mutator mu, String s, long hdr) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        long data = mu.allocBytes(b.length);
        for (int i = 0; i < b.length; i++) {
            TypedMem.putByte(data + i, b[i]);
        }
        TypedMem.putLong(hdr, data);
        TypedMem.putLong(hdr + 8, b.length);
        return data;
    }

    @Test
    void stringKeysAndPointerElemsOnlyTheMapReferencesSurviveCollection() throws InterruptedException {
        Run stw = stringPropertyRun("gcstoptheworld=1,gcstress=50");
        assertThat(stw.gcCycles()).isGreaterThan(100);
        Run conc = stringPropertyRun("gcstress=50");
        assertThat(conc.gcCycles()).isGreaterThan(2);
    }

    private static Run stringPropertyRun(String godebug) throws InterruptedException {
        return runWithCollector(2, godebug, g -> {
            Mutator mu = g.mutator();
            Random rnd = new Random(3);
            Map<String, Long> ref = new HashMap<>();
            long hdr = scratch(16);
            try (Frame f = g.frame(4)) {
                f.set(0, Maps.makemap_small(g));
                for (int op = 0; op < 12_000; op++) {
                    g.preemptPoll();
                    String key = "key-" + rnd.nextInt(3000) + "-" + "x".repeat(rnd.nextInt(40));
                    f.set(1, newString(mu, key, hdr));   // the key's bytes: live until mapassign copied the header
                    int what = rnd.nextInt(10);
                    if (what < 5) {
                        long node = mu.alloc(NODE);
                        long v = rnd.nextLong();
                        mu.writeLong(node, 0, v);
                        f.set(2, node);
                        long e = Maps.mapassign(g, STR_PTR, f.get(0), hdr);
                        TypedMem.storePointer(mu, e, f.get(2));
                        ref.put(key, v);
                    } else if (what < 7) {
                        Maps.mapdelete(g, STR_PTR, f.get(0), hdr);
                        ref.remove(key);
                    } else {
                        long e = Maps.mapaccess2(g, STR_PTR, f.get(0), hdr);
                        Long want = ref.get(key);
                        if (want == null) {
                            assertThat(e).as("absent key %s", key).isZero();
                        } else {
                            assertThat(e).as("present key %s", key).isNotZero();
                            assertThat(mu.readLong(TypedMem.getLong(e), 0)).as("value of %s (poisoned if freed)", key).isEqualTo(want);
                        }
                    }
                    f.set(1, 0);
                    f.set(2, 0);
                }
                // Every key and node the map still holds is intact after all those cycles.
                long it = mu.alloc(Hiter.TYPE);
                f.set(3, it);
                Map<String, Long> seen = new HashMap<>();
                for (Hiter.mapiterinit(g, STR_PTR, f.get(0), it); Hiter.key(it) != 0; Hiter.mapiternext(g, STR_PTR, it)) {
                    long k = Hiter.key(it);
                    byte[] b = new byte[(int) TypedMem.getLong(k + 8)];
                    for (int i = 0; i < b.length; i++) {
                        b[i] = TypedMem.getByte(TypedMem.getLong(k) + i);
                    }
                    seen.put(new String(b, StandardCharsets.UTF_8), mu.readLong(TypedMem.getLong(Hiter.elem(it)), 0));
                }
                assertThat(seen).isEqualTo(ref);
            }
        });
    }

    @Test
    void iterationVisitsEveryKeyOnceWhileTheMapGrowsAndLosesEntries() throws InterruptedException {
        run(g -> {
            Random rnd = new Random(4);
            long kb = scratch(8);
            for (int round = 0; round < 40; round++) {
                try (Frame f = g.frame(2)) {
                    f.set(0, Maps.makemap_small(g));
                    long h = f.get(0);
                    int n = 1 + rnd.nextInt(300);
                    Set<Long> present = new HashSet<>();
                    for (long k = 0; k < n; k++) {
                        putInt(g, INT_INT, h, k, k * 10, kb);
                        present.add(k);
                    }
                    Set<Long> atStart = new HashSet<>(present);
                    Set<Long> deleted = new HashSet<>();
                    Set<Long> seen = new HashSet<>();
                    long it = g.mutator().alloc(Hiter.TYPE);
                    f.set(1, it);
                    long next = n;
                    for (Hiter.mapiterinit(g, INT_INT, h, it); Hiter.key(it) != 0; Hiter.mapiternext(g, INT_INT, it)) {
                        long k = TypedMem.getLong(Hiter.key(it));
                        assertThat(seen.add(k)).as("key %d visited twice", k).isTrue();
                        assertThat(deleted).as("a deleted key was visited").doesNotContain(k);
                        assertThat(TypedMem.getLong(Hiter.elem(it))).isEqualTo(k * 10);
                        // Grow the map under the iterator and delete keys not yet visited (and visited ones).
                        for (int j = rnd.nextInt(6); j > 0; j--) {
                            putInt(g, INT_INT, h, next, next * 10, kb);
                            next++;
                        }
                        if (rnd.nextInt(3) == 0) {
                            long victim = rnd.nextInt(n);
                            TypedMem.putLong(kb, victim);
                            Maps.mapdelete(g, INT_INT, h, kb);
                            if (present.remove(victim)) {
                                deleted.add(victim);
                            }
                        }
                    }
                    for (long k : atStart) {
                        if (!deleted.contains(k)) {
                            assertThat(seen).as("round %d: key %d present throughout was not visited", round, k).contains(k);
                        }
                    }
                }
            }
        });
    }

    @Test
    void iterationStartedDuringGrowthSeesEachEntryOnce() throws InterruptedException {
        run(g -> {
            long kb = scratch(8);
            int started = 0;
            for (int n = 9; n < 2000; n += 97) {
                try (Frame f = g.frame(2)) {
                    f.set(0, Maps.makemap_small(g));
                    long h = f.get(0);
                    long k = 0;
                    // Insert until a growth starts, then iterate while it is in progress.
                    while (k < n || !Hmap.growing(h)) {
                        putInt(g, INT_INT, h, k, ~k, kb);
                        k++;
                    }
                    started++;
                    long it = g.mutator().alloc(Hiter.TYPE);
                    f.set(1, it);
                    Set<Long> seen = new HashSet<>();
                    int steps = 0;
                    for (Hiter.mapiterinit(g, INT_INT, h, it); Hiter.key(it) != 0; Hiter.mapiternext(g, INT_INT, it)) {
                        long key = TypedMem.getLong(Hiter.key(it));
                        assertThat(seen.add(key)).as("key %d visited twice", key).isTrue();
                        assertThat(TypedMem.getLong(Hiter.elem(it))).isEqualTo(~key);
                        if (++steps % 3 == 0) {
                            TypedMem.putLong(kb, key);    // an assign of an existing key evacuates buckets
                            TypedMem.putLong(Maps.mapassign(g, INT_INT, h, kb), ~key);
                        }
                    }
                    assertThat(seen).hasSize((int) k);
                }
            }
            assertThat(started).isGreaterThan(15);
        });
    }

    @Test
    void twoMapsWithTheSameKeysIterateInDifferentOrders() throws InterruptedException {
        run(g -> {
            long kb = scratch(8);
            try (Frame f = g.frame(3)) {
                f.set(0, Maps.makemap_small(g));
                f.set(1, Maps.makemap_small(g));
                for (long k = 0; k < 100; k++) {
                    putInt(g, INT_INT, f.get(0), k, k, kb);
                    putInt(g, INT_INT, f.get(1), k, k, kb);
                }
                List<Long> a = order(g, f.get(0), f);
                List<Long> b = order(g, f.get(1), f);
                assertThat(a).containsExactlyInAnyOrderElementsOf(b);
                assertThat(a).isNotEqualTo(b);
                // Even the same map starts elsewhere each time: of 20 iterations, several orders occur.
                Set<List<Long>> orders = new HashSet<>();
                for (int i = 0; i < 20; i++) {
                    orders.add(order(g, f.get(0), f));
                }
                assertThat(orders.size()).isGreaterThan(5);
            }
        });
    }

    private static List<Long> order(Goroutine g, long h, Frame f) {
        long it = g.mutator().alloc(Hiter.TYPE);
        f.set(2, it);
        List<Long> out = new ArrayList<>();
        for (Hiter.mapiterinit(g, INT_INT, h, it); Hiter.key(it) != 0; Hiter.mapiternext(g, INT_INT, it)) {
            out.add(TypedMem.getLong(Hiter.key(it)));
        }
        return out;
    }

    @Test
    void nanKeysAreNeverFoundAndEachInsertAddsAnEntryWhileZerosAreOneKey() throws InterruptedException {
        run(g -> {
            long kb = scratch(8);
            try (Frame f = g.frame(2)) {
                f.set(0, Maps.makemap_small(g));
                long h = f.get(0);
                for (int i = 0; i < 20; i++) {
                    TypedMem.putLong(kb, Double.doubleToRawLongBits(Double.NaN));
                    TypedMem.putLong(Maps.mapassign(g, FLOAT_INT, h, kb), i);
                }
                assertThat(Maps.maplen(h)).isEqualTo(20);
                assertThat(Maps.mapaccess2(g, FLOAT_INT, h, kb)).isZero();
                TypedMem.putLong(kb, Double.doubleToRawLongBits(-0.0));
                TypedMem.putLong(Maps.mapassign(g, FLOAT_INT, h, kb), 7);
                TypedMem.putLong(kb, Double.doubleToRawLongBits(0.0));
                TypedMem.putLong(Maps.mapassign(g, FLOAT_INT, h, kb), 8);
                assertThat(Maps.maplen(h)).isEqualTo(21);
                assertThat(TypedMem.getLong(Maps.mapaccess1(g, FLOAT_INT, h, kb))).isEqualTo(8);
                // Go overwrites the stored key on assignment: m[-0]=7; m[+0]=8 leaves key +0.
                long it = g.mutator().alloc(Hiter.TYPE);
                f.set(1, it);
                int nans = 0;
                long zeroBits = -1;
                for (Hiter.mapiterinit(g, FLOAT_INT, h, it); Hiter.key(it) != 0; Hiter.mapiternext(g, FLOAT_INT, it)) {
                    double d = Double.longBitsToDouble(TypedMem.getLong(Hiter.key(it)));
                    if (Double.isNaN(d)) {
                        nans++;
                    } else {
                        zeroBits = Double.doubleToRawLongBits(d);
                    }
                }
                assertThat(nans).isEqualTo(20);
                assertThat(zeroBits).isZero();
                // Deleting NaN deletes nothing; many NaNs grow the map like any keys.
                TypedMem.putLong(kb, Double.doubleToRawLongBits(Double.NaN));
                Maps.mapdelete(g, FLOAT_INT, h, kb);
                assertThat(Maps.maplen(h)).isEqualTo(21);
            }
        });
    }

    @Test
    void assignmentToNilMapPanicsWithGosTextWhileReadsAndDeletesAreFine() throws InterruptedException {
        assertThatThrownBy(() -> run(g -> {
            long kb = scratch(8);
            assertThat(Maps.maplen(0)).isZero();
            assertThat(Maps.mapaccess2(g, INT_INT, 0, kb)).isZero();
            assertThat(TypedMem.getLong(Maps.mapaccess1(g, INT_INT, 0, kb))).isZero();
            Maps.mapdelete(g, INT_INT, 0, kb);
            long it = scratch(Hiter.SIZE);
            Hiter.mapiterinit(g, INT_INT, 0, it);
            assertThat(Hiter.key(it)).isZero();
            Maps.mapassign(g, INT_INT, 0, kb);
        })).isInstanceOf(GoroutinePanic.class)
                .cause().isInstanceOf(GoPanic.class).hasMessage("assignment to entry in nil map");
    }

    @Test
    void structKeysCompareFieldByFieldAndBigKeysAndElemsAreStoredIndirectly() throws InterruptedException {
        // struct { i int64; f float64; s string }
        Alg sAlg = new Alg.Struct(32, List.of(new Alg.Field(0, new Alg.Mem(8)), new Alg.Field(8, new Alg.F64()),
                new Alg.Field(16, new Alg.Str())));
        GoType sType = GoType.withPointers("struct{i int64; f float64; s string}", 32, 2);
        MapType st = MapType.of("map[S]int64", sType, sAlg, INT64);
        // [20]int64 keys (160 bytes) and [18]int64 elems (144 bytes): both indirect.
        GoType big = GoType.noscan("[20]int64", 160);
        GoType bigElem = GoType.noscan("[18]int64", 144);
        MapType bt = MapType.of("map[[20]int64][18]int64", big, new Alg.Array(new Alg.Mem(8), 8, 20), bigElem);
        assertThat(bt.indirectKey()).isTrue();
        assertThat(bt.indirectElem()).isTrue();
        assertThat(bt.bucket().noscan()).isFalse();
        assertThat(INT_INT.bucket().noscan()).isTrue();
        assertThat(INT_INT.bucketSize()).isEqualTo(8 + 64 + 64 + 8);
        runWithCollector(1, 100, g -> {
            Mutator mu = g.mutator();
            long kb = scratch(160);
            long s1 = scratch(16);
            try (Frame f = g.frame(3)) {
                f.set(0, Maps.makemap_small(g));
                f.set(1, newString(mu, "hello", s1));
                TypedMem.putLong(kb, 1);
                TypedMem.putLong(kb + 8, Double.doubleToRawLongBits(-0.0));
                TypedMem.memmove(kb + 16, s1, 16);
                TypedMem.putLong(Maps.mapassign(g, st, f.get(0), kb), 42);
                // Same fields with +0 and a different copy of "hello": the same key.
                f.set(2, newString(mu, "hello", s1));
                TypedMem.putLong(kb + 8, Double.doubleToRawLongBits(0.0));
                TypedMem.memmove(kb + 16, s1, 16);
                assertThat(TypedMem.getLong(Maps.mapaccess1(g, st, f.get(0), kb))).isEqualTo(42);
                TypedMem.putLong(kb, 2);
                assertThat(Maps.mapaccess2(g, st, f.get(0), kb)).isZero();

                f.set(0, Maps.makemap(g, bt, 50));
                for (int k = 0; k < 500; k++) {
                    TypedMem.memclr(kb, 160);
                    TypedMem.putLong(kb + 152, k);
                    long e = Maps.mapassign(g, bt, f.get(0), kb);
                    TypedMem.putLong(e + 136, k * 3L);
                    mu.allocBytes(100);
                }
                for (int k = 0; k < 500; k += 7) {
                    TypedMem.memclr(kb, 160);
                    TypedMem.putLong(kb + 152, k);
                    assertThat(TypedMem.getLong(Maps.mapaccess1(g, bt, f.get(0), kb) + 136)).isEqualTo(k * 3L);
                }
            }
        });
    }

    @Test
    void hugeElemsAreReadThroughTheCallersZeroValueWhenAbsent() throws InterruptedException {
        GoType huge = GoType.noscan("[200]int64", 1600);
        MapType t = MapType.of("map[int64][200]int64", INT64, new Alg.Mem(8), huge);
        run(g -> {
            long kb = scratch(8);
            long zero = scratch(1600);
            try (Frame f = g.frame(1)) {
                f.set(0, Maps.makemap_small(g));
                TypedMem.putLong(kb, 1);
                assertThatThrownBy(() -> Maps.mapaccess1(g, t, f.get(0), kb)).hasMessageContaining("mapaccess1_fat");
                assertThat(Maps.mapaccess1_fat(g, t, f.get(0), kb, zero)).isEqualTo(zero);
                TypedMem.putLong(Maps.mapassign(g, t, f.get(0), kb) + 1592, 77);
                assertThat(TypedMem.getLong(Maps.mapaccess1_fat(g, t, f.get(0), kb, zero) + 1592)).isEqualTo(77);
            }
        });
    }

    /** A stand-in for the type descriptors: int64 (indirect), a pointer type (direct), float64, []int. */
    private static final long T_INT = 0x1000;
    private static final long T_PTR = 0x2000;
    private static final long T_F64 = 0x3000;
    private static final long T_SLICE = 0x4000;
    private static final Alg.TypeTable TYPES = new Alg.TypeTable() {
        @Override
        public Alg alg(long t) {
            return t == T_INT || t == T_PTR ? new Alg.Mem(8) : t == T_F64 ? new Alg.F64() : null;
        }

        @Override
        public boolean directIface(long t) {
            return t == T_PTR;
        }

        @Override
        public String name(long t) {
            return t == T_SLICE ? "[]int" : "T";
        }
    };

    @Test
    void interfaceKeysHashAndCompareByTheirDynamicTypeAndValue() throws InterruptedException {
        MapType t = MapType.of("map[interface{}]int64", GoType.withPointers("interface{}", 16, 1),
                new Alg.Eface(TYPES), INT64);
        assertThat(t.reflexiveKey()).isFalse();
        run(g -> {
            long k = scratch(16);
            long boxes = scratch(64);
            try (Frame f = g.frame(1)) {
                f.set(0, Maps.makemap_small(g));
                // int64(5) in two different boxes is one key; a pointer-shaped 5 is another; nil is a key too.
                TypedMem.putLong(boxes, 5);
                TypedMem.putLong(boxes + 8, 5);
                TypedMem.putLong(k, T_INT);
                TypedMem.putLong(k + 8, boxes);
                TypedMem.putLong(Maps.mapassign(g, t, f.get(0), k), 1);
                TypedMem.putLong(k + 8, boxes + 8);
                TypedMem.putLong(Maps.mapassign(g, t, f.get(0), k), 2);
                TypedMem.putLong(k, T_PTR);
                TypedMem.putLong(k + 8, 5);
                TypedMem.putLong(Maps.mapassign(g, t, f.get(0), k), 3);
                TypedMem.putLong(k, 0);
                TypedMem.putLong(k + 8, 0);
                TypedMem.putLong(Maps.mapassign(g, t, f.get(0), k), 4);
                assertThat(Maps.maplen(f.get(0))).isEqualTo(3);
                TypedMem.putLong(k, T_INT);
                TypedMem.putLong(k + 8, boxes);
                assertThat(TypedMem.getLong(Maps.mapaccess1(g, t, f.get(0), k))).isEqualTo(2);
                // A NaN inside an interface is never found again, like a bare NaN.
                TypedMem.putLong(boxes + 16, Double.doubleToRawLongBits(Double.NaN));
                TypedMem.putLong(k, T_F64);
                TypedMem.putLong(k + 8, boxes + 16);
                Maps.mapassign(g, t, f.get(0), k);
                Maps.mapassign(g, t, f.get(0), k);
                assertThat(Maps.maplen(f.get(0))).isEqualTo(5);
                assertThat(Maps.mapaccess2(g, t, f.get(0), k)).isZero();
                // An uncomparable dynamic type panics with Go's run-time error, and the map stays usable.
                TypedMem.putLong(k, T_SLICE);
                assertThatThrownBy(() -> Maps.mapassign(g, t, f.get(0), k)).isInstanceOf(GoPanic.class)
                        .hasMessage("runtime error: hash of unhashable type []int");
                TypedMem.putLong(k, 0);
                TypedMem.putLong(Maps.mapassign(g, t, f.get(0), k), 6);
                assertThat(Maps.maplen(f.get(0))).isEqualTo(5);
            }
        });
        // A non-empty interface compares itabs first, then the values by the itab's type.
        Alg iface = new Alg.Iface(TYPES);
        long itabs = scratch(64);
        TypedMem.putLong(itabs + 8, T_INT);
        TypedMem.putLong(itabs + 32 + 8, T_INT);
        long box = scratch(16);
        TypedMem.putLong(box, 7);
        TypedMem.putLong(box + 8, 7);
        long x = scratch(16);
        long y = scratch(16);
        TypedMem.putLong(x, itabs);
        TypedMem.putLong(x + 8, box);
        TypedMem.putLong(y, itabs);
        TypedMem.putLong(y + 8, box + 8);
        assertThat(iface.equal(x, y)).isTrue();
        assertThat(iface.hash(x, 99)).isEqualTo(iface.hash(y, 99));
        TypedMem.putLong(y, itabs + 32);
        assertThat(iface.equal(x, y)).as("same type, different interface: different itabs").isFalse();
    }

    @Test
    void churnAtConstantSizeTriggersSameSizeGrowthInsteadOfDoubling() throws InterruptedException {
        run(g -> {
            long kb = scratch(8);
            try (Frame f = g.frame(1)) {
                f.set(0, Maps.makemap_small(g));
                long h = f.get(0);
                boolean sawSameSize = false;
                long next = 0;
                for (int i = 0; i < 100_000; i++) {
                    putInt(g, INT_INT, h, next, next, kb);
                    if (next >= 100) {
                        TypedMem.putLong(kb, next - 100);
                        Maps.mapdelete(g, INT_INT, h, kb);
                    }
                    next++;
                    sawSameSize |= Hmap.sameSizeGrow(h);
                }
                assertThat(Maps.maplen(h)).isEqualTo(100);
                assertThat(sawSameSize).isTrue();
                assertThat(Hmap.b(h)).as("B stays small for a map of 100 entries").isLessThanOrEqualTo(5);
            }
        });
    }

    @Test
    void mapclearEmptiesTheMapAndItsRunningIterator() throws InterruptedException {
        run(g -> {
            long kb = scratch(8);
            try (Frame f = g.frame(2)) {
                f.set(0, Maps.makemap(g, INT_INT, 1000));
                long h = f.get(0);
                for (long k = 0; k < 1000; k++) {
                    putInt(g, INT_INT, h, k, k, kb);
                }
                long it = g.mutator().alloc(Hiter.TYPE);
                f.set(1, it);
                Hiter.mapiterinit(g, INT_INT, h, it);
                assertThat(Hiter.key(it)).isNotZero();
                Maps.mapclear(g, INT_INT, h);
                Hiter.mapiternext(g, INT_INT, it);
                assertThat(Hiter.key(it)).as("an iterator sees nothing after clear").isZero();
                assertThat(Maps.maplen(h)).isZero();
                assertThat(getInt(g, INT_INT, h, 5, kb)).isEqualTo(Long.MIN_VALUE);
                putInt(g, INT_INT, h, 5, 6, kb);
                assertThat(getInt(g, INT_INT, h, 5, kb)).isEqualTo(6);
            }
        });
    }
}
