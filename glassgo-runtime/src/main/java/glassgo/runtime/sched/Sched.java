// Sched: the scheduler. Mirrors runtime2.go's `type schedt` (the global `sched`) and the
// scheduling half of proc.go: schedule, findRunnable, stealWork, wakep/startm/stopm,
// the idle P and M lists, newproc/goexit0, gopark/ready, stop-the-world and checkdead.
package glassgo.runtime.sched;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import jdk.internal.vm.Continuation;

/**
 * One running Go program's scheduler: GOMAXPROCS Ps, the Ms that run them, the global
 * run queue and everything findRunnable consults.
 *
 * <h2>How a goroutine runs (Go's schedule/execute/mcall, in glassgo terms)</h2>
 * <ol>
 *   <li>An M (a platform thread) holding a P calls {@link #schedule}: {@link #findRunnable}
 *       looks, in Go 1.19's order, at (1) a pending stop-the-world, (2) this P's expired
 *       timers, (3) the global queue once every 61 schedticks, (4) the local queue
 *       (runnext first), (5) the global queue, (6) stealing from the other Ps — 4 passes
 *       in random order, timers and runnext only on the last — and finally (7) gives the
 *       P back, re-checks everything once more, waits for the next timer (netpoll) or
 *       parks (stopm).</li>
 *   <li>{@code execute} runs the G's continuation on the M's thread: the M's own stack is
 *       Go's g0.</li>
 *   <li>The G comes back to the scheduler by yielding its continuation after naming what
 *       it wants done (Go's mcall): park (gopark), Gosched, preempt. The M performs it
 *       once the G is off its stack — gopark's unlockf runs only after the G is
 *       {@code _Gwaiting}, so another thread may ready it before unlockf returns.</li>
 *   <li>When a body returns the continuation is done: goexit0 puts the G on a free list.</li>
 * </ol>
 *
 * <h2>Locks</h2>
 * {@code lock} is Go's sched.lock (idle lists, global queue, stop-the-world counts), an
 * {@link RtMutex} like every lock goroutine code may take: no monitor (a goroutine holding
 * one could not yield) and no owner thread (see RtMutex for why ReentrantLock is unsafe in
 * goroutine code). It is not reentrant, and a goroutine never holds it across a yield.
 *
 * <h2>Not yet here</h2>
 * the lazy syscall path (entersyscall leaving the P in _Psyscall for sysmon to retake;
 * only entersyscallblock's immediate hand-off exists), LockOSThread, GOMAXPROCS changes at
 * run time (procresize beyond the initial one), GC workers and system goroutines, netpoll
 * with real descriptors, sysmon's periodic schedtrace output.
 */
public final class Sched {
    /** Go's forcePreemptNS: the time slice after which sysmon asks a G to yield. */
    static final long forcePreemptNS = 10_000_000L;
    /** Go's sched.maxmcount. */
    static final int maxmcount = 10000;
    /** Steal passes over all Ps in stealWork (Go's stealTries). */
    private static final int stealTries = 4;

    final int gomaxprocs;
    final P[] allp;
    final long seed;

    /** Go's sched.lock. */
    final RtMutex lock = new RtMutex();
    final AtomicLong goidgen = new AtomicLong();
    /** Time of the last netpoll; 0 while an M is blocked in it (Go's sched.lastpoll). */
    final AtomicLong lastpoll = new AtomicLong(System.nanoTime());
    /** When the M blocked in netpoll will wake (Go's sched.pollUntil), 0 if none. */
    volatile long pollUntil;

    private M midle;
    private int nmidle;
    private long mnext;
    private P pidle;
    final AtomicInteger npidle = new AtomicInteger();
    final AtomicInteger nmspinning = new AtomicInteger();

    /** Global run queue (Go's sched.runq/runqsize), guarded by lock. */
    private final GQueue runq = new GQueue();
    private volatile int runqsize;

    /** Global free Gs (Go's sched.gFree), guarded by gFreeLock. */
    private final GQueue gFree = new GQueue();
    private final RtMutex gFreeLock = new RtMutex();
    private volatile int gFreeN;

    volatile boolean gcwaiting;
    private int stopwait;
    private final Note stopnote = new Note();
    volatile boolean sysmonwait;
    final Note sysmonnote = new Note();
    /** Non-M threads between stopTheWorld and the end of startTheWorld (sched.lock). */
    private int externalStoppers;
    /** Serialises stop-the-world callers (Go's worldsema). */
    private final AtomicBoolean worldsema = new AtomicBoolean();

    final PMask idlepMask;
    final PMask timerpMask;
    private final RandomOrder stealOrder;

    private final List<G> allgs = new ArrayList<>();
    private final RtMutex allglock = new RtMutex();
    final List<M> allm = new CopyOnWriteArrayList<>();
    final Netpoll netpoll = new Netpoll();

    volatile boolean mainStarted;
    volatile boolean exiting;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final CountDownLatch done = new CountDownLatch(1);
    private Sysmon sysmon;

    /**
     * A scheduler with {@code gomaxprocs} Ps, not yet running: P0 is reserved for the
     * first M, the others are idle (Go's schedinit → procresize). {@code seed} seeds the
     * Ms' random generators (steal order).
     */
    Sched(int gomaxprocs, long seed) {
        if (gomaxprocs < 1) {
            throw new IllegalArgumentException("GOMAXPROCS must be >= 1, got " + gomaxprocs);
        }
        this.gomaxprocs = gomaxprocs;
        this.seed = seed;
        this.allp = new P[gomaxprocs];
        this.idlepMask = new PMask(gomaxprocs);
        this.timerpMask = new PMask(gomaxprocs);
        this.stealOrder = new RandomOrder(gomaxprocs);
        for (int i = 0; i < gomaxprocs; i++) {
            allp[i] = new P(this, i);
            allp[i].status = P._Pidle;
            // Go's p.init: a P may have timers until pidleput proves otherwise.
            timerpMask.set(i);
        }
        lock.lock();
        try {
            for (int i = gomaxprocs - 1; i >= 1; i--) {
                pidleput(allp[i]);
            }
        } finally {
            lock.unlock();
        }
    }

