// Pacer: when the next cycle starts and how much assist work allocation owes. Mirrors Go 1.19's
// runtime/mgcpacer.go (gcControllerState: commit, heapGoalInternal, memoryLimitHeapGoal, trigger, startCycle,
// revise, endCycle, resetLive, setGCPercent, setMemoryLimit).
package glassgo.runtime.gc;

/**
 * The formulas of the reference notes §6, in Go's order:
 * <ol>
 *   <li>GOGC goal = heapMarked + (heapMarked + lastStackScan + globalsScan) × GOGC/100, at least
 *       heapMinimum = 4 MiB × GOGC/100; GOGC off → no GOGC goal;</li>
 *   <li>memory-limit goal = limit − nonHeap − overage − 1 MiB headroom, never below heapMarked, where
 *       nonHeap = mappedReady − heapFree − heapAlloc and overage = max(mappedReady − limit, 0);</li>
 *   <li>goal = the smaller of the two; when the GOGC goal is the one in force it is raised to the sweep
 *       distance (heapLive + 1 MiB when committed with sweeping unfinished) and, during a cycle, to
 *       triggered + 64 KiB;</li>
 *   <li>trigger = goal − runway, clamped to [heapMarked + 45/64 of the distance (and the sweep distance),
 *       heapMarked + 61/64 of it (or goal − 4 MiB when larger)]; runway = 3 × consMark × expected scan
 *       work (the 25% background utilisation: (1 − 0.25)/0.25);</li>
 *   <li>during mark ({@link #revise}), assistWorkPerByte = remaining scan work / remaining heap before the
 *       goal, the goal extrapolated when the heap turns out larger than expected (capped at the hard goal
 *       (1 + GOGC/100) × goal) and stretched by 10% once the heap is past it;</li>
 *   <li>at the end of a cycle ({@link #endCycle}), the cycle's cons/mark ratio is measured and fed to a
 *       PI controller (kp 0.9, ti 4, tt 1000, output in [−1000, 1000]) whose output is the next consMark;
 *       a cycle that ended with heapLive not above the trigger point updates nothing.</li>
 * </ol>
 * The GOGC goal and the runway only change in {@link #endCycle}, {@link #setGCPercent} and
 * {@link #setMemoryLimit}, so they are computed from the committed state when asked; the memory-limit goal
 * depends on memory statistics that change all the time, so its callers pass them in (as Go re-reads them on
 * every trigger test). Not thread-safe: the collector calls it with the world stopped or under its own
 * cycle lock.
 */
public final class Pacer {
    public static final long HEAP_MINIMUM = 4L << 20;
    /** Go's memoryLimitHeapGoalHeadroom (1.19: a fixed 1 MiB). */
    static final long MEMORY_LIMIT_HEADROOM = 1L << 20;
    /** Go's sweepMinHeapDistance: runway the sweeper needs when a cycle is committed before sweeping ended. */
    public static final long SWEEP_MIN_HEAP_DISTANCE = 1L << 20;
    /** heapGoalInternal's minRunway: once triggered, the goal is at least this far past the trigger. */
    static final long MIN_RUNWAY = 64L << 10;
    /** Go's forcegcperiod: a cycle at least every 2 minutes when GOGC is on. */
    public static final long FORCE_GC_PERIOD_NANOS = 120_000_000_000L;
    /** Go's gcGoalUtilization (= gcBackgroundUtilization in 1.19). */
    public static final double GOAL_UTILIZATION = 0.25;
    private static final int TRIGGER_RATIO_DEN = 64;
    private static final int MIN_TRIGGER_RATIO_NUM = 45;
    private static final int MAX_TRIGGER_RATIO_NUM = 61;
    /** revise's maxOvershoot: how far past the goal the assist ratio aims once the heap is already past it. */
    private static final double MAX_OVERSHOOT = 1.1;
    /** triggered when no cycle is running (Go's ^uint64(0)). */
    private static final long NOT_TRIGGERED = Long.MAX_VALUE;

    private int gcPercent;
    private long memoryLimit;
    private long heapMinimum;
    private long heapMarked;
    private long lastHeapScan;
    private long lastStackScan;
    private long globalsScan;
    private double consMark;
    private final PiController consMarkController = new PiController(0.9, 4.0, 1000, -1000, 1000);
    private long runway;
    private long sweepDistMinTrigger;
    private long triggered = NOT_TRIGGERED;
    private long lastHeapGoal;
    /** heapLive when {@link #assistWorkPerByte} started the cycle: its stand-in for Go's heapScan. */
    private long heapScanAtStart;
    private String lastEndTrace;

