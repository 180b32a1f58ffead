// GcStress: the collector's torture test and its oracle: mutator goroutines edit a shared object graph at
// random while cycles run back to back, and an independent reachability walk checks every cycle's outcome.
// The logic behind `glassgo lab gcstress`; no Go counterpart (Go's equivalents are GODEBUG=gcstoptheworld
// runs of its test suite and the gccheckmark mode).
package glassgo.runtime.gc.stress;

import glassgo.runtime.gc.GcSettings;
import glassgo.runtime.gc.RootSet;
import glassgo.runtime.gc.classic.ClassicCollector;
import glassgo.runtime.malloc.GoType;
import glassgo.runtime.malloc.MHeap;
import glassgo.runtime.malloc.MSpan;
import glassgo.runtime.malloc.SizeClasses;
import glassgo.runtime.malloc.SpanClass;
import glassgo.runtime.mutator.Frame;
import glassgo.runtime.mutator.Globals;
import glassgo.runtime.mutator.Goroutine;
import glassgo.runtime.mutator.Mutator;
import glassgo.runtime.mutator.Wakeup;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The workload, per mutator goroutine, one random edit per op: allocate (tiny, every small size class,
 * large) and link the new object into the graph; link two reachable objects; unlink; overwrite a global
 * root; walk and check. Every object carries a header word ({@code 0xA5} tag + id) and a payload derived
 * from its id, so any read of freed, poisoned or reused memory shows up.
 *
 * <p>The oracle, at the start of every cycle (in its sweep-termination pause, world stopped, once the previous
 * cycle's lazy and background sweep is complete), knows nothing of mark bits:
 * <ol>
 *   <li>it walks the graph from the roots (globals and goroutine frames) using its own knowledge of each
 *       object's pointer fields (derived from the id), and requires every reachable object to be
 *       allocated according to the heap's alloc bits, to hold its header and an intact payload;</li>
 *   <li>every object it saw unreachable at the previous check — before the previous cycle marked — must
 *       now be freed by that cycle's sweep (its slot
 *       free, or reused by a later allocation). Objects in 16-byte tiny blocks are exempt: the block is
 *       the unit of freeing and a live neighbour keeps it;</li>
 *   <li>the unreachable objects of this cycle become the next cycle's list.</li>
 * </ol>
 * A mutator never keeps a pointer in a Java local across a safepoint (allocation, preemption poll).
 */
public final class GcStress {
    /** Self-tests of the oracle: collectors broken on purpose, whose mistakes the oracle must report. */
    public enum Sabotage {
        NONE,
        /** The collector is given only the goroutine frames as roots, not the globals. */
        GLOBALS_NOT_SCANNED,
        /** Pointer stores bypass the write barrier (the collector is not attached to the mutator). */
        NO_WRITE_BARRIER
    }

    public record Config(long ops, int mutators, int gomaxprocs, long seed, GcSettings settings, Sabotage sabotage) {
        /**
         * What {@code glassgo lab gcstress -ops N -mutators M [-every K] [-poison]} runs: GOMAXPROCS, GOGC,
         * GOMEMLIMIT and GODEBUG from {@code env}; {@code every > 0} adds GODEBUG gcstress=K (a cycle every
         * K allocations), {@code poison} adds gcpoison=1.
         */
        public static Config forLab(long ops, int mutators, int every, boolean poison, long seed, Map<String, String> env) {
            if (ops < 1 || mutators < 1) {
                throw new IllegalArgumentException("gcstress: -ops and -mutators must be at least 1");
            }
            String procs = env.get("GOMAXPROCS");
            int gomaxprocs = procs == null || procs.isEmpty()
                    ? Runtime.getRuntime().availableProcessors() : Integer.parseInt(procs);
            GcSettings s = GcSettings.fromEnv(env);
            if (every > 0) {
                s = s.withGodebug("gcstress=" + every);
            }
            if (poison) {
                s = s.withGodebug("gcpoison=1");
            }
            return new Config(ops, mutators, gomaxprocs, seed, s, Sabotage.NONE);
        }
    }

    public record Result(long ops, int cycles, long freed, long violations, List<String> examples) {
        /** The closing line of {@code glassgo lab gcstress}. */
        public String line() {
            return "gcstress: " + ops + " ops, " + cycles + " cycles, " + freed + " objects freed, " + violations
                    + " violations";
        }
    }

