// Tests of the schedtrace/scheddetail text (proc.go: schedtrace), field by field in Go
// 1.19's order, on a scheduler whose state the test controls.
package glassgo.runtime.sched;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class SchedtraceTest {

    @Test
    void summaryLineListsEachPsRingLengthWithoutRunnext() {
        Sched s = new Sched(3, 0);
        P p1 = s.allp[1];
        for (int i = 0; i < 4; i++) {
            G g = new G(s);
            g.casgstatus(G._Gidle, G._Grunnable);
            p1.runqput(g, i == 3); // the last one goes to runnext: not counted
        }
        assertThat(s.schedtrace(false)).isEqualTo(
                "gomaxprocs=3 idleprocs=2 threads=0 spinningthreads=0 idlethreads=0 runqueue=0 [0 3 0]");
    }

    @Test
    void detailedFormHasOneLinePerPMAndGWithGosFields() throws Exception {
        AtomicReference<String> trace = new AtomicReference<>();
        GoRuntime.run(1, () -> {
            G sleeper = GoRuntime.go(() -> GoRuntime.sleep(20_000_000L));
            while (sleeper.status() != G._Gwaiting) {
                GoRuntime.gosched();
            }
            trace.set(GoRuntime.currentSched().schedtrace(true));
        });
        String[] lines = trace.get().split("\n");
        assertThat(lines[0]).matches("gomaxprocs=1 idleprocs=0 threads=1 spinningthreads=0 idlethreads=0 runqueue=\\d+ "
                + "gcwaiting=0 nmidlelocked=0 stopwait=0 sysmonwait=0");
        assertThat(lines[1]).matches("  P0: status=1 schedtick=\\d+ syscalltick=0 m=0 runqsize=0 gfreecnt=0 timerslen=1");
        assertThat(lines[2]).isEqualTo("  M0: p=0 curg=1 mallocing=0 throwing=0 preemptoff= locks=0 dying=0 "
                + "spinning=false blocked=false lockedg=-1");
        assertThat(lines[3]).isEqualTo("  G1: status=2() m=0 lockedm=-1");
        assertThat(lines[4]).isEqualTo("  G2: status=4(sleep) m=-1 lockedm=-1");
    }
}
