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
import glassgo.runtime.mutator.Print;
import glassgo.runtime.sched.G;
import glassgo.runtime.sched.GoRuntime;
import glassgo.runtime.sched.Sched;
import glassgo.runtime.sched.P;
import glassgo.runtime.sched.WaitReason;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One collection cycle, in Go's steps (the numbers appear in the code):
 * <ol>
 *   <li><b>gcStart</b>, on the goroutine whose allocation crossed the trigger (or runtime.GC): first sweep
 *       whatever the previous cycle left unswept, concurrently; then stop the world ("sweep termination"):
 *       finishsweep (normally nothing is left), set {@code gcphase = _GCmark}, enable the write barrier,
 *       allocate black, queue the global root jobs and list the goroutines whose stacks are to be scanned
 *       (a root set that cannot scan stacks one goroutine at a time has them all scanned here instead);</li>
 *   <li>with {@code gcstoptheworld=1}: mark everything now and go to step 5 without restarting the world.
 *       Otherwise restart the world and start the background mark workers as goroutines: per Go's
 *       25% rule, {@code dedicated = round(0.25 × GOMAXPROCS)} workers that mark until no work is left,
 *       reduced by one when that misses 25% by more than 30%, the remainder as a fractional worker that
 *       marks for a share of its time. Workers take the global root jobs first, then grey objects.
 *       Each goroutine scans its own stack at its first allocation of the cycle (a safepoint), and
 *       allocating goroutines assist in proportion to what they allocate (assistWorkPerByte);</li>
 *   <li><b>concurrent mark</b> until no worker finds work: no root job, no grey object in the global list,
 *       no marker busy;</li>
 *   <li><b>gcMarkDone</b>: stop the world; scan the stacks of goroutines that did not allocate (they are
 *       stopped now), flush every P's write-barrier buffer and move every marker's private buffer to the
 *       global list; if that produced work, restart the world and keep marking (Go's #27993 check), else
 *       mark termination follows in the same pause;</li>
 *   <li><b>gcMarkTermination</b>: heapMarked = bytes marked + bytes allocated black; {@code _GCoff}, barrier
 *       off; release the mcaches; flip {@code sweepgen} (every span becomes unswept); the pacer's next
 *       goal and trigger and the sweep pace; restart the world;</li>
 *   <li><b>sweep</b>, concurrently: allocation sweeps lazily and pays sweep credit, the background
 *       sweeper goroutine sweeps the rest (glassgo.runtime.malloc.Sweeper).</li>
 * </ol>
 */
public final class ClassicCollector implements Collector, WriteBarrier, MHeap.CollectorHook {
    private static final double GC_BACKGROUND_UTILIZATION = 0.25;
    private static final double MAX_UTIL_ERROR = 0.3;
    /** Assists run once a P owes this many bytes of scan work (Go's gcOverAssistWork is 64 KiB). */
    private static final long GC_OVER_ASSIST_WORK = 64 << 10;
    /** The background sweeper yields after this many spans (Go's sweepBatchSize). */
    private static final int SWEEP_BATCH = 10;
    /**
     * A background worker flushes its scan credit (and so pays parked assists) after at most this much scan
     * work; Go's gcDrain flushes every gcCreditSlack (2000) units, which per JVM call costs too much here.
     */
    private static final long WORKER_CREDIT_CHUNK = 64 << 10;
    /**
     * Under a memory limit the goal moves with every change in memory use, and Go recomputes the trigger at
     * each test (every span refill). glassgo tests its trigger in MHeap only when heapLive crosses it, so
     * under a limit it sets the tested value at most this far above heapLive and recomputes the real
     * trigger when heapLive gets there (the first cycle of a 16 MiB limit used to start 2 MB too late).
     */
    private static final long LIMIT_RETEST_STEP = 256 << 10;

    private final MHeap heap;
    private final RootSet roots;
    private final int gomaxprocs;
    private volatile GcSettings settings;
    private final Pacer pacer;
    private final Mark mark;
    private final GcWork.Global global = new GcWork.Global();
    private final WbBuf[] wbBufs;
    private final double[] assistDebt;
    /** GcWorks of this cycle's workers: mark completion empties them (their owners stand at a safepoint). */
    private final List<GcWork> workerGcws = new CopyOnWriteArrayList<>();
    private final List<CycleListener> listeners = new CopyOnWriteArrayList<>();
    private final List<SweepListener> sweepListeners = new CopyOnWriteArrayList<>();
    private final PrintStream traceOut;
    private final long startNanos = System.nanoTime();

    private volatile int phase = GcPhase._GCoff;
    private volatile boolean wbEnabled;
    private final AtomicBoolean cycleRunning = new AtomicBoolean();
    private final AtomicBoolean markDoneClaimed = new AtomicBoolean();
    private final AtomicBoolean bgSweepRunning = new AtomicBoolean();
    /** Markers (workers and assists) draining right now (Go's work.nproc − work.nwait). */
    private final AtomicInteger nbusy = new AtomicInteger();
    /** Global root jobs: the next one to claim and how many there are this cycle (markrootNext/Jobs). */
    private final AtomicInteger rootNext = new AtomicInteger();
    private volatile int rootJobs;
    /** Goroutines whose stacks this cycle has not scanned yet (per-goroutine root sets only). */
    private final Set<G> unscannedStacks = ConcurrentHashMap.newKeySet();
    private volatile int numgc;
    private final AtomicLong allocs = new AtomicLong();
    private final AtomicInteger markRestarts = new AtomicInteger();
    private volatile long maxAbortedPause;

    // The running cycle (Go's work struct); written with the world stopped or by the cycle's owner.
    private long tSweepTerm, tMark, heap0, cycleGoal, stopSweepTerm, stopMarkTerm;
    private boolean forced;
    private final AtomicLong bytesMarked = new AtomicLong();
    private final AtomicLong scanWork = new AtomicLong();
    private final AtomicLong assistNanos = new AtomicLong();
    private final AtomicLong bgNanos = new AtomicLong();
    private final AtomicLong idleNanos = new AtomicLong();
    /**
     * Go's work.assistQueue: goroutines whose assist found no work to do, each with the scan work it still
     * owes. Background workers pay them from their credit (gcFlushBgCredit) and mark termination wakes the
     * rest (gcWakeAllAssists). Guarded by its own monitor; nothing parks while holding it.
     */
    private final ArrayDeque<ParkedAssist> assistQueue = new ArrayDeque<>();
    /** Set by the cycle's owner once the world runs again after sweep termination (mark may complete then). */
    private volatile boolean markStarted;
    /** Scan work background workers did beyond what assists owed (Go's bgScanCredit), stolen by assists. */
    private final AtomicLong bgScanCredit = new AtomicLong();
    /**
     * When marking began. Set while the world is stopped and refined after the restart (Go takes it once the
     * world runs again); the mark may end before that refinement, and then mark termination's value stands.
     */
    private final AtomicLong tMarkStart = new AtomicLong();
    private volatile double assistWorkPerByte;
    private long gcCpuNanos;
    /** heap.sweptObjects() when sweepgen last flipped, and what that sweep had freed by sweep termination. */
    private volatile long sweptAtFlip;
    private long freedBySweep;

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
        ClassicCollector c = new ClassicCollector(mu.heap(), mutatorRoots(mu.roots()),
                mu.config().gomaxprocs(), settings, traceOut);
        mu.attachCollector(c);
        return c;
    }

    /**
     * The mutator's roots as Go's markroot splits them: one concurrent job per globals block (stores into
     * globals are barriered), and the stacks, which the mutator cannot yet name goroutine by goroutine, all
     * scanned in the sweep-termination pause.
     */
    private static RootSet mutatorRoots(glassgo.runtime.mutator.Roots r) {
        return new RootSet() {
            @Override
            public void scan(SlotVisitor visitor) {
                r.scan(visitor::visit);
            }

            @Override
            public int globalJobs() {
                return r.globalsBlocks();
            }

            @Override
            public void scanGlobals(int job, SlotVisitor visitor) {
                r.scanGlobals(job, visitor::visit);
            }

            @Override
            public void scanStacks(SlotVisitor visitor) {
                r.scanStacks(visitor::visit);
            }

            @Override
            public long globalsBytes() {
                return r.globalsBytes();
            }
        };
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

    /** Objects freed so far by the sweep of the last completed cycle (all of them once its sweep is done). */
    public long lastFreed() {
        return heap.sweptObjects() - sweptAtFlip;
    }

    /** Mark-termination attempts that found more work and restarted the world (Go's #27993 path), so far. */
    public int markRestarts() {
        return markRestarts.get();
    }

    /** The longest such aborted mark-termination pause, in nanoseconds (not part of any gctrace field). */
    public long maxAbortedPauseNanos() {
        return maxAbortedPause;
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
    public void onSweepDone(SweepListener listener) {
        sweepListeners.add(listener);
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
        // The poll may park this goroutine and resume it on another P; mallocgc then re-reads its mcache
        // (MHeap.setCurrentMCache), as Go's mallocgc re-reads getg().m.p.mcache after an assist.
        poll(size);
    }

    private void poll(long size) {
        int stress = settings.gcstress();
        if (stress > 0 && allocs.incrementAndGet() % stress == 0) {
            gcStart(false);
            return;
        }
        if (phase == GcPhase._GCmark) {
            if (!unscannedStacks.isEmpty()) {
                scanOwnStack();
            }
            gcAssistAlloc(size);
        } else if (heap.heapLive() >= heap.trigger()) {
            if (!retestLimitTrigger()) {
                gcStart(false);
            }
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
        // runtime.GC returns with the cycle's sweep complete, helping to sweep (Go: sweepone loop).
        while (!heap.sweepDone()) {
            if (heap.sweepone() < 0) {
                GoRuntime.gosched();
            }
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
        // Go's gcStart sweeps the previous cycle's leftovers before stopping the world, so that the pause
        // (finishsweep_m) finds nothing to do.
        while (heap.sweepone() >= 0) {
            // each call sweeps one span
        }
        Sched sched = GoRuntime.currentSched();
        long t0 = System.nanoTime();
        long h0 = heap.heapLive();
        GoRuntime.stopTheWorld(sched, "GC sweep termination");
        stopSweepTerm = System.nanoTime() - t0;
        tSweepTerm = t0;
        heap0 = h0;
        forced = force;
        if (!global.empty()) {
            throw new IllegalStateException("runtime: gcStart: grey objects left over from the previous cycle");
        }
        heap.finishSweep();
        freedBySweep = heap.sweptObjects() - sweptAtFlip;
        for (SweepListener l : sweepListeners) {
            l.sweepDone(numgc + 1, freedBySweep);
        }
        cycleGoal = currentGoal();
        bytesMarked.set(0);
        scanWork.set(0);
        assistNanos.set(0);
        bgNanos.set(0);
        idleNanos.set(0);
        bgScanCredit.set(0);
        markStarted = false;
        markDoneClaimed.set(false);
        java.util.Arrays.fill(assistDebt, 0);
        pacer.setGlobalsScan(roots.globalsBytes());
        assistWorkPerByte = pacer.assistWorkPerByte(0, h0, cycleGoal);
        double fractionalGoal = fractionalUtilizationGoal();
        String startTrace = !settings.pacertrace() ? null : "pacer: assist ratio=" + Print.formatFloat(assistWorkPerByte)
                + " (scan " + (h0 >> 20) + " MB in " + (h0 >> 20) + "->" + (cycleGoal >> 20) + " MB) workers="
                + dedicatedMarkWorkers() + "+" + Print.formatFloat(fractionalGoal);

        phase = GcPhase._GCmark;
        wbEnabled = true;
        heap.setAllocBlack(true);
        heap.setGcPoll(true);
        GcWork gcw = new GcWork(global);
        if (settings.stopTheWorld()) {                                                     // step 2
            trace(startTrace);
            tMarkStart.set(System.nanoTime());
            mark.checkFree = true;
            mark.markroots(roots, gcw);
            mark.drain(gcw, Long.MAX_VALUE, null);
            mark.checkFree = false;
            flushStats(gcw);
            gcMarkTermination(sched, System.nanoTime());
            return true;
        }
        if (roots.perGoroutineStacks()) {
            unscannedStacks.addAll(roots.stackOwners());      // each scanned at its own safepoint
        } else {
            mark.markStacks(roots, gcw);
        }
        rootNext.set(0);
        rootJobs = roots.globalJobs();
        gcw.dispose();
        flushStats(gcw);
        int cycle = numgc;                              // read while stopped: the cycle may end before startWorkers
        long stopped = System.nanoTime();
        tMarkStart.set(stopped);
        GoRuntime.startTheWorld(sched);
        trace(startTrace);
        // As Go's: the pause ends once the world runs again — unless another goroutine already finished the
        // mark (mark termination freezes tMarkStart), which used to print a negative mark time.
        tMarkStart.compareAndSet(stopped, System.nanoTime());
        startWorkers(cycle, fractionalGoal);
        // Go's gcStart holds worldsema until the world runs and the workers exist, so no marker can
        // complete the mark before: a completion attempted earlier would wait for worldsema by yielding
        // (gosched puts it behind every runnable goroutine, tens of ms) while the others allocate black.
        markStarted = true;
        return true;
    }

    /** Go's dedicatedMarkWorkersNeeded: round(25% of GOMAXPROCS), one less if that misses by more than 30%. */
    private int dedicatedMarkWorkers() {
        double goal = gomaxprocs * GC_BACKGROUND_UTILIZATION;
        int dedicated = (int) (goal + 0.5);
        double utilError = dedicated / goal - 1;
        if ((utilError < -MAX_UTIL_ERROR || utilError > MAX_UTIL_ERROR) && dedicated > goal) {
            dedicated--;
        }
        return dedicated;
    }

    /** Go's fractionalUtilizationGoal: the share of each P the fractional workers make up (0 if none). */
    private double fractionalUtilizationGoal() {
        double goal = gomaxprocs * GC_BACKGROUND_UTILIZATION;
        int rounded = (int) (goal + 0.5);
        double utilError = rounded / goal - 1;
        if (utilError < -MAX_UTIL_ERROR || utilError > MAX_UTIL_ERROR) {
            return (goal - dedicatedMarkWorkers()) / gomaxprocs;
        }
        return 0;
    }

    private void startWorkers(int cycle, double fractional) {
        for (int i = 0, n = dedicatedMarkWorkers(); i < n; i++) {
            GoRuntime.go(() -> bgMarkWorker(cycle, 1.0));
        }
        if (fractional > 0) {
            // One goroutine marking for fractional × GOMAXPROCS of its time: Go's per-P fractional
            // workers add up to the same share; glassgo cannot pin a goroutine to a P.
            double share = fractional * gomaxprocs;
            GoRuntime.go(() -> bgMarkWorker(cycle, share));
        }
    }

    /** Writes a gcpacertrace line (UTF-8, as Go's print writes the bytes of its strings). */
    private void trace(String line) {
        if (line != null && traceOut != null) {
            byte[] b = (line + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
            traceOut.write(b, 0, b.length);
            traceOut.flush();
        }
    }

    /** Claims and scans global root jobs until none is left (markroot). Returns the jobs done. */
    private int markRootJobs(GcWork gcw) {
        int done = 0;
        for (int job = rootNext.getAndIncrement(); job < rootJobs; job = rootNext.getAndIncrement()) {
            mark.markGlobals(roots, job, gcw);
            done++;
        }
        return done;
    }

    /**
     * An allocation is a safepoint of the allocating goroutine: every pointer it keeps is in its frames. If
     * its stack is not scanned yet this cycle, it scans it now (Go suspends the goroutine at a safepoint
     * for scanstack; here the goroutine is at one already). From then on its stack is black: the hybrid
     * barrier shades whatever it moves between stack and heap, so it is never rescanned.
     */
    private void scanOwnStack() {
        G gp = GoRuntime.getg();
        if (gp == null || !unscannedStacks.remove(gp)) {
            return;
        }
        GcWork gcw = new GcWork(global);
        nbusy.incrementAndGet();
        roots.scanStack(gp, (slot, p) -> mark.shade(p, gcw));
        gcw.dispose();
        nbusy.decrementAndGet();
        flushStats(gcw);
    }

    /** No root job, no grey object in the global list, and no marker holding private work. */
    private boolean noWorkLeft() {
        return global.empty() && nbusy.get() == 0 && rootNext.get() >= rootJobs;
    }

    /**
     * gcBgMarkWorker: root jobs, then grey objects, until no work is left; then try to complete the mark
     * (step 4), and keep marking if that found more. A worker counts as busy only while it drains; before
     * it sleeps it gives its buffer back to the global list, so "global list empty and no marker busy"
     * means only barrier buffers may still hold work. It drains in chunks of {@link #WORKER_CREDIT_CHUNK}
     * and flushes its credit after each (gcFlushBgCredit), which readies parked assists.
     *
     * <p>Go's scheduler gives a worker its P (findRunnableGCWorker runs before any goroutine), so a worker
     * is not time-sliced away: here the worker ignores time-slice preemption and yields only to a
     * stop-the-world. A fractional worker keeps to its share as Go's gcDrainFractional does: it runs until
     * its run time exceeds 1.2 × share of the time since it started, then sleeps back down to the share —
     * except while a P is idle (nothing to run: every goroutine parked, e.g. in assists), where Go runs an
     * idle mark worker; that time is reported as idle mark time.
     */
    private void bgMarkWorker(int cycle, double share) {
        GcWork gcw = new GcWork(global);
        workerGcws.add(gcw);
        long start = System.nanoTime();
        long ran = 0;
        while (phase == GcPhase._GCmark && numgc == cycle) {
            boolean idle = share < 1 && GoRuntime.idleProcs() > 0;
            long t = System.nanoTime();
            nbusy.incrementAndGet();
            long did = markRootJobs(gcw);
            did += mark.drain(gcw, WORKER_CREDIT_CHUNK, () -> {
                if (GoRuntime.stopTheWorldPending()) {
                    GoRuntime.preemptPoll();
                }
                // Parked here, the worker may have slept through mark termination (its buffer was empty
                // then) and even into the next cycle: it must stop before taking that cycle's work.
                return phase == GcPhase._GCmark && numgc == cycle;
            });
            gcw.dispose();
            nbusy.decrementAndGet();
            long now = System.nanoTime();
            long spent = now - t;
            (idle ? idleNanos : bgNanos).addAndGet(spent);
            if (!idle) {
                ran += spent;
            }
            flushStats(gcw);
            flushBgCredit(did);
            if (phase != GcPhase._GCmark || numgc != cycle) {
                return;
            }
            if (did == 0) {
                if (noWorkLeft() && gcMarkDone(cycle)) {
                    return;
                }
                // Another marker holds the work or is completing the mark, or work came back.
                GoRuntime.sleep(20_000);
            } else if (share < 1 && GoRuntime.idleProcs() == 0 && ran > 1.2 * share * (now - start)) {
                GoRuntime.sleep((long) (ran / share) - (now - start) + 1);
            } else if (GoRuntime.stopTheWorldPending()) {
                GoRuntime.preemptPoll();
            }
        }
    }

    /** A goroutine parked in its assist, and the scan work it still owes (Go keeps it in g.gcAssistBytes). */
    private static final class ParkedAssist {
        final G g;
        double debt;

        ParkedAssist(G g, double debt) {
            this.g = g;
            this.debt = debt;
        }
    }

    /**
     * gcFlushBgCredit: background scan work first pays the parked assists, oldest first, readying each one
     * whose debt it covers; what is left becomes credit that assists may steal.
     */
    private void flushBgCredit(long credit) {
        if (credit <= 0) {
            return;
        }
        List<G> ready = null;
        synchronized (assistQueue) {
            while (credit > 0 && !assistQueue.isEmpty()) {
                ParkedAssist a = assistQueue.peekFirst();
                if (a.debt <= credit) {
                    credit -= (long) Math.ceil(a.debt);
                    assistQueue.pollFirst();
                    if (ready == null) {
                        ready = new ArrayList<>();
                    }
                    ready.add(a.g);
                } else {
                    a.debt -= credit;
                    credit = 0;
                }
            }
        }
        if (credit > 0) {
            bgScanCredit.addAndGet(credit);
        }
        if (ready != null) {
            for (G g : ready) {
                GoRuntime.goready(g);
            }
        }
    }

    /**
     * gcParkAssist: queue the calling goroutine with what it still owes and park it until background credit
     * pays that or the mark ends. Does not park if the cycle {@code cycle} is no longer marking.
     */
    private void parkAssist(int cycle, double debt) {
        G gp = GoRuntime.getg();
        ParkedAssist a = new ParkedAssist(gp, debt);
        GoRuntime.gopark(g -> {
            synchronized (assistQueue) {
                // Checked under the queue's lock, which mark termination's wakeAllAssists also takes after
                // it ended the phase: either this assist is queued before the wake-up, or it sees the end.
                if (phase != GcPhase._GCmark || numgc != cycle) {
                    return false;
                }
                assistQueue.addLast(a);
                return true;
            }
        }, WaitReason.waitReasonGCAssistWait);
    }

    /** gcWakeAllAssists: the mark is over; every parked assist may allocate again (its debt is dropped). */
    private void wakeAllAssists() {
        List<G> ready;
        synchronized (assistQueue) {
            ready = new ArrayList<>(assistQueue.size());
            for (ParkedAssist a : assistQueue) {
                ready.add(a.g);
            }
            assistQueue.clear();
        }
        for (G g : ready) {
            GoRuntime.goready(g);
        }
    }

    /**
     * Step 4: stop the world; flush the barrier buffers and the markers' private buffers to the global list;
     * with no work found, finish the cycle (step 5) and return true; otherwise restart the world so the
     * markers drain it, and return false.
     */
    private boolean gcMarkDone(int cycle) {
        if (numgc != cycle || !markStarted || !markDoneClaimed.compareAndSet(false, true)) {
            return false;
        }
        Sched sched = GoRuntime.currentSched();
        long t = System.nanoTime();
        GoRuntime.stopTheWorld(sched, "GC mark termination");
        stopMarkTerm = System.nanoTime() - t;
        GcWork gcw = new GcWork(global);
        mark.checkFree = true;                           // sound: nothing allocates while the world is stopped
        for (G gp : unscannedStacks) {
            roots.scanStack(gp, (slot, p) -> mark.shade(p, gcw));   // stopped with the world: a safepoint
        }
        unscannedStacks.clear();
        for (WbBuf b : wbBufs) {
            b.flush(mark, gcw);
        }
        mark.checkFree = false;
        gcw.dispose();
        flushStats(gcw);
        for (GcWork w : workerGcws) {
            w.dispose();
        }
        if (!global.empty() || rootNext.get() < rootJobs) {
            markRestarts.incrementAndGet();
            GoRuntime.startTheWorld(sched);
            maxAbortedPause = Math.max(maxAbortedPause, System.nanoTime() - t);
            // Only now, with worldsema released, may another marker claim completion: a claimer that found
            // worldsema still held would yield inside mallocgc and could resume on another P, while
            // mallocgc goes on with the first P's mcache (two goroutines on one mcache lose spans).
            markDoneClaimed.set(false);
            return false;
        }
        gcMarkTermination(sched, t);
        return true;
    }

    /**
     * gcAssistAlloc: an allocating goroutine pays for its allocation with scan work during mark. Its debt
     * grows by size × assistWorkPerByte; background credit pays what it can; past
     * {@link #GC_OVER_ASSIST_WORK} the goroutine scans grey objects itself, in chunks with a preemption
     * point between them. If it runs out of work while still in debt it either completes the mark (no work
     * anywhere: Go's gcAssistAlloc1 reaching a completion point) or parks until background workers' credit
     * pays its debt or the mark ends (gcParkAssist) — so a mark that falls behind stops allocation
     * instead of letting the heap run past its goal.
     */
    private void gcAssistAlloc(long size) {
        int pid = currentPId();
        if (pid < 0) {
            return;
        }
        int cycle = numgc;
        // Go revises the ratio as heapLive grows (every 64 KiB of allocation); revising on each assist
        // check keeps it current, where revising only after an assist left the first cycle with no assists.
        assistWorkPerByte = pacer.assistWorkPerByte(scanWork.get(), heap.heapLive(), cycleGoal);
        assistDebt[pid] += size * assistWorkPerByte;
        assistDebt[pid] -= stealBgCredit(assistDebt[pid]);
        if (assistDebt[pid] < GC_OVER_ASSIST_WORK && !(markStarted && noWorkLeft())) {
            return;
        }
        // From here the debt is this goroutine's: it may move to another P while it parks or yields.
        double debt = assistDebt[pid];
        assistDebt[pid] = 0;
        while (phase == GcPhase._GCmark && numgc == cycle) {
            long did = 0;
            if (debt > 0) {
                long t = System.nanoTime();
                GcWork gcw = new GcWork(global);
                nbusy.incrementAndGet();
                // Go's gcDrainN stops when the goroutine is asked to preempt; here, when the world is to stop.
                did = mark.drain(gcw, (long) Math.min(debt, WORKER_CREDIT_CHUNK) + 1,
                        () -> !GoRuntime.stopTheWorldPending());
                gcw.dispose();
                nbusy.decrementAndGet();
                flushStats(gcw);
                assistNanos.addAndGet(System.nanoTime() - t);
                debt -= did;
                if (debt <= 0) {
                    return;
                }
            }
            if (did > 0 || GoRuntime.stopTheWorldPending()) {
                GoRuntime.preemptPoll();            // a stop-the-world waits for no assist longer than a poll
                continue;
            }
            if (markStarted && noWorkLeft()) {
                // No work anywhere: a completion point. If another marker is completing, wait for the end.
                if (gcMarkDone(cycle)) {
                    return;
                }
            } else {
                debt -= stealBgCredit(debt);
                if (debt <= 0) {
                    return;
                }
            }
            parkAssist(cycle, Math.max(debt, 1));
            return;          // readied: background credit paid the debt, or the mark is over
        }
    }

    /** Takes up to {@code want} of the background workers' scan credit; returns what it took. */
    private long stealBgCredit(double want) {
        while (true) {
            long credit = bgScanCredit.get();
            long steal = (long) Math.min(credit, want);
            if (steal <= 0 || bgScanCredit.compareAndSet(credit, credit - steal)) {
                return Math.max(steal, 0);
            }
        }
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

    /**
     * Step 5, world stopped, no marking work left anywhere (gcMarkDone checked); restarts the world. Its
     * cost does not depend on the heap's size: the sweep itself happens after the restart.
     */
    private void gcMarkTermination(Sched sched, long tMarkTerm) {
        tMark = Math.min(tMarkStart.getAndSet(Long.MIN_VALUE), tMarkTerm);
        long heap1 = heap.heapLive();
        phase = GcPhase._GCmarktermination;
        for (GcWork w : workerGcws) {
            if (!w.empty()) {
                throw new IllegalStateException("runtime: mark termination found work in a marker's buffer");
            }
            flushStats(w);
        }
        workerGcws.clear();
        if (settings.verify()) {
            mark.verify(roots);
        }
        long marked = bytesMarked.get() + heap.takeBlackBytes();
        phase = GcPhase._GCoff;
        wbEnabled = false;
        heap.setAllocBlack(false);

        heap.releaseAllMCaches();                                                          // step 6
        heap.setHeapLive(marked);
        heap.setPoisonFreed(settings.poison());
        sweptAtFlip = heap.sweptObjects();
        heap.startSweep();
        long markNanos = Math.max(1, tMarkTerm - tMark);
        double u = GC_BACKGROUND_UTILIZATION + assistNanos.get() / (double) (markNanos * gomaxprocs);
        double idleU = idleNanos.get() / (double) (markNanos * gomaxprocs);
        pacer.setLastHeapGoal(cycleGoal);
        pacer.endCycle(marked, scanWork.get(), roots.stackBytes(), roots.globalsBytes(), heap1, heap0, Math.min(u, 0.95), idleU);
        String endTrace = settings.pacertrace() ? pacer.lastEndTrace() : null;
        pacer.commit(false, marked);                    // the sweep has only begun: keep the sweeper's runway
        commitPacing();
        long tEnd = System.nanoTime();

        int cpus = Math.min(gomaxprocs, Runtime.getRuntime().availableProcessors());
        gcCpuNanos += (tMark - tSweepTerm) * cpus + assistNanos.get() + bgNanos.get() + idleNanos.get()
                + (tEnd - tMarkTerm) * cpus;
        long wall = Math.max(1, tEnd - startNanos);
        int pct = (int) (100 * gcCpuNanos / (double) (wall * gomaxprocs));
        numgc++;
        CycleRecord r = new CycleRecord(numgc, startNanos, tSweepTerm, tMark, tMarkTerm, tEnd, assistNanos.get(),
                bgNanos.get(), idleNanos.get(), heap0, heap1, marked, cycleGoal, roots.stackBytes(), roots.globalsBytes(),
                gomaxprocs, forced, freedBySweep, pct, stopSweepTerm, settings.stopTheWorld() ? 0 : stopMarkTerm);
        for (CycleListener l : listeners) {
            l.cycleEnded(r);
        }
        GoRuntime.startTheWorld(sched);
        wakeAllAssists();                                // the phase is _GCoff: none can queue any more
        // Only now may another goroutine start a cycle: two stoppers overlapping a restart is a
        // window the scheduler does not survive (see the report: releasep: invalid p state).
        cycleRunning.set(false);
        startBgSweep();
        trace(endTrace);
        if (settings.gctrace() && traceOut != null) {
            traceOut.println(GcTrace.line(r));
        }
    }

    /** Readies the background sweeper for this cycle's sweep unless one is still running (gcSweep). */
    private void startBgSweep() {
        if (!heap.sweepDone() && bgSweepRunning.compareAndSet(false, true)) {
            GoRuntime.go(this::bgsweep);
        }
    }

    /**
     * bgsweep: sweep span by span until nothing is left, yielding every {@link #SWEEP_BATCH} spans so the
     * sweeper runs in the gaps the program leaves (Go runs it at low priority the same way).
     */
    private void bgsweep() {
        try {
            int n = 0;
            while (heap.sweepone() >= 0) {
                if (++n % SWEEP_BATCH == 0) {
                    GoRuntime.gosched();
                }
            }
        } finally {
            bgSweepRunning.set(false);
        }
    }

    private long currentGoal() {
        // The limit goal wants the bytes of objects not yet freed, unswept garbage included (see Pacer). Not
        // readMemStats: it flushes every mcache, which only a stopped world may do, and debug.SetGCPercent /
        // SetMemoryLimit commit the pacing while goroutines run.
        return pacer.heapGoal(heap.mappedReady(), heap.heapFreeBytes(), heap.heapAlloc());
    }

    /** gcControllerCommit: the next trigger, and the sweep pace that finishes the sweep before it. */
    private void commitPacing() {
        long goal = pacer.gcPercent() < 0 && pacer.memoryLimit() == Long.MAX_VALUE ? Long.MAX_VALUE : currentGoal();
        long trigger = goal == Long.MAX_VALUE ? Long.MAX_VALUE : pacer.trigger(goal);
        setTestedTrigger(trigger);
        heap.paceSweeper(trigger);
        heap.setGcPoll(settings.gcstress() > 0 || heap.heapLive() >= heap.trigger());
    }

    /** The trigger MHeap tests: the real one, or under a memory limit the next point to recompute it. */
    private void setTestedTrigger(long trigger) {
        if (pacer.memoryLimit() != Long.MAX_VALUE && trigger != Long.MAX_VALUE) {
            trigger = Math.min(trigger, heap.heapLive() + LIMIT_RETEST_STEP);
        }
        heap.setTrigger(trigger);
    }

    /**
     * heapLive reached the tested trigger outside a cycle: under a memory limit, recompute the real trigger
     * from the current memory statistics (Go's gcTrigger.test calls gcController.trigger() each time).
     * Returns true if no cycle is due yet.
     */
    private boolean retestLimitTrigger() {
        if (pacer.memoryLimit() == Long.MAX_VALUE) {
            return false;
        }
        long trigger = pacer.trigger(currentGoal());
        if (heap.heapLive() >= trigger) {
            return false;
        }
        setTestedTrigger(trigger);
        heap.setGcPoll(settings.gcstress() > 0 || heap.heapLive() >= heap.trigger());
        return true;
    }

    /** The id of the caller's P, or -1 outside a goroutine or without a P. */
    private static int currentPId() {
        P pp = GoRuntime.currentP();
        return pp == null ? -1 : pp.id();
    }
}