    static long nanotime() {
        return System.nanoTime();
    }

    /** The M running the caller, if it is an M of this scheduler (safe in goroutine code). */
    M currentM() {
        M mp = M.current();
        return mp != null && mp.sched == this ? mp : null;
    }

    // ---- program start and exit ------------------------------------------------------

    /**
     * Run {@code main} as goroutine 1 on M0/P0, start sysmon, and wait until main returns
     * (Go's rt0 → runtime.main → exit(0)), a goroutine panics, or checkdead finds a deadlock.
     */
    void start(Runnable main) throws InterruptedException {
        M m0;
        lock.lock();
        try {
            m0 = new M(this, mnext++, allp[0], false);
        } finally {
            lock.unlock();
        }
        allm.add(m0);
        G mainG = newproc1(main, allp[0], true);
        allp[0].runqput(mainG, true);
        mainStarted = true;
        sysmon = new Sysmon(this);
        sysmon.start();
        m0.start();
        try {
            done.await();
        } catch (InterruptedException e) {
            exit(); // the caller gave up: let the Ms and sysmon end
            throw e;
        }
        Throwable t = failure.get();
        if (t instanceof RuntimeException re) {
            throw re;
        }
        if (t instanceof Error e) {
            throw e;
        }
    }

    /** End the run (Go's exit(0) after main returns): wake every sleeper so the Ms can quit. */
    void exit() {
        if (exiting) {
            return;
        }
        exiting = true;
        for (M mp : allm) {
            mp.park.wakeup();
        }
        netpoll.breakPoll();
        sysmonnote.wakeup();
        stopnote.wakeup();
        for (P pp : allp) {
            preemptone(pp);
        }
        done.countDown();
    }

    /** End the run with a fatal error or panic; the first failure wins. */
    void fail(Throwable t) {
        failure.compareAndSet(null, t);
        exit();
    }

    /** Thrown inside an M to unwind its scheduler loop when the runtime exits. */
    static final class MExit extends Error {
        static final MExit INSTANCE = new MExit();

        private MExit() {
            super("M exit", null, false, false);
        }
    }

    /** Go's mstart: acquire the P handed over at creation, then schedule forever. */
    void mstart(M mp) {
        try {
            P pp = mp.nextp;
            if (pp != null) {
                mp.nextp = null;
                acquirep(mp, pp);
            }
            schedule(mp);
        } catch (MExit e) {
            // The runtime is exiting: this thread ends.
        } catch (FatalError e) {
            fail(e);
        } catch (RuntimeException | Error e) {
            fail(new FatalError("unexpected failure in scheduler on M" + mp.id + ": " + e, e));
        }
    }

    // ---- goroutine creation and exit -------------------------------------------------

    /** Go's newproc: create a G for {@code fn}, put it in the caller's runnext, wake a P. */
    G newproc(G self, Runnable fn) {
        M mp = running(self, "go");
        P pp = mp.p;
        G newg = newproc1(fn, pp, false);
        pp.runqput(newg, true);
        if (mainStarted) {
            wakep();
        }
        return newg;
    }

    /**
     * Go's newproc1: reuse a dead G or allocate one (published in allgs as _Gdead), give it
     * a fresh continuation and the next goid of this P's cache, and make it runnable.
     */
    G newproc1(Runnable fn, P pp, boolean isMain) {
        G newg = gfget(pp);
        if (newg == null) {
            newg = new G(this);
            newg.casgstatus(G._Gidle, G._Gdead);
            allgadd(newg);
        }
        if (newg.readgstatus() != G._Gdead) {
            throw new FatalError("newproc1: new g is not Gdead");
        }
        newg.cont = new GContinuation(newg, goroutineBody(newg, fn, isMain));
        if (pp.goidcache == pp.goidcacheend) {
            // Go's _GoidCacheBatch: take 16 ids at once so newproc rarely touches a shared counter.
            pp.goidcache = goidgen.addAndGet(P.GOID_CACHE_BATCH) - (P.GOID_CACHE_BATCH - 1);
            pp.goidcacheend = pp.goidcache + P.GOID_CACHE_BATCH;
        }
        newg.goid = pp.goidcache++;
        newg.casgstatus(G._Gdead, G._Grunnable);
        return newg;
    }

    /** The continuation body: run fn; a throw is recorded as an unrecovered panic; main's return ends the program. */
    private Runnable goroutineBody(G gp, Runnable fn, boolean isMain) {
        return () -> {
            try {
                fn.run();
            } catch (RuntimeException | Error t) {
                gp.panicked = t;
                return;
            }
            if (isMain) {
                exit();
            }
        };
    }

    /** A goroutine's continuation: refuses to yield while pinned, with a message a user can act on. */
    static final class GContinuation extends Continuation {
        private final G g;

        GContinuation(G g, Runnable body) {
            super(G.GOROUTINES, body);
            this.g = g;
        }

        @Override
        protected void onPinned(Continuation.Pinned reason) {
            throw new FatalError("gopark: goroutine " + g.goid + " cannot leave its thread (pinned: " + reason
                    + "); a goroutine must not block while holding a Java monitor or inside a native call");
        }
    }

    private void allgadd(G gp) {
        allglock.lock();
        try {
            allgs.add(gp);
        } finally {
            allglock.unlock();
        }
    }

    /** A snapshot of allgs (Go's forEachG), in creation order. */
    List<G> allgsSnapshot() {
        allglock.lock();
        try {
            return new ArrayList<>(allgs);
        } finally {
            allglock.unlock();
        }
    }

    /** Go's goexit0: the body returned; the G becomes _Gdead and goes to the free list. */
    private void goexit0(M mp, G gp) {
        gp.casgstatus(G._Grunning, G._Gdead);
        Throwable panicked = gp.panicked;
        gp.cont = null;
        gp.preempt = false;
        gp.panicked = null;
        gp.waitreason = WaitReason.waitReasonZero;
        if (panicked != null) {
            fail(panicked instanceof FatalError fe ? fe : new GoroutinePanic(gp.goid, panicked));
            throw MExit.INSTANCE;
        }
        gfput(mp.p, gp);
    }

