// ClassicCollector: Go 1.19's concurrent tricolor mark-and-sweep collector: the cycle, the background
// mark workers, assists, the write barrier and the end-of-cycle accounting. Mirrors runtime/mgc.go
// (gcStart, gcBgMarkWorker, gcMarkDone, gcMarkTermination), mbarrier.go/mwbbuf.go (the hybrid barrier)
// and mgcmark.go's gcAssistAlloc.
package glassgo.runtime.gc.classic;

import glassgo.runtime.gc.Collector;
import glassgo.runtime.gc.CycleRecord;
import glassgo.runtime.gc.GcPhase;
import glassgo.runtime.gc.GcSettings;
import glassgo.runtime.gc.GcTrace;
import glassgo.runtime.gc.Pacer;
import glassgo.runtime.gc.RootSet;
import glassgo.runtime.gc.WriteBarrier;
import glassgo.runtime.malloc.MCache;
import glassgo.runtime.malloc.MHeap;
import glassgo.runtime.sched.GoRuntime;
import glassgo.runtime.sched.Sched;
import glassgo.runtime.sched.P;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One collection cycle, in Go's steps (the numbers appear in the code):
 * <ol>
 *   <li><b>gcStart</b>, on the goroutine whose allocation crossed the trigger (or runtime.GC): stop the
 *       world ("sweep termination"; the previous cycle's sweep is already complete, see below);</li>
 *   <li>set {@code gcphase = _GCmark}, enable the write barrier, allocate black, and shade the roots
 *       (globals and goroutine slots) while the world is stopped — Go scans stacks concurrently, one
 *       goroutine at a time; glassgo's mutator roots are scanned in this pause instead;</li>
 *   <li>with {@code gcstoptheworld=1}: drain all marking now and go to step 5 without restarting the world.
 *       Otherwise restart the world and start the background mark workers as goroutines: per Go's
 *       25% rule, {@code dedicated = round(0.25 × GOMAXPROCS)} workers that mark until no work is left,
 *       reduced by one when that misses 25% by more than 30%, the remainder as a fractional worker that
 *       marks for a share of its time. Allocating goroutines assist in proportion to what they
 *       allocate (assistWorkPerByte from the pacer);</li>
 *   <li><b>gcMarkDone</b>: the first worker that finds no work in its buffer nor the global list stops the
 *       world ("mark termination");</li>
 *   <li><b>gcMarkTermination</b>: flush every P's write-barrier buffer, drain what is left (including any
 *       other worker's buffer), verify if asked, set {@code _GCoff}, allocation white again;</li>
 *   <li>sweep — glassgo sweeps every span here, in the pause ({@code MHeap.sweepAll}; Go sweeps lazily
 *       and in the background) — then the pacer computes the next goal and trigger, the gctrace line is
 *       printed and the world restarts.</li>
 * </ol>
 */
public final class ClassicCollector implements Collector, WriteBarrier, MHeap.CollectorHook {
    private static final double GC_BACKGROUND_UTILIZATION = 0.25;
    private static final double MAX_UTIL_ERROR = 0.3;
    /** Assists run once a P owes this many bytes of scan work (Go's gcOverAssistWork is 64 KiB). */
    private static final long GC_OVER_ASSIST_WORK = 64 << 10;

    private final MHeap heap;
    private final RootSet roots;
    private final int gomaxprocs;
    private volatile GcSettings settings;
    private final Pacer pacer;
    private final Mark mark;
    private final GcWork.Global global = new GcWork.Global();
    private final WbBuf[] wbBufs;
    private final double[] assistDebt;
    /** GcWorks of this cycle's workers: mark termination drains them (their owners are parked then). */
    private final List<GcWork> workerGcws = new CopyOnWriteArrayList<>();
    private final List<CycleListener> listeners = new CopyOnWriteArrayList<>();
    private final PrintStream traceOut;
    private final long startNanos = System.nanoTime();

    private volatile int phase = GcPhase._GCoff;
    private volatile boolean wbEnabled;
    private final AtomicBoolean cycleRunning = new AtomicBoolean();
    private final AtomicBoolean markDoneClaimed = new AtomicBoolean();
    /** Workers draining right now (Go's work.nproc − work.nwait). */
    private final java.util.concurrent.atomic.AtomicInteger nbusy = new java.util.concurrent.atomic.AtomicInteger();
    private volatile int numgc;
    private final AtomicLong allocs = new AtomicLong();

    // The running cycle (Go's work struct); written with the world stopped or by the cycle's owner.
    private long tSweepTerm, tMark, heap0, cycleGoal;
    private boolean forced;
    private final AtomicLong bytesMarked = new AtomicLong();
    private final AtomicLong scanWork = new AtomicLong();
    private final AtomicLong assistNanos = new AtomicLong();
    private final AtomicLong bgNanos = new AtomicLong();
    private volatile double assistWorkPerByte;
    private long gcCpuNanos;
    private volatile long lastFreed;

    public ClassicCollector(MHeap heap, RootSet roots, int gomaxprocs, GcSettings settings, PrintStream traceOut) {
        this.heap = heap;
        this.roots = roots;
        this.gomaxprocs = gomaxprocs;
        this.settings = settings;
        this.traceOut = traceOut;
        this.pacer = new Pacer(settings.gcPercent(), settings.memoryLimit());
        this.mark = new Mark(heap);
        this.wbBufs = new WbBuf[gomaxprocs];
        for (int i = 0; i < gomaxprocs; i++) {
            wbBufs[i] = new WbBuf();
        }
        this.assistDebt = new double[gomaxprocs];
        heap.setPoisonFreed(settings.poison());
        heap.attachCollector(this);
        commitPacing();
    }

    /**
     * A collector for a mutator's heap and roots (globals and goroutine frames), attached to it so that its
     * pointer stores go through the barrier. Call before {@code mu.run}.
     */
    public static ClassicCollector attach(glassgo.runtime.mutator.Mutator mu, GcSettings settings, PrintStream traceOut) {
        ClassicCollector c = new ClassicCollector(mu.heap(), v -> mu.roots().scan(v::visit),
                mu.config().gomaxprocs(), settings, traceOut);
        mu.attachCollector(c);
        return c;
    }

    public GcSettings settings() {
        return settings;
    }

    public Pacer pacer() {
        return pacer;
    }

    @Override
    public int phase() {
        return phase;
    }

    @Override
    public int numGC() {
        return numgc;
    }

    /** Objects freed by the last cycle's sweep. */
    public long lastFreed() {
        return lastFreed;
    }

    @Override
    public WriteBarrier writeBarrier() {
        return this;
    }

    @Override
    public void onCycleEnd(CycleListener listener) {
        listeners.add(listener);
    }

    @Override
    public int setGCPercent(int percent) {
        int old = pacer.setGCPercent(percent);
        settings = settings.withGcPercent(pacer.gcPercent());
        commitPacing();
        return old;
    }

    @Override
    public long setMemoryLimit(long bytes) {
        long old = pacer.setMemoryLimit(bytes);
        settings = settings.withMemoryLimit(pacer.memoryLimit());
        commitPacing();
        return old;
    }

    // --- triggers -------------------------------------------------------------------------------------

    @Override
    public void allocPoll(MCache c, long size) {
        int stress = settings.gcstress();
        if (stress > 0 && allocs.incrementAndGet() % stress == 0) {
            gcStart(false);
            return;
        }
        if (phase == GcPhase._GCmark) {
            gcAssistAlloc(size);
        } else if (heap.heapLive() >= heap.trigger()) {
            gcStart(false);
        } else if (stress == 0) {
            heap.setGcPoll(false);
        }
    }

    @Override
    public void gc() {
        int target = numgc + 1;
        // Wait out a running cycle: it may have started before the caller's garbage became garbage.
        while (!gcStart(true)) {
            GoRuntime.gosched();
        }
        // Also wait until the cycle's owner has restarted the world, so that the caller's next stop
        // (another cycle, or the program's exit) never overlaps that restart.
        while (numgc < target || cycleRunning.get()) {
            GoRuntime.sleep(50_000);
        }
    }

    /**
     * debug.FreeOSMemory: a forced cycle, then every free page goes back to the OS (Go's
     * mheap.scavengeAll). Returns the bytes released.
     */
    public long freeOSMemory() {
        gc();
        return heap.scavengeAll();
    }

    /** Step 1. Returns false if a cycle was already running (its owner finishes it). */
    private boolean gcStart(boolean force) {
        if (!cycleRunning.compareAndSet(false, true)) {
            return false;
        }
        Sched sched = GoRuntime.currentSched();
        long t0 = System.nanoTime();
        long h0 = heap.heapLive();
        GoRuntime.stopTheWorld(sched, "GC sweep termination");
        tSweepTerm = t0;
        heap0 = h0;
        forced = force;
        cycleGoal = currentGoal();
        bytesMarked.set(0);
        scanWork.set(0);
        assistNanos.set(0);
        bgNanos.set(0);
        markDoneClaimed.set(false);
        java.util.Arrays.fill(assistDebt, 0);
        assistWorkPerByte = pacer.assistWorkPerByte(0, h0, cycleGoal);

        phase = GcPhase._GCmark;                                                           // step 2
        wbEnabled = true;
        heap.setAllocBlack(true);
        heap.setGcPoll(true);
        GcWork gcw = new GcWork(global);
        mark.markroots(roots, gcw);
        tMark = System.nanoTime();
        if (settings.stopTheWorld()) {                                                     // step 3
            mark.checkFree = true;
            mark.drain(gcw, Long.MAX_VALUE, null);
            flushStats(gcw);
            gcMarkTermination(sched);
            return true;
        }
        gcw.dispose();
        flushStats(gcw);
        GoRuntime.startTheWorld(sched);
        startWorkers();
        return true;
    }

    private void startWorkers() {
        double goal = gomaxprocs * GC_BACKGROUND_UTILIZATION;
        int dedicated = (int) (goal + 0.5);
        double fractional = 0;
        double utilError = dedicated / goal - 1;
        if (utilError < -MAX_UTIL_ERROR || utilError > MAX_UTIL_ERROR) {
            if (dedicated > goal) {
                dedicated--;
            }
            fractional = (goal - dedicated) / gomaxprocs;
        }
        int cycle = numgc;
        for (int i = 0; i < dedicated; i++) {
            GoRuntime.go(() -> bgMarkWorker(cycle, 1.0));
        }
        if (fractional > 0) {
            // One goroutine marking for fractional × GOMAXPROCS of its time: Go's per-P fractional
            // workers add up to the same share; glassgo cannot pin a goroutine to a P.
            double share = fractional * gomaxprocs;
            GoRuntime.go(() -> bgMarkWorker(cycle, share));
        }
    }

    /**
     * gcBgMarkWorker: mark until no work is left, then claim mark termination (step 4). A worker counts
     * as busy only while it drains; before it sleeps it gives its buffer back to the global list, so
     * "global list empty and no worker busy" means only barrier buffers may still hold work.
     */
    private void bgMarkWorker(int cycle, double share) {
        GcWork gcw = new GcWork(global);
        workerGcws.add(gcw);
        while (phase == GcPhase._GCmark && numgc == cycle) {
            long t = System.nanoTime();
            nbusy.incrementAndGet();
            long did = mark.drain(gcw, share >= 1 ? Long.MAX_VALUE : 256 << 10, GoRuntime::preemptPoll);
            gcw.dispose();
            nbusy.decrementAndGet();
            long spent = System.nanoTime() - t;
            bgNanos.addAndGet(spent);
            flushStats(gcw);
            if (phase != GcPhase._GCmark || numgc != cycle) {
                return;
            }
            if (did == 0 && global.empty()) {
                gcMarkDone(cycle);
                return;
            }
            if (share < 1) {
                GoRuntime.sleep((long) (spent * (1 - share) / share) + 1);
            } else {
                GoRuntime.preemptPoll();
            }
        }
    }

    /** Step 4: the first worker out of work stops the world and finishes the cycle. */
    private void gcMarkDone(int cycle) {
        if (numgc != cycle || !markDoneClaimed.compareAndSet(false, true)) {
            return;
        }
        Sched sched = GoRuntime.currentSched();
        GoRuntime.stopTheWorld(sched, "GC mark termination");
        gcMarkTermination(sched);
    }

    /** gcAssistAlloc: an allocating goroutine pays for its allocation with scan work during mark. */
    private void gcAssistAlloc(long size) {
        int pid = currentPId();
        if (pid < 0) {
            return;
        }
        if (global.empty() && nbusy.get() == 0) {
            // A completion point seen from the allocation path: glassgo's scheduler gives mark workers no
            // priority, so a worker may not run for a whole time slice after the work ran out.
            gcMarkDone(numgc);
            return;
        }
        assistDebt[pid] += size * assistWorkPerByte;
        if (assistDebt[pid] < GC_OVER_ASSIST_WORK) {
            return;
        }
        long t = System.nanoTime();
        GcWork gcw = new GcWork(global);
        long did = mark.drain(gcw, (long) assistDebt[pid], null);
        gcw.dispose();
        flushStats(gcw);
        assistNanos.addAndGet(System.nanoTime() - t);
        assistWorkPerByte = pacer.assistWorkPerByte(scanWork.get(), heap.heapLive(), cycleGoal);
        if (did == 0) {
            // No work left for anyone to steal: like Go's gcAssistAlloc1 reaching a completion point,
            // this assist finishes the cycle (the scheduler here gives workers no priority, so an
            // assist is often first to notice). Otherwise Go parks the assist until background credit
            // arrives; glassgo forgives the rest of the debt (the goal may be overshot).
            assistDebt[pid] = 0;
            if (global.empty()) {
                gcMarkDone(numgc);
            }
            return;
        }
        assistDebt[pid] = Math.max(0, assistDebt[pid] - did);
    }

    private void flushStats(GcWork gcw) {
        bytesMarked.addAndGet(gcw.bytesMarked);
        scanWork.addAndGet(gcw.scanWork);
        gcw.bytesMarked = 0;
        gcw.scanWork = 0;
    }

    // --- the write barrier --------------------------------------------------------------------------

    @Override
    public boolean enabled() {
        return wbEnabled;
    }

    /** Go 1.19's hybrid barrier: shade(*slot); shade(ptr), through the P's buffer. */
    @Override
    public void onPointerWrite(long slotAddr, long oldPtr, long newPtr) {
        if (!wbEnabled) {
            return;
        }
        int pid = currentPId();
        if (pid < 0) {
            throw new IllegalStateException("runtime: write barrier outside a goroutine with a P");
        }
        WbBuf b = wbBufs[pid];
        if (b.putFast(oldPtr, newPtr)) {
            GcWork gcw = new GcWork(global);
            b.flush(mark, gcw);
            gcw.dispose();
            flushStats(gcw);
        }
    }

    // --- mark termination and sweep -------------------------------------------------------------------

    /** Steps 5 and 6. World stopped; restarts it. */
    private void gcMarkTermination(Sched sched) {
        long tMarkTerm = System.nanoTime();
        long heap1 = heap.heapLive();
        phase = GcPhase._GCmarktermination;
        mark.checkFree = true;
        GcWork gcw = new GcWork(global);
        for (WbBuf b : wbBufs) {
            b.flush(mark, gcw);
        }
        for (GcWork w : workerGcws) {
            mark.drain(w, Long.MAX_VALUE, null);
            flushStats(w);
        }
        mark.drain(gcw, Long.MAX_VALUE, null);
        flushStats(gcw);
        if (!global.empty() || !gcw.empty()) {
            throw new IllegalStateException("runtime: mark termination left work in the buffers");
        }
        workerGcws.clear();
        if (settings.verify()) {
            mark.verify(roots);
        }
        mark.checkFree = false;
        phase = GcPhase._GCoff;
        wbEnabled = false;
        heap.setAllocBlack(false);

        long freedBefore = heap.sweptObjects();                                             // step 6
        heap.setPoisonFreed(settings.poison());
        heap.sweepAll();
        lastFreed = heap.sweptObjects() - freedBefore;
        long live = liveBytes();
        heap.setHeapLive(live);
        long tEnd = System.nanoTime();
        long markNanos = Math.max(1, tMarkTerm - tMark);
        double u = GC_BACKGROUND_UTILIZATION + assistNanos.get() / (double) (markNanos * gomaxprocs);
        pacer.endCycle(live, scanWork.get(), roots.stackBytes(), roots.globalsBytes(), heap1, heap0, Math.min(u, 0.95));
        pacer.setLastHeapGoal(cycleGoal);
        commitPacing();

        int cpus = Math.min(gomaxprocs, Runtime.getRuntime().availableProcessors());
        gcCpuNanos += (tMark - tSweepTerm) * cpus + assistNanos.get() + bgNanos.get() + (tEnd - tMarkTerm) * cpus;
        long wall = Math.max(1, tEnd - startNanos);
        int pct = (int) (100 * gcCpuNanos / (double) (wall * gomaxprocs));
        numgc++;
        CycleRecord r = new CycleRecord(numgc, startNanos, tSweepTerm, tMark, tMarkTerm, tEnd, assistNanos.get(),
                bgNanos.get(), 0, heap0, heap1, live, cycleGoal, roots.stackBytes(), roots.globalsBytes(),
                gomaxprocs, forced, lastFreed, pct);
        for (CycleListener l : listeners) {
            l.cycleEnded(r);
        }
        GoRuntime.startTheWorld(sched);
        // Only now may another goroutine start a cycle: two stoppers overlapping a restart is a
        // window the scheduler does not survive (see the report: releasep: invalid p state).
        cycleRunning.set(false);
        if (settings.gctrace() && traceOut != null) {
            traceOut.println(GcTrace.line(r));
        }
    }

    /** Bytes in allocated objects after the sweep (Go's heapMarked, which counts black allocation too). */
    private long liveBytes() {
        long[] sum = {0};
        heap.forEachInUseSpan(s -> sum[0] += s.sizeclass() == 0
                ? (long) s.npages() << 13 : (long) s.allocCount() * s.elemsize());
        return sum[0];
    }

    private long currentGoal() {
        return pacer.heapGoal(heap.mappedReady(), heap.heapFreeBytes(), heap.heapLive());
    }

    /** gcControllerCommit: the next trigger. */
    private void commitPacing() {
        long goal = pacer.gcPercent() < 0 && pacer.memoryLimit() == Long.MAX_VALUE ? Long.MAX_VALUE : currentGoal();
        heap.setTrigger(goal == Long.MAX_VALUE ? Long.MAX_VALUE : pacer.trigger(goal));
        heap.setGcPoll(settings.gcstress() > 0 || heap.heapLive() >= heap.trigger());
    }

    /** The id of the caller's P, or -1 outside a goroutine or without a P. */
    private static int currentPId() {
        P pp = GoRuntime.currentP();
        return pp == null ? -1 : pp.id();
    }
}
