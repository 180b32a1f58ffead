// RootSet: what lies outside the heap and may hold heap pointers. Mirrors the job list of
// runtime/mgcmark.go's gcMarkRootPrepare/markroot (data and bss blocks, goroutine stacks).
package glassgo.runtime.gc;

import glassgo.runtime.sched.G;

import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

/**
 * The collector's view of roots, as callbacks over slots, in two kinds that Go treats differently:
 * <ol>
 *   <li><b>globals</b> ({@link #globalJobs} jobs, {@link #scanGlobals}): every store into them goes through
 *       the write barrier, so markers scan them concurrently with the mutator, one job at a time (Go's
 *       data/bss root blocks);</li>
 *   <li><b>stacks</b>: written without a barrier, so each is scanned only while its goroutine stands at a
 *       safepoint. A root set that knows its goroutines ({@link #perGoroutineStacks}) lets the collector
 *       scan each stack on its own — by the goroutine itself at its next allocation during mark, or, for
 *       a goroutine that does not allocate, with the world stopped at mark completion — as Go's
 *       markroot/scanstack does per G. Otherwise {@link #scanStacks} visits all stacks at once, in the
 *       sweep-termination pause.</li>
 * </ol>
 * {@link #scan} visits everything (world stopped; the verifier uses it). A RootSet that cannot tell its
 * kinds apart (the default) reports no global jobs, and all its roots are scanned as stacks: correct, only
 * less concurrent. The mutator's {@code Roots.scan} fits {@code v -> roots.scan(v::visit)}.
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

    /** Whether stacks are scanned one goroutine at a time ({@link #stackOwners}, {@link #scanStack}). */
    default boolean perGoroutineStacks() {
        return false;
    }

    /** The goroutines that have stacks now (the collector snapshots them at mark start). */
    default Collection<G> stackOwners() {
        return List.of();
    }

    /** Goroutine {@code g}'s stack: {@code g} is the caller at a safepoint, or stopped; nothing if it has none. */
    default void scanStack(G g, SlotVisitor visitor) {
        throw new IllegalStateException("runtime: root set scans no stack by goroutine, asked for " + g);
    }

    /** Bytes of pointer-bearing globals (the pacer's globalsScan); 0 if unknown. */
    default long globalsBytes() {
        return 0;
    }

    /** Bytes of goroutine stacks the collector scans (the pacer's stack term); 0 if unknown. */
    default long stackBytes() {
        return 0;
    }

    /** Stacks known goroutine by goroutine. */
    interface Stacks {
        Collection<G> owners();

        /** See {@link RootSet#scanStack}. */
        void scan(G g, SlotVisitor visitor);
    }

    /**
     * A root set split into globals (one concurrent job per element of {@code globals}) and per-goroutine
     * stacks. {@link #scan} visits the globals, then every stack.
     */
    static RootSet split(List<Consumer<SlotVisitor>> globals, Stacks stacks) {
        List<Consumer<SlotVisitor>> jobs = List.copyOf(globals);
        return new RootSet() {
            @Override
            public void scan(SlotVisitor visitor) {
                jobs.forEach(j -> j.accept(visitor));
                scanStacks(visitor);
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
                for (G g : stacks.owners()) {
                    stacks.scan(g, visitor);
                }
            }

            @Override
            public boolean perGoroutineStacks() {
                return true;
            }

            @Override
            public Collection<G> stackOwners() {
                return stacks.owners();
            }

            @Override
            public void scanStack(G g, SlotVisitor visitor) {
                stacks.scan(g, visitor);
            }
        };
    }
}
