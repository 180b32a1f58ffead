// GoRuntime: the mutator API of the scheduler: what compiled Go code (and, until the
// compiler exists, Java tests and benchmarks) calls to start a program, create goroutines,
// park and ready them, yield, sleep and poll for preemption. Mirrors the entry points Go's
// compiler and std library use in proc.go and time.go: newproc, gopark/goready, Gosched,
// timeSleep, and the stack-guard check that leads to gopreempt_m.
package glassgo.runtime.sched;

import java.util.function.Predicate;

/**
 * Static entry points into the scheduler of the goroutine that calls them.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li>{@link #run} starts a program: GOMAXPROCS Ps, M0 running {@code main} as goroutine 1,
 *       sysmon. It returns when main returns (other goroutines are abandoned, as in Go),
 *       and throws {@link FatalError} (e.g. {@code all goroutines are asleep - deadlock!})
 *       or {@link GoroutinePanic} (a body threw) otherwise.</li>
 *   <li>Everything else must be called from inside a goroutine of a running program,
 *       except {@link #goready}, {@link #stopTheWorld}/{@link #startTheWorld} and
 *       {@link #preemptPoll}, which also work from other threads.</li>
 *   <li>A goroutine must never block its thread where it could park instead, and must not
 *       park while holding a Java monitor ({@code synchronized}) or inside a native frame:
 *       the goroutine may resume on another M, and where the JVM pins the continuation the
 *       park fails with {@link FatalError} "cannot leave its thread (pinned: ...)".</li>
 *   <li>Goroutine code must not rely on the identity of the current Java thread: a goroutine
 *       moves between Ms, and HotSpot may keep using the thread it saw before a park. JDK
 *       classes that record or look up {@code Thread.currentThread()} ({@code ReentrantLock},
 *       {@code ThreadLocal}, {@code ThreadLocalRandom}) can misbehave; the runtime's own locks
 *       and {@link #getg()} are safe.</li>
 *   <li>Long-running code must call {@link #preemptPoll()} regularly (compiled code will do it
 *       at function entries and loop back-edges); a loop without polls cannot be preempted,
 *       like Go with {@code GODEBUG=asyncpreemptoff=1}.</li>
 * </ul>
 */
public final class GoRuntime {
    private GoRuntime() {
    }

    /** GOMAXPROCS from the environment, else the number of available CPUs (Go's schedinit). */
    public static int defaultGomaxprocs() {
        return gomaxprocs(System.getenv("GOMAXPROCS"));
    }

    /** Go's schedinit reading a GOMAXPROCS value: a positive integer, else (unset, malformed) the CPU count. */
    public static int gomaxprocs(String env) {
        if (env != null) {
            try {
                int n = Integer.parseInt(env.trim());
                if (n > 0) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // Go ignores a malformed GOMAXPROCS and uses the CPU count.
            }
        }
        return Runtime.getRuntime().availableProcessors();
    }

    /** {@link #run(int, long, Runnable)} with GOMAXPROCS from the environment and seed 0. */
    public static void run(Runnable main) throws InterruptedException {
        run(defaultGomaxprocs(), 0, main);
    }

    /** {@link #run(int, long, Runnable)} with seed 0. */
    public static void run(int gomaxprocs, Runnable main) throws InterruptedException {
        run(gomaxprocs, 0, main);
    }

    /**
     * Run {@code main} as goroutine 1 on a fresh scheduler with {@code gomaxprocs} Ps and
     * wait for it. {@code seed} seeds the Ms' random number generators (steal order).
     */
    public static void run(int gomaxprocs, long seed, Runnable main) throws InterruptedException {
        new Sched(gomaxprocs, seed).start(main);
    }

    private static M m() {
        return M.current();
    }

    private static G self(String what) {
        M mp = m();
        G gp = mp == null ? null : mp.curg;
        if (gp == null) {
            throw new IllegalStateException(what + ": must be called from a goroutine");
        }
        return gp;
    }

    private static Sched sched(String what) {
        return self(what).sched;
    }

    /**
     * The running goroutine (Go's getg().m.curg), or null outside goroutines. Each call asks
     * the thread afresh (see {@code M.current()}); code that knows its G should pass it to
     * the {@code (G self, …)} overloads, as Go's compiled code keeps g in a register.
     */
    public static G getg() {
        M mp = m();
        return mp == null ? null : mp.curg;
    }

    /**
     * The P the calling goroutine runs on (Go's {@code getg().m.p}), or null outside a goroutine or
     * when its M holds no P. A goroutine changes P only at a safepoint (park, yield, preemption
     * poll), so the answer holds until the caller reaches one, as Go's mallocgc relies on.
     */
    public static P currentP() {
        G gp = getg();
        M mp = gp == null ? null : gp.m;
        return mp == null ? null : mp.p;
    }

    /** {@code go fn()}: a new goroutine in the caller's runnext (Go's newproc). */
    public static G go(Runnable fn) {
        G self = self("go");
        return self.sched.newproc(self, fn);
    }

    /** {@link #go(Runnable)} for code that knows its goroutine. */
    public static G go(G self, Runnable fn) {
        return self.sched.newproc(self, fn);
    }

