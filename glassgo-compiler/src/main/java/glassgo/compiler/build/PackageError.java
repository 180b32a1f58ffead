// An error loading a package, printed as the go command prints it (cmd/go/internal/load.PackageError).
package glassgo.compiler.build;

import java.util.List;

/**
 * Why a package could not be loaded, with the chain of imports that led to it. Printed exactly as
 * the go command does:
 * <ul>
 *   <li>with a position and no need for the chain: {@code file:line:col: message};</li>
 *   <li>otherwise {@code package a\n\timports b\n\timports c: message}, the position (if any)
 *       on its own line after the chain (used for import cycles and internal packages).</li>
 * </ul>
 */
public record PackageError(List<String> importStack, Position pos, String message, boolean alwaysPrintStack,
                           boolean fromSource) {

    public PackageError {
        importStack = List.copyOf(importStack);
    }

    public PackageError(List<String> importStack, Position pos, String message, boolean alwaysPrintStack) {
        this(importStack, pos, message, alwaysPrintStack, false);
    }

    /**
     * A problem in the text of a file named on the command line (a malformed package clause or
     * import, conflicting package names) as the go command words it. A compiler that parses
     * those files anyway may report them in its own (gc's) words and skip this error.
     */
    public static PackageError inSource(String message) {
        return new PackageError(List.of(), null, message, false, true);
    }

    public static PackageError at(Position pos, String message) {
        return new PackageError(List.of(), pos, message, false);
    }

    public static PackageError withStack(List<String> stack, String message) {
        return new PackageError(stack, null, message, false);
    }

    @Override
    public String toString() {
        if (pos != null && !alwaysPrintStack) {
            return pos + ": " + message;
        }
        if (importStack.isEmpty()) {
            return message;
        }
        String optpos = pos != null ? "\n\t" + pos : "";
        return "package " + String.join("\n\timports ", importStack) + optpos + ": " + message;
    }
}
