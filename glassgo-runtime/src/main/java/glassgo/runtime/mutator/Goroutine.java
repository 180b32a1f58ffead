// Goroutine: the running goroutine as mutator code sees it: its G, its frames of pointer slots, and the
// scheduling calls (park, yield, sleep, preemption poll). Mirrors what compiled Go reaches through getg().
package glassgo.runtime.mutator;

import glassgo.runtime.sched.G;
import glassgo.runtime.sched.GoRuntime;
import glassgo.runtime.sched.WaitReason;
import glassgo.runtime.stack.Stack;

import java.util.function.Predicate;

/**
 * Handed to every {@link Body}; valid only inside that goroutine (do not pass it to another one; pass the
 * {@link #g() G} to wake it instead). Its stack slots are created on the first {@link #frame} and
 * registered in {@link Roots} until the goroutine ends.
 */
public final class Goroutine {
    private final Mutator mu;
    private final G g;
    private StackSlots stack;
    private Stack compiled;

    Goroutine(Mutator mu, G g) {
        this.mu = mu;
        this.g = g;
    }

    /** The scheduler's G: what another goroutine passes to {@link GoRuntime#goready}. */
    public G g() {
        return g;
    }

    public long goid() {
        return g.goid();
    }

    public Mutator mutator() {
        return mu;
    }

    /** Opens a frame of {@code n} zeroed pointer slots on this goroutine's stack (use try-with-resources). */
    public Frame frame(int n) {
        if (stack == null) {
            stack = new StackSlots(g.goid());
            mu.roots().addStack(stack);
        }
        return stack.push(n);
    }

    /** This goroutine's stack for compiled Go frames, created on first use and a root until the goroutine ends. */
    public Stack stack() {
        if (compiled == null) {
            compiled = new Stack(g);
            compiled.owner = this;
            mu.roots().addStack(compiled);
        }
        return compiled;
    }

    /** {@code go body()}. */
    public G go(Body body) {
        return mu.go(body);
    }

    /** The preemption poll of a loop back-edge or function entry: yields if sysmon or stop-the-world asked. */
    public void preemptPoll() {
        GoRuntime.preemptPoll(g);
    }

    /** runtime.Gosched. */
    public void gosched() {
        GoRuntime.gosched();
    }

    /** time.Sleep. */
    public void sleep(long nanos) {
        GoRuntime.sleep(nanos);
    }

    /** gopark: see {@link GoRuntime#gopark}; prefer {@link Wakeup}, which cannot lose a wake-up. */
    public void park(Predicate<G> unlockf, WaitReason reason) {
        GoRuntime.gopark(unlockf, reason);
    }

    /** Called when the body returns or throws: its slots stop being roots (Go's gfput frees the stack). */
    void exit() {
        if (compiled != null) {
            mu.roots().removeStack(compiled);
            compiled.free();
            compiled = null;
        }
        if (stack != null) {
            mu.roots().removeStack(stack);
            stack.free();
            stack = null;
        }
    }
}