    static final int NROOTS = 64;
    static final long TAG = 0xA5L << 56;
    static final long ID_MASK = (1L << 48) - 1;

    private final Config cfg;
    private final Mutator mu;
    private final MHeap heap;
    private final ClassicCollector gc;
    private Globals roots;
    /** Address → id of the object the workload last allocated there. */
    private final ConcurrentHashMap<Long, Long> registry = new ConcurrentHashMap<>();
    private final FrameRegistry stacks = new FrameRegistry();
    private final Map<Integer, GoType> types = new ConcurrentHashMap<>();
    private final AtomicLong nextId = new AtomicLong(1);
    private final AtomicLong opsDone = new AtomicLong();
    private final AtomicLong violations = new AtomicLong();
    private final AtomicLong freed = new AtomicLong();
    private final List<String> examples = new ArrayList<>();
    /** Objects unreachable at the end of the last cycle (address → id). */
    private Map<Long, Long> pending = new HashMap<>();

    private GcStress(Config cfg, PrintStream trace) {
        this.cfg = cfg;
        this.mu = Mutator.create(Mutator.Config.of(cfg.gomaxprocs()));
        this.heap = mu.heap();
        // Globals are one concurrent root job (read straight from the block); each mutator goroutine's frame
        // is its stack, scanned by the collector goroutine by goroutine (FrameRegistry).
        java.util.function.Consumer<RootSet.SlotVisitor> globalsJob = v -> {
            Globals g = roots;
            for (int i = 0; g != null && i < NROOTS; i++) {
                long p = g.get(i);
                if (p != 0) {
                    v.visit(g.addr(i), p);
                }
            }
        };
        RootSet rootSet = RootSet.split(cfg.sabotage() == Sabotage.GLOBALS_NOT_SCANNED ? List.of() : List.of(globalsJob),
                stacks);
        this.gc = new ClassicCollector(heap, rootSet, cfg.gomaxprocs(), cfg.settings(), trace);
        if (cfg.sabotage() != Sabotage.NO_WRITE_BARRIER) {
            mu.attachCollector(gc);
        }
        gc.onSweepDone(this::oracle);
    }

    /** Runs the workload to completion and returns what the oracle found. */
    public static Result run(Config cfg, PrintStream trace) throws InterruptedException {
        GcStress s = new GcStress(cfg, trace);
        try (Mutator mu = s.mu) {
            mu.run(s::main);
        }
        synchronized (s.examples) {
            long freed = s.freed.get() + s.gc.lastFreed();        // the last cycle's sweep, finished by gc()
            return new Result(s.opsDone.get(), s.gc.numGC(), freed, s.violations.get(), List.copyOf(s.examples));
        }
    }

    private void main(Goroutine g) {
        roots = mu.globals("gcstress.roots", NROOTS);
        Wakeup[] done = new Wakeup[cfg.mutators()];
        long perMutator = cfg.ops() / cfg.mutators();
        for (int i = 0; i < done.length; i++) {
            Wakeup w = new Wakeup();
            done[i] = w;
            long seed = cfg.seed() * 31 + i;
            long n = i == 0 ? cfg.ops() - perMutator * (done.length - 1) : perMutator;
            g.go(mg -> {
                try {
                    mutate(mg, n, seed);
                } finally {
                    w.signal();
                }
            });
        }
        for (Wakeup w : done) {
            w.await();
        }
        // Two more cycles settle the last garbage: unreachable at the end of the first, freed by the second.
        gc.gc();
        gc.gc();
    }

    // --- the mutators ----------------------------------------------------------------------------------

    private void mutate(Goroutine g, long n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        try (Frame f = g.frame(2); FrameRegistry.Handle h = stacks.register(g, f)) {
            for (long op = 0; op < n; op++) {
                g.preemptPoll();
                int r = rnd.nextInt(100);
                if (r < 30) {
                    allocAndLink(f, rnd);
                } else if (r < 55) {
                    long a = walk(rnd, false);
                    long b = walk(rnd, false);
                    if (a != 0 && nptr(idOf(a)) > 0) {
                        store(a, ptrOffset(a, rnd), b);
                    }
                } else if (r < 70) {
                    long a = walk(rnd, false);
                    if (a != 0 && nptr(idOf(a)) > 0) {
                        store(a, ptrOffset(a, rnd), 0);
                    }
                } else if (r < 80) {
                    long a = rnd.nextInt(4) == 0 ? 0 : walk(rnd, false);
                    store(roots.addr(0), 8L * rnd.nextInt(NROOTS), a);
                } else {
                    walk(rnd, true);
                }
                opsDone.incrementAndGet();
            }
        }
    }

