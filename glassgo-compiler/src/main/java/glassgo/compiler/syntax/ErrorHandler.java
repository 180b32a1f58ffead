package glassgo.compiler.syntax;

/** Receives the scanner's and parser's diagnostics (go/scanner ErrorHandler), in source order. */
@FunctionalInterface
public interface ErrorHandler {
    void error(Position pos, String msg);
}
