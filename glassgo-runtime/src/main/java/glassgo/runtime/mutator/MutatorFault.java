// MutatorFault: a fatal error detected by the mutator runtime (Go's throw from stack or GC code).
package glassgo.runtime.mutator;

/**
 * Like {@link glassgo.runtime.mem.RuntimeFault}: {@link #goText()} is what Go prints, exit status 2.
 * {@link #getMessage()} is glassgo's unique, searchable description; {@code goMessage} the text after
 * "fatal error: ".
 */
public final class MutatorFault extends RuntimeException {
    private final String goMessage;

    public MutatorFault(String message, String goMessage) {
        super(message, null, false, false);
        this.goMessage = goMessage;
    }

    public String goText() {
        return getMessage() + "\nfatal error: " + goMessage + "\n";
    }
}
