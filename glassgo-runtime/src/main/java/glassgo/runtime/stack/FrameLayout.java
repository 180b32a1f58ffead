// FrameLayout: the shape of one compiled Go function's frame: its size and which words hold pointers.
// Mirrors cmd/compile's stack objects and liveness maps together with runtime/symtab.go's funcdata
// (the "stack map" the collector reads for each frame while scanning a goroutine stack).
package glassgo.runtime.stack;

import java.util.ArrayList;
import java.util.List;

/**
 * A function's frame: {@code size} bytes (a multiple of 8, word 0 is the frame header holding {@link #id}),
 * {@code ptrOffsets} the byte offsets of every word that may hold a pointer (the collector scans exactly
 * these), and {@code zeroOffsets} the pointer words the prologue clears (all pointer words except the
 * parameters, which the caller has already written, as Go's ABI0 caller writes its outgoing arguments).
 * Layouts are registered once, when a program is loaded, and named by id in each frame's header, so a
 * stack can be walked from its base without return addresses.
 */
public final class FrameLayout {
    private static final List<FrameLayout> REGISTRY = new ArrayList<>();

    public final String func;
    public final int size;
    final int[] ptrOffsets;
    final int[] zeroOffsets;
    final int id;

    private FrameLayout(int id, String func, int size, int[] ptrOffsets, int[] zeroOffsets) {
        this.id = id;
        this.func = func;
        this.size = size;
        this.ptrOffsets = ptrOffsets;
        this.zeroOffsets = zeroOffsets;
    }

    /** Registers a layout; the id it gets is what frames of this function carry in their header word. */
    public static FrameLayout register(String func, int size, int[] ptrOffsets, int[] zeroOffsets) {
        if (size < 8 || (size & 7) != 0) {
            throw new IllegalArgumentException("stack: frame of " + func + " has size " + size + ", not a positive multiple of 8");
        }
        for (int off : ptrOffsets) {
            if (off < 8 || off >= size || (off & 7) != 0) {
                throw new IllegalArgumentException("stack: pointer word at offset " + off + " outside the frame of " + func);
            }
        }
        synchronized (REGISTRY) {
            FrameLayout l = new FrameLayout(REGISTRY.size(), func, size, ptrOffsets.clone(), zeroOffsets.clone());
            REGISTRY.add(l);
            return l;
        }
    }

    static FrameLayout byId(long id) {
        synchronized (REGISTRY) {
            if (id < 0 || id >= REGISTRY.size()) {
                throw new IllegalStateException("stack: frame header " + id + " names no registered frame layout (corrupt stack)");
            }
            return REGISTRY.get((int) id);
        }
    }

    /** The number of pointer words the collector scans in a frame of this function. */
    public int pointerWords() {
        return ptrOffsets.length;
    }
}