    private void allocAndLink(Frame f, SplittableRandom rnd) {
        long id = nextId.getAndIncrement();
        long size = sizeOf(id);
        GoType t = typeOf(id);
        long x = t == null ? mu.allocBytes(size) : mu.alloc(t);    // a safepoint: nothing held in locals
        f.set(0, x);
        registry.put(x, id);
        mu.writeLong(x, 0, TAG | id);
        long words = size / 8;
        for (long k = 1 + nptr(id); k < words; k++) {
            mu.writeLong(x, k * 8, payload(id, k));
        }
        long p = walk(rnd, false);
        if (p != 0 && nptr(idOf(p)) > 0 && rnd.nextInt(4) != 0) {
            store(p, ptrOffset(p, rnd), x);
        } else {
            store(roots.addr(0), 8L * rnd.nextInt(NROOTS), x);
        }
    }

    /** The pointer store of this workload: the mutator's, which runs the collector's write barrier. */
    private void store(long obj, long off, long val) {
        mu.writePointer(obj, off, val);
    }

    /** A random walk from a random root; with {@code check}, every object passed is verified. */
    private long walk(SplittableRandom rnd, boolean check) {
        long cur = roots.get(rnd.nextInt(NROOTS));
        int depth = rnd.nextInt(6);
        for (int d = 0; cur != 0; d++) {
            if (!verify(cur, check)) {
                return 0;
            }
            long id = idOf(cur);
            int np = nptr(id);
            if (d == depth || np == 0) {
                return cur;
            }
            long next = mu.readPointer(cur, 8L * (1 + rnd.nextInt(np)));
            if (next == 0) {
                return cur;
            }
            cur = next;
        }
        return 0;
    }

    private long ptrOffset(long obj, SplittableRandom rnd) {
        return 8L * (1 + rnd.nextInt(nptr(idOf(obj))));
    }

    private long idOf(long obj) {
        return mu.readLong(obj, 0) & ID_MASK;
    }

    /** Header and (with {@code payloadToo}) payload of a reachable object; reports what is wrong. */
    private boolean verify(long obj, boolean payloadToo) {
        if (heap.spanOfHeap(obj) == null) {
            violation("pointer 0x" + Long.toHexString(obj) + " to no heap span");
            return false;
        }
        long h = mu.readLong(obj, 0);
        if (h == MHeap.POISON) {
            violation("read of poisoned (freed) memory at 0x" + Long.toHexString(obj));
            return false;
        }
        if ((h & ~ID_MASK) != TAG) {
            violation("object 0x" + Long.toHexString(obj) + " lost its header: 0x" + Long.toHexString(h));
            return false;
        }
        long id = h & ID_MASK;
        if (payloadToo) {
            long words = sizeOf(id) / 8;
            for (long k = 1 + nptr(id); k < words; k = k < 32 ? k + 1 : Math.max(k + 1, words - 32)) {
                long w = mu.readLong(obj, k * 8);
                if (w != payload(id, k)) {
                    violation("object 0x" + Long.toHexString(obj) + " id " + id + " payload word " + k
                            + (w == MHeap.POISON ? " poisoned" : " corrupted: 0x" + Long.toHexString(w)));
                    return false;
                }
            }
        }
        return true;
    }

    private void violation(String what) {
        violations.incrementAndGet();
        synchronized (examples) {
            if (examples.size() < 10) {
                examples.add(what);
            }
        }
    }

    // --- object shapes, all derived from the id ---------------------------------------------------------

    /** 10% 8-byte tiny, 5% large (up to 256 KiB), the rest spread over every small size class. */
    static long sizeOf(long id) {
        long h = mix(id, -1);
        int pick = (int) Long.remainderUnsigned(h, 100);
        if (pick < 10) {
            return 8;
        }
        if (pick < 15) {
            return SizeClasses.MAX_SMALL_SIZE + 8 + 8 * Long.remainderUnsigned(h >>> 20, 28 << 10);
        }
        int sc = 2 + (int) Long.remainderUnsigned(h >>> 8, SizeClasses.NUM_SIZE_CLASSES - 2);
        return SizeClasses.classToSize(sc);
    }

