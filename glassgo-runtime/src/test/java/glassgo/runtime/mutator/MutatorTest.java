// Tests of the mutator API: typed allocation, field round trips, roots, park/wake, explicit frees, and
// allocation from many goroutines on several Ps.
package glassgo.runtime.mutator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import glassgo.runtime.malloc.GoType;
import glassgo.runtime.malloc.MSpan;
import glassgo.runtime.sched.GoroutinePanic;
import glassgo.runtime.sched.Sema;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class MutatorTest {
    static final TypeBuilder.Struct NODE = TypeBuilder.struct("node").pointer("left").pointer("right").int64("val").build();

    static Mutator.Stats run(int procs, Body main) throws Exception {
        try (Mutator mu = Mutator.create(new Mutator.Config(procs, 1L << 30, 7))) {
            mu.run(main);
            return mu.stats();
        }
    }

    @Test
    void structBuilderLaysOutFieldsLikeAmd64() {
        TypeBuilder.Struct s = TypeBuilder.struct("s").int8("b").pointer("p").int32("i").int8("c").build();
        assertThat(s.offset("b")).isZero();
        assertThat(s.offset("p")).isEqualTo(8);
        assertThat(s.offset("i")).isEqualTo(16);
        assertThat(s.offset("c")).isEqualTo(20);
        assertThat(s.size()).isEqualTo(24);
        assertThat(s.type().ptrdata()).isEqualTo(16);
        assertThat(NODE.size()).isEqualTo(24);
        assertThat(NODE.type().ptrdata()).isEqualTo(16);
        assertThatThrownBy(() -> NODE.offset("nope")).hasMessageContaining("has no field nope");
    }

    @Test
    void typedAllocationIsZeroedAlignedAndBitmapped() throws Exception {
        List<String> problems = new ArrayList<>();
        run(1, g -> {
            Mutator mu = g.mutator();
            GoType ptrs = TypeBuilder.pointerArray(40);
            for (int round = 0; round < 3; round++) {
                long[] objs = {mu.alloc(NODE.type()), mu.allocArray(NODE.type(), 10), mu.alloc(ptrs), mu.allocBytes(5000),
                        mu.allocArray(TypeBuilder.pointerArray(1), 9000)};
                long[] sizes = {24, 240, 320, 5000, 72000};
                for (int k = 0; k < objs.length; k++) {
                    long x = objs[k];
                    if ((x & 7) != 0) {
                        problems.add("misaligned " + Long.toHexString(x));
                    }
                    MSpan s = mu.heap().spanOfHeap(x);
                    if (s == null || (x - s.base()) % s.elemsize() != 0) {
                        problems.add("not a slot base " + Long.toHexString(x));
                    }
                    for (long off = 0; off < sizes[k]; off += 8) {
                        if (mu.readLong(x, off) != 0) {
                            problems.add("not zeroed at +" + off);
                        }
                        mu.writeLong(x, off, -1); // dirty it so the next round's reuse must zero again
                    }
                }
                // Node: words 0,1 pointers, word 2 scalar; for each of 10 array elements.
                for (int e = 0; e < 10; e++) {
                    long base = objs[1] + e * 24L;
                    assertBits(mu, base, new boolean[] {true, true, false}, problems);
                }
                assertBits(mu, objs[0], new boolean[] {true, true, false}, problems);
                boolean[] all = new boolean[40];
                java.util.Arrays.fill(all, true);
                assertBits(mu, objs[2], all, problems);
                for (long x : objs) {
                    mu.free(x);
                }
            }
        });
        assertThat(problems).isEmpty();
    }

    private static void assertBits(Mutator mu, long obj, boolean[] expected, List<String> problems) {
        for (int w = 0; w < expected.length; w++) {
            if (mu.heap().isPointerWord(obj + 8L * w) != expected[w]) {
                problems.add("bitmap word " + w + " of 0x" + Long.toHexString(obj) + " should be " + expected[w]);
            }
        }
    }

    @Test
    void pointerAndScalarFieldsRoundTrip() throws Exception {
        AtomicLong sum = new AtomicLong();
        run(1, g -> {
            Mutator mu = g.mutator();
            Random rnd = new Random(3);
            try (Frame f = g.frame(2)) {
                long a = mu.alloc(NODE.type());
                f.set(0, a);
                long b = mu.alloc(NODE.type());
                f.set(1, b);
                mu.writePointer(a, NODE.offset("left"), b);
                mu.writePointer(a, NODE.offset("right"), a);
                long v = rnd.nextLong();
                mu.writeLong(b, NODE.offset("val"), v);
                mu.writeInt(b, NODE.offset("val") - 8, 0x7eadbeef); // low half of b.right
                mu.writeByte(a, NODE.offset("val"), (byte) 0x5a);
                assertThat(mu.readPointer(a, NODE.offset("left"))).isEqualTo(b);
                assertThat(mu.readPointer(a, NODE.offset("right"))).isEqualTo(a);
                assertThat(mu.readLong(mu.readPointer(a, 0), NODE.offset("val"))).isEqualTo(v);
                assertThat(mu.readInt(b, 8)).isEqualTo(0x7eadbeef);
                assertThat(mu.readByte(a, 16)).isEqualTo((byte) 0x5a);
                assertThat(f.get(0)).isEqualTo(a);
                sum.set(mu.readLong(b, 16));
            }
        });
        assertThat(sum.get()).isEqualTo(new Random(3).nextLong());
    }

    @Test
    void writePointerRefusesAddressesOutsideHeapAndGlobals() throws Exception {
        assertThatThrownBy(() -> run(1, g -> g.mutator().writePointer(8, 0, 0)))
                .isInstanceOf(GoroutinePanic.class)
                .cause().hasMessageContaining("neither in the heap nor in a globals block");
    }

    @Test
    void rootsListGlobalsAndOpenFramesOnly() throws Exception {
        Map<Long, Long> seen = new TreeMap<>();
        List<Long> expected = new ArrayList<>();
        run(1, g -> {
            Mutator mu = g.mutator();
            Globals gl = mu.globals("test.globals", 3);
            long x = mu.alloc(NODE.type());
            gl.set(1, x);
            expected.add(gl.addr(1));
            try (Frame outer = g.frame(2)) {
                long y = mu.alloc(NODE.type());
                outer.set(1, y);
                expected.add(outer.slotAddr(1));
                try (Frame inner = g.frame(1)) {
                    inner.set(0, mu.alloc(NODE.type()));
                }
                // The inner frame is closed: its slot is no longer a root, even though its memory is not zero.
                mu.roots().scan((slot, ptr) -> seen.put(slot, ptr));
                assertThat(mu.readPointer(gl.addr(0), 8)).isEqualTo(x);
            }
        });
        assertThat(seen.keySet()).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void framesMustCloseInOrder() throws Exception {
        assertThatThrownBy(() -> run(1, g -> {
            Frame a = g.frame(1);
            g.frame(1);
            a.close();
        })).isInstanceOf(GoroutinePanic.class).cause().hasMessageContaining("frame popped out of order");
    }

    @Test
    void wakeupParksAndWakesBetweenGoroutinesWhicheverComesFirst() throws Exception {
        List<String> log = new ArrayList<>();
        run(2, g -> {
            for (int i = 0; i < 200; i++) {
                Wakeup ping = new Wakeup();
                Wakeup pong = new Wakeup();
                int round = i;
                g.go(h -> {
                    ping.await();
                    if (round % 2 == 0) {
                        h.gosched(); // sometimes signal before the other side parks, sometimes after
                    }
                    pong.signal();
                });
                if (round % 3 == 0) {
                    g.gosched();
                }
                ping.signal();
                pong.await();
                if (!ping.signalled() || !pong.signalled()) {
                    log.add("round " + round);
                }
            }
        });
        assertThat(log).isEmpty();
    }

    @Test
    void goroutinesOnTwoPsAllocateDisjointObjects() throws Exception {
        int goroutines = 16;
        int perG = 3000;
        Map<Long, Long> owner = new ConcurrentHashMap<>();
        AtomicInteger overlaps = new AtomicInteger();
        AtomicInteger corrupted = new AtomicInteger();
        Mutator.Stats st = run(2, g -> {
            Mutator mu = g.mutator();
            Sema done = new Sema(0);
            for (int i = 0; i < goroutines; i++) {
                long id = i + 1;
                g.go(h -> {
                    Random rnd = new Random(id);
                    long[] mine = new long[perG];
                    long[] size = new long[perG];
                    for (int k = 0; k < perG; k++) {
                        size[k] = 8 * (2 + rnd.nextInt(rnd.nextInt(10) == 0 ? 600 : 20));
                        mine[k] = mu.allocArray(TypeBuilder.int64Array(1), size[k] / 8);
                        for (long off = 0; off < size[k]; off += 8) {
                            mu.writeLong(mine[k], off, id);
                        }
                        h.preemptPoll();
                    }
                    for (int k = 0; k < perG; k++) {
                        for (long off = 0; off < size[k]; off += 8) {
                            if (mu.readLong(mine[k], off) != id) {
                                corrupted.incrementAndGet();
                            }
                        }
                        if (owner.putIfAbsent(mine[k], id) != null) {
                            overlaps.incrementAndGet();
                        }
                    }
                    done.release();
                });
            }
            for (int i = 0; i < goroutines; i++) {
                done.acquire();
            }
        });
        assertThat(overlaps.get()).isZero();
        assertThat(corrupted.get()).isZero();
        assertThat(owner).hasSize(goroutines * perG);
        assertThat(st.memStats().mallocs()).isEqualTo((long) goroutines * perG);
        assertThat(st.goroutines()).isEqualTo(goroutines + 1);
    }

    @Test
    void explicitFreesReturnMemoryInFreeCyclesAndAreCounted() throws Exception {
        int n = 20_000; // 4 KiB objects: 80 MiB freed in total, a free cycle every 4 MiB or so
        GoType page = TypeBuilder.pointerArray(512);
        Mutator.Stats st = run(2, g -> {
            Mutator mu = g.mutator();
            for (int i = 0; i < n; i++) {
                long x = mu.alloc(page);
                mu.writeLong(x, 8, i);
                mu.free(x);
                g.preemptPoll();
            }
            long keep = mu.allocBytes(3); // tiny: its free is skipped, not applied
            mu.free(keep);
        });
        assertThat(st.explicitFrees()).isEqualTo(n);
        assertThat(st.tinyFreesSkipped()).isEqualTo(1);
        assertThat(st.freeCycles()).isBetween(10L, (long) n / 100);
        assertThat(st.peakHeapInuse()).isLessThan(32L << 20);
        assertThat(st.memStats().mallocs()).isEqualTo(n + 1);
        assertThat(st.memStats().heapObjects()).as("only the tiny block survives").isEqualTo(1);
    }

    @Test
    void freeOfANonHeapAddressIsRefused() {
        assertThatThrownBy(() -> run(1, g -> g.mutator().free(4096)))
                .isInstanceOf(GoroutinePanic.class).cause().hasMessageContaining("is not a heap object");
    }
}