    public Pacer(int gcPercent, long memoryLimit) {
        setGCPercent(gcPercent);
        setMemoryLimit(memoryLimit);
    }

    public int gcPercent() {
        return gcPercent;
    }

    /** debug.SetGCPercent's pacer half: a negative percent is off (−1). Returns the previous value. */
    public int setGCPercent(int p) {
        int old = gcPercent;
        gcPercent = p < 0 ? -1 : p;
        heapMinimum = gcPercent < 0 ? 0 : HEAP_MINIMUM * gcPercent / 100;
        return old;
    }

    public long memoryLimit() {
        return memoryLimit;
    }

    /** debug.SetMemoryLimit's pacer half: a negative limit only queries. Returns the previous limit. */
    public long setMemoryLimit(long l) {
        long old = memoryLimit;
        if (l >= 0) {
            memoryLimit = l;
        }
        return old;
    }

    public long heapMinimum() {
        return heapMinimum;
    }

    /**
     * Go's commit, the part that depends on the sweeper: when a cycle's pacing is committed while sweeping is
     * still under way, the next trigger stays at least {@link #SWEEP_MIN_HEAP_DISTANCE} above heapLive so the
     * sweeper has runway; {@code sweepDone} lifts that restriction. (glassgo's collector sweeps in the
     * mark-termination pause, so it commits with {@code sweepDone}.)
     */
    public void commit(boolean sweepDone, long heapLive) {
        sweepDistMinTrigger = sweepDone ? 0 : heapLive + SWEEP_MIN_HEAP_DISTANCE;
        runway = (long) (consMark * (1 - GOAL_UTILIZATION) / GOAL_UTILIZATION
                * (lastHeapScan + lastStackScan + globalsScan));
    }

    /** Step 1. */
    public long gcPercentHeapGoal() {
        if (gcPercent < 0) {
            return Long.MAX_VALUE;
        }
        long goal = heapMarked + (heapMarked + lastStackScan + globalsScan) * gcPercent / 100;
        return Math.max(goal, heapMinimum);
    }

    /**
     * Step 2; {@code mappedReady} is Sys − HeapReleased, {@code heapFree} free backed heap pages, {@code heapAlloc}
     * the bytes of objects not yet freed (Go's totalAlloc − totalFree, which still counts dead objects the
     * sweeper has not reached). Passing heapLive instead (= the marked bytes right after a cycle) while the
     * sweep is still to come would count all unswept garbage as non-heap memory and collapse the goal.
     */
    public long memoryLimitHeapGoal(long mappedReady, long heapFree, long heapAlloc) {
        if (memoryLimit == Long.MAX_VALUE) {
            return Long.MAX_VALUE;
        }
        long nonHeap = Math.max(0, mappedReady - heapFree - heapAlloc);
        long overage = Math.max(0, mappedReady - memoryLimit);
        if (nonHeap + overage >= memoryLimit) {
            // Non-heap memory alone exceeds the limit: collect continuously at the lowest possible goal.
            return heapMarked;
        }
        long goal = memoryLimit - nonHeap - overage;
        // Go's guard for small limits: never below the headroom itself.
        goal = goal - MEMORY_LIMIT_HEADROOM < MEMORY_LIMIT_HEADROOM ? MEMORY_LIMIT_HEADROOM : goal - MEMORY_LIMIT_HEADROOM;
        return Math.max(goal, heapMarked);
    }

    /** Step 3: the goal in force, with the sweep-distance and minimum-runway adjustments of the GOGC regime. */
    public long heapGoal(long mappedReady, long heapFree, long heapAlloc) {
        long goal = gcPercentHeapGoal();
        long limitGoal = memoryLimitHeapGoal(mappedReady, heapFree, heapAlloc);
        if (limitGoal < goal) {
            return limitGoal;
        }
        goal = Math.max(goal, sweepDistMinTrigger);
        if (triggered != NOT_TRIGGERED && goal < triggered + MIN_RUNWAY) {
            goal = triggered + MIN_RUNWAY;
        }
        return goal;
    }

