package glassgo.compiler.syntax;

import java.util.Comparator;

/** A reported error: where and what. Prints as {@code file:line:col: message}, the form gc uses. */
public record Diagnostic(Position pos, String message) {
    @Override
    public String toString() {
        return pos + ": " + message;
    }

    /**
     * The order in which gc prints one file's diagnostics (cmd/compile/internal/base FlushErrors):
     * by position base (each {@code //line} directive starts a new one), then line, then column.
     */
    public static Comparator<Diagnostic> gcOrder(SourceFile file) {
        return Comparator.comparingInt((Diagnostic d) -> file.lineBaseIndex(d.pos().offset()))
                .thenComparingInt(d -> d.pos().line())
                .thenComparingInt(d -> d.pos().column());
    }
}
