// Roots: the root set a collector starts from: registered globals and every goroutine's stack slots.
// Mirrors runtime/mgcmark.go's markroot jobs (data, bss, and one job per goroutine stack).
package glassgo.runtime.mutator;

import glassgo.runtime.stack.Stack;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Everything outside the heap that may hold a heap pointer, enumerated slot by slot.
 *
 * <p>Go's markroot splits the roots into (1) the data and bss segments, scanned with their pointer masks,
 * and (2) each goroutine's stack, scanned frame by frame with the stack maps. glassgo's mutator has the
 * same two kinds: {@link Globals} blocks, registered for the program's lifetime, and the {@link StackSlots}
 * of each live goroutine, whose active prefix is the goroutine's open {@link Frame}s, or, for compiled Go, its
 * {@link Stack}, walked frame by frame with each function's pointer map. A collector calls
 * {@link #scan} with the world stopped (or, per goroutine, with that goroutine suspended, as Go's
 * concurrent stack scan does).
 */
public final class Roots {
    /** Receives one root: the slot's address and the pointer it holds. */
    @FunctionalInterface
    public interface SlotVisitor {
        void visit(long slotAddr, long ptr);
    }

    private final List<Globals> globals = new CopyOnWriteArrayList<>();
    private final ConcurrentHashMap.KeySetView<StackSlots, Boolean> stacks = ConcurrentHashMap.newKeySet();
    /** Stacks of goroutines running compiled Go: frames walked with their layouts' pointer maps. */
    private final ConcurrentHashMap.KeySetView<Stack, Boolean> compiledStacks = ConcurrentHashMap.newKeySet();

    void addGlobals(Globals g) {
        globals.add(g);
    }

    void addStack(StackSlots s) {
        stacks.add(s);
    }

    void removeStack(StackSlots s) {
        stacks.remove(s);
    }

    void addStack(Stack s) {
        compiledStacks.add(s);
    }

    void removeStack(Stack s) {
        compiledStacks.remove(s);
    }

    /** Whether {@code addr} lies in a registered globals block (where {@link Mutator#writePointer} may store). */
    boolean inGlobals(long addr) {
        for (Globals g : globals) {
            if (addr >= g.area.base && addr < g.area.base + g.area.nslots * 8L) {
                return true;
            }
        }
        return false;
    }

    /** Visits every non-nil root slot: all globals, then the open frames of every live goroutine. World stopped. */
    public void scan(SlotVisitor visit) {
        for (Globals g : globals) {
            g.area.forEachNonNil(g.area.nslots, visit);
        }
        for (StackSlots s : stacks) {
            s.scan(visit);
        }
        for (Stack s : compiledStacks) {
            s.scan(visit::visit);
        }
    }

    /** How many globals blocks are registered now (a collector's concurrent root jobs, one per block). */
    public int globalsBlocks() {
        return globals.size();
    }

    /**
     * The non-nil slots of globals block {@code i} (0 ≤ i &lt; a {@link #globalsBlocks} value). Safe while
     * goroutines run: every store into globals goes through the write barrier, as in Go, whose markroot
     * scans data and bss concurrently.
     */
    public void scanGlobals(int i, SlotVisitor visit) {
        Globals g = globals.get(i);
        g.area.forEachNonNil(g.area.nslots, visit);
    }

    /** Bytes of pointer slots in globals (the pacer's globalsScan). */
    public long globalsBytes() {
        long n = 0;
        for (Globals g : globals) {
            n += g.area.nslots * 8L;
        }
        return n;
    }

    /** Visits every non-nil stack slot of every live goroutine. World stopped. */
    public void scanStacks(SlotVisitor visit) {
        for (StackSlots s : stacks) {
            s.scan(visit);
        }
        for (Stack s : compiledStacks) {
            s.scan(visit::visit);
        }
    }

    /** Number of goroutines whose stack slots are registered (those that opened a frame and are alive). */
    public int stackCount() {
        return stacks.size() + compiledStacks.size();
    }

    void freeAll() {
        globals.forEach(g -> g.area.free());
        stacks.forEach(StackSlots::free);
        compiledStacks.forEach(Stack::free);
    }
}
