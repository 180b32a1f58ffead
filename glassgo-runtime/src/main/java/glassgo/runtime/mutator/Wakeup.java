// Wakeup: a one-shot park/wake rendezvous between two goroutines. Mirrors the pattern Go's runtime uses
// with gopark + an unlockf that publishes the waiting G (e.g. chanparkcommit, netpollblockcommit).
package glassgo.runtime.mutator;

import glassgo.runtime.sched.G;
import glassgo.runtime.sched.GoRuntime;
import glassgo.runtime.sched.WaitReason;

import java.util.concurrent.atomic.AtomicReference;

/**
 * One goroutine {@link #await}s, any goroutine (or thread) {@link #signal}s once; whichever comes first,
 * no wake-up is lost. The waiter publishes its G only from gopark's unlockf, i.e. once it is
 * {@code _Gwaiting}, which is the condition under which {@link GoRuntime#goready} is legal.
 */
public final class Wakeup {
    private static final Object SIGNALLED = new Object();
    /** null (nobody waiting, not signalled), the waiting G, or SIGNALLED. */
    private final AtomicReference<Object> state = new AtomicReference<>();

    /** Parks until {@link #signal} (returns at once if it already happened). */
    public void await(WaitReason reason) {
        if (state.get() == SIGNALLED) {
            return;
        }
        GoRuntime.gopark(gp -> state.compareAndSet(null, gp), reason);
        if (state.get() != SIGNALLED) {
            throw new IllegalStateException("mutator: Wakeup.await resumed without a signal");
        }
    }

    /** {@link #await(WaitReason)} with the wait reason Go shows for a sync.Cond wait. */
    public void await() {
        await(WaitReason.waitReasonSyncCondWait);
    }

    /** Wakes the waiter, or lets a later await return at once. A second signal is a bug. */
    public void signal() {
        while (true) {
            Object s = state.get();
            if (s == SIGNALLED) {
                throw new IllegalStateException("mutator: Wakeup signalled twice");
            }
            if (state.compareAndSet(s, SIGNALLED)) {
                if (s instanceof G gp) {
                    GoRuntime.goready(gp);
                }
                return;
            }
        }
    }

    public boolean signalled() {
        return state.get() == SIGNALLED;
    }
}
