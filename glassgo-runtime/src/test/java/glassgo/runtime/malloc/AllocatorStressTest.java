// Stress test of the allocator: two Ms with their own mcaches allocate random size classes in rounds;
// each round ends (world stopped) with heap checks, then frees a random half through the span free
// path, so the next round reuses the memory. Ends by running the heap into its cap.
package glassgo.runtime.malloc;

import static org.assertj.core.api.Assertions.assertThat;

import glassgo.runtime.mem.RuntimeFault;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

class AllocatorStressTest {
    private static final int THREADS = 2;
    private static final long CAP = 2L << 30;
    /** One pointerful type per size, shared by both Ms (a program has few types, not one per object). */
    private static final java.util.Map<Long, GoType> SCAN_TYPES = new java.util.concurrent.ConcurrentHashMap<>();

    /** One live object: where, how big it was asked to be, its class (0 = large), and the byte it was filled with. */
    record Obj(long addr, long size, int sizeclass, byte tag) {}

    @Test
    @Timeout(120)
    void twoMsAllocateFreeAndReuseAboutAMillionObjects() throws Exception {
        long total = run(1_000_000, 67, 4_000, 42, false);
        assertThat(total).isGreaterThanOrEqualTo(1_000_000);
    }

    @Test
    @EnabledIfSystemProperty(named = "glassgo.long", matches = "true")
    void twoMsAllocateFreeAndReuseAHundredMillionObjects() throws Exception {
        // Classes up to 1024 bytes keep 10^8 objects within minutes of memory traffic.
        long total = run(100_000_000, 32, 50_000, 4242, true);
        System.out.println("AllocatorStressTest: allocated and checked " + total + " objects");
        assertThat(total).isGreaterThanOrEqualTo(100_000_000);
    }

