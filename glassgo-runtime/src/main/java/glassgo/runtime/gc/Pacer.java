// Pacer: when the next cycle starts and how much assist work allocation owes. Mirrors Go 1.19's
// runtime/mgcpacer.go (gcControllerState: commit, heapGoal, memoryLimitHeapGoal, trigger, revise, endCycle).
package glassgo.runtime.gc;

/**
 * The formulas of the reference notes §6, in Go's order:
 * <ol>
 *   <li>GOGC goal = heapMarked + (heapMarked + lastStackScan + globalsScan) × GOGC/100, at least
 *       heapMinimum = 4 MiB × GOGC/100; GOGC off → no GOGC goal;</li>
 *   <li>memory-limit goal = limit − nonHeap − overage − 1 MiB headroom, never below heapMarked;</li>
 *   <li>goal = min of the two;</li>
 *   <li>trigger = goal − runway, clamped to [heapMarked + 45/64 of the distance, heapMarked + 61/64 of it
 *       (or goal − 4 MiB when larger)]; runway = 3 × consMark × expected scan work;</li>
 *   <li>during mark, assistWorkPerByte = remaining scan work / remaining heap before the goal;</li>
 *   <li>at the end of a cycle, consMark is re-estimated from what the cycle measured. Go 1.19 smooths it
 *       with a PI controller; glassgo takes the mean of the new and old estimate (documented departure).</li>
 * </ol>
 * Not thread-safe: the collector calls it with the world stopped or under its own cycle lock.
 */
public final class Pacer {
    public static final long HEAP_MINIMUM = 4L << 20;
    static final long MEMORY_LIMIT_HEADROOM = 1L << 20;
    /** Go's forcegcperiod: a cycle at least every 2 minutes when GOGC is on. */
    public static final long FORCE_GC_PERIOD_NANOS = 120_000_000_000L;

    private int gcPercent;
    private long memoryLimit;
    private long heapMarked;
    private long lastHeapScan;
    private long lastStackScan;
    private long globalsScan;
    private double consMark;
    private long runway;
    private long lastHeapGoal;

    public Pacer(int gcPercent, long memoryLimit) {
        this.gcPercent = gcPercent;
        this.memoryLimit = memoryLimit;
    }

    public int gcPercent() {
        return gcPercent;
    }

    public int setGCPercent(int p) {
        int old = gcPercent;
        gcPercent = p < 0 ? -1 : p;
        return old;
    }

    public long memoryLimit() {
        return memoryLimit;
    }

    public long setMemoryLimit(long l) {
        long old = memoryLimit;
        if (l >= 0) {
            memoryLimit = l;
        }
        return old;
    }

    public long heapMinimum() {
        return gcPercent < 0 ? 0 : HEAP_MINIMUM * gcPercent / 100;
    }

    /** Step 1. */
    public long gcPercentHeapGoal() {
        if (gcPercent < 0) {
            return Long.MAX_VALUE;
        }
        long goal = heapMarked + (heapMarked + lastStackScan + globalsScan) * gcPercent / 100;
        return Math.max(goal, heapMinimum());
    }

    /** Step 2; {@code mappedReady} is Sys − HeapReleased, {@code heapFree} free backed heap pages. */
    public long memoryLimitHeapGoal(long mappedReady, long heapFree, long heapAlloc) {
        if (memoryLimit == Long.MAX_VALUE) {
            return Long.MAX_VALUE;
        }
        long nonHeap = Math.max(0, mappedReady - heapFree - heapAlloc);
        long overage = Math.max(0, mappedReady - memoryLimit);
        if (nonHeap + overage >= memoryLimit) {
            return heapMarked;
        }
        long goal = memoryLimit - nonHeap - overage - MEMORY_LIMIT_HEADROOM;
        return Math.max(goal, heapMarked);
    }

    /** Step 3. */
    public long heapGoal(long mappedReady, long heapFree, long heapAlloc) {
        return Math.min(gcPercentHeapGoal(), memoryLimitHeapGoal(mappedReady, heapFree, heapAlloc));
    }

    /** Step 4. */
    public long trigger(long goal) {
        if (heapMarked >= goal) {
            return goal;
        }
        long dist = goal - heapMarked;
        long minTrigger = Math.max(heapMarked, heapMarked + dist / 64 * 45);
        long maxTrigger = Math.max(heapMarked + dist / 64 * 61, goal - (4L << 20));
        maxTrigger = Math.max(maxTrigger, minTrigger);
        long t = goal - runway;
        if (runway > goal) {
            t = 0;
        }
        return Math.min(Math.max(t, minTrigger), maxTrigger);
    }

    /** Step 5: scan bytes each allocated byte must pay for during mark. */
    public double assistWorkPerByte(long scanWorkDone, long heapLive, long goal) {
        long expected = lastHeapScan + lastStackScan + globalsScan;
        long remaining = Math.max(expected - scanWorkDone, 1000);
        long heapRemaining = Math.max(goal - heapLive, 1);
        return (double) remaining / heapRemaining;
    }

    /**
     * Step 6 and commit: the cycle's results become the next cycle's inputs. {@code utilisation} is the
     * fraction of CPU the cycle's marking used (0.25 + assist share); {@code triggered} heapLive at the start.
     */
    public void endCycle(long marked, long heapScanWork, long stackScan, long globals, long heapLiveAtEnd,
                         long triggered, double utilisation) {
        if (heapScanWork > 0 && utilisation < 1) {
            double current = (double) Math.max(0, heapLiveAtEnd - triggered) * utilisation
                    / (heapScanWork * (1 - utilisation));
            consMark = consMark == 0 ? current : (consMark + current) / 2;
        }
        heapMarked = marked;
        lastHeapScan = heapScanWork;
        lastStackScan = stackScan;
        globalsScan = globals;
        runway = (long) (consMark * (1 - 0.25) / 0.25 * (lastHeapScan + lastStackScan + globalsScan));
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
}
