// ErrorString: a run-time error panic raised by the runtime, such as "hash of unhashable type []int".
// Mirrors error.go's errorString, whose Error() is "runtime error: " + the text.
package glassgo.runtime.maps;

/**
 * Thrown as Go's {@code panic(errorString(text))}; {@link #getMessage()} is what Go prints after
 * {@code panic: }, prefix included.
 */
public final class ErrorString extends RuntimeException {
    public ErrorString(String text) {
        super("runtime error: " + text, null, false, false);
    }
}