    /** Go's gfput: free G to the P's list; past 64, move Gs to the global list until 32 remain. */
    private void gfput(P pp, G gp) {
        pp.gFree.push(gp);
        if (pp.gFree.size() >= 64) {
            gFreeLock.lock();
            try {
                while (pp.gFree.size() >= 32) {
                    gFree.push(pp.gFree.pop());
                }
                gFreeN = gFree.size();
            } finally {
                gFreeLock.unlock();
            }
        }
    }

    /** Go's gfget: a free G from the P, refilling up to 32 from the global list first. */
    private G gfget(P pp) {
        if (pp.gFree.empty() && gFreeN != 0) {
            gFreeLock.lock();
            try {
                while (pp.gFree.size() < 32 && !gFree.empty()) {
                    pp.gFree.push(gFree.pop());
                }
                gFreeN = gFree.size();
            } finally {
                gFreeLock.unlock();
            }
        }
        return pp.gFree.pop();
    }

    // ---- the scheduler loop ------------------------------------------------------------

    /** Go's schedule(): find a runnable G and execute it, forever. Ends by MExit. */
    private void schedule(M mp) {
        G gp = null;
        boolean inheritTime = false;
        while (true) {
            if (gp == null) {
                if (mp.spinning && !mp.p.runqempty()) {
                    throw new FatalError("schedule: spinning with local work");
                }
                gp = findRunnable(mp);
                inheritTime = mp.inheritTime[0];
                if (mp.spinning) {
                    resetspinning(mp);
                }
            }
            execute(mp, gp, inheritTime);
            gp = afterMcall(mp, gp);
            inheritTime = true;
        }
    }

    /** Go's execute + gogo: run gp on this M until it yields or finishes. */
    private void execute(M mp, G gp, boolean inheritTime) {
        mp.setCurg(gp);
        gp.setm(mp);
        gp.casgstatus(G._Grunnable, G._Grunning);
        gp.clearPreempt();
        if (!inheritTime) {
            mp.p.schedtick++;
        }
        gp.cont.run();
    }

    /**
     * The second half of mcall: gp is off its stack; do what it asked (park_m, gosched_m,
     * gopreempt_m) or goexit0. Returns a G to run at once (an unlockf refused the park).
     */
    private G afterMcall(M mp, G gp) {
        mp.setCurg(null);
        gp.setm(null);
        if (gp.cont.isDone()) {
            goexit0(mp, gp);
            return null;
        }
        M.McallFn fn = mp.mcallFn;
        mp.mcallFn = M.McallFn.NONE;
        switch (fn) {
            case PARK -> {
                gp.casgstatus(G._Grunning, G._Gwaiting);
                Predicate<G> unlockf = mp.waitunlockf;
                mp.waitunlockf = null;
                if (unlockf != null && !unlockf.test(gp)) {
                    gp.casgstatus(G._Gwaiting, G._Grunnable);
                    return gp;
                }
                return null;
            }
            case GOSCHED, PREEMPT -> {
                // goschedImpl: the G goes to the tail of the *global* queue, as in Go.
                gp.casgstatus(G._Grunning, G._Grunnable);
                lock.lock();
                try {
                    globrunqput(gp);
                } finally {
                    lock.unlock();
                }
                return null;
            }
            case EXITSYSCALL -> {
                return exitsyscall0(mp, gp);
            }
            default -> throw new FatalError("schedule: goroutine " + gp.goid + " yielded without an mcall");
        }
    }

    // ---- blocking calls (syscalls) ---------------------------------------------------

    /**
     * Go's entersyscallblock: the running G is about to block its thread (a blocking Java
     * call, I/O), so its P is handed off at once and other goroutines keep running. The G
     * stays on this M in _Gsyscall until {@link #exitsyscall}.
     */
    void entersyscallblock(G self) {
        M mp = running(self, "entersyscallblock");
        P pp = mp.p;
        pp.syscalltick++;
        self.casgstatus(G._Grunning, G._Gsyscall);
        handoffp(releasep(mp));
    }

    /**
     * Go's exitsyscall: get a P back. Fast path: take an idle P and continue. Slow path
     * (none idle, or the world is stopping): the G leaves its stack, goes runnable to the
     * global queue, and this M parks until it is given a P (exitsyscall0).
     */
    void exitsyscall(G self) {
        M mp = self.m;
        if (mp == null || mp.curg != self || self.readgstatus() != G._Gsyscall) {
            throw new FatalError("exitsyscall: syscall frame is no longer valid");
        }
        P pp = null;
        if (npidle.get() > 0) {
            lock.lock();
            try {
                pp = pidleget();
                if (pp != null && sysmonwait) {
                    sysmonwait = false;
                    sysmonnote.wakeup();
                }
            } finally {
                lock.unlock();
            }
        }
        if (pp != null) {
            acquirep(mp, pp);
            self.casgstatus(G._Gsyscall, G._Grunning);
            return;
        }
        mcall(mp, M.McallFn.EXITSYSCALL);
    }

    /** Go's exitsyscall0 (on the M, the G off its stack): run it if a P is idle, else queue it and stop. */
    private G exitsyscall0(M mp, G gp) {
        gp.casgstatus(G._Gsyscall, G._Grunnable);
        P pp;
        lock.lock();
        try {
            pp = pidleget();
            if (pp == null) {
                globrunqput(gp);
            }
        } finally {
            lock.unlock();
        }
        if (pp != null) {
            acquirep(mp, pp);
            return gp;
        }
        stopm(mp);
        return null;
    }

    /**
     * Go's handoffp: give away a P whose M is about to block. Start an M for it if there is
     * work (local or global) or nobody else is spinning or idle; stop it for a pending
     * stop-the-world; otherwise idle it, making sure someone still waits for its timers.
     */
    private void handoffp(P pp) {
        if (!pp.runqempty() || runqsize != 0) {
            startm(pp, false);
            return;
        }
        // No local work: start a spinning M if nobody spins or idles, to pick up new work.
        if (nmspinning.get() + npidle.get() == 0 && nmspinning.compareAndSet(0, 1)) {
            startm(pp, true);
            return;
        }
        lock.lock();
        boolean start = false;
        long when = 0;
        try {
            if (gcwaiting) {
                pp.status = P._Pgcstop;
                if (--stopwait == 0) {
                    stopnote.wakeup();
                }
                return;
            }
            if (runqsize != 0) {
                start = true;
            } else if (npidle.get() == gomaxprocs - 1 && lastpoll.get() != 0) {
                // The last running P, and no M waits in netpoll: someone must watch the timers.
                start = true;
            } else {
                when = pp.timer0When;
                pidleput(pp);
            }
        } finally {
            lock.unlock();
        }
        if (start) {
            startm(pp, false);
        } else if (when != 0) {
            wakeNetPoller(when);
        }
    }

