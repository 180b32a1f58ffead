// P: a processor, the resource an M must hold to run goroutines. Mirrors runtime2.go's
// `type p` and proc.go's local run queue functions (runqput, runqputslow, runqget,
// runqgrab, runqsteal). Exactly GOMAXPROCS Ps exist.
package glassgo.runtime.sched;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.locks.LockSupport;

/**
 * A P: local run queue, runnext, free Gs, goid cache and timers.
 *
 * <h2>The local run queue</h2>
 * A 256-slot ring with free-running {@code runqhead}/{@code runqtail} counters. Only the
 * owner P produces (store the slot, then store-release the tail); the owner and thieves
 * consume (load-acquire head and tail, read the slots, CAS-release the head). A slot a
 * consumer read may be overwritten only after the head moved past it, which makes the
 * consumer's CAS fail, so a stale read is never used. {@code runnext} is one extra slot
 * that only the owner sets and anyone may CAS to null; a G taken from it inherits the
 * current time slice.
 *
 * <h2>The allocator's place</h2>
 * Go's P also owns the {@code mcache} that makes small allocations lock-free. That field
 * belongs to the allocator half (glassgo.runtime.malloc) and is added there, next to the
 * per-P state below, when the allocator is wired to the scheduler; nothing here stands in
 * for it.
 */
public final class P {
    public static final int _Pidle = 0;
    public static final int _Prunning = 1;
    public static final int _Psyscall = 2;
    public static final int _Pgcstop = 3;
    public static final int _Pdead = 4;

    /** Size of the local ring (Go: len(p.runq)). */
    static final int RUNQ_SIZE = 256;
    /** Go's _GoidCacheBatch: goids a P takes from sched.goidgen at a time. */
    static final int GOID_CACHE_BATCH = 16;

    private static final VarHandle HEAD;
    private static final VarHandle TAIL;
    private static final VarHandle RUNNEXT;