    /** Step 4, for a goal from {@link #heapGoal}. Long.MAX_VALUE (no goal: GOGC off, no limit) never triggers. */
    public long trigger(long goal) {
        if (goal == Long.MAX_VALUE) {
            return Long.MAX_VALUE;
        }
        if (heapMarked >= goal) {
            return goal;
        }
        long dist = goal - heapMarked;
        long minTrigger = Math.max(heapMarked, heapMarked + dist / TRIGGER_RATIO_DEN * MIN_TRIGGER_RATIO_NUM);
        // The sweep distance bounds the trigger only in the GOGC regime (Go's heapGoalInternal returns it as
        // minTrigger only then; a goal from heapGoal is below the GOGC goal exactly in the limit regime).
        if (goal >= gcPercentHeapGoal() && sweepDistMinTrigger > minTrigger) {
            minTrigger = Math.min(sweepDistMinTrigger, goal);
        }
        long maxTrigger = heapMarked + dist / TRIGGER_RATIO_DEN * MAX_TRIGGER_RATIO_NUM;
        if (goal > HEAP_MINIMUM && goal - HEAP_MINIMUM > maxTrigger) {
            maxTrigger = goal - HEAP_MINIMUM;
        }
        maxTrigger = Math.max(maxTrigger, minTrigger);
        long t = runway > goal ? minTrigger : goal - runway;
        return Math.min(Math.max(t, minTrigger), maxTrigger);
    }

    /**
     * Go's startCycle, the pacer's part: remembers the trigger point this cycle started from (the minimum
     * runway of {@link #heapGoal} and the goal extrapolation of {@link #revise} measure from it).
     */
    public void startCycle(long trigger) {
        triggered = trigger;
    }

    /**
     * Step 5, Go's revise: the scan work each allocated byte must pay for during mark. {@code heapScan} is the
     * scannable part of heapLive when the cycle started and {@code maxStackScan} the allocated stack bytes
     * (together the worst-case scan work); {@code goal} the cycle's heap goal.
     */
    public double revise(long scanWorkDone, long heapLive, long heapScan, long maxStackScan, long goal) {
        double percent = gcPercent < 0 ? 100_000 : gcPercent;   // a forced cycle with GOGC off
        long expected = lastHeapScan + lastStackScan + globalsScan;
        long maxScanWork = heapScan + maxStackScan + globalsScan;
        long heapGoal = goal;
        if (scanWorkDone > expected && triggered != NOT_TRIGGERED) {
            // More scan work than last cycle's: the heap is growing. Stretch the goal in proportion so that the
            // assist ratio stays flat, but never past the hard goal. Go computes this in int64: with no
            // previous cycle and no globals (expected = 0) the quotient is +Inf, which amd64 converts to
            // MinInt64; heapGoal − heapLive below then wraps around to nearly MaxInt64 and the ratio is all
            // but 0. A Go program always has globals (the runtime's own), so only glassgo programs without
            // any meet this case; with globals the first cycle extrapolates from them.
            long hardGoal = goInt64((1 + percent / 100) * goal);
            long ext = goInt64((double) (goal - triggered) / expected * maxScanWork) + triggered;
            heapGoal = Math.min(ext, hardGoal);
            expected = maxScanWork;
        }
        if (heapLive > heapGoal) {
            // Already past even the extended goal: aim a little further and assume the worst-case work.
            heapGoal = goInt64(heapGoal * MAX_OVERSHOOT);
            expected = maxScanWork;
        }
        long remaining = Math.max(expected - scanWorkDone, 1000);
        long heapRemaining = heapGoal - heapLive;
        if (heapRemaining <= 0) {
            heapRemaining = 1;
        }
        return (double) remaining / heapRemaining;
    }

    /**
     * Go's int64(f) on amd64 (CVTTSD2SI): truncation, and the "integer indefinite" MinInt64 for NaN and for
     * values out of range, where Java's (long) saturates. The pacer's arithmetic depends on it.
     */
    static long goInt64(double f) {
        if (Double.isNaN(f) || f >= 0x1p63 || f < -0x1p63) {
            return Long.MIN_VALUE;
        }
        return (long) f;
    }

