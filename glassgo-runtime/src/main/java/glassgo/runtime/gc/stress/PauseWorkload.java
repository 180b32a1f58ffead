// PauseWorkload: a large live heap under steady allocation, run for a number of back-to-back GC cycles, to
// measure the collector's two stop-the-world pauses (gctrace's first and third clock fields). No Go
// counterpart in the runtime; the measurement is what Go's gctrace lets one do by hand.
package glassgo.runtime.gc.stress;

import glassgo.runtime.gc.CycleRecord;
import glassgo.runtime.gc.GcSettings;
import glassgo.runtime.gc.GcTrace;
import glassgo.runtime.gc.RootSet;
import glassgo.runtime.gc.classic.ClassicCollector;
import glassgo.runtime.malloc.GoType;
import glassgo.runtime.mutator.Frame;
import glassgo.runtime.mutator.Globals;
import glassgo.runtime.mutator.Goroutine;
import glassgo.runtime.mutator.Mutator;
import glassgo.runtime.mutator.Wakeup;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The heap, built once by goroutine 1: {@link #TABLES} global root slots, each holding a table (an array of
 * {@link #TABLE_LEN} pointers, 8 KiB); each table entry holds a leaf — three in four a pointer-free buffer of
 * 512 B to 8 KiB, one in four a chain of 16 small scan nodes — until the leaves and tables add up to the
 * requested live bytes. Then {@code mutators} goroutines allocate garbage of every small size (and replace
 * one live leaf in 64 allocations with a fresh one, so the live heap churns but keeps its size) until
 * {@code cycles} more cycles have completed. Only those cycles are reported.
 *
 * <p>The globals are one concurrent root job per 256 tables; each goroutine's frame is its stack, scanned by
 * the goroutine itself at its first allocation of a cycle (FrameRegistry). Pointers live across a safepoint are kept in frame slots, as the mutator contract requires.
 */
public final class PauseWorkload {
    static final int TABLES = 1024;
    static final int TABLE_LEN = 1024;
    static final int CHAIN = 16;
    static final GoType PTR = GoType.withPointers("*T", 8, 0);
    static final GoType NODE = GoType.withPointers("node", 48, 0);

    public record Config(long liveBytes, int cycles, int mutators, int gomaxprocs, long seed, GcSettings settings) {}

    /** The measured cycles and what else a reader of the pauses needs to know. */
    public record Result(List<CycleRecord> cycles, long liveBytes, int gomaxprocs, int markRestarts,
                         long maxAbortedPauseNanos, long pauseSweptSpans) {
        /** Nearest-rank percentile {@code p} (0–100) of the values, in nanoseconds. */
        static long percentile(long[] sorted, double p) {
            int rank = (int) Math.ceil(p / 100 * sorted.length);
            return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
        }

        private static String stats(String name, long[] v) {
            long[] s = v.clone();
            Arrays.sort(s);
            return String.format("%s: p50 %s ms, p99 %s ms, max %s ms", name, GcTrace.fmtNSAsMS(percentile(s, 50)),
                    GcTrace.fmtNSAsMS(percentile(s, 99)), GcTrace.fmtNSAsMS(s[s.length - 1]));
        }

        /** The report: pauses of sweep termination (gctrace's first clock field) and mark termination (third). */
        public List<String> lines() {
            long[] sweepTerm = cycles.stream().mapToLong(c -> c.tMark() - c.tSweepTerm()).toArray();
            long[] markTerm = cycles.stream().mapToLong(c -> c.tEnd() - c.tMarkTerm()).toArray();
            List<String> out = new ArrayList<>();
            out.add("gcpauses: " + cycles.size() + " cycles, live heap " + (liveBytes >> 20) + " MB, " + gomaxprocs + " P");
            if (!cycles.isEmpty()) {
                out.add(stats("  sweep termination", sweepTerm));
                out.add(stats("  mark termination", markTerm));
                // The same pauses split: stopping the world (the scheduler's part) and what is left (the
                // collector's work in the pause, plus restarting the world after sweep termination).
                out.add(stats("    of which stopping the world, sweep termination",
                        cycles.stream().mapToLong(CycleRecord::stopSweepTerm).toArray()));
                out.add(stats("    of which stopping the world, mark termination",
                        cycles.stream().mapToLong(CycleRecord::stopMarkTerm).toArray()));
                out.add(stats("    collector's work in the pause, sweep termination",
                        cycles.stream().mapToLong(c -> c.tMark() - c.tSweepTerm() - c.stopSweepTerm()).toArray()));
                out.add(stats("    collector's work in the pause, mark termination",
                        cycles.stream().mapToLong(c -> c.tEnd() - c.tMarkTerm() - c.stopMarkTerm()).toArray()));
            }
            out.add("  mark-completion restarts: " + markRestarts + " (longest aborted pause "
                    + GcTrace.fmtNSAsMS(maxAbortedPauseNanos) + " ms); spans swept in pauses: " + pauseSweptSpans);
            return out;
        }
    }

    private final Config cfg;
    private final Mutator mu;
    private final ClassicCollector gc;
    private final List<CycleRecord> measured = new CopyOnWriteArrayList<>();
    private volatile Globals tables;
    private final FrameRegistry stacks = new FrameRegistry();
    private volatile int firstMeasured = Integer.MAX_VALUE;
    private volatile boolean stop;

    private PauseWorkload(Config cfg, PrintStream trace) {
        this.cfg = cfg;
        this.mu = Mutator.create(Mutator.Config.of(cfg.gomaxprocs()));
        List<java.util.function.Consumer<RootSet.SlotVisitor>> jobs = new ArrayList<>();
        for (int b = 0; b < TABLES; b += 256) {
            int from = b;
            jobs.add(v -> {
                Globals g = tables;
                for (int i = from; g != null && i < from + 256; i++) {
                    long p = g.get(i);
                    if (p != 0) {
                        v.visit(g.addr(i), p);
                    }
                }
            });
        }
        RootSet roots = RootSet.split(jobs, stacks);
        this.gc = new ClassicCollector(mu.heap(), roots, cfg.gomaxprocs(), cfg.settings(), trace);
        mu.attachCollector(gc);
        gc.onCycleEnd(c -> {
            if (c.n() >= firstMeasured) {
                measured.add(c);
                if (measured.size() >= cfg.cycles()) {
                    stop = true;
                }
            }
        });
    }

    public static Result run(Config cfg, PrintStream trace) throws InterruptedException {
        PauseWorkload w = new PauseWorkload(cfg, trace);
        long live;
        try (Mutator mu = w.mu) {
            mu.run(w::main);
            live = w.measured.isEmpty() ? 0 : w.measured.getLast().heapMarked();
        }
        List<CycleRecord> cycles = w.measured.subList(0, Math.min(cfg.cycles(), w.measured.size()));
        return new Result(List.copyOf(cycles), live, cfg.gomaxprocs(), w.gc.markRestarts(), w.gc.maxAbortedPauseNanos(),
                w.mu.heap().pauseSweptSpans());
    }

    private void main(Goroutine g) {
        tables = mu.globals("pauses.tables", TABLES);
        SplittableRandom rnd = new SplittableRandom(cfg.seed());
        long built = 0;
        try (Frame f = g.frame(1); FrameRegistry.Handle h = stacks.register(g, f)) {
            for (int t = 0; t < TABLES && built < cfg.liveBytes(); t++) {
                tables.set(t, mu.allocArray(PTR, TABLE_LEN));
                built += TABLE_LEN * 8;
                for (int i = 0; i < TABLE_LEN && built < cfg.liveBytes(); i++) {
                    built += newLeaf(f, rnd);
                    mu.writePointer(tables.get(t), 8L * i, f.get(0));
                    g.preemptPoll();
                }
            }
        }
        // Measure from the first cycle that starts after the heap is built.
        firstMeasured = gc.numGC() + 2;
        Wakeup[] done = new Wakeup[cfg.mutators()];
        for (int m = 0; m < done.length; m++) {
            Wakeup w = new Wakeup();
            done[m] = w;
            long seed = cfg.seed() * 131 + m;
            g.go(mg -> {
                try {
                    churn(mg, seed);
                } finally {
                    w.signal();
                }
            });
        }
        for (Wakeup w : done) {
            w.await();
        }
        gc.gc();                       // let the last cycle and its sweep finish before the program ends
    }

    /** Allocates one leaf into frame slot 0 and returns its bytes. */
    private long newLeaf(Frame f, SplittableRandom rnd) {
        if (rnd.nextInt(4) != 0) {
            long n = 512 + rnd.nextInt(7681);
            f.set(0, mu.allocBytes(n));
            return n;
        }
        f.set(0, 0);
        for (int k = 0; k < CHAIN; k++) {
            long node = mu.alloc(NODE);                    // safepoint: the chain so far is in slot 0
            mu.writePointer(node, 0, f.get(0));
            f.set(0, node);
        }
        return CHAIN * NODE.size();
    }

    private void churn(Goroutine g, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        GoType[] garbage = {GoType.withPointers("g16", 16, 0), GoType.withPointers("g64", 64, 0, 3),
                GoType.withPointers("g256", 256, 0, 7, 31)};
        try (Frame f = g.frame(2); FrameRegistry.Handle h = stacks.register(g, f)) {
            long n = 0;
            while (!stop) {
                g.preemptPoll();
                int r = rnd.nextInt(64);
                if (r == 0) {
                    newLeaf(f, rnd);
                    int t = rnd.nextInt(TABLES);
                    long table = tables.get(t);
                    if (table != 0) {
                        mu.writePointer(table, 8L * rnd.nextInt(TABLE_LEN), f.get(0));
                    }
                } else if (r < 16) {
                    mu.allocBytes(16 + rnd.nextInt(2048));
                } else {
                    long x = mu.alloc(garbage[r % 3]);
                    f.set(1, x);
                    mu.writePointer(x, 0, f.get(1));       // a self-loop: garbage that still has pointers
                }
                n++;
            }
        }
    }
}
