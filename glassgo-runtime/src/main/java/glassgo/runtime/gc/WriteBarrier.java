// WriteBarrier: the hook every pointer store into the heap or a global goes through. Mirrors
// runtime/mbarrier.go (gcWriteBarrier / writebarrierptr) and the enabled flag of writeBarrier.
package glassgo.runtime.gc;

/**
 * Go 1.19's hybrid barrier shades the pointer being overwritten (Yuasa, deletion) and the pointer being
 * written (Dijkstra, insertion) while the collector marks. The mutator calls {@link #onPointerWrite}
 * before the store, with the value the slot holds now; stack slots are never barriered.
 */
public interface WriteBarrier {
    /** True while the barrier must be called (Go's {@code writeBarrier.enabled}, read before the slow path). */
    boolean enabled();

    void onPointerWrite(long slotAddr, long oldPtr, long newPtr);
}
