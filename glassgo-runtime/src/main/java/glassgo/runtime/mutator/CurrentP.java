// CurrentP: the id of the P the calling goroutine runs on, Go's getg().m.p.ptr().id.
// Mirrors the register-held g → m → p chain that mallocgc follows to find its mcache.
package glassgo.runtime.mutator;

import glassgo.runtime.sched.G;
import glassgo.runtime.sched.GoRuntime;
import glassgo.runtime.sched.P;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The scheduler publishes {@code getg()} but not yet the chain {@code g.m.p}: both links are
 * package-private fields of {@code glassgo.runtime.sched}. Until it exports an accessor (requested:
 * {@code GoRuntime.currentP()}), this class reads the two fields through VarHandles from a private lookup,
 * which is legal because glassgo runs on the class path (one unnamed module). It is the only place the
 * mutator reaches inside the scheduler.
 *
 * <p>Why the answer stays true while the caller uses it: a goroutine changes P only when it parks, is
 * preempted at a {@link GoRuntime#preemptPoll()} or yields; the mutator's allocation and free paths do none
 * of these between reading the id and using the P's state, exactly as Go's mallocgc runs with preemption
 * disabled ({@code mp.mallocing}).
 */
final class CurrentP {
    private static final VarHandle G_M;
    private static final VarHandle M_P;

    static {
        try {
            Class<?> mClass = Class.forName("glassgo.runtime.sched.M");
            G_M = MethodHandles.privateLookupIn(G.class, MethodHandles.lookup()).findVarHandle(G.class, "m", mClass);
            M_P = MethodHandles.privateLookupIn(mClass, MethodHandles.lookup()).findVarHandle(mClass, "p", P.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private CurrentP() {}

    /** The P of the running goroutine; throws if the caller is not a goroutine or its M holds no P. */
    static P get() {
        G gp = GoRuntime.getg();
        if (gp == null) {
            throw new IllegalStateException("mutator: not called from a goroutine (no current P)");
        }
        Object mp = G_M.getVolatile(gp);
        P pp = mp == null ? null : (P) M_P.getVolatile(mp);
        if (pp == null) {
            throw new IllegalStateException("mutator: goroutine " + gp.goid() + " runs without a P");
        }
        return pp;
    }
}
