// Tests for the collector under the gcstress workload and its independent oracle (the bar 1,
// at CI size; the large run is behind -Dglassgo.long=true).
package glassgo.runtime.gc;

import glassgo.runtime.gc.stress.GcStress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import static org.assertj.core.api.Assertions.assertThat;

class GcStressTest {
    private static GcStress.Result run(long ops, int mutators, int procs, long seed, String godebug, String gogc)
            throws InterruptedException {
        GcSettings s = GcSettings.defaults().withGcPercent(GcSettings.readGOGC(gogc)).withGodebug(godebug);
        GcStress.Result r = GcStress.run(new GcStress.Config(ops, mutators, procs, seed, s, GcStress.Sabotage.NONE), null);
        System.out.println(godebug + " GOGC=" + gogc + ": " + r.line() + " " + r.examples());
        return r;
    }

    @Test
    void stopTheWorldCollectorFreesNoReachableObjectAndEveryUnreachableOne() throws InterruptedException {
        GcStress.Result r = run(60_000, 2, 2, 1, "gcstoptheworld=1,gcpoison=1,gcverify=1,gcstress=2000", "10");
        assertThat(r.violations()).as("oracle violations: %s", r.examples()).isZero();
        assertThat(r.cycles()).isGreaterThan(10);
        assertThat(r.freed()).isGreaterThan(1000);
    }

    @Test
    void concurrentCollectorWithBarrierAndAssistsFreesNoReachableObject() throws InterruptedException {
        GcStress.Result r = run(60_000, 2, 2, 2, "gcpoison=1,gcverify=1,gcstress=2000", "10");
        assertThat(r.violations()).as("oracle violations: %s", r.examples()).isZero();
        assertThat(r.cycles()).isGreaterThan(10);
        assertThat(r.freed()).isGreaterThan(1000);
    }

    @Test
    void concurrentCollectorPacedByGogc10() throws InterruptedException {
        GcStress.Result r = run(60_000, 3, 2, 3, "gcpoison=1", "10");
        assertThat(r.violations()).as("oracle violations: %s", r.examples()).isZero();
        assertThat(r.cycles()).isGreaterThan(2);
    }

    @Test
    void oracleCatchesACollectorThatMissesTheGlobals() throws InterruptedException {
        GcSettings s = GcSettings.defaults().withGodebug("gcpoison=1,gcstress=500");
        GcStress.Result r;
        try {
            r = GcStress.run(new GcStress.Config(20_000, 2, 1, 4, s, GcStress.Sabotage.GLOBALS_NOT_SCANNED), null);
        } catch (RuntimeException fault) {
            // The collector's own invariants may trip over the dangling pointers first (a pointer to a
            // free slot gets marked); either way the bug was caught.
            java.io.StringWriter trace = new java.io.StringWriter();
            fault.printStackTrace(new java.io.PrintWriter(trace));
            assertThat(trace.toString()).containsAnyOf("marking free object", "more marked objects");
            return;
        }
        assertThat(r.violations()).as("a collector blind to globals must be caught").isPositive();
    }

    @Test
    void oracleCatchesConcurrentMarkingWithoutTheWriteBarrier() throws InterruptedException {
        // Without the barrier, objects moved behind the marker's wavefront during mark are lost. Whether a
        // run moves one at the wrong moment depends on timing, so try a few seeds, each longer, and
        // require that the sabotage is caught in at least one of them.
        GcSettings s = GcSettings.defaults().withGcPercent(10).withGodebug("gcpoison=1,gcstress=300");
        long violations = 0;
        for (int attempt = 0; attempt < 6 && violations == 0; attempt++) {
            try {
                GcStress.Result r = GcStress.run(new GcStress.Config(60_000L * (attempt + 1), 2, 2, 8 + attempt, s,
                        GcStress.Sabotage.NO_WRITE_BARRIER), null);
                violations = r.violations();
            } catch (RuntimeException fault) {
                java.io.StringWriter trace = new java.io.StringWriter();
                fault.printStackTrace(new java.io.PrintWriter(trace));
                assertThat(trace.toString()).containsAnyOf("marking free object", "more marked objects");
                return;
            }
        }
        assertThat(violations).as("marking without a barrier must be caught").isPositive();
    }

    @Test
    @EnabledIfSystemProperty(named = "glassgo.long", matches = "true")
    void longStressTenMillionOps() throws InterruptedException {
        GcStress.Result r = run(10_000_000, 4, 2, 5, "gcpoison=1", "10");
        assertThat(r.violations()).as("oracle violations: %s", r.examples()).isZero();
        GcStress.Result r2 = run(2_000_000, 2, 2, 6, "gcpoison=1,gcstress=1000", "100");
        assertThat(r2.violations()).as("oracle violations: %s", r2.examples()).isZero();
    }
}