    /** Go's mcall from the running G: record what the M must do, then leave the G's stack. */
    void mcall(M mp, M.McallFn fn) {
        mp.mcallFn = fn;
        try {
            Continuation.yield(G.GOROUTINES);
        } catch (FatalError e) {
            mp.mcallFn = M.McallFn.NONE;
            mp.waitunlockf = null;
            throw e;
        }
    }

    /**
     * Go's gopark: park the running G with {@code reason}. {@code unlockf} (may be null) runs
     * on the M after the G is _Gwaiting; if it returns false the G resumes at once.
     */
    void gopark(G self, Predicate<G> unlockf, WaitReason reason) {
        M mp = running(self, "gopark");
        self.setWaitreason(reason);
        mp.waitunlockf = unlockf;
        mcall(mp, M.McallFn.PARK);
    }

    /** Go's Gosched: the running G goes to the global queue tail. */
    void gosched(G self) {
        mcall(running(self, "gosched"), M.McallFn.GOSCHED);
    }

    /**
     * The M that runs {@code self}, which must be the caller's own goroutine. Goroutine code
     * passes its G (as Go's compiled code keeps g in a register) instead of asking the thread.
     */
    private M running(G self, String what) {
        M mp = self == null ? null : self.m;
        if (mp == null || mp.curg != self || mp.sched != this) {
            throw new IllegalStateException(what + ": must be called from a running goroutine of this runtime");
        }
        if (self.readgstatus() != G._Grunning) {
            throw new IllegalStateException(what + ": goroutine " + self.goid + " is "
                    + G.statusName(self.readgstatus()) + " (inside a blocking call, it holds no P)");
        }
        return mp;
    }

    /** The preemption poll's slow path (Go's newstack → gopreempt_m). */
    void gopreempt(M mp) {
        mcall(mp, M.McallFn.PREEMPT);
    }

    /**
     * Go's goready/ready: make a waiting G runnable in the current P's runnext and wake a
     * P. From a thread that holds no P (not a goroutine), the G goes to the global queue
     * and an idle P is started for it, as injectglist does for netpoll results.
     */
    void goready(G self, G gp) {
        M mp = self != null ? running(self, "goready") : currentM();
        if (mp != null && mp.p != null) {
            ready(mp, gp, true);
        } else {
            readyWithoutP(gp);
        }
    }

    private void ready(M mp, G gp, boolean next) {
        int status = gp.readgstatus();
        if (status != G._Gwaiting) {
            throw new FatalError("bad g->status in ready: goroutine " + gp.goid + " is " + G.statusName(status));
        }
        gp.casgstatus(G._Gwaiting, G._Grunnable);
        mp.p.runqput(gp, next);
        wakep();
    }

    private void readyWithoutP(G gp) {
        M nmp = null;
        lock.lock();
        try {
            int status = gp.readgstatus();
            if (status != G._Gwaiting) {
                throw new FatalError("bad g->status in ready: goroutine " + gp.goid + " is " + G.statusName(status));
            }
            gp.casgstatus(G._Gwaiting, G._Grunnable);
            globrunqput(gp);
            // Take the M off the idle list under sched.lock, so that checkdead never sees the
            // G runnable while every M is idle.
            P pp = pidleget();
            if (pp != null) {
                nmp = mget();
                if (nmp == null) {
                    newm(pp, false);
                } else {
                    nmp.nextp = pp;
                }
            }
            if (sysmonwait) {
                sysmonwait = false;
                sysmonnote.wakeup();
            }
        } finally {
            lock.unlock();
        }
        if (nmp != null) {
            nmp.park.wakeup();
        }
    }

    // ---- findRunnable ----------------------------------------------------------------