    /**
     * Go's gopark: block the running goroutine with {@code reason}. {@code unlockf} (may be
     * null) runs after the goroutine is {@code _Gwaiting} and off its stack, typically to
     * release the lock that made the wait visible to a readier; returning false resumes the
     * goroutine immediately.
     */
    public static void gopark(Predicate<G> unlockf, WaitReason reason) {
        G self = self("gopark");
        self.sched.gopark(self, unlockf, reason);
    }

    /** {@link #gopark(Predicate, WaitReason)} for code that knows its goroutine. */
    public static void gopark(G self, Predicate<G> unlockf, WaitReason reason) {
        self.sched.gopark(self, unlockf, reason);
    }

    /** {@code gopark(null, reason)}: park until someone who already knows this G readies it. */
    public static void park(WaitReason reason) {
        gopark(null, reason);
    }

    /**
     * Go's goready: make a parked goroutine runnable (in the caller's runnext, or via the
     * global queue from a thread without a P). The goroutine must already be
     * {@code _Gwaiting}: publish it to readiers only from the park's unlockf or under a
     * lock that unlockf releases, otherwise this throws "bad g->status in ready".
     */
    public static void goready(G gp) {
        gp.sched.goready(getg(), gp);
    }

    /** {@link #goready(G)} from the running goroutine {@code self}. */
    public static void goready(G self, G gp) {
        gp.sched.goready(self, gp);
    }

    /** Go's runtime.Gosched: yield; the goroutine goes to the global run queue's tail. */
    public static void gosched() {
        G self = self("gosched");
        self.sched.gosched(self);
    }

    /** {@link #gosched()} for code that knows its goroutine. */
    public static void gosched(G self) {
        self.sched.gosched(self);
    }

    /** Go's time.Sleep: park with reason "sleep" for {@code nanos} (no-op if ≤ 0). */
    public static void sleep(long nanos) {
        G self = self("sleep");
        self.sched.sleep(self, nanos);
    }

    /** {@link #sleep(long)} for code that knows its goroutine. */
    public static void sleep(G self, long nanos) {
        self.sched.sleep(self, nanos);
    }

    /**
     * Go's entersyscallblock: {@code self} is about to block its thread in a call the
     * scheduler cannot see into (blocking I/O, a Java lock, a sleep outside the runtime); its
     * P goes to another M so other goroutines keep running. Pair with {@link #exitsyscall};
     * in between the goroutine holds no P and must not call into the scheduler.
     */
    public static void entersyscallblock(G self) {
        self.sched.entersyscallblock(self);
    }

    /** Go's exitsyscall: reacquire a P after a blocking call, waiting as a runnable G if none is free. */
    public static void exitsyscall(G self) {
        self.sched.exitsyscall(self);
    }

    /** Run {@code blockingCall} between {@link #entersyscallblock} and {@link #exitsyscall}. */
    public static void syscall(Runnable blockingCall) {
        G self = self("syscall");
        self.sched.entersyscallblock(self);
        try {
            blockingCall.run();
        } finally {
            self.sched.exitsyscall(self);
        }
    }

    /**
     * The preemption poll compiled code calls at function entries and loop back-edges:
     * a thread check and one volatile read unless sysmon or stop-the-world asked this
     * goroutine to yield, in which case it goes to the global run queue (Go's gopreempt_m).
     * A no-op outside goroutines.
     */
    public static void preemptPoll() {
        M mp = M.current();
        if (mp != null) {
            G gp = mp.curg;
            if (gp != null && gp.preempt) {
                mp.sched.gopreempt(mp);
            }
        }
    }

    /**
     * The poll for code that knows its goroutine (compiled code keeps it, as Go keeps g in
     * a register): one volatile read on the fast path.
     */
    public static void preemptPoll(G gp) {
        if (gp.preempt) {
            gp.sched.gopreempt(gp.m);
        }
    }

    /** How many Ps are idle right now (Go's sched.npidle): where Go would run idle GC mark workers. */
    public static int idleProcs() {
        M mp = M.current();
        return mp == null ? 0 : mp.sched.npidle.get();
    }

    /**
     * Whether a stop-the-world is waiting for the Ps (Go's sched.gcwaiting). A GC mark worker runs through
     * time-slice preemption, as Go's scheduler keeps handing its P to the worker, but must still stop here.
     */
    public static boolean stopTheWorldPending() {
        M mp = M.current();
        return mp != null && mp.sched.gcwaiting;
    }

    /** The scheduler of the running goroutine (for stop-the-world and inspection). */
    public static Sched currentSched() {
        return sched("currentSched");
    }

    /**
     * Stop every P of {@code sched} at a safepoint (Go's stopTheWorld). Called from a
     * goroutine, that goroutine keeps running and must call {@link #startTheWorld} before it
     * parks; called from another thread, all Ps stop.
     */
    public static void stopTheWorld(Sched sched, String reason) {
        sched.stopTheWorld(reason);
    }

    /** Resume after {@link #stopTheWorld} (Go's startTheWorld). */
    public static void startTheWorld(Sched sched) {
        sched.startTheWorld();
    }
}
