// Sysmon: the system monitor thread. Mirrors proc.go's sysmon and retake: a thread with
// no P that wakes every 20µs (backing off to 10ms after ~1ms without anything to do) and
// asks any G that has held its P for a whole time slice (forcePreemptNS = 10ms) to yield.
package glassgo.runtime.sched;

import java.util.concurrent.locks.LockSupport;

/**
 * Go's sysmon, steps per round:
 * <ol>
 *   <li>Sleep {@code delay}: 20µs while retake keeps finding work, doubling after 50 idle
 *       rounds, capped at 10ms.</li>
 *   <li>If the world is stopping or every P is idle, deep-sleep on sched.sysmonnote until
 *       the next timer (at most 60s); startTheWorld and readies from outside wake it.</li>
 *   <li>{@link #retake}: for each running P, note a new schedtick with the time it was
 *       first seen; if the same tick is still current 10ms later, preempt the P's G.</li>
 * </ol>
 * As in Go, only retaking a P from a syscall counts as work that resets the back-off;
 * preempting a long-running G does not, but it caps the delay at 1ms
 * ({@link #PREEMPTING_MAX_DELAY_US}).
 */
final class Sysmon extends Thread {
    /**
     * glassgo's one departure from Go's back-off: while sysmon is preempting long-running
     * Gs it wakes at least every 1ms. A time slice ends when sysmon sees the same schedtick
     * 10ms after first seeing it, so with Go's 10ms period a slice lasts 10–20ms and a timer
     * on a P busy with a polling loop fires up to ~25ms late (Go 1.19 measured p50 ~21ms on
     * our 2-CPU box, GOMAXPROCS=2, two spinning goroutines, 5ms sleeps). Go shortens this
     * with signal-based preemption and the netpoller; glassgo has only the poll, so it
     * tightens sysmon instead: a slice lasts 10–11ms and the same sleeper wakes ≲12ms late.
     */
    static final long PREEMPTING_MAX_DELAY_US = 1_000;

    /** Go's forcegcperiod/2: the longest deep sleep. */
    private static final long MAX_DEEP_SLEEP_NS = 60_000_000_000L;

    private final Sched sched;

    Sysmon(Sched sched) {
        super("glassgo-sysmon");
        this.sched = sched;
        setDaemon(true);
    }

    @Override
    public void run() {
        int idle = 0;
        long delayUs = 0;
        while (!sched.exiting) {
            if (idle == 0) {
                delayUs = 20;
            } else if (idle > 50) {
                delayUs *= 2;
            }
            if (delayUs > 10_000) {
                delayUs = 10_000;
            }
            LockSupport.parkNanos(this, delayUs * 1000);
            long now = Sched.nanotime();
            if (sched.gcwaiting || sched.npidle.get() == sched.gomaxprocs) {
                deepSleep(now);
            }
            now = Sched.nanotime();
            int preempted = preemptLongRunning(now);
            if (retake(now) != 0) {
                idle = 0;
            } else {
                idle++;
            }
            if (preempted > 0 && delayUs > PREEMPTING_MAX_DELAY_US) {
                delayUs = PREEMPTING_MAX_DELAY_US;
            }
        }
    }

    private void deepSleep(long now) {
        sched.lock.lock();
        try {
            if (!(sched.gcwaiting || sched.npidle.get() == sched.gomaxprocs)) {
                return;
            }
            long next = sched.timeSleepUntil();
            if (next <= now) {
                return;
            }
            sched.sysmonwait = true;
            sched.lock.unlock();
            try {
                sched.sysmonnote.tsleep(Math.min(MAX_DEEP_SLEEP_NS, next - now));
            } finally {
                sched.lock.lock();
            }
            sched.sysmonwait = false;
            sched.sysmonnote.clear();
        } finally {
            sched.lock.unlock();
        }
    }

    /**
     * The first half of Go's retake: preempt Gs that ran a whole time slice. Returns how
     * many it asked to yield.
     */
    int preemptLongRunning(long now) {
        int n = 0;
        for (P pp : sched.allp) {
            if (pp.status == P._Prunning) {
                int t = pp.schedtick;
                if (pp.sysmonSchedtick != t) {
                    pp.sysmonSchedtick = t;
                    pp.sysmonSchedwhen = now;
                } else if (pp.sysmonSchedwhen + Sched.forcePreemptNS <= now && sched.preemptone(pp)) {
                    n++;
                }
            }
        }
        return n;
    }

    /**
     * The second half of Go's retake: take Ps back from Ms blocked in syscalls. Returns the
     * number of Ps retaken; glassgo has no syscall Ps yet, so always 0.
     */
    int retake(long now) {
        return 0;
    }
}