    /** Go's findRunnable (proc.go, 1.19 order; see the class comment). Blocks until work. */
    private G findRunnable(M mp) {
        top:
        while (true) {
            if (exiting) {
                throw MExit.INSTANCE;
            }
            P pp = mp.p;
            if (gcwaiting) {
                gcstopm(mp);
                continue;
            }
            checkTimers(mp, pp, 0);
            long now = mp.tnow;
            long pollUntilLocal = mp.tnext;

            // Fairness: every 61st tick take one G from the global queue first, so that two
            // Gs that keep readying each other through runnext cannot starve it.
            if (pp.schedtick % 61 == 0 && runqsize > 0) {
                G gp;
                lock.lock();
                try {
                    gp = globrunqget(pp, 1);
                } finally {
                    lock.unlock();
                }
                if (gp != null) {
                    mp.inheritTime[0] = false;
                    return gp;
                }
            }
            G gp = pp.runqget(mp.inheritTime);
            if (gp != null) {
                return gp;
            }
            if (runqsize != 0) {
                lock.lock();
                try {
                    gp = globrunqget(pp, 0);
                } finally {
                    lock.unlock();
                }
                if (gp != null) {
                    mp.inheritTime[0] = false;
                    return gp;
                }
            }
            // No netpoll step: glassgo has no descriptors to poll yet.

            // Spinning Ms are limited to half the busy Ps: more would only burn CPU.
            if (mp.spinning || 2 * nmspinning.get() < gomaxprocs - npidle.get()) {
                if (!mp.spinning) {
                    mp.spinning = true;
                    nmspinning.incrementAndGet();
                }
                gp = stealWork(mp, pp, now);
                now = mp.tnow;
                if (gp != null) {
                    mp.inheritTime[0] = false;
                    return gp;
                }
                if (mp.newWork) {
                    continue;
                }
                long w = mp.tnext;
                if (w != 0 && (pollUntilLocal == 0 || w < pollUntilLocal)) {
                    pollUntilLocal = w;
                }
            }

            // Nothing found: give up the P (under sched.lock, re-checking gcwaiting and the global queue).
            lock.lock();
            try {
                if (gcwaiting) {
                    continue;
                }
                if (runqsize != 0) {
                    gp = globrunqget(pp, 0);
                    mp.inheritTime[0] = false;
                    return gp;
                }
                if (releasep(mp) != pp) {
                    throw new FatalError("findrunnable: wrong p");
                }
                pidleput(pp);
            } finally {
                lock.unlock();
            }

            // Spinning → not spinning, then re-check every queue: either we see work that
            // was submitted meanwhile, or its submitter sees nmspinning == 0 and wakes an M.
            boolean wasSpinning = mp.spinning;
            if (mp.spinning) {
                mp.spinning = false;
                if (nmspinning.decrementAndGet() < 0) {
                    throw new FatalError("findrunnable: negative nmspinning");
                }
                P pp2 = checkRunqsNoP();
                if (pp2 != null) {
                    acquirep(mp, pp2);
                    mp.spinning = true;
                    nmspinning.incrementAndGet();
                    continue;
                }
                pollUntilLocal = checkTimersNoP(pollUntilLocal);
            }

            // Timers pending: one M waits for the earliest in netpoll, without a P.
            if (pollUntilLocal != 0 && lastpoll.getAndSet(0) != 0) {
                pollUntil = pollUntilLocal;
                netpoll.block(pollUntilLocal - nanotime());
                now = nanotime();
                pollUntil = 0;
                lastpoll.set(now);
                P pp3;
                lock.lock();
                try {
                    pp3 = pidleget();
                } finally {
                    lock.unlock();
                }
                if (pp3 != null) {
                    acquirep(mp, pp3);
                    if (wasSpinning) {
                        mp.spinning = true;
                        nmspinning.incrementAndGet();
                    }
                    continue top;
                }
            } else if (pollUntilLocal != 0) {
                long pollerPollUntil = pollUntil;
                if (pollerPollUntil == 0 || pollerPollUntil > pollUntilLocal) {
                    netpoll.breakPoll();
                }
            }
            stopm(mp);
        }
    }

    /**
     * Go's stealWork: 4 passes over the other Ps in random order; on the last pass also
     * run their expired timers and steal their runnext. Results: the stolen G, plus
     * mp.tnow, mp.tnext (earliest timer seen) and mp.newWork (a timer readied something).
     */
    private G stealWork(M mp, P pp, long now) {
        long pollUntilSeen = 0;
        boolean ranTimer = false;
        int n = stealOrder.count();
        for (int i = 0; i < stealTries; i++) {
            boolean stealTimersOrRunNextG = i == stealTries - 1;
            int r = mp.fastrand();
            int pos = stealOrder.start(r);
            int inc = stealOrder.stride(r);
            for (int k = 0; k < n; k++, pos = (pos + inc) % n) {
                if (gcwaiting) {
                    mp.tnow = now;
                    mp.tnext = pollUntilSeen;
                    mp.newWork = true;
                    return null;
                }
                P p2 = allp[pos];
                if (p2 == pp) {
                    continue;
                }
                if (stealTimersOrRunNextG && timerpMask.read(pos)) {
                    boolean ran = checkTimers(mp, p2, now);
                    now = mp.tnow;
                    long w = mp.tnext;
                    if (w != 0 && (pollUntilSeen == 0 || w < pollUntilSeen)) {
                        pollUntilSeen = w;
                    }
                    if (ran) {
                        G gp = pp.runqget(mp.inheritTime);
                        if (gp != null) {
                            mp.tnow = now;
                            return gp;
                        }
                        ranTimer = true;
                    }
                }
                if (!idlepMask.read(pos)) {
                    G gp = pp.runqsteal(p2, stealTimersOrRunNextG);
                    if (gp != null) {
                        mp.tnow = now;
                        return gp;
                    }
                }
            }
        }
        mp.tnow = now;
        mp.tnext = pollUntilSeen;
        mp.newWork = ranTimer;
        return null;
    }

    /** Go's checkRunqsNoP: after dropping the P, does any busy P have queued work? Then take an idle P. */
    private P checkRunqsNoP() {
        for (P p2 : allp) {
            if (!idlepMask.read(p2.id) && !p2.runqempty()) {
                lock.lock();
                try {
                    return pidleget();
                } finally {
                    lock.unlock();
                }
            }
        }
        return null;
    }

    /** Go's checkTimersNoP: the earliest timer of any P that may have timers. */
    private long checkTimersNoP(long pollUntilLocal) {
        for (P p2 : allp) {
            if (timerpMask.read(p2.id)) {
                long w = p2.timer0When;
                if (w != 0 && (pollUntilLocal == 0 || w < pollUntilLocal)) {
                    pollUntilLocal = w;
                }
            }
        }
        return pollUntilLocal;
    }

    // ---- global run queue (sched.lock held) --------------------------------------------

    /** Go's globrunqput: append at the tail. */
    void globrunqput(G gp) {
        runq.pushBack(gp);
        runqsize = runqsize + 1;
    }

