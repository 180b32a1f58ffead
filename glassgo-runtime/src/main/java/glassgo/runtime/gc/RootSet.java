// RootSet: what lies outside the heap and may hold heap pointers. Mirrors the job list of
// runtime/mgcmark.go's gcMarkRootPrepare/markroot (data, bss, goroutine stacks).
package glassgo.runtime.gc;

/**
 * The collector's only view of roots: a callback over every non-nil root slot. The mutator's
 * {@code Roots.scan} fits it directly ({@code v -> roots.scan(v::visit)}); compiled code will add stack
 * maps. Called with the world stopped.
 */
@FunctionalInterface
public interface RootSet {
    /** Receives one root slot's address and the pointer it holds. */
    @FunctionalInterface
    interface SlotVisitor {
        void visit(long slotAddr, long ptr);
    }

    void scan(SlotVisitor visitor);

    /** Bytes of pointer-bearing globals (the pacer's globalsScan); 0 if unknown. */
    default long globalsBytes() {
        return 0;
    }

    /** Bytes of goroutine stacks the collector scans (the pacer's stack term); 0 if unknown. */
    default long stackBytes() {
        return 0;
    }
}
