// GoPanic: a Go panic travelling up the JVM stack of a goroutine running compiled Go. Mirrors the
// _panic record of runtime/runtime2.go and gopanic's "panic: <value>" report (panic.go printpanics).
package glassgo.runtime.mutator;

/**
 * Thrown by compiled code for {@code panic(v)} and for run-time errors (index out of range, integer divide
 * by zero, nil dereference, ...). {@link #text} is what Go prints after {@code "panic: "}: for a run-time
 * error {@code "runtime error: ..."}, possibly followed by Go's {@code [signal ...]} line. The runtime's own
 * panics (maps, channels: {@link #plainError}, {@link #errorString}) are GoPanics too, so compiled code
 * recovers and reports them all one way; one that is not recovered ends the program with exit status 2.
 */
public final class GoPanic extends RuntimeException {
    private final String text;
    private final boolean runtimeError;

    public GoPanic(String text, boolean runtimeError) {
        super(text, null, false, false);
        this.text = text;
        this.runtimeError = runtimeError;
    }

    /**
     * Go's {@code panic(plainError(msg))}: a runtime.Error whose text has no "runtime error: " prefix, such as
     * "assignment to entry in nil map" or "close of closed channel" (error.go's plainError).
     */
    public static GoPanic plainError(String msg) {
        return new GoPanic(msg, true);
    }

    /** Go's {@code panic(errorString(text))}: a runtime.Error printed as "runtime error: " + text (error.go). */
    public static GoPanic errorString(String text) {
        return new GoPanic("runtime error: " + text, true);
    }

    /** What Go prints after "panic: ". */
    public String text() {
        return text;
    }

    public boolean runtimeError() {
        return runtimeError;
    }

    /** Go's report of an unrecovered panic, up to the goroutine header (no per-frame lines yet). */
    public String report(long goid, java.util.List<String> functions) {
        StringBuilder sb = new StringBuilder("panic: ").append(text);
        if (runtimeError && text.contains("nil pointer dereference")) {
            sb.append("\n[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x0]");
        }
        sb.append("\n\ngoroutine ").append(goid).append(" [running]:\n");
        for (String f : functions) {
            sb.append(f).append("(...)\n\t?:0\n");
        }
        return sb.toString();
    }
}
