// Body: the code a goroutine runs, given its goroutine context. Mirrors the fn of a go statement
// (runtime/proc.go's newproc(fn)); compiled code will receive g the same way, in a register.
package glassgo.runtime.mutator;

/** A goroutine's body. {@code g} is the running goroutine: its frames, its G, its scheduling calls. */
@FunctionalInterface
public interface Body {
    void run(Goroutine g);
}
