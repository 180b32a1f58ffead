// CurrentP: the id of the P the calling goroutine runs on (Go's getg().m.p.ptr().id), for the per-P
// write-barrier buffers. Mirrors the register-held g → m → p chain.
package glassgo.runtime.gc;

import glassgo.runtime.sched.G;
import glassgo.runtime.sched.GoRuntime;
import glassgo.runtime.sched.P;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The scheduler exports {@code getg()} but not {@code g.m.p}; until it offers {@code GoRuntime.currentP()}
 * this reads the two package-private links through VarHandles, as the mutator's own CurrentP does. A
 * goroutine changes P only at a safepoint, and the barrier path has none, so the answer holds while used.
 * Returns -1 outside a goroutine or without a P.
 */
public final class CurrentP {
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

    public static int id() {
        G gp = GoRuntime.getg();
        if (gp == null) {
            return -1;
        }
        Object mp = G_M.getVolatile(gp);
        P pp = mp == null ? null : (P) M_P.getVolatile(mp);
        return pp == null ? -1 : pp.id();
    }
}
