// The lab workloads at the sizes docs/lab.md measures, behind -Dglassgo.long=true: results still exact.
package glassgo.cli.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

@EnabledIfSystemProperty(named = "glassgo.long", matches = "true")
class LabLongTest {
    static final LabEnv TWO_PS = LabEnv.from(Map.of("GOMAXPROCS", "2"));

    @Test
    void bintreeDepth16() throws Exception {
        BinaryTrees w = new BinaryTrees();
        w.depth = 16;
        LabReport r = LabWorkloadsTest.run(w, TWO_PS);
        assertThat(r.results().get("stretch")).isEqualTo(LabWorkloadsTest.nodes(17));
        for (int d = 4; d <= 16; d += 2) {
            assertThat(r.results().get("depth" + d)).isEqualTo((1L << (16 - d + 4)) * LabWorkloadsTest.nodes(d));
        }
        assertThat(r.stats().gcCycles()).isPositive();
    }

    @Test
    void churn64MBMillionOps() throws Exception {
        Churn w = new Churn();
        w.sizes = new long[] {16, 64, 512, 4096, 40000};
        LabReport r = LabWorkloadsTest.run(w, TWO_PS);
        long slots = (Long) r.results().get("slots");
        assertThat(r.stats().memStats().mallocs()).isEqualTo(slots + w.ops);
        assertThat(r.peakHeapLive()).isGreaterThanOrEqualTo(64L << 20);
        assertThat(r.stats().gcCycles()).isPositive();
    }

    @Test
    void pingpongMillionExchangesOnFourPairs() throws Exception {
        PingPong w = new PingPong();
        w.n = 250_000;
        w.pairs = 4;
        LabReport r = LabWorkloadsTest.run(w, TWO_PS);
        assertThat(r.results()).containsEntry("exchanges", 1_000_000L).containsEntry("wrong", 0L);
    }
}
