// Exec: the entry point of an executable written by `glassgo build` (Go's rt0 → runtime.main for a linked
// binary): reads the compiled program from its own jar and runs it as `glassgo run` would.
package glassgo.cli;

import glassgo.runtime.mutator.Print;

/** {@code main}: run the program in this executable's jar; exit with its status. */
public final class Exec {
    private Exec() {}

    public static void main(String[] args) {
        int status;
        try {
            status = RunCommand.execute(Executable.read(Exec.class.getClassLoader()), System.getenv(), System.err, false);
        } catch (java.io.IOException e) {
            System.err.println("glassgo: " + e.getMessage());
            status = Main.EXIT_INTERNAL;
        }
        Print.flush();
        System.exit(status);
    }
}