    /** Go's globrunqputbatch (takes sched.lock itself, as runqputslow does around it). */
    void globrunqputbatch(G[] batch) {
        lock.lock();
        try {
            for (G gp : batch) {
                runq.pushBack(gp);
            }
            runqsize = runqsize + batch.length;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Go's globrunqget: take a fair share — min(size, size/GOMAXPROCS + 1, max, 128) — return
     * the first and put the rest on pp's local queue.
     */
    G globrunqget(P pp, int max) {
        int size = runqsize;
        if (size == 0) {
            return null;
        }
        int n = Math.min(size, size / gomaxprocs + 1);
        if (max > 0 && n > max) {
            n = max;
        }
        if (n > P.RUNQ_SIZE / 2) {
            n = P.RUNQ_SIZE / 2;
        }
        runqsize = size - n;
        G gp = runq.pop();
        for (n--; n > 0; n--) {
            pp.runqput(runq.pop(), false);
        }
        return gp;
    }

    /** Length of the global run queue (Go's sched.runqsize). */
    public int globalRunqSize() {
        return runqsize;
    }

    // ---- idle Ps and Ms, spinning --------------------------------------------------------

    /** Go's pidleput (sched.lock held): P must have an empty run queue. */
    private void pidleput(P pp) {
        if (!pp.runqempty()) {
            throw new FatalError("pidleput: P has non-empty run queue");
        }
        if (pp.numTimers == 0) {
            timerpMask.clear(pp.id);
        }
        idlepMask.set(pp.id);
        pp.link = pidle;
        pidle = pp;
        npidle.incrementAndGet();
    }

    /** Go's pidleget (sched.lock held). */
    private P pidleget() {
        P pp = pidle;
        if (pp != null) {
            timerpMask.set(pp.id);
            idlepMask.clear(pp.id);
            pidle = pp.link;
            pp.link = null;
            npidle.decrementAndGet();
        }
        return pp;
    }

    /** Go's acquirep: wire pp to mp; pp must be idle and unowned. */
    private void acquirep(M mp, P pp) {
        if (mp.p != null || pp.m != null || pp.status != P._Pidle) {
            throw new FatalError("acquirep: invalid p state: " + pp + " status " + pp.status);
        }
        mp.p = pp;
        pp.m = mp;
        pp.status = P._Prunning;
    }

    /** Go's releasep. */
    private P releasep(M mp) {
        P pp = mp.p;
        if (pp == null || pp.m != mp || pp.status != P._Prunning) {
            throw new FatalError("releasep: invalid p state");
        }
        mp.p = null;
        pp.m = null;
        pp.status = P._Pidle;
        return pp;
    }

    /** Go's mput (sched.lock held): M becomes idle; then checkdead. */
    private void mput(M mp) {
        mp.schedlink = midle;
        midle = mp;
        nmidle++;
        checkdead();
    }

    /** Go's mget (sched.lock held). */
    private M mget() {
        M mp = midle;
        if (mp != null) {
            midle = mp.schedlink;
            mp.schedlink = null;
            nmidle--;
        }
        return mp;
    }

    /** Go's stopm: park this M until startm hands it a P. */
    private void stopm(M mp) {
        if (mp.p != null) {
            throw new FatalError("stopm holding p");
        }
        if (mp.spinning) {
            throw new FatalError("stopm spinning");
        }
        lock.lock();
        try {
            if (exiting) {
                throw MExit.INSTANCE;
            }
            mput(mp);
        } finally {
            lock.unlock();
        }
        mp.blocked = true;
        mp.park.sleep();
        mp.park.clear();
        mp.blocked = false;
        if (exiting) {
            throw MExit.INSTANCE;
        }
        P pp = mp.nextp;
        mp.nextp = null;
        acquirep(mp, pp);
    }

    /**
     * Go's startm: run some M on pp (an idle P if null). With {@code spinning} the caller
     * already counted the M in nmspinning; if there is no idle P that count is undone.
     */
    void startm(P pp, boolean spinning) {
        M nmp;
        lock.lock();
        try {
            if (pp == null) {
                pp = pidleget();
                if (pp == null) {
                    if (spinning && nmspinning.decrementAndGet() < 0) {
                        throw new FatalError("startm: negative nmspinning");
                    }
                    return;
                }
            }
            nmp = mget();
            if (nmp == null) {
                newm(pp, spinning);
                return;
            }
        } finally {
            lock.unlock();
        }
        if (nmp.spinning) {
            throw new FatalError("startm: m is spinning");
        }
        if (nmp.nextp != null) {
            throw new FatalError("startm: m has p");
        }
        if (spinning && !pp.runqempty()) {
            throw new FatalError("startm: p has runnable gs");
        }
        nmp.spinning = spinning;
        nmp.nextp = pp;
        nmp.park.wakeup();
    }

    /** Go's newm (sched.lock held for the id): a new thread that starts on pp. */
    private void newm(P pp, boolean spinning) {
        if (mnext >= maxmcount) {
            // Go prints "runtime: program exceeds 10000-thread limit", then throws.
            throw new FatalError("thread exhaustion");
        }
        M mp = new M(this, mnext++, pp, spinning);
        allm.add(mp);
        mp.start();
    }

    /** Go's mcount: Ms created (none is ever freed). sysmon is a separate thread, not counted. */
    int mcount() {
        return (int) mnext;
    }

    /**
     * Go's wakep: if a P is idle and nobody spins, start a spinning M for it. Called after
     * new work is queued (newproc, ready, a new timer with no poller).
     */
    void wakep() {
        if (npidle.get() == 0) {
            return;
        }
        // Be conservative: one spinning M at a time is enough to pick up new work.
        if (nmspinning.get() != 0 || !nmspinning.compareAndSet(0, 1)) {
            return;
        }
        startm(null, true);
    }

    /** Go's resetspinning: the spinning M found work; wake a replacement spinner if useful. */
    private void resetspinning(M mp) {
        mp.spinning = false;
        if (nmspinning.decrementAndGet() < 0) {
            throw new FatalError("findrunnable: negative nmspinning");
        }
        wakep();
    }

    // ---- timers and sleep --------------------------------------------------------------

    /**
     * Go's checkTimers: run pp's expired timers (each readies a sleeping G into the current
     * P's runnext). Results in mp.tnow and mp.tnext (pp's next deadline, 0 if none);
     * returns whether any timer ran.
     */
    private boolean checkTimers(M mp, P pp, long now) {
        long next = pp.timer0When;
        if (next == 0) {
            mp.tnow = now;
            mp.tnext = 0;
            return false;
        }
        if (now == 0) {
            now = nanotime();
        }
        if (now < next) {
            mp.tnow = now;
            mp.tnext = next;
            return false;
        }
        List<Timer> fired = new ArrayList<>();
        pp.timersLock.lock();
        try {
            while (pp.timers.size() > 0 && pp.timers.earliest() <= now) {
                fired.add(pp.timers.pop());
            }
            pp.numTimers = pp.timers.size();
            pp.timer0When = pp.timers.earliest();
        } finally {
            pp.timersLock.unlock();
        }
        // Timer functions run without the timers lock, as runOneTimer does.
        for (Timer t : fired) {
            ready(mp, t.g, true);
        }
        mp.tnow = now;
        mp.tnext = pp.timer0When;
        return !fired.isEmpty();
    }

    /** Go's timeSleepUntil: the earliest timer on any P, or Long.MAX_VALUE. */
    long timeSleepUntil() {
        long next = Long.MAX_VALUE;
        for (P pp : allp) {
            long w = pp.timer0When;
            if (w != 0 && w < next) {
                next = w;
            }
        }
        return next;
    }

    /** Go's time.Sleep: park "sleep" and let a timer on this P ready the G after ns. */
    void sleep(G gp, long ns) {
        if (ns <= 0) {
            return;
        }
        running(gp, "sleep");
        Timer t = gp.timer;
        if (t == null) {
            t = new Timer(gp);
            gp.timer = t;
        }
        long when = nanotime() + ns;
        t.when = when < 0 ? Long.MAX_VALUE : when;
        gopark(gp, RESET_FOR_SLEEP, WaitReason.waitReasonSleep);
    }

    /** Go's resetForSleep: arm the timer only once the G is parked, so it cannot fire early. */
    private static final Predicate<G> RESET_FOR_SLEEP = gp -> {
        M mp = (M) Thread.currentThread();
        gp.sched.addtimer(mp.p, gp.timer);
        return true;
    };

    /** Go's addtimer/doaddtimer on the current P, then wakeNetPoller. */
    private void addtimer(P pp, Timer t) {
        pp.timersLock.lock();
        try {
            pp.timers.add(t);
            pp.numTimers = pp.timers.size();
            pp.timer0When = pp.timers.earliest();
        } finally {
            pp.timersLock.unlock();
        }
        wakeNetPoller(t.when);
    }

    /** Go's wakeNetPoller: make sure someone will wake up at {@code when}. */
    private void wakeNetPoller(long when) {
        if (lastpoll.get() == 0) {
            long pollerPollUntil = pollUntil;
            if (pollerPollUntil == 0 || pollerPollUntil > when) {
                netpoll.breakPoll();
            }
        } else {
            wakep();
        }
    }

    // ---- preemption and stop-the-world -------------------------------------------------

    /** Go's preemptone: ask the G running on pp to yield at its next poll. */
    boolean preemptone(P pp) {
        M mp = pp.m;
        if (mp == null) {
            return false;
        }
        G gp = mp.curg;
        if (gp == null) {
            return false;
        }
        gp.preempt = true;
        return true;
    }

    /** Go's preemptall: every running P except the caller's. */
    private void preemptall(P self) {
        for (P pp : allp) {
            if (pp != self && pp.status == P._Prunning) {
                preemptone(pp);
            }
        }
    }

    /** Go's gcstopm: stop this M's P for a pending stop-the-world and park. */
    private void gcstopm(M mp) {
        if (!gcwaiting) {
            throw new FatalError("gcstopm: not waiting for gc");
        }
        if (mp.spinning) {
            mp.spinning = false;
            if (nmspinning.decrementAndGet() < 0) {
                throw new FatalError("gcstopm: negative nmspinning");
            }
        }
        P pp = releasep(mp);
        lock.lock();
        try {
            pp.status = P._Pgcstop;
            if (--stopwait == 0) {
                stopnote.wakeup();
            }
        } finally {
            lock.unlock();
        }
        stopm(mp);
    }

    /**
     * Go's stopTheWorldWithSema. Steps: (1) set gcwaiting and preempt every running P;
     * (2) the caller's own P (if a goroutine calls) and every idle P go straight to
     * _Pgcstop; (3) running Ps stop themselves at their next safepoint (gcstopm) and the
     * last one wakes us; (4) while waiting, re-preempt every 100µs (a G may have started
     * after step 1). May be called from a goroutine (which keeps running, must not park
     * until startTheWorld) or from a thread that is not an M.
     */
    void stopTheWorld(String reason) {
        M caller = currentM();
        acquireWorldsema(caller != null && caller.curg != null);
        // Waiting for worldsema may gosched the caller onto another M and P: read them only now.
        M mp = currentM();
        P self = mp != null && mp.curg != null ? mp.p : null;
        lock.lock();
        boolean wait;
        try {
            if (mp == null) {
                externalStoppers++;
            }
            stopwait = gomaxprocs;
            gcwaiting = true;
            preemptall(self);
            if (self != null) {
                self.status = P._Pgcstop;
                stopwait--;
            }
            P pp;
            while ((pp = pidleget()) != null) {
                pp.status = P._Pgcstop;
                stopwait--;
            }
            wait = stopwait > 0;
        } finally {
            lock.unlock();
        }
        if (wait) {
            long spinUntil = nanotime() + 20_000;
            while (!stopnote.isSet() && nanotime() < spinUntil) {
                Thread.onSpinWait();
            }
            while (!stopnote.tsleep(100_000)) {
                if (exiting) {
                    abandonStop(mp, reason);
                }
                preemptall(self);
            }
        }
        stopnote.clear();
        if (exiting) {
            abandonStop(mp, reason);
        }
        lock.lock();
        try {
            if (stopwait != 0) {
                throw new FatalError("stopTheWorld: not stopped (stopwait != 0)");
            }
            for (P pp : allp) {
                if (pp.status != P._Pgcstop) {
                    throw new FatalError("stopTheWorld: not stopped (status != _Pgcstop)");
                }
            }
        } finally {
            lock.unlock();
        }
    }

    private void abandonStop(M mp, String reason) {
        lock.lock();
        try {
            if (mp == null) {
                externalStoppers--;
            }
        } finally {
            lock.unlock();
        }
        worldsema.set(false);
        throw new IllegalStateException("stopTheWorld(" + reason + "): the program exited");
    }

    /**
     * Go's startTheWorldWithSema: Ps with queued work are handed to Ms (idle ones, or new),
     * the rest go idle; then wakep for the global queue.
     */
    void startTheWorld() {
        M mp = currentM();
        P self = mp != null && mp.curg != null ? mp.p : null;
        P runnablePs = null;
        lock.lock();
        try {
            if (!gcwaiting) {
                throw new FatalError("startTheWorld: world not stopped");
            }
            for (int i = gomaxprocs - 1; i >= 0; i--) {
                P pp = allp[i];
                if (pp.status != P._Pgcstop) {
                    throw new FatalError("startTheWorld: P" + i + " not stopped");
                }
                if (pp == self) {
                    pp.status = P._Prunning;
                    continue;
                }
                pp.status = P._Pidle;
                if (pp.runqempty()) {
                    pidleput(pp);
                } else {
                    pp.m = mget();
                    pp.link = runnablePs;
                    runnablePs = pp;
                }
            }
            gcwaiting = false;
            if (sysmonwait) {
                sysmonwait = false;
                sysmonnote.wakeup();
            }
        } finally {
            lock.unlock();
        }
        while (runnablePs != null) {
            P pp = runnablePs;
            runnablePs = pp.link;
            pp.link = null;
            M nmp = pp.m;
            if (nmp != null) {
                pp.m = null;
                if (nmp.nextp != null) {
                    throw new FatalError("startTheWorld: inconsistent mp->nextp");
                }
                nmp.nextp = pp;
                nmp.park.wakeup();
            } else {
                lock.lock();
                try {
                    newm(pp, false);
                } finally {
                    lock.unlock();
                }
            }
        }
        wakep();
        if (mp == null) {
            lock.lock();
            try {
                externalStoppers--;
                checkdead();
            } finally {
                lock.unlock();
            }
        }
        worldsema.set(false);
    }

    /** Go's semacquire(&worldsema): a goroutine yields while waiting, another thread sleeps. */
    private void acquireWorldsema(boolean fromGoroutine) {
        while (!worldsema.compareAndSet(false, true)) {
            if (fromGoroutine) {
                gosched(currentM().curg);
            } else {
                LockSupport.parkNanos(10_000);
            }
        }
    }

    // ---- schedtrace ----------------------------------------------------------------------

    /**
     * Go's schedtrace line (proc.go: schedtrace) without the "SCHED <t>ms: " prefix; with
     * {@code detailed}, the scheddetail form with one line per P, M and G.
     */
    public String schedtrace(boolean detailed) {
        StringBuilder sb = new StringBuilder();
        lock.lock();
        try {
            sb.append("gomaxprocs=").append(gomaxprocs)
                    .append(" idleprocs=").append(npidle.get())
                    .append(" threads=").append(mcount())
                    .append(" spinningthreads=").append(nmspinning.get())
                    .append(" idlethreads=").append(nmidle)
                    .append(" runqueue=").append(runqsize);
            if (!detailed) {
                sb.append(" [");
                for (int i = 0; i < gomaxprocs; i++) {
                    sb.append(i == 0 ? "" : " ").append(allp[i].runqsize());
                }
                return sb.append(']').toString();
            }
            sb.append(" gcwaiting=").append(gcwaiting ? 1 : 0)
                    .append(" nmidlelocked=0 stopwait=").append(stopwait)
                    .append(" sysmonwait=").append(sysmonwait ? 1 : 0).append('\n');
            for (P pp : allp) {
                M mp = pp.m;
                sb.append("  P").append(pp.id).append(": status=").append(pp.status)
                        .append(" schedtick=").append(pp.schedtick)
                        .append(" syscalltick=").append(pp.syscalltick)
                        .append(" m=").append(mp == null ? -1 : mp.id)
                        .append(" runqsize=").append(pp.runqsize())
                        .append(" gfreecnt=").append(pp.gFree.size())
                        .append(" timerslen=").append(pp.numTimers).append('\n');
            }
            List<M> ms = new ArrayList<>(allm);
            java.util.Collections.reverse(ms);
            for (M mp : ms) {
                P pp = mp.p;
                G gp = mp.curg;
                sb.append("  M").append(mp.id).append(": p=").append(pp == null ? -1 : pp.id)
                        .append(" curg=").append(gp == null ? -1 : gp.goid)
                        .append(" mallocing=0 throwing=0 preemptoff= locks=0 dying=0 spinning=")
                        .append(mp.spinning).append(" blocked=").append(mp.blocked)
                        .append(" lockedg=-1\n");
            }
            for (G gp : allgsSnapshot()) {
                M mp = gp.m;
                sb.append("  G").append(gp.goid).append(": status=").append(gp.readgstatus())
                        .append('(').append(gp.waitreason).append(") m=").append(mp == null ? -1 : mp.id)
                        .append(" lockedm=-1\n");
            }
            return sb.toString();
        } finally {
            lock.unlock();
        }
    }

    // ---- deadlock detection ------------------------------------------------------------

    /**
     * Go's checkdead (sched.lock held, called when an M goes idle): if no M is running,
     * no G is runnable and no timer is pending, nothing can ever happen again.
     */
    private void checkdead() {
        if (exiting) {
            return;
        }
        // A thread outside the scheduler that is stopping or restarting the world counts as
        // running: it will hand Ps to Ms (in Go the stopper is always a G on a running M).
        int run = mcount() - nmidle + externalStoppers;
        if (run > 0) {
            return;
        }
        if (run < 0) {
            throw new FatalError("checkdead: inconsistent counts: mcount=" + mcount() + " nmidle=" + nmidle);
        }
        List<String> headers = new ArrayList<>();
        int grunning = 0;
        for (G gp : allgsSnapshot()) {
            int s = gp.readgstatus();
            switch (s) {
                case G._Gwaiting, G._Gpreempted -> {
                    grunning++;
                    headers.add(gp.tracebackHeader());
                }
                case G._Grunnable, G._Grunning, G._Gsyscall ->
                    throw new FatalError("checkdead: runnable g: goroutine " + gp.goid + " in status " + s);
                default -> {
                    // _Gdead and _Gidle Gs are free or not yet started: not part of the program.
                }
            }
        }
        if (grunning == 0) {
            fail(new FatalError("no goroutines (main called runtime.Goexit) - deadlock!"));
            return;
        }
        for (P pp : allp) {
            if (pp.numTimers > 0) {
                return;
            }
        }
        fail(new FatalError("all goroutines are asleep - deadlock!", headers));
    }
}
