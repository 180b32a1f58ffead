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

    /** panic(v)'s value as an empty interface {type, data} (0, 0 for the runtime's own panics), for recover(). */
    private final long valueType, valueData;
    /** The stack that roots valueData while the panic is in flight, and its slot there. */
    private glassgo.runtime.stack.Stack holder;
    private int slot = -1;
    private final boolean carriesValue;

    public GoPanic(String text, boolean runtimeError) {
        super(text, null, false, false);
        this.text = text;
        this.runtimeError = runtimeError;
        this.valueType = 0;
        this.valueData = 0;
        this.carriesValue = false;
    }

    /** panic(v) from compiled Go: {@code text} is how Go prints v; the value stays rooted on {@code s}. */
    public GoPanic(String text, long valueType, long valueData, glassgo.runtime.stack.Stack s) {
        super(text, null, false, false);
        this.text = text;
        this.runtimeError = false;
        this.valueType = valueType;
        this.valueData = valueData;
        this.carriesValue = true;
        if (valueData != 0) {
            this.holder = s;
            this.slot = s.holdPanicArg(valueData);
        }
    }

    /** The panic this one interrupted (raised by a deferred call while that one was handled), or null. */
    private RuntimeException link;
    private boolean linkRecovered;

    void link(RuntimeException outer, boolean outerRecovered) {
        if (link == null) {
            link = outer;
            linkRecovered = outerRecovered;
        }
    }

    void unlink() {
        link = null;
        linkRecovered = false;
    }

    RuntimeException link() {
        return link;
    }

    boolean linkRecovered() {
        return linkRecovered;
    }

    /** Whether this panic carries a Go value (else recover() makes one from the text). */
    public boolean hasValue() {
        return carriesValue;
    }

    public long valueType() {
        return valueType;
    }

    /** The value's data word, no longer rooted by the panic (the caller stores it in Go memory at once). */
    public long takeValueData() {
        if (holder != null) {
            holder.releasePanicArg(slot);
            holder = null;
        }
        return valueData;
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
