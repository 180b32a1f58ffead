// A place in a source file, printed as Go's token.Position (file:line:column).
package glassgo.compiler.build;

import java.nio.file.Path;

/** A 1-based line and byte column in a file; prints as {@code file:line:col} like Go's tools. */
public record Position(Path file, int line, int column) {
    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
