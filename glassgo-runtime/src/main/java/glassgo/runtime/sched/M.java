// M: a machine, i.e. a platform thread that runs the scheduler loop and, through it,
// goroutines. Mirrors runtime2.go's `type m`. Go's g0 (the scheduling stack reached by
// mcall) is the M's own Java stack: a goroutine "mcalls" by yielding its continuation,
// which returns control to Sched.schedule on this thread.
package glassgo.runtime.sched;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.VarHandle;
import java.util.function.Predicate;

/**
 * An OS thread that executes goroutines while it holds a P. Ms are created on demand
 * (startm), park on {@link #park} when there is no work (stopm), and are never freed
 * while the runtime runs, as in Go.
 */
public final class M extends Thread {
    /** What the goroutine asked this M to do when it yielded (the function Go passes to mcall). */
    enum McallFn { NONE, PARK, GOSCHED, PREEMPT, EXITSYSCALL }

    final Sched sched;
    /** Go's m.id: 0 for the M that runs main, then in creation order. */
    final long id;
    /** The user G this M is running, or null while it schedules (Go's m.curg). */
    volatile G curg;
    /** The P this M holds, or null (Go's m.p). */
    volatile P p;
    /** The P handed to this M on wake-up (Go's m.nextp). */
    volatile P nextp;
    /** Looking for work to steal (Go's m.spinning); counted in sched.nmspinning. */
    volatile boolean spinning;
    /** Where the M sleeps while idle (Go's m.park). */
    final Note park = new Note();
    /** Parked on its note in stopm (Go's m.blocked). */
    volatile boolean blocked;
    /** Link in sched.midle (Go's m.schedlink). */
    M schedlink;
    /** The mcall in progress: set by the G before it yields, consumed by schedule. */
    McallFn mcallFn = McallFn.NONE;
    /** gopark's unlockf (Go's m.waitunlockf), run on this M after the G is off its stack. */
    Predicate<G> waitunlockf;
    /** Second result of runqget/findRunnable: the G inherits the current time slice. */
    final boolean[] inheritTime = new boolean[1];
    /** Extra results of checkTimers/stealWork (Go returns them as a tuple). */
    long tnow;
    long tnext;
    boolean newWork;
    /** Go's m.fastrand state (xorshift), seeded per M. */
    private long fastrand;

    /**
     * Calls {@link #currentThread0()}. Deliberately not final: HotSpot treats the current
     * thread as invariant within a compiled method, so a {@code Thread.currentThread()}
     * inlined into a goroutine's frame before a park may be reused after the goroutine
     * resumed on another M (observed: a Gosched recorded on the M it had left). A call
     * through a non-constant handle cannot be inlined, so each call reads the thread anew.
     */
    private static MethodHandle currentThreadHandle;

    static {
        try {
            currentThreadHandle = MethodHandles.lookup().findStatic(M.class, "currentThread0",
                    MethodType.methodType(Thread.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static final VarHandle CURG;

    static {
        try {
            CURG = MethodHandles.lookup().findVarHandle(M.class, "curg", G.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** {@code m.curg = gp} with release ordering, for the switch path (see {@link G#setm}). */
    void setCurg(G gp) {
        CURG.setRelease(this, gp);
    }

    private static Thread currentThread0() {
        return Thread.currentThread();
    }

    /**
     * The thread executing the caller, safe to use in goroutine code that may have moved
     * between Ms since its frame was compiled (see {@link #currentThreadHandle}).
     */
    static Thread carrierThread() {
        try {
            return (Thread) currentThreadHandle.invokeExact();
        } catch (Throwable t) {
            throw new FatalError("carrierThread: " + t, t);
        }
    }

    /** The M executing the caller, or null on a thread that is not an M (Go's getg().m). */
    static M current() {
        return carrierThread() instanceof M mp ? mp : null;
    }

    /**
     * The JVM stack of an M: a goroutine's continuation runs on its carrier's stack, so this bounds the JVM
     * frames a Go call chain can use. Go's own limit is 1 GB of goroutine stack (maxstacksize); a 10^6-deep
     * recursion needs a few hundred MB of JVM frames (Stack.MAX_DEPTH calls fit). Only touched pages are committed.
     */
    static final long THREAD_STACK_SIZE = Long.getLong("glassgo.mstack", 1L << 30);

    M(Sched sched, long id, P nextp, boolean spinning) {
        super(null, null, "glassgo-M" + id, THREAD_STACK_SIZE);
        this.sched = sched;
        this.id = id;
        this.nextp = nextp;
        this.spinning = spinning;
        this.fastrand = sched.seed ^ (0x9E3779B97F4A7C15L * (id + 1));
        if (this.fastrand == 0) {
            this.fastrand = 1;
        }
        setDaemon(true);
    }

    /** Go's mstart → mstart1 → schedule; returns when the runtime exits. */
    @Override
    public void run() {
        sched.mstart(this);
    }

    /** Go's fastrand: a cheap per-M pseudo-random number. */
    int fastrand() {
        long x = fastrand;
        x ^= x << 13;
        x ^= x >>> 7;
        x ^= x << 17;
        fastrand = x;
        return (int) (x >>> 32);
    }

    /** Go's m.id. */
    public long mid() {
        return id;
    }
}
