// RuntimeFault: an unrecoverable runtime error, Go's throw(). Mirrors runtime/panic.go's throw and
// fatal paths: Go prints optional diagnostic lines, then "fatal error: <msg>", and exits with status 2.
package glassgo.runtime.mem;

/**
 * Thrown where Go's runtime calls {@code throw(msg)}. It is not a Java {@link Error}: a caller (the
 * CLI, a test) catches it and prints {@link #goText()} exactly as Go would, then exits with
 * {@link #EXIT_STATUS}. {@link #getMessage()} is the bare {@code msg}, unique and searchable.
 */
public final class RuntimeFault extends RuntimeException {
    /** Go exits with status 2 after a fatal error. */
    public static final int EXIT_STATUS = 2;

    private final String preceding;

    /** A fault with no diagnostic lines before the "fatal error" line. */
    public RuntimeFault(String msg) {
        this("", msg);
    }

    /** {@code preceding} is what Go prints before the fatal line (each line ending in '\n'), e.g. the out-of-memory detail. */
    public RuntimeFault(String preceding, String msg) {
        super(msg, null, false, false);
        this.preceding = preceding;
    }

    /** The text Go writes to stderr for this fault, without the goroutine traceback. */
    public String goText() {
        return preceding + "fatal error: " + getMessage() + "\n";
    }
}
