// PlainError: a panic raised by the runtime with a fixed message, such as "assignment to entry in nil
// map" or "close of closed channel". Mirrors error.go's plainError: a runtime.Error whose Error() text
// has no "runtime error: " prefix.
package glassgo.runtime.maps;

/**
 * Thrown by runtime entry points as Go's {@code panic(plainError(msg))}. Its message is exactly Go's
 * text, so {@code panic: <message>} prints as Go prints it; compiled code's recover turns it into a
 * runtime.Error value once the panics package exists.
 */
public final class PlainError extends RuntimeException {
    public PlainError(String message) {
        super(message, null, false, false);
    }
}
