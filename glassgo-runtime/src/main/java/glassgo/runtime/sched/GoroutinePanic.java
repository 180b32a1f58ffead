// GoroutinePanic: a Java exception escaped a goroutine's body. In Go an unrecovered
// panic in any goroutine ends the program with exit status 2 (panic.go: fatalpanic);
// glassgo ends the run the same way and hands the cause to whoever started it.
package glassgo.runtime.sched;

/** Thrown by {@link GoRuntime#run} when a goroutine's body threw; the cause is the original. */
public final class GoroutinePanic extends RuntimeException {
    private final long goid;

    GoroutinePanic(long goid, Throwable cause) {
        super("panic in goroutine " + goid + ": " + cause, cause);
        this.goid = goid;
    }

    /** The id of the goroutine whose body threw. */
    public long goid() {
        return goid;
    }

    /** Go's exit status for an unrecovered panic. */
    public int exitCode() {
        return 2;
    }
}
