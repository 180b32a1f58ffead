// CycleRecord: the measured facts of one GC cycle, the raw material of a gctrace line. Mirrors the
// fields of runtime/mgc.go's work (tSweepTerm, tMark, tMarkTerm, tEnd, heap0/1/2, userForced) and the
// CPU-time fields of gcControllerState.
package glassgo.runtime.gc;

/**
 * Times are System.nanoTime values; heap sizes are bytes of heapLive (heap0, heap1) and bytes marked
 * (heapMarked), as Go reports them. {@code cpuFractionPercent} is Go's cumulative gc_cpu_fraction × 100.
 */
public record CycleRecord(int n, long startNanos, long tSweepTerm, long tMark, long tMarkTerm, long tEnd,
                          long assistNanos, long backgroundNanos, long idleNanos, long heap0, long heap1,
                          long heapMarked, long heapGoal, long stacks, long globals, int nproc,
                          boolean forced, long objectsFreed, int cpuFractionPercent) {}
