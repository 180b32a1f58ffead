// FatalError: Go's throw()/fatal(): an unrecoverable runtime failure. Go prints
// "fatal error: <msg>", a blank line and the goroutine dump, then exits with status 2
// (panic.go: fatalthrow/fatalpanic). glassgo carries the same text in an exception so
// the CLI can print it and exit 2 without a Java stack trace.
package glassgo.runtime.sched;

import java.util.List;

/**
 * An unrecoverable runtime error. {@link #getMessage()} is the bare Go message (for
 * example {@code all goroutines are asleep - deadlock!}); {@link #report()} is the full
 * text Go writes to stderr; {@link #exitCode()} is 2, as in Go.
 */
public final class FatalError extends RuntimeException {
    private final List<String> goroutineHeaders;

    /** A fatal error with a dump of the given goroutine headers (may be empty). */
    public FatalError(String message, List<String> goroutineHeaders) {
        super(message, null, false, false);
        this.goroutineHeaders = List.copyOf(goroutineHeaders);
    }

    /** An invariant violation inside the scheduler (Go's {@code throw}): no dump. */
    public FatalError(String message) {
        this(message, List.of());
    }

    /** An invariant violation caused by an unexpected Java failure inside the scheduler. */
    FatalError(String message, Throwable cause) {
        super(message, cause, false, false);
        this.goroutineHeaders = List.of();
    }

    /** The goroutine headers of the dump, e.g. {@code goroutine 1 [chan receive]:}. */
    public List<String> goroutineHeaders() {
        return goroutineHeaders;
    }

    /**
     * Go's stderr text: {@code fatal error: msg}, then for each goroutine a blank line and
     * its header. glassgo has no frames to print yet, so each block is the header alone.
     */
    public String report() {
        StringBuilder sb = new StringBuilder("fatal error: ").append(getMessage()).append('\n');
        for (String h : goroutineHeaders) {
            sb.append('\n').append(h).append('\n');
        }
        return sb.toString();
    }

    /** The process exit status Go uses for a fatal error. */
    public int exitCode() {
        return 2;
    }
}
