// RootSet: what lies outside the heap and may hold heap pointers. Mirrors the job list of
// runtime/mgcmark.go's gcMarkRootPrepare/markroot (data and bss blocks, goroutine stacks).
package glassgo.runtime.gc;

import java.util.function.Consumer;

/**
 * The collector's view of roots, as callbacks over slots, in two kinds that Go treats differently:
 * <ol>
 *   <li><b>globals</b> ({@link #globalJobs} jobs, {@link #scanGlobals}): every store into them goes through
 *       the write barrier, so markers scan them concurrently with the mutator, one job at a time (Go's
 *       data/bss root blocks);</li>
 *   <li><b>stacks</b> ({@link #scanStacks}): written without a barrier, so they are scanned only while
 *       their goroutines stand at a safepoint — glassgo scans them with the world stopped.</li>
 * </ol>
 * {@link #scan} visits everything (world stopped; the verifier and the oracle use it). A RootSet that
 * cannot tell its kinds apart (the default) reports no global jobs, and all its roots are scanned as
 * stacks: correct, only less concurrent. The mutator's {@code Roots.scan} fits {@code v -> roots.scan(v::visit)}.
 */
@FunctionalInterface
public interface RootSet {
    /** Receives one root slot's address and the pointer it holds. */
    @FunctionalInterface
    interface SlotVisitor {
        void visit(long slotAddr, long ptr);
    }

    /** Every non-nil root slot. World stopped. */
    void scan(SlotVisitor visitor);

    /** How many global root jobs {@link #scanGlobals} accepts this cycle. */
    default int globalJobs() {
        return 0;
    }

    /** Global root job {@code job} (0 ≤ job &lt; globalJobs()); may run concurrently with the mutator. */
    default void scanGlobals(int job, SlotVisitor visitor) {
        throw new IllegalStateException("runtime: root set has no global jobs, asked for job " + job);
    }

    /** The roots that must be scanned with their goroutines stopped: all of them unless split. */
    default void scanStacks(SlotVisitor visitor) {
        scan(visitor);
    }

    /** Bytes of pointer-bearing globals (the pacer's globalsScan); 0 if unknown. */
    default long globalsBytes() {
        return 0;
    }

    /** Bytes of goroutine stacks the collector scans (the pacer's stack term); 0 if unknown. */
    default long stackBytes() {
        return 0;
    }

    /**
     * A root set split into globals (one concurrent job per element of {@code globals}) and stacks.
     * {@link #scan} visits the globals, then the stacks.
     */
    static RootSet split(java.util.List<Consumer<SlotVisitor>> globals, Consumer<SlotVisitor> stacks) {
        java.util.List<Consumer<SlotVisitor>> jobs = java.util.List.copyOf(globals);
        return new RootSet() {
            @Override
            public void scan(SlotVisitor visitor) {
                jobs.forEach(j -> j.accept(visitor));
                stacks.accept(visitor);
            }

            @Override
            public int globalJobs() {
                return jobs.size();
            }

            @Override
            public void scanGlobals(int job, SlotVisitor visitor) {
                jobs.get(job).accept(visitor);
            }

            @Override
            public void scanStacks(SlotVisitor visitor) {
                stacks.accept(visitor);
            }
        };
    }
}
