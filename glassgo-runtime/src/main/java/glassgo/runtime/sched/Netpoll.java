// Netpoll: the place an idle M blocks while timers are pending. In Go 1.19 timers are
// driven by the netpoller even without network I/O: the last M to go idle blocks in
// netpoll(delay) until the next timer, and addtimer breaks that sleep (netpollBreak)
// when an earlier timer arrives. glassgo has no file descriptors to poll yet, so this
// is netpoll without I/O: a timed park that netpollBreak can interrupt.
package glassgo.runtime.sched;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/** A timed, breakable block for the one M that waits for timers (proc.go/netpoll.go). */
final class Netpoll {
    private volatile Thread sleeper;
    /** Go's netpollWakeSig: coalesces breaks until the poller has consumed one. */
    private final AtomicBoolean wakeSig = new AtomicBoolean();

    /** Block for at most {@code delayNs} (Go's netpoll(delay) with no descriptors ready). */
    void block(long delayNs) {
        sleeper = Thread.currentThread();
        if (!wakeSig.get() && delayNs > 0) {
            LockSupport.parkNanos(this, delayNs);
        }
        sleeper = null;
        wakeSig.set(false);
    }

    /** Go's netpollBreak: wake the blocked poller, if any. */
    void breakPoll() {
        if (wakeSig.compareAndSet(false, true)) {
            Thread t = sleeper;
            if (t != null) {
                LockSupport.unpark(t);
            }
        }
    }
}
