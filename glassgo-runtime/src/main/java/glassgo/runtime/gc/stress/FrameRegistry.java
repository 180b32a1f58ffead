// FrameRegistry: which frame slots belong to which goroutine, for workloads that hand the collector their
// stacks one goroutine at a time (RootSet.Stacks). Mirrors what Go's allgs list and each g's stack bounds
// give markroot: a way from a G to the stack to scan.
package glassgo.runtime.gc.stress;

import glassgo.runtime.gc.RootSet;
import glassgo.runtime.mutator.Frame;
import glassgo.runtime.mutator.Goroutine;
import glassgo.runtime.sched.G;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A goroutine registers its one long-lived frame for as long as it uses it ({@link #register}, closed before
 * the frame is). The mutator's own {@code Roots} knows the same frames but not by goroutine; these
 * workloads keep the map themselves, and the oracle still walks from {@code Roots}, so a frame missing
 * here would be reported as a freed reachable object.
 */
final class FrameRegistry implements RootSet.Stacks {
    private final ConcurrentHashMap<G, Frame> frames = new ConcurrentHashMap<>();

    /** A registration; closing it (before the frame) unregisters. */
    interface Handle extends AutoCloseable {
        @Override
        void close();
    }

    /** Registers {@code f} as {@code g}'s stack until the returned handle is closed. */
    Handle register(Goroutine g, Frame f) {
        G gp = g.g();
        frames.put(gp, f);
        return () -> frames.remove(gp, f);
    }

    @Override
    public Collection<G> owners() {
        return List.copyOf(frames.keySet());
    }

    @Override
    public void scan(G g, RootSet.SlotVisitor visitor) {
        Frame f = frames.get(g);
        if (f == null) {
            return;
        }
        for (int i = 0; i < f.size(); i++) {
            long p = f.get(i);
            if (p != 0) {
                visitor.visit(f.slotAddr(i), p);
            }
        }
    }
}
