// G: a goroutine. Mirrors runtime2.go's `type g` and its status constants; the
// goroutine's stack is a jdk.internal.vm.Continuation instead of Go's [stack.lo, stack.hi).
package glassgo.runtime.sched;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import jdk.internal.vm.Continuation;
import jdk.internal.vm.ContinuationScope;

/**
 * A goroutine: its status, id, wait reason and the continuation that holds its stack.
 *
 * <p>Status transitions follow Go 1.19 (runtime2.go): {@code newproc} takes a G
 * {@code _Gidle→_Gdead→_Grunnable}; {@code execute} {@code _Grunnable→_Grunning};
 * {@code gopark} {@code _Grunning→_Gwaiting}; {@code ready} {@code _Gwaiting→_Grunnable};
 * {@code Gosched}/preemption {@code _Grunning→_Grunnable}; {@code goexit0}
 * {@code _Grunning→_Gdead}. Every transition is a CAS that throws on a status it did
 * not expect ({@link #casgstatus}).
 *
 * <p>A G is reused after it exits (free lists {@code gFree} on P and Sched); a reused G
 * keeps its object identity but gets a fresh continuation and a fresh goid.
 */
public final class G {
    /** Just allocated, not yet initialised. */
    public static final int _Gidle = 0;
    /** On a run queue, not executing. */
    public static final int _Grunnable = 1;
    /** Executing goroutine code on an M that holds a P. */
    public static final int _Grunning = 2;
    /** In a blocking call outside Go code; has an M, maybe no P. */
    public static final int _Gsyscall = 3;
    /** Blocked in the runtime (channel, semaphore, sleep), recorded where it can be readied. */
    public static final int _Gwaiting = 4;
    /** Exited, on a free list, or being initialised. */
    public static final int _Gdead = 6;
    /** Stack being moved (kept for Go's numbering; glassgo stacks do not move yet). */
    public static final int _Gcopystack = 8;
    /** Stopped itself for a suspendG preemption (kept for Go's numbering; used by the GC half). */
    public static final int _Gpreempted = 9;

    /** The continuation scope every goroutine runs in; a park is a yield to this scope. */
    static final ContinuationScope GOROUTINES = new ContinuationScope("goroutine");

    private static final VarHandle STATUS;
    private static final VarHandle M_FIELD;
    private static final VarHandle PREEMPT;
    private static final VarHandle WAITREASON;

    static {
        try {
            MethodHandles.Lookup l = MethodHandles.lookup();
            STATUS = l.findVarHandle(G.class, "atomicstatus", int.class);
            M_FIELD = l.findVarHandle(G.class, "m", M.class);
            PREEMPT = l.findVarHandle(G.class, "preempt", boolean.class);
            WAITREASON = l.findVarHandle(G.class, "waitreason", WaitReason.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final Sched sched;
    private volatile int atomicstatus = _Gidle;
    /** Goroutine id, from the P's goid cache (1 is main). */
    volatile long goid;
    /**
     * Preemption request, set by sysmon or stop-the-world and seen at the next
     * {@link GoRuntime#preemptPoll()}: the analogue of Go's {@code gp.preempt} plus
     * {@code stackguard0 = stackPreempt}.
     */
    volatile boolean preempt;
    /** Why the G waits; like Go, not cleared when the G is readied. */
    volatile WaitReason waitreason = WaitReason.waitReasonZero;
    /** The M running this G, or null. */
    volatile M m;
    /** Intrusive link for the global run queue and the free lists (Go's schedlink). */
    G schedlink;
    /** The goroutine's stack: created by newproc1, run by execute, done at goexit. */
    Continuation cont;
    /** The sudog this G waits with, reused by every wait (see {@link Sudog#acquire}). */
    Sudog sudogcache;
    /** Cached timer for sleep (Go's gp.timer), created on the first sleep. */
    Timer timer;
    /** What the body threw, recorded so goexit0 can end the run like an unrecovered panic. */
    Throwable panicked;

    G(Sched sched) {
        this.sched = sched;
    }

    // Release stores for the goroutine-switch path (execute, afterMcall, gopark). A volatile
    // store costs a full StoreLoad fence on x86, several per switch; these fields are read
    // either by the thread that wrote them (the G's own M) or by observers that tolerate a
    // late value and look again (sysmon each tick, stop-the-world's 100µs re-preempt loop,
    // schedtrace, checkdead), as Go's plain stores to the same fields are.

    /** {@code gp.m = mp} with release ordering. */
    void setm(M mp) {
        M_FIELD.setRelease(this, mp);
    }

    /** {@code gp.preempt = false} with release ordering (a new run starts unpreempted). */
    void clearPreempt() {
        PREEMPT.setRelease(this, false);
    }

    /** {@code gp.waitreason = r} with release ordering. */
    void setWaitreason(WaitReason r) {
        WAITREASON.setRelease(this, r);
    }

    /** Go's readgstatus. */
    int readgstatus() {
        return atomicstatus;
    }

    /**
     * Go's casgstatus: move from {@code oldval} to {@code newval}. Go spins while a scan
     * bit is set; glassgo has no scan bit yet, so any other status is a broken invariant.
     */
    void casgstatus(int oldval, int newval) {
        if (!STATUS.compareAndSet(this, oldval, newval)) {
            throw new FatalError("casgstatus: bad incoming values: goroutine " + goid + " from "
                    + statusName(oldval) + " to " + statusName(newval) + " but status is "
                    + statusName(atomicstatus));
        }
    }

    /** Go's goid for this goroutine. */
    public long goid() {
        return goid;
    }

    /** The raw status value, as scheddetail prints it. */
    public int status() {
        return atomicstatus;
    }

    /** The current wait reason (stale once the G runs again, as in Go). */
    public WaitReason waitReason() {
        return waitreason;
    }

    /**
     * Go's traceback status: the wait reason of a waiting G with a reason, else the
     * status name (traceback.go: gStatusStrings).
     */
    public String tracebackStatus() {
        int s = atomicstatus;
        WaitReason r = waitreason;
        if (s == _Gwaiting && r != WaitReason.waitReasonZero) {
            return r.toString();
        }
        return statusName(s);
    }

    /** The header Go prints for this goroutine in a dump: {@code goroutine 1 [sleep]:}. */
    public String tracebackHeader() {
        return "goroutine " + goid + " [" + tracebackStatus() + "]:";
    }

    /** traceback.go gStatusStrings. */
    static String statusName(int s) {
        return switch (s) {
            case _Gidle -> "idle";
            case _Grunnable -> "runnable";
            case _Grunning -> "running";
            case _Gsyscall -> "syscall";
            case _Gwaiting -> "waiting";
            case _Gdead -> "dead";
            case _Gcopystack -> "copystack";
            case _Gpreempted -> "preempted";
            default -> "???";
        };
    }

    @Override
    public String toString() {
        return "G" + goid + "(" + statusName(atomicstatus) + ")";
    }
}