    /** Pointer fields (words 1..nptr); 8-byte objects have none, a quarter of the rest are noscan. */
    static int nptr(long id) {
        long size = sizeOf(id);
        if (size < 16) {
            return 0;
        }
        int k = (int) Long.remainderUnsigned(mix(id, -2), 5);
        return (int) Math.min(k, size / 8 - 1);
    }

    private GoType typeOf(long id) {
        int np = nptr(id);
        long size = sizeOf(id);
        if (np == 0) {
            return null;
        }
        int[] words = new int[np];
        for (int i = 0; i < np; i++) {
            words[i] = 1 + i;
        }
        return types.computeIfAbsent((int) (size << 3 | np),
                k -> GoType.withPointers("gcstress" + size + "p" + np, size, words));
    }

    static long payload(long id, long k) {
        long v = mix(id, k);
        return v == MHeap.POISON ? 1 : v;
    }

    private static long mix(long id, long k) {
        long z = id * 0x9E3779B97F4A7C15L + k * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    // --- the oracle -------------------------------------------------------------------------------------

    /**
     * Runs in every cycle's sweep-termination pause (world stopped), when the previous cycle's sweep — lazy,
     * background, or finished in the pause — is complete: the one moment every span reflects a whole cycle.
     */
    private void oracle(int cycleN, long freedBySweep) {
        freed.addAndGet(freedBySweep);
        Cycle cycle = new Cycle(cycleN);
        Set<Long> reachable = new HashSet<>();
        List<Long> stack = new ArrayList<>();
        mu.roots().scan((slot, p) -> stack.add(p));
        while (!stack.isEmpty()) {
            long obj = stack.removeLast();
            if (obj == 0 || !reachable.add(obj)) {
                continue;
            }
            if (!allocated(obj)) {
                violation("cycle " + cycle.n() + ": reachable object 0x" + Long.toHexString(obj) + " was freed");
                continue;
            }
            if (!verify(obj, true)) {
                continue;
            }
            long id = idOf(obj);
            if (!Long.valueOf(id).equals(registry.get(obj))) {
                violation("cycle " + cycle.n() + ": object 0x" + Long.toHexString(obj) + " holds id " + id
                        + " but the workload allocated " + registry.get(obj) + " there");
                continue;
            }
            for (int i = 1; i <= nptr(id); i++) {
                stack.add(mu.readLong(obj, 8L * i));
            }
        }
        for (Map.Entry<Long, Long> e : pending.entrySet()) {
            long obj = e.getKey();
            if (!e.getValue().equals(registry.get(obj))) {
                continue;                              // its slot was freed and reused: it was freed
            }
            if (sizeOf(e.getValue()) >= 16 && allocated(obj)) {
                MSpan sp = heap.spanOfHeap(obj);
                violation("cycle " + cycle.n() + ": object 0x" + Long.toHexString(obj) + " id " + e.getValue()
                        + " unreachable since the previous cycle is still allocated (slot " + sp.objIndex(obj)
                        + ", freeindex " + sp.freeindex() + ", " + heap.sweepState(sp) + ", " + sp + ")");
            }
            registry.remove(obj, e.getValue());
        }
        Map<Long, Long> next = new HashMap<>();
        for (Map.Entry<Long, Long> e : registry.entrySet()) {
            if (!reachable.contains(e.getKey())) {
                next.put(e.getKey(), e.getValue());
            }
        }
        pending = next;
    }

    /** The cycle an oracle check belongs to (for messages). */
    private record Cycle(int n) {}

    /** Whether the heap's alloc bits say {@code obj}'s slot is allocated (for a tiny object, its block). */
    private boolean allocated(long obj) {
        MSpan s = heap.spanOfHeap(obj);
        if (s == null) {
            return false;
        }
        int idx = s.objIndex(obj);
        if (s.spanclass() != SpanClass.TINY_SPAN_CLASS && s.objectBase(idx) != obj) {
            return false;
        }
        return !s.isFree(idx);
    }
}
