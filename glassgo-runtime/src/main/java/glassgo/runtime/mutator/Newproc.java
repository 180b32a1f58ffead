// Newproc: the go statement of compiled Go. Mirrors proc.go's newproc/newproc1: the caller has packed the
// function and its already evaluated arguments into a closure (as cmd/compile's walk does for go f(x)),
// and a new goroutine calls it on a fresh stack.
package glassgo.runtime.mutator;

import glassgo.runtime.stack.Stack;

import java.lang.invoke.MethodHandle;
import java.util.ArrayDeque;

/**
 * Between the go statement and the new goroutine's first instruction the closure is referenced only by the
 * goroutine-to-be, whose stack does not exist yet (Go keeps it in the new g's startup frame, which the
 * collector scans). Here it sits in a handoff slot of a registered {@link Globals} block until the new
 * goroutine has stored it in its own frame; slots are recycled, blocks are added as more goroutines wait
 * to start at once.
 */
public final class Newproc {
    private static final int BLOCK = 256;
    private static final Object LOCK = new Object();
    private static final ArrayDeque<Long> FREE = new ArrayDeque<>();
    private static Mutator owner;

    private Newproc() {
    }

    /**
     * {@code go fv()}: starts a goroutine that calls {@code call(stack, fv)}, where {@code call} is the
     * program's dispatcher for {@code func()} values.
     */
    public static void go(Stack s, MethodHandle call, long fv) {
        Goroutine cur = (Goroutine) s.owner;
        Mutator mu = cur.mutator();
        long slot = acquire(mu);
        mu.writePointer(slot, 0, fv);
        mu.go(g -> {
            Stack st = g.stack();
            long f = Abi.ld64(slot);
            release(mu, slot);
            // no safepoint between here and the callee's prologue, which stores f in its frame
            try {
                call.invokeExact(st, f);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new IllegalStateException(t);
            }
        });
    }

    private static long acquire(Mutator mu) {
        synchronized (LOCK) {
            if (owner != mu) {
                owner = mu;       // a new program (tests run several in one JVM): the old slots are gone
                FREE.clear();
            }
            if (FREE.isEmpty()) {
                Globals g = mu.globals("goroutine start closures", BLOCK);
                for (int i = 0; i < BLOCK; i++) {
                    FREE.add(g.addr(i));
                }
            }
            return FREE.poll();
        }
    }

    private static void release(Mutator mu, long slot) {
        mu.writePointer(slot, 0, 0);
        synchronized (LOCK) {
            if (owner == mu) {
                FREE.add(slot);
            }
        }
    }
}
