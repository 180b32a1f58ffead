// LabWorkload: the frame every `glassgo lab` workload runs in: read the Go environment, build a Mutator
// with GOMAXPROCS Ps and the collector attached, run the workload as goroutine 1, print its results and the
// summary, and turn a runtime fault into Go's "fatal error: ..." text with exit status 2.
package glassgo.cli.lab;

import glassgo.runtime.gc.Scavenger;
import glassgo.runtime.gc.classic.ClassicCollector;
import glassgo.runtime.mem.RuntimeFault;
import glassgo.runtime.mutator.Goroutine;
import glassgo.runtime.mutator.Mutator;
import glassgo.runtime.mutator.MutatorFault;
import glassgo.runtime.sched.FatalError;
import glassgo.runtime.sched.GoRuntime;
import glassgo.runtime.sched.GoroutinePanic;
import glassgo.runtime.sched.Sched;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Option;

/** Base of the workload subcommands; a subclass names itself and implements {@link #body}. */
public abstract class LabWorkload implements Callable<Integer> {
    @Option(names = "-heapcap", paramLabel = "MB", description = "Cap on the heap's address space, MB (default ${DEFAULT-VALUE}); exceeding it is Go's out-of-memory fatal error.")
    long heapCapMB = 64 * 1024;

    @Option(names = "-seed", description = "Seed of the workload's and the scheduler's random choices (default ${DEFAULT-VALUE}).")
    long seed = 1;

    /** The workload's name, as typed after {@code glassgo lab}. */
    protected abstract String name();

    /** Checks the flags; a message here is a usage error. */
    protected void validate() {}

    /** The workload, run as goroutine 1. Results go to {@code out}. */
    protected abstract void body(Goroutine g, Mutator mu, LabReport out);

    @Override
    public Integer call() {
        return execute(System.getenv(), System.out, System.err);
    }

    /** Parses the environment as Go's runtime does at start-up, then runs; returns the exit status. */
    public int execute(java.util.Map<String, String> vars, PrintStream out, PrintStream err) {
        LabEnv env;
        try {
            env = LabEnv.from(vars);
        } catch (IllegalArgumentException e) {
            // Go's readGOMEMLIMIT throws at start-up: the "GOMEMLIMIT=x" line, then the fatal error.
            String[] msg = e.getMessage().split("\n", 2);
            err.println(msg[0]);
            err.println("fatal error: " + msg[msg.length - 1]);
            return 2;
        }
        return execute(env, out, err);
    }

    /** Runs with the given environment and streams; returns the exit status. */
    public int execute(LabEnv env, PrintStream out, PrintStream err) {
        try {
            validate();
        } catch (IllegalArgumentException e) {
            err.println("glassgo lab " + name() + ": " + e.getMessage());
            return 2;
        }
        try {
            LabReport r = run(env, err);
            r.lines().forEach(out::println);
            out.println(r.summaryLine());
            out.println(r.noteLine());
            return 0;
        } catch (LabFailure f) {
            err.print(f.text);
            return 2;
        }
    }

    /** A fault turned into the text Go would print; the run's exit status is 2. */
    static final class LabFailure extends Exception {
        final String text;

        LabFailure(String text) {
            super(text, null, false, false);
            this.text = text;
        }
    }

    /**
     * Runs the workload with the collector attached (GOGC, GOMEMLIMIT, GODEBUG from {@code env}; gctrace lines
     * go to {@code traceOut}) and returns its report, or fails with Go's fatal-error text.
     */
    public LabReport run(LabEnv env, PrintStream traceOut) throws LabFailure {
        LabReport r = new LabReport();
        r.workload = name();
        r.env = env;
        Mutator mu = Mutator.create(new Mutator.Config(env.gomaxprocs(), heapCapMB << 20, seed));
        ClassicCollector gc = ClassicCollector.attach(mu, env.gcSettings(), traceOut);
        HeapPeaks peaks = new HeapPeaks(mu.heap());
        gc.onCycleEnd(peaks);
        // The peaks listener runs first, so peak-mapped is sampled before the scavenger releases anything.
        Scavenger scavenger = new Scavenger(mu.heap(), gc.pacer(), env.gomaxprocs()).start();
        gc.onCycleEnd(scavenger);
        boolean ok = false;
        SchedTracer[] holder = new SchedTracer[1];
        try {
            long t0 = System.nanoTime();
            mu.run(g -> {
                if (env.schedtraceMillis() > 0) {
                    holder[0] = SchedTracer.start(GoRuntime.currentSched(), env, traceOut, t0);
                }
                body(g, mu, r);
                peaks.sample();
            });
            r.wallNanos = System.nanoTime() - t0;
            r.stats = mu.stats();
            r.peakHeapLive = peaks.peakHeapLive();
            r.peakMapped = peaks.peakMapped();
            r.scavenged = scavenger.released();
            r.peakRssBytes = peakRss();
            ok = true;
            return r;
        } catch (FatalError | GoroutinePanic | RuntimeFault e) {
            throw new LabFailure(faultText(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LabFailure("fatal error: interrupted\n");
        } finally {
            if (holder[0] != null) {
                holder[0].halt();
            }
            scavenger.close(); // before the heap is closed: it must not touch unmapped memory
            if (ok) {
                mu.close();
            }
        }
    }

    /** The text Go prints for a runtime fault or a goroutine's panic. */
    static String faultText(RuntimeException e) {
        if (e instanceof FatalError fe) {
            return fe.report();
        }
        if (e instanceof RuntimeFault rf) {
            return rf.goText();
        }
        return e instanceof GoroutinePanic gp ? panicText(gp) : "fatal error: " + e + "\n";
    }

    private static String panicText(GoroutinePanic e) {
        Throwable c = e.getCause();
        if (c instanceof RuntimeFault rf) {
            return rf.goText();
        }
        if (c instanceof MutatorFault mf) {
            return mf.goText();
        }
        if (c instanceof FatalError fe) {
            return fe.report();
        }
        return "panic: " + c + "\n\ngoroutine " + e.goid() + " [running]:\n";
    }

    /** VmHWM of this process, from /proc/self/status (0 where there is no /proc). */
    static long peakRss() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }

    /** Prints Go's "SCHED" lines every GODEBUG=schedtrace milliseconds, from a plain thread, as sysmon does. */
    static final class SchedTracer extends Thread {
        private final Sched sched;
        private final LabEnv env;
        private final PrintStream out;
        private final long t0;
        private volatile boolean stopped;

        private SchedTracer(Sched sched, LabEnv env, PrintStream out, long t0) {
            super("glassgo-schedtrace");
            this.sched = sched;
            this.env = env;
            this.out = out;
            this.t0 = t0;
            setDaemon(true);
        }

        static SchedTracer start(Sched sched, LabEnv env, PrintStream out, long t0) {
            SchedTracer t = new SchedTracer(sched, env, out, t0);
            t.start();
            return t;
        }

        @Override
        public void run() {
            while (!stopped) {
                try {
                    Thread.sleep(env.schedtraceMillis());
                } catch (InterruptedException e) {
                    return;
                }
                if (!stopped) {
                    out.println("SCHED " + (System.nanoTime() - t0) / 1_000_000 + "ms: " + sched.schedtrace(env.scheddetail()));
                }
            }
        }

        void halt() {
            stopped = true;
            interrupt();
        }
    }
}
