package glassgo.compiler.syntax;

/** A reported error: where and what. Prints as {@code file:line:col: message}, the form gc uses. */
public record Diagnostic(Position pos, String message) {
    @Override
    public String toString() {
        return pos + ": " + message;
    }
}
