// Shared set-up for the maps tests: a mutator with the classic collector attached in a stress mode, and
// small helpers to build keys in native memory.
package glassgo.runtime.maps;

import glassgo.runtime.gc.GcSettings;
import glassgo.runtime.gc.classic.ClassicCollector;
import glassgo.runtime.malloc.GoType;
import glassgo.runtime.mutator.Body;
import glassgo.runtime.mutator.Mutator;

import java.io.OutputStream;
import java.io.PrintStream;

final class MapTestSupport {
    static final GoType INT64 = GoType.noscan("int64", 8);
    static final GoType FLOAT64 = GoType.noscan("float64", 8);
    static final GoType STRING = GoType.withPointers("string", 16, 0);
    static final GoType PTR = GoType.withPointers("*node", 8, 0);
    /** type node struct { val int64; pad [16]byte } — heap values only a map refers to. */
    static final GoType NODE = GoType.noscan("node", 24);

    static final MapType INT_INT = MapType.of("map[int64]int64", INT64, new Alg.Mem(8), INT64);
    static final MapType STR_PTR = MapType.of("map[string]*node", STRING, new Alg.Str(), PTR);
    static final MapType FLOAT_INT = MapType.of("map[float64]int64", FLOAT64, new Alg.F64(), INT64);

    private MapTestSupport() {
    }

    /** Mutator statistics and the number of collector cycles of one run. */
    record Run(Mutator.Stats stats, int gcCycles) {}

    /**
     * Runs {@code body} as goroutine 1 with the collector attached: a cycle every {@code gcstress}
     * allocations, freed memory poisoned, the heap verified after each cycle.
     */
    static Run runWithCollector(int procs, int gcstress, Body body) throws InterruptedException {
        return runWithCollector(procs, "gcstress=" + gcstress, body);
    }

    /** The same with further GODEBUG settings, e.g. {@code gcstoptheworld=1,gcstress=100}. */
    static Run runWithCollector(int procs, String godebug, Body body) throws InterruptedException {
        GcSettings s = GcSettings.defaults().withGodebug("gcpoison=1,gcverify=1," + godebug);
        try (Mutator mu = Mutator.create(new Mutator.Config(procs, 1L << 30, 11))) {
            ClassicCollector c = ClassicCollector.attach(mu, s, new PrintStream(OutputStream.nullOutputStream()));
            mu.run(body);
            return new Run(mu.stats(), c.numGC());
        }
    }

    /** Runs without a collector (tests of pure map logic). */
    static void run(Body body) throws InterruptedException {
        try (Mutator mu = Mutator.create(new Mutator.Config(1, 1L << 30, 5))) {
            mu.run(body);
        }
    }
}
