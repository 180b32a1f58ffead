// GcStressLab: `glassgo lab gcstress`, the collector's torture test from the command line. Mutator
// goroutines edit a shared object graph while cycles run back to back, and an oracle that ignores the
// collector's mark bits checks every cycle (glassgo.runtime.gc.stress.GcStress).
package glassgo.cli.lab;

import glassgo.runtime.gc.stress.GcStress;
import glassgo.runtime.gc.stress.PauseWorkload;
import glassgo.runtime.mem.RuntimeFault;
import glassgo.runtime.sched.FatalError;
import glassgo.runtime.sched.GoroutinePanic;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Ends with {@code gcstress: N ops, C cycles, F objects freed, V violations} and exits 0 only when the
 * oracle found nothing (V = 0), 1 otherwise. GOMAXPROCS, GOGC, GOMEMLIMIT and GODEBUG (gctrace,
 * gcstoptheworld, gcstress, gcpoison, gcverify) are read as docs/gc.md says.
 *
 * <p>With {@code -pauses}, runs the pause workload instead (glassgo.runtime.gc.stress.PauseWorkload): a live
 * heap of {@code -live} MB under steady allocation for {@code -cycles} cycles, then the p50/p99/max of the
 * sweep-termination and mark-termination pauses (gctrace's first and third clock fields).
 */
@Command(name = "gcstress", mixinStandardHelpOptions = true,
        description = "Random edits to a shared object graph under back-to-back GC cycles, checked by an independent oracle.")
public final class GcStressLab implements Callable<Integer> {
    @Option(names = "-ops", paramLabel = "N", description = "Graph edits in all (default ${DEFAULT-VALUE}).")
    long ops = 1_000_000;

    @Option(names = "-mutators", paramLabel = "M", description = "Mutator goroutines (default ${DEFAULT-VALUE}).")
    int mutators = 2;

    @Option(names = "-every", paramLabel = "K", description = "Also start a cycle every K allocations (GODEBUG gcstress=K); 0 = pacer only (default ${DEFAULT-VALUE}).")
    int every = 0;

    @Option(names = "-poison", description = "Fill freed objects with a pattern and check reads (GODEBUG gcpoison=1).")
    boolean poison;

    @Option(names = "-seed", description = "Seed of the mutators' random edits (default ${DEFAULT-VALUE}).")
    long seed = 1;

    @Option(names = "-pauses", description = "Measure stop-the-world pauses on a large live heap instead of the oracle run.")
    boolean pauses;

    @Option(names = "-live", paramLabel = "MB", description = "With -pauses: live heap in MB (default ${DEFAULT-VALUE}).")
    long liveMB = 200;

    @Option(names = "-cycles", paramLabel = "N", description = "With -pauses: cycles to measure (default ${DEFAULT-VALUE}).")
    int cycles = 100;

    @Override
    public Integer call() {
        if (pauses) {
            return pauses();
        }
        GcStress.Config cfg;
        try {
            cfg = GcStress.Config.forLab(ops, mutators, every, poison, seed, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("glassgo lab " + e.getMessage());
            return 2;
        }
        try {
            GcStress.Result r = GcStress.run(cfg, System.err);
            r.examples().forEach(System.out::println);
            System.out.println(r.line());
            return r.violations() == 0 ? 0 : 1;
        } catch (FatalError | GoroutinePanic | RuntimeFault e) {
            System.err.print(LabWorkload.faultText(e));
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            System.err.println("fatal error: interrupted");
            return 2;
        }
    }

    private int pauses() {
        if (liveMB < 1 || cycles < 1) {
            System.err.println("glassgo lab gcstress: -live and -cycles must be at least 1");
            return 2;
        }
        GcStress.Config base;
        try {
            base = GcStress.Config.forLab(1, Math.max(1, mutators), 0, poison, seed, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("glassgo lab " + e.getMessage());
            return 2;
        }
        try {
            PauseWorkload.Result r = PauseWorkload.run(new PauseWorkload.Config(liveMB << 20, cycles, base.mutators(),
                    base.gomaxprocs(), seed, base.settings()), System.err);
            r.lines().forEach(System.out::println);
            return 0;
        } catch (FatalError | GoroutinePanic | RuntimeFault e) {
            System.err.print(LabWorkload.faultText(e));
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            System.err.println("fatal error: interrupted");
            return 2;
        }
    }
}
