// CycleRecord: the measured facts of one GC cycle, the raw material of a gctrace line. Mirrors the
// fields of runtime/mgc.go's work (tSweepTerm, tMark, tMarkTerm, tEnd, heap0/1/2, userForced) and the
// CPU-time fields of gcControllerState.
package glassgo.runtime.gc;

/**
 * Times are System.nanoTime values; heap sizes are bytes of heapLive (heap0, heap1) and bytes marked
 * (heapMarked), as Go reports them. {@code cpuFractionPercent} is Go's cumulative gc_cpu_fraction × 100.
 * {@code stopSweepTerm} and {@code stopMarkTerm} are the parts of the two pauses spent stopping the world
 * (waiting for every P to reach a safepoint), so the rest of each pause is the collector's own work.
 */
public record CycleRecord(int n, long startNanos, long tSweepTerm, long tMark, long tMarkTerm, long tEnd,
                          long assistNanos, long backgroundNanos, long idleNanos, long heap0, long heap1,
                          long heapMarked, long heapGoal, long stacks, long globals, int nproc,
                          boolean forced, long objectsFreed, int cpuFractionPercent,
                          long stopSweepTerm, long stopMarkTerm) {
    /** A record without the stop-the-world split (both 0). */
    public CycleRecord(int n, long startNanos, long tSweepTerm, long tMark, long tMarkTerm, long tEnd,
                       long assistNanos, long backgroundNanos, long idleNanos, long heap0, long heap1,
                       long heapMarked, long heapGoal, long stacks, long globals, int nproc,
                       boolean forced, long objectsFreed, int cpuFractionPercent) {
        this(n, startNanos, tSweepTerm, tMark, tMarkTerm, tEnd, assistNanos, backgroundNanos, idleNanos, heap0,
                heap1, heapMarked, heapGoal, stacks, globals, nproc, forced, objectsFreed, cpuFractionPercent, 0, 0);
    }
}
