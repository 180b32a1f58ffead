// Tests for the classic collector's cycle on small, exact scenarios: what survives, what is freed,
// interior pointers, allocate-black, and the write barrier.
package glassgo.runtime.gc;

import glassgo.runtime.gc.classic.ClassicCollector;
import glassgo.runtime.malloc.GoType;
import glassgo.runtime.malloc.MHeap;
import glassgo.runtime.malloc.MSpan;
import glassgo.runtime.mutator.Frame;
import glassgo.runtime.mutator.Globals;
import glassgo.runtime.mutator.Mutator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ClassicCollectorTest {
    static final GoType NODE = GoType.withPointers("node", 24, 0, 1);

    private static boolean allocated(MHeap heap, long obj) {
        MSpan s = heap.spanOfHeap(obj);
        return s != null && !s.isFree(s.objIndex(obj));
    }

    @ParameterizedTest
    @ValueSource(strings = {"gcstoptheworld=1,gcverify=1", "gcverify=1"})
    void gcKeepsWhatGlobalsAndFramesReachAndFreesTheRest(String godebug) throws InterruptedException {
        try (Mutator mu = Mutator.create(Mutator.Config.of(2))) {
            ClassicCollector gc = ClassicCollector.attach(mu, GcSettings.defaults().withGodebug(godebug), null);
            List<Long> garbage = new ArrayList<>();
            long[] kept = new long[3];
            mu.run(g -> {
                Globals gl = mu.globals("g", 1);
                try (Frame f = g.frame(1)) {
                    // A list of 100 nodes from a global, linked through field 0.
                    for (int i = 0; i < 100; i++) {
                        long n = mu.alloc(NODE);
                        mu.writePointer(n, 0, gl.get(0));
                        gl.set(0, n);
                    }
                    kept[0] = gl.get(0);
                    // A large object reached only through an interior pointer in a frame slot.
                    long big = mu.allocArray(GoType.withPointers("p", 8, 0), 10_000);
                    f.set(0, big + 4000);
                    kept[1] = big;
                    for (int i = 0; i < 500; i++) {
                        garbage.add(mu.alloc(NODE));
                    }
                    garbage.add(mu.allocArray(GoType.withPointers("p", 8, 0), 10_000));
                    gc.gc();
                    assertThat(gc.numGC()).isEqualTo(1);
                    long n = kept[0];
                    int count = 0;
                    while (n != 0) {
                        assertThat(allocated(mu.heap(), n)).as("list node %d", count).isTrue();
                        n = mu.readPointer(n, 0);
                        count++;
                    }
                    assertThat(count).isEqualTo(100);
                    assertThat(allocated(mu.heap(), kept[1])).as("large object held by an interior pointer").isTrue();
                    for (long x : garbage) {
                        assertThat(allocated(mu.heap(), x)).as("garbage 0x%x", x).isFalse();
                    }
                    assertThat(gc.lastFreed()).isGreaterThanOrEqualTo(garbage.size());
                }
            });
        }
    }

    @org.junit.jupiter.api.Test
    void freeOSMemoryCollectsThenReleasesTheFreedPages() throws InterruptedException {
        try (Mutator mu = Mutator.create(Mutator.Config.of(1))) {
            ClassicCollector gc = ClassicCollector.attach(mu, GcSettings.defaults().withGcPercent(-1), null);
            long[] released = new long[1];
            mu.run(g -> {
                for (int i = 0; i < 64; i++) {
                    mu.allocBytes(64 << 10);                   // 4 MiB of garbage, GOGC off: no cycle
                }
                assertThat(gc.numGC()).isZero();
                released[0] = gc.freeOSMemory();
                assertThat(gc.numGC()).isEqualTo(1);
            });
            assertThat(released[0]).isGreaterThanOrEqualTo(4L << 20);
        }
    }

    @org.junit.jupiter.api.Test
    void attachedMutatorRoutesPointerStoresThroughTheBarrierAndIgnoresExplicitFrees() throws InterruptedException {
        try (Mutator mu = Mutator.create(Mutator.Config.of(1))) {
            ClassicCollector gc = ClassicCollector.attach(mu, GcSettings.defaults(), null);
            mu.run(g -> {
                Globals gl = mu.globals("g", 2);
                long a = mu.alloc(NODE);
                gl.set(0, a);
                mu.free(a);                                // a collector decides: still reachable, kept
                gc.gc();
                assertThat(allocated(mu.heap(), gl.get(0))).isTrue();
                assertThat(gc.writeBarrier().enabled()).as("barrier off outside the mark phase").isFalse();
            });
            assertThat(mu.stats().gcCycles()).isEqualTo(1);
            assertThat(mu.collector()).isSameAs(gc);
        }
    }

    /**
     * GOGC off, GOMEMLIMIT 32 MiB, a ~16 MiB live set of lab churn's shapes (16 B to 40000 B, each pointing
     * into itself) replaced by four goroutines (about 350 MiB allocated): the heap stays near the limit because
     * allocation during a mark that falls behind parks in assists until the workers catch up.
     */
    @org.junit.jupiter.api.Test
    void underAMemoryLimitAssistsHoldTheHeapNearTheLimit() throws InterruptedException {
        long limit = 32L << 20;
        long[] sizes = {16, 64, 512, 4096, 40000};
        GoType[] types = new GoType[sizes.length];
        for (int i = 0; i < sizes.length; i++) {
            types[i] = GoType.withPointers("obj" + sizes[i], sizes[i], 0);
        }
        try (Mutator mu = Mutator.create(Mutator.Config.of(2))) {
            ClassicCollector gc = ClassicCollector.attach(mu,
                    GcSettings.defaults().withGcPercent(-1).withMemoryLimit(limit), null);
            long[] peak = new long[1];
            gc.onCycleEnd(c -> peak[0] = Math.max(peak[0], Math.max(c.heap0(), c.heap1())));
            int slots = 1800, workers = 4;
            mu.run(g -> {
                Globals live = mu.globals("live", slots);
                glassgo.runtime.sched.Sema done = new glassgo.runtime.sched.Sema(0);
                for (int k = 0; k < workers; k++) {
                    int lo = slots * k / workers, hi = slots * (k + 1) / workers;
                    java.util.SplittableRandom rnd = new java.util.SplittableRandom(k);
                    g.go(w -> {
                        for (int i = 0; i < 10_000; i++) {
                            long x = mu.alloc(types[rnd.nextInt(types.length)]);
                            mu.writePointer(x, 0, x + 8);
                            live.set(lo + rnd.nextInt(hi - lo), x);
                            w.preemptPoll();
                        }
                        done.release();
                    });
                }
                for (int k = 0; k < workers; k++) {
                    done.acquire();
                }
            });
            assertThat(gc.numGC()).isGreaterThan(3);
            assertThat(peak[0]).as("peak heapLive, MiB: %d", peak[0] >> 20).isLessThanOrEqualTo(limit * 11 / 10);
        }
    }

    /** A 1 MiB pointer array is scanned in 128 KiB oblets: what its last oblet points to survives. */
    @org.junit.jupiter.api.Test
    void largeObjectsAreScannedObletByOblet() throws InterruptedException {
        try (Mutator mu = Mutator.create(Mutator.Config.of(2))) {
            ClassicCollector gc = ClassicCollector.attach(mu, GcSettings.defaults().withGodebug("gcverify=1"), null);
            mu.run(g -> {
                Globals gl = mu.globals("g", 1);
                int n = 1 << 17;                                   // 1 MiB of pointers: 8 oblets
                gl.set(0, mu.allocArray(GoType.withPointers("p", 8, 0), n));
                long[] kept = new long[8];
                for (int k = 0; k < kept.length; k++) {
                    kept[k] = mu.alloc(NODE);
                    mu.writePointer(gl.get(0), 8L * (n / 8 * k + n / 8 - 1), kept[k]);   // last slot of oblet k
                }
                long garbage = mu.alloc(NODE);
                gc.gc();
                for (int k = 0; k < kept.length; k++) {
                    assertThat(allocated(mu.heap(), kept[k])).as("object held by oblet %d", k).isTrue();
                }
                assertThat(allocated(mu.heap(), garbage)).isFalse();
            });
        }
    }
}