    static {
        try {
            MethodHandles.Lookup l = MethodHandles.lookup();
            HEAD = l.findVarHandle(P.class, "runqhead", int.class);
            TAIL = l.findVarHandle(P.class, "runqtail", int.class);
            RUNNEXT = l.findVarHandle(P.class, "runnext", G.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final Sched sched;
    final int id;
    volatile int status = _Pgcstop;
    /** Link in the idle-P list (Go's p.link). */
    P link;
    /** Incremented on every new time slice (execute without inheritTime). */
    volatile int schedtick;
    /** Go's p.syscalltick: incremented on every syscall (none yet; kept for schedtrace). */
    volatile int syscalltick;
    /** What sysmon saw last (Go's p.sysmontick): only sysmon touches these. */
    int sysmonSchedtick;
    long sysmonSchedwhen;
    /** The M holding this P, or null (Go's p.m). */
    volatile M m;

    private int runqhead;
    private int runqtail;
    final G[] runq = new G[RUNQ_SIZE];
    private volatile G runnext;

    /** Dead Gs for reuse (Go's p.gFree): owner-only, so unsynchronised. */
    final GQueue gFree = new GQueue();
    /** Goids this P may still hand out: [goidcache, goidcacheend). */
    long goidcache;
    long goidcacheend;

    /** Timers of Gs that slept on this P (Go's p.timers), guarded by timersLock. */
    final Timer.Heap timers = new Timer.Heap();
    final RtMutex timersLock = new RtMutex();
    /** Earliest timer deadline, 0 if none (Go's p.timer0When); read without the lock. */
    volatile long timer0When;
    /** Number of pending timers (Go's p.numTimers); read by checkdead and sysmon. */
    volatile int numTimers;

    P(Sched sched, int id) {
        this.sched = sched;
        this.id = id;
    }

    /** Go's p.id. */
    public int id() {
        return id;
    }

    /** The raw status (_Pidle.._Pdead), as scheddetail prints it. */
    public int status() {
        return status;
    }

    /** Go's p.schedtick. */
    public int schedtick() {
        return schedtick;
    }

    // ---- local run queue ------------------------------------------------------------

    /** Go's runqempty: true if neither the ring nor runnext holds a G (consistent snapshot). */
    boolean runqempty() {
        while (true) {
            int head = (int) HEAD.getAcquire(this);
            int tail = (int) TAIL.getAcquire(this);
            G next = runnext;
            if ((int) TAIL.getAcquire(this) == tail) {
                return head == tail && next == null;
            }
        }
    }

    /** Ring length, runnext not counted (what schedtrace prints per P). */
    public int runqsize() {
        int head = (int) HEAD.getAcquire(this);
        int tail = (int) TAIL.getAcquire(this);
        return tail - head;
    }

    /**
     * Go's runqput. With {@code next}, gp goes into runnext and the G it displaces is
     * kicked to the ring's tail; a full ring sends half of itself plus gp to the global
     * queue (runqputslow). Owner only.
     */
    void runqput(G gp, boolean next) {
        if (next) {
            G old;
            do {
                old = runnext;
            } while (!RUNNEXT.compareAndSet(this, old, gp));
            if (old == null) {
                return;
            }
            gp = old;
        }
        while (true) {
            int h = (int) HEAD.getAcquire(this);
            int t = runqtail;
            if (t - h < RUNQ_SIZE) {
                runq[t & (RUNQ_SIZE - 1)] = gp;
                TAIL.setRelease(this, t + 1);
                return;
            }
            if (runqputslow(gp, h, t)) {
                return;
            }
            // The queue is no longer full (a thief took some): put normally.
        }
    }

    /** Go's runqputslow: move half the ring plus gp (129 Gs) to the global queue in one batch. */
    private boolean runqputslow(G gp, int h, int t) {
        int n = (t - h) / 2;
        if (n != RUNQ_SIZE / 2) {
            throw new FatalError("runqputslow: queue is not full");
        }
        G[] batch = new G[n + 1];
        for (int i = 0; i < n; i++) {
            batch[i] = runq[(h + i) & (RUNQ_SIZE - 1)];
        }
        if (!HEAD.compareAndSet(this, h, h + n)) {
            return false;
        }
        batch[n] = gp;
        sched.globrunqputbatch(batch);
        return true;
    }

    /**
     * Go's runqget: runnext first (the G inherits the time slice), then the ring's head.
     * Owner only. The result's inheritTime is reported through {@code mp.inheritTime}.
     */
    G runqget(boolean[] inheritTime) {
        G next = runnext;
        // Only thieves clear runnext besides us, so a failed CAS means it is gone: no retry.
        if (next != null && RUNNEXT.compareAndSet(this, next, null)) {
            inheritTime[0] = true;
            return next;
        }
        while (true) {
            int h = (int) HEAD.getAcquire(this);
            int t = runqtail;
            if (t == h) {
                return null;
            }
            G gp = runq[h & (RUNQ_SIZE - 1)];
            if (HEAD.compareAndSet(this, h, h + 1)) {
                inheritTime[0] = false;
                return gp;
            }
        }
    }

    /**
     * Go's runqgrab: take half (rounded up) of this P's ring into {@code batch} starting at
     * {@code batchHead}; if the ring is empty and {@code stealRunNextG}, take runnext, but
     * first give a running owner ~3µs to run it itself (a hand-off is about to happen).
     * Returns the number of Gs taken. Any thread.
     */
    int runqgrab(G[] batch, int batchHead, boolean stealRunNextG) {
        while (true) {
            int h = (int) HEAD.getAcquire(this);
            int t = (int) TAIL.getAcquire(this);
            int n = t - h;
            n = n - n / 2;
            if (n == 0) {
                if (stealRunNextG) {
                    G next = runnext;
                    if (next != null) {
                        if (status == _Prunning) {
                            LockSupport.parkNanos(3_000);
                        }
                        if (!RUNNEXT.compareAndSet(this, next, null)) {
                            continue;
                        }
                        batch[batchHead & (RUNQ_SIZE - 1)] = next;
                        return 1;
                    }
                }
                return 0;
            }
            if (n > RUNQ_SIZE / 2) {
                continue; // h and t read inconsistently
            }
            for (int i = 0; i < n; i++) {
                batch[(batchHead + i) & (RUNQ_SIZE - 1)] = runq[(h + i) & (RUNQ_SIZE - 1)];
            }
            if (HEAD.compareAndSet(this, h, h + n)) {
                return n;
            }
        }
    }

    /**
     * Go's runqsteal: grab half of {@code victim}'s queue into this P's ring and return
     * the last stolen G to run now. Called by this P's owner only.
     */
    G runqsteal(P victim, boolean stealRunNextG) {
        int t = runqtail;
        int n = victim.runqgrab(runq, t, stealRunNextG);
        if (n == 0) {
            return null;
        }
        n--;
        G gp = runq[(t + n) & (RUNQ_SIZE - 1)];
        if (n == 0) {
            return gp;
        }
        int h = (int) HEAD.getAcquire(this);
        if (t - h + n >= RUNQ_SIZE) {
            throw new FatalError("runqsteal: runq overflow");
        }
        TAIL.setRelease(this, t + n);
        return gp;
    }

    /** The G in runnext, if any (for tests and schedtrace). */
    G runnext() {
        return runnext;
    }

    @Override
    public String toString() {
        return "P" + id;
    }
}