    private long run(long objects, int maxClass, int perThreadPerRound, long seed, boolean progress) throws Exception {
        try (MHeap heap = MHeap.create(CAP)) {
            int rounds = (int) ((objects + (long) THREADS * perThreadPerRound - 1) / ((long) THREADS * perThreadPerRound));
            List<List<Obj>> born = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                born.add(new ArrayList<>());
            }
            CyclicBarrier roundDone = new CyclicBarrier(THREADS + 1);
            CyclicBarrier nextRound = new CyclicBarrier(THREADS + 1);
            AtomicReference<Throwable> failure = new AtomicReference<>();
            java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
            List<Thread> ms = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int tid = t;
                Thread m = Thread.ofPlatform().name("M" + t).start(() -> {
                    MCache c = heap.newMCache();
                    Random r = new Random(seed * 31 + tid);
                    try {
                        for (int round = 0; round < rounds; round++) {
                            for (int i = 0; i < perThreadPerRound && !stop.get(); i++) {
                                born.get(tid).add(allocateChecked(heap, c, r, maxClass));
                            }
                            roundDone.await();
                            nextRound.await();
                        }
                    } catch (java.util.concurrent.BrokenBarrierException e) {
                        // The main thread stopped the run; its own failure is the one reported.
                    } catch (Throwable e) {
                        failure.compareAndSet(null, e);
                        roundDone.reset();
                        nextRound.reset();
                    }
                });
                ms.add(m);
            }
            Random r = new Random(seed);
            long reused = 0;
            long maxLiveBytes = 0;
            long total = 0;
            try {
                List<Obj> live = new ArrayList<>();
                Set<Long> freedLastRound = new HashSet<>();
                for (int round = 0; round < rounds; round++) {
                    awaitOrFail(roundDone, failure);
                    for (List<Obj> b : born) {
                        for (Obj o : b) {
                            if (freedLastRound.contains(o.addr())) {
                                reused++;
                            }
                        }
                        total += b.size();
                        live.addAll(b);
                        b.clear();
                    }
                    if (progress && round % Math.max(1, rounds / 20) == 0) {
                        System.out.println("AllocatorStressTest: " + total + " objects so far");
                    }
                    long liveBytes = checkHeap(heap, live, r);
                    maxLiveBytes = Math.max(maxLiveBytes, liveBytes);
                    freedLastRound.clear();
                    List<Obj> survivors = new ArrayList<>();
                    for (Obj o : live) {
                        if (r.nextBoolean()) {
                            heap.freeObject(o.addr());
                            freedLastRound.add(o.addr());
                        } else {
                            survivors.add(o);
                        }
                    }
                    live = survivors;
                    heap.sweepAll();
                    checkHeap(heap, live, r);
                    awaitOrFail(nextRound, failure);
                }
            } finally {
                // Never unmap the heap under a running M: break the barriers and wait for both to stop.
                stop.set(true);
                for (Thread m : ms) {
                    while (m.isAlive()) {
                        roundDone.reset();
                        nextRound.reset();
                        m.join(50);
                    }
                }
            }
            assertThat(failure.get()).isNull();
            assertThat(reused).as("freed slots are handed out again").isGreaterThan(total / 20);
            MemStats ms2 = heap.readMemStats();
            assertThat(ms2.heapSys()).as("the heap stays bounded by its live data, memory is reused")
                    .isLessThan(4 * maxLiveBytes + (256L << 20));
            runIntoTheCap(heap);
            return total;
        }
    }

    private static void awaitOrFail(CyclicBarrier b, AtomicReference<Throwable> failure) throws Exception {
        try {
            b.await();
        } catch (Exception e) {
            if (failure.get() != null) {
                throw new AssertionError("an M failed", failure.get());
            }
            throw e;
        }
        if (failure.get() != null) {
            throw new AssertionError("an M failed", failure.get());
        }
    }

    /** Allocates a random object, checks alignment and zeroing, and tags it. */
    private static Obj allocateChecked(MHeap heap, MCache c, Random r, int maxClass) {
        boolean large = maxClass == 67 && r.nextInt(200) == 0;
        boolean scan = r.nextBoolean();
        long size;
        int sc;
        if (large) {
            size = SizeClasses.MAX_SMALL_SIZE + 1 + r.nextInt(256 << 10);
            sc = 0;
        } else {
            sc = 1 + r.nextInt(maxClass);
            long lo = SizeClasses.classToSize(sc - 1) + 1;
            size = lo + r.nextInt((int) (SizeClasses.classToSize(sc) - lo + 1));
        }
        if (scan) {
            size = (size + 7) & ~7L;
        } else if (size < SizeClasses.TINY_SIZE) {
            size = SizeClasses.TINY_SIZE; // tiny objects cannot be freed one by one; they have their own test
        }
        if (!large) {
            sc = SizeClasses.sizeToClass(size);
        }
        GoType t = scan ? SCAN_TYPES.computeIfAbsent(size, n -> GoType.withPointers("S" + n, n, 0)) : null;
        long x = Malloc.mallocgc(c, size, t, true);
        long align = sc == 0 ? SizeClasses.PAGE_SIZE : SizeClasses.minAlign(sc);
        if (x % align != 0) {
            throw new AssertionError("object of class " + sc + " at 0x" + Long.toHexString(x) + " not aligned to " + align);
        }
        if (!heap.space().isZero(x, size)) {
            throw new AssertionError("object of " + size + " bytes at 0x" + Long.toHexString(x) + " not zeroed");
        }
        byte tag = (byte) (r.nextInt(255) + 1);
        // Dirty both ends (the whole object when small): enough for a missing or short clear of a reused
        // slot to show in the zero check above, without writing gigabytes.
        if (size <= 256) {
            heap.space().fill(x, size, tag);
        } else {
            heap.space().fill(x, 128, tag);
            heap.space().fill(x + size - 128, 128, tag);
        }
        return new Obj(x, size, sc, tag);
    }

    /** World stopped: no overlap, intact contents, interior lookups, MemStats consistent. Returns live bytes. */
    private static long checkHeap(MHeap heap, List<Obj> live, Random r) {
        List<Obj> sorted = new ArrayList<>(live);
        sorted.sort(Comparator.comparingLong(Obj::addr));
        long liveBytes = 0;
        long[] perClass = new long[SizeClasses.NUM_SIZE_CLASSES];
        // Plain checks in this loop: it runs for millions of objects, AssertJ per object would dominate.
        for (int i = 0; i < sorted.size(); i++) {
            Obj o = sorted.get(i);
            MSpan s = heap.spanOfHeap(o.addr());
            if (s == null) {
                fail(o, "has no in-use span");
            }
            if (s.sizeclass() != o.sizeclass()) {
                fail(o, "is in a span of class " + s.sizeclass());
            }
            long slot = s.elemsize();
            if (o.sizeclass() != 0 && slot != SizeClasses.roundUpSize(o.size())) {
                fail(o, "has slot size " + slot);
            }
            if (i + 1 < sorted.size() && o.addr() + slot > sorted.get(i + 1).addr()) {
                fail(o, "overlaps the object at 0x" + Long.toHexString(sorted.get(i + 1).addr()));
            }
            if (heap.space().getByte(o.addr()) != o.tag() || heap.space().getByte(o.addr() + o.size() - 1) != o.tag()) {
                fail(o, "lost its contents");
            }
            long interior = o.addr() + (long) (r.nextDouble() * o.size());
            if (heap.findObject(interior) != o.addr() || heap.spanOf(interior) != s) {
                fail(o, "is not found from its interior address 0x" + Long.toHexString(interior));
            }
            if (s.isFree(s.objIndex(interior))) {
                fail(o, "is marked free in its span");
            }
            liveBytes += slot;
            perClass[o.sizeclass()]++;
        }
        MemStats ms = heap.readMemStats();
        assertThat(ms.mallocs() - ms.frees()).as("Mallocs - Frees = live objects").isEqualTo(live.size());
        assertThat(ms.heapObjects()).isEqualTo(live.size());
        assertThat(ms.heapAlloc()).as("HeapAlloc = live bytes by class").isEqualTo(liveBytes);
        assertThat(ms.heapSys()).isEqualTo(ms.heapInuse() + ms.heapIdle());
        assertThat(ms.heapInuse()).isGreaterThanOrEqualTo(ms.heapAlloc());
        assertThat(ms.totalAlloc()).isGreaterThanOrEqualTo(ms.heapAlloc());
        for (int sc = 1; sc < MemStats.BY_SIZE_ENTRIES; sc++) {
            MemStats.BySize b = ms.bySize().get(sc);
            assertThat(b.size()).isEqualTo(SizeClasses.classToSize(sc));
            assertThat(b.mallocs() - b.frees()).as("BySize[%d]", sc).isEqualTo(perClass[sc]);
        }
        return liveBytes;
    }

    private static void fail(Obj o, String what) {
        throw new AssertionError("object " + o + " at 0x" + Long.toHexString(o.addr()) + " " + what);
    }

    /** Both Ms allocate 1 MiB objects until the reservation cap is hit; each must get Go's fault text. */
    private static void runIntoTheCap(MHeap heap) throws Exception {
        List<String> texts = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Thread> ms = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            ms.add(Thread.ofPlatform().start(() -> {
                MCache c = heap.newMCache();
                try {
                    while (true) {
                        Malloc.mallocgc(c, 1 << 20, null, true);
                    }
                } catch (RuntimeFault f) {
                    texts.add(f.goText());
                }
            }));
        }
        for (Thread m : ms) {
            m.join();
        }
        assertThat(texts).hasSize(THREADS).allSatisfy(text -> assertThat(text).matches(
                "runtime: out of memory: cannot allocate \\d+-byte block \\(\\d+ in use\\)\nfatal error: out of memory\n"));
    }
}
