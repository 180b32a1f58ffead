package glassgo.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code glassgo} command: the same verbs, flags, environment variables and exit codes as the
 * {@code go} command where the two overlap. Each verb is its own class in this package.
 *
 * <p>Exit codes follow Go's: 0 success, 1 for errors found in the user's program, 2 for a usage
 * error (and for a Go panic, once programs run). A fault inside glassgo itself is reported as
 * {@code glassgo: internal error: ...} with exit status 3, never as a bare Java stack trace.
 */
@Command(
        name = "glassgo",
        mixinStandardHelpOptions = true,
        version = "glassgo 0.1.0 (Go 1.19 language and runtime)",
        description = "A Go toolchain and runtime you can watch.",
        subcommands = {EnvCommand.class, CheckCommand.class, BuildCommand.class, LabCommand.class, RunCommand.class})
public final class Main implements Runnable {
    public static final int EXIT_USAGE = 2;
    public static final int EXIT_INTERNAL = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
        throw new CommandLine.ParameterException(spec.commandLine(), "no command given");
    }

    public static void main(String[] args) {
        // last resort: a fault on any thread (an M, a GC worker) is one line, never a Java stack trace
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> {
            internalError(e);
            Runtime.getRuntime().halt(EXIT_INTERNAL);
        });
        int status;
        try {
            status = execute(args);
        } catch (Throwable e) {
            internalError(e);
            status = EXIT_INTERNAL;
        }
        System.exit(status);
    }

    /**
     * {@code glassgo: internal error: <exception> at <frame>}: one line; the Java stack trace only with
     * GLASSGO_DEBUG=1 (for whoever fixes glassgo, not for its users).
     */
    static void internalError(Throwable e) {
        StackTraceElement[] st = e.getStackTrace();
        System.err.println("glassgo: internal error: " + e + (st.length > 0 ? " at " + st[0] : ""));
        if (System.getenv("GLASSGO_DEBUG") != null && !System.getenv("GLASSGO_DEBUG").isEmpty()) {
            e.printStackTrace();
        }
        System.err.flush();
    }

    /** Runs the command line and returns its exit status; never lets a Java exception escape. */
    public static int execute(String... args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setParameterExceptionHandler((ex, a) -> {
            System.err.println("glassgo: " + ex.getMessage());
            System.err.println("Run 'glassgo help' or 'glassgo -h' for usage.");
            return EXIT_USAGE;
        });
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            internalError(ex);
            return EXIT_INTERNAL;
        });
        cl.addSubcommand("help", new CommandLine.HelpCommand());
        return cl.execute(args);
    }
}
