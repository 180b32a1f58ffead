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
 * preempting a long-running G does not (glassgo has no syscall Ps yet, so sysmon settles
 * at one round per 10ms while Gs run long, which bounds a time slice to 10–20ms).
 */
final class Sysmon extends Thread {
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
            if (retake(now) != 0) {
                idle = 0;
            } else {
                idle++;
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
     * Go's retake: preempt Gs that ran a whole time slice. Returns the number of Ps retaken
     * from syscalls (always 0 until syscalls exist).
     */
    int retake(long now) {
        for (P pp : sched.allp) {
            if (pp.status == P._Prunning) {
                int t = pp.schedtick;
                if (pp.sysmonSchedtick != t) {
                    pp.sysmonSchedtick = t;
                    pp.sysmonSchedwhen = now;
                } else if (pp.sysmonSchedwhen + Sched.forcePreemptNS <= now) {
                    sched.preemptone(pp);
                }
            }
        }
        return 0;
    }
}
