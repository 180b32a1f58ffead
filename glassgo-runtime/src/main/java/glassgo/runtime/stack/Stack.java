// Stack: a goroutine's stack in native memory, holding the frames of compiled Go functions. Mirrors
// runtime/stack.go (stackalloc, copystack on growth) and the frame walk of runtime/traceback.go as the
// collector's stack scan (mgcmark.go scanstack) uses it.
package glassgo.runtime.stack;

import glassgo.runtime.mem.SysMem;
import glassgo.runtime.sched.G;
import glassgo.runtime.sched.GoRuntime;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Frames are pushed at {@link #sp} and addressed relative to the stack base ({@code lo + fp + offset}),
 * so growing the stack by copying it to a larger block keeps every frame valid: compiled code re-reads
 * {@link #lo} after each call. Nothing else points into a stack (a variable whose address is taken lives on
 * the heap until escape analysis exists; frame addresses are recomputed from {@link #lo} at each use and
 * the code generator never holds one across a call), so a copy needs no pointer adjustment: Go's
 * adjustpointers has nothing to adjust. When escape analysis puts address-taken variables in frames,
 * {@link #grow} must adjust the frame words that point into [old lo, old lo + size).
 *
 * <p>Frame protocol (the ABI compiled code follows): the caller writes the callee's arguments at
 * {@code lo + sp + paramOffset} (the callee's future frame, as Go's ABI0 passes arguments on the stack),
 * then calls; the callee's prologue {@link #enter}s, which writes the frame header (the layout id) and
 * clears the non-parameter pointer words; its epilogue {@link #leave}s, after which the caller reads
 * the results from the popped frame before it calls anything else.
 */
public final class Stack {
    /** Go's initial stack is 8 KiB; glassgo's frames are larger (no register allocation), so start at 64 KiB. */
    static final long INITIAL_SIZE = 64 << 10;
    /** Go's maxstacksize on 64-bit systems. */
    static final long MAX_SIZE = 1_000_000_000L;

    private static final MemorySegment NATIVE = MemorySegment.NULL.reinterpret(Long.MAX_VALUE);

    /**
     * Free stacks of the starting size, handed to the next new goroutine: Go's stackpool (and gfput, which keeps
     * a dead G's stack for the next G). Without it every goroutine paid an mmap, the first-touch page faults of
     * fresh memory and an munmap, whose TLB shootdown reaches every running thread: a program starting 200,000
     * short goroutines spent most of its time there. A stack's contents need no clearing (the prologue clears
     * a frame's pointer words; nothing reads above sp). At most {@link #POOL_MAX} are kept (a reused stack keeps
     * only the pages it touched); beyond that, and for grown stacks, the memory goes back to the OS.
     */
    private static final int POOL_MAX = Integer.getInteger("glassgo.stackpool", 1024);
    private static final long[] POOL = new long[POOL_MAX];
    private static int pooled;
    private static final Object POOL_LOCK = new Object();

    private static long stackalloc() {
        synchronized (POOL_LOCK) {
            if (pooled > 0) {
                return POOL[--pooled];
            }
        }
        return SysMem.sysAlloc(INITIAL_SIZE);
    }

    private static void stackfree(long lo, long size) {
        if (size == INITIAL_SIZE) {
            synchronized (POOL_LOCK) {
                if (pooled < POOL_MAX) {
                    POOL[pooled++] = lo;
                    return;
                }
            }
        }
        SysMem.sysFree(lo, size);
    }

    /** Receives one root: a pointer word's address and its value. */
    @FunctionalInterface
    public interface PointerVisitor {
        void visit(long slotAddr, long ptr);
    }

    public final G g;
    /** The base address; changes when the stack grows (only by its own goroutine; the collector reads it at a safepoint). */
    public long lo;
    private long size;
    /** The first free byte, relative to {@link #lo}. */
    public long sp;
    private boolean freed;
    /** The panic being handled by deferred calls on this goroutine (Go: gp._panic), or null. */
    public RuntimeException panic;
    /** The call depth at which recover() may stop {@link #panic}: the deferred function the panic is running. */
    public int deferDepth = -1;
    /** Whether recover() stopped {@link #panic}. */
    public boolean recovered;
    /**
     * The data words of in-flight panics' values (Go keeps _panic.arg on the goroutine's stack): roots until
     * recover() hands the value back to Go memory. 0 marks a free slot.
     */
    private long[] panicArgs = new long[4];

    /** Roots {@code p} for as long as a panic carries it; returns the slot to {@link #releasePanicArg}. */
    public int holdPanicArg(long p) {
        for (int i = 0; i < panicArgs.length; i++) {
            if (panicArgs[i] == 0) {
                panicArgs[i] = p;
                return i;
            }
        }
        int i = panicArgs.length;
        panicArgs = java.util.Arrays.copyOf(panicArgs, i * 2);
        panicArgs[i] = p;
        return i;
    }

    public void releasePanicArg(int slot) {
        panicArgs[slot] = 0;
    }

    /**
     * The mutator's {@code Goroutine} that owns this stack, for runtime entry points compiled code calls with
     * only its Stack (maps, channels: Go's getg()). Typed Object because runtime.stack sits below runtime.mutator.
     */
    public Object owner;

    public Stack(G g) {
        this.g = g;
        this.size = INITIAL_SIZE;
        this.lo = stackalloc();
    }

    /**
     * The number of compiled Go calls active on this goroutine. Go bounds a goroutine by the bytes of its stack
     * (1 GB); a glassgo call also uses JVM stack on the M running it (a continuation runs on its carrier's stack),
     * and a frameless function pushes no frame here at all, so the JVM side is bounded by counting calls: past
     * {@link #MAX_DEPTH} the goroutine dies with Go's stack-overflow fatal error instead of a JVM
     * StackOverflowError (or an out-of-memory copying a huge continuation when it is preempted).
     */
    public int depth;
    /** Calls a goroutine may nest: room for Go programs' deep recursions (10^6 frames and more) within the M's JVM stack. */
    public static final int MAX_DEPTH = Integer.getInteger("glassgo.maxdepth", 2_500_000);

    /** A frameless function's entry: one more active call ({@link #enter} counts a framed function's). */
    public void enterCall() {
        if (++depth > MAX_DEPTH) {
            depth--;
            throw new StackOverflow(lo + sp, lo, lo + size);
        }
    }

    /** A frameless function's return ({@link #leave} for a framed function's). */
    public void leaveCall() {
        depth--;
    }

    /** The prologue: pushes a frame of {@code f}'s layout and returns its frame pointer (relative to lo). */
    public long enter(FrameLayout f) {
        if (++depth > MAX_DEPTH) {
            depth--;
            throw new StackOverflow(lo + sp, lo, lo + size);
        }
        long fp = sp;
        long nsp = fp + f.size;
        if (nsp > size) {
            grow(nsp);
        }
        long base = lo + fp;
        NATIVE.set(ValueLayout.JAVA_LONG_UNALIGNED, base, f.id);
        for (int off : f.zeroOffsets) {
            NATIVE.set(ValueLayout.JAVA_LONG_UNALIGNED, base + off, 0L);
        }
        sp = nsp;
        return fp;
    }

    /** The epilogue: pops every frame above {@code fp} (also what unwinding to a frame does). */
    public void leave(long fp) {
        depth--;
        sp = fp;
    }

    /** The preemption poll at a function entry or loop back-edge. */
    public void poll() {
        GoRuntime.preemptPoll(g);
    }

    /**
     * Go's copystack: a block twice as large (or enough for {@code need}), the old contents copied —
     * including the arguments the caller wrote above sp — and the old block freed.
     */
    private void grow(long need) {
        long nsize = size;
        while (nsize < need + (4 << 10)) {
            nsize *= 2;
        }
        if (nsize > MAX_SIZE) {
            throw new StackOverflow(lo + sp, lo, lo + size);
        }
        long nlo = SysMem.sysAlloc(nsize);
        MemorySegment.copy(NATIVE, lo, NATIVE, nlo, size);
        long old = lo;
        long oldSize = size;
        lo = nlo;
        size = nsize;
        stackfree(old, oldSize);
    }

    /** Thrown when a stack would exceed Go's 1 GB limit (Go: "goroutine stack exceeds 1000000000-byte limit"). */
    public static final class StackOverflow extends RuntimeException {
        StackOverflow(long sp, long lo, long hi) {
            super("runtime: goroutine stack exceeds 1000000000-byte limit\nruntime: sp=0x" + Long.toHexString(sp)
                    + " stack=[0x" + Long.toHexString(lo) + ", 0x" + Long.toHexString(hi) + "]\nfatal error: stack overflow",
                    null, false, false);
        }
    }

    /**
     * Visits every non-nil pointer word of every frame, walking from the base up by the layouts named in
     * the frame headers. The goroutine must be stopped at a safepoint.
     */
    public void scan(PointerVisitor v) {
        long base = lo;
        long top = sp;
        long fp = 0;
        while (fp < top) {
            FrameLayout f = FrameLayout.byId(NATIVE.get(ValueLayout.JAVA_LONG_UNALIGNED, base + fp));
            for (int off : f.ptrOffsets) {
                long p = NATIVE.get(ValueLayout.JAVA_LONG_UNALIGNED, base + fp + off);
                if (p != 0) {
                    v.visit(base + fp + off, p);
                }
            }
            fp += f.size;
        }
        for (long p : panicArgs) {
            if (p != 0) {
                v.visit(0, p);
            }
        }
        if (fp != top) {
            throw new IllegalStateException("stack: frame walk ended at " + fp + ", not at sp " + top + " (corrupt stack)");
        }
    }

    /** The functions on the stack, innermost first (a traceback without line numbers). */
    public java.util.List<String> functions() {
        java.util.ArrayList<String> out = new java.util.ArrayList<>();
        long fp = 0;
        while (fp < sp) {
            FrameLayout f = FrameLayout.byId(NATIVE.get(ValueLayout.JAVA_LONG_UNALIGNED, lo + fp));
            out.add(0, f.func);
            fp += f.size;
        }
        return out;
    }

    public void free() {
        if (!freed) {
            freed = true;
            stackfree(lo, size);
        }
    }
}