    /** Go's addGlobals: the pointer-bearing globals, counted in the goal and the expected scan work. */
    public void setGlobalsScan(long bytes) {
        globalsScan = bytes;
    }

    /**
     * Step 5 for a collector that does not track the scannable heap nor call {@link #startCycle}: the first
     * call of a cycle (Go's startCycle ends with a revise) records heapLive as the point the cycle started
     * from and as its scannable heap (every live byte taken as scannable; fixed for the cycle, as Go's
     * heapScan is), the stacks count as last scanned.
     */
    public double assistWorkPerByte(long scanWorkDone, long heapLive, long goal) {
        if (triggered == NOT_TRIGGERED) {
            startCycle(heapLive);
            heapScanAtStart = heapLive;
        }
        return revise(scanWorkDone, heapLive, heapScanAtStart, lastStackScan, goal);
    }

    /**
     * Step 6 and the next cycle's inputs (Go's endCycle, resetLive and commit). {@code heapScanWork} is the heap
     * bytes scanned, {@code stackScan} and {@code globals} the stack and global bytes scanned this cycle;
     * {@code heapLiveAtEnd} heapLive when marking finished, {@code triggered} the trigger point the cycle
     * started from (heapLive at its start when the collector does not record it); {@code utilisation} the
     * fraction of CPU marking used, 0.25 + the assists' share. glassgo sweeps before it commits, so the
     * commit is a swept one ({@link #commit} with {@code sweepDone}); a collector that sweeps later calls
     * {@code commit(false, heapLive)} after this.
     */
    public void endCycle(long marked, long heapScanWork, long stackScan, long globals, long heapLiveAtEnd,
                         long triggered, double utilisation) {
        endCycle(marked, heapScanWork, stackScan, globals, heapLiveAtEnd, triggered, utilisation, 0);
    }

    /**
     * {@link #endCycle(long, long, long, long, long, long, double)} with the idle mark workers' share of the
     * CPU, which Go counts as time the mark had but not as time taken from the mutator. Also prepares the
     * gcpacertrace line ({@link #lastEndTrace}).
     */
    public void endCycle(long marked, long heapScanWork, long stackScan, long globals, long heapLiveAtEnd,
                         long triggered, double utilisation, double idleUtilisation) {
        long scanWork = heapScanWork + stackScan + globals;
        lastEndTrace = null;
        if (heapLiveAtEnd > triggered && scanWork > 0 && utilisation < 1) {
            double current = (double) (heapLiveAtEnd - triggered) * (utilisation + idleUtilisation)
                    / (scanWork * (1 - utilisation));
            double oldConsMark = consMark;
            PiController.Result r = consMarkController.next(consMark, current, 1.0);
            consMark = r.ok() ? r.output() : 0;
            lastEndTrace = "pacer: " + (int) (utilisation * 100) + "% CPU (" + (int) (GOAL_UTILIZATION * 100)
                    + " exp.) for " + heapScanWork + "+" + stackScan + "+" + globals + " B work ("
                    + (lastHeapScan + lastStackScan + globalsScan) + " B exp.) in " + triggered + " B -> "
                    + heapLiveAtEnd + " B (\u2206goal " + (heapLiveAtEnd - lastHeapGoal) + ", cons/mark "
                    + glassgo.runtime.mutator.Print.formatFloat(oldConsMark) + ")" + (r.ok() ? "" : "[controller reset]");
        }
        heapMarked = marked;
        lastHeapScan = heapScanWork;
        lastStackScan = stackScan;
        globalsScan = globals;
        this.triggered = NOT_TRIGGERED;
        commit(true, marked);
    }

    /**
     * Go's gcpacertrace line of the last {@link #endCycle}, or null when that cycle updated nothing (heapLive
     * did not grow past the trigger point: Go returns before printing). Call {@link #setLastHeapGoal} with the
     * cycle's goal before endCycle, as Go records it first.
     */
    public String lastEndTrace() {
        return lastEndTrace;
    }

    public void setLastHeapGoal(long g) {
        lastHeapGoal = g;
    }

    public long lastHeapGoal() {
        return lastHeapGoal;
    }

    public long heapMarked() {
        return heapMarked;
    }

    public double consMark() {
        return consMark;
    }

    /** Bytes the program may allocate while a cycle marks: 3 × consMark × expected scan work. */
    public long runway() {
        return runway;
    }
}
