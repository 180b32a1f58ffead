// The order in which one P runs 300 new goroutines, against Go 1.19's observed order
// (GOMAXPROCS=1, 300 goroutines started in a loop, then main blocks): the newest from
// runnext, then the local ring FIFO, with one G from the global queue at every 61st
// schedtick, then the rest of the global queue (filled by runqputslow when the ring overflowed).
package glassgo.runtime.sched;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FairnessTest {

    @Test
    void threeHundredGoroutinesRunInGosOrderWithTheSixtyOneTickGlobalCheck() throws Exception {
        int n = 300;
        List<Integer> order = Collections.synchronizedList(new ArrayList<>());
        GoRuntime.run(1, () -> {
            // In Go, runtime.main's own goroutines (forcegc, bgsweep, ...) have moved P0's
            // schedtick past 0 before main.main runs; glassgo has none yet, so one Gosched
            // does it (at tick 0 the 61-tick check would fire at once).
            GoRuntime.gosched();
            Sema done = new Sema(0);
            for (int i = 0; i < n; i++) {
                int id = i;
                GoRuntime.go(() -> {
                    order.add(id);
                    done.release();
                });
            }
            for (int i = 0; i < n; i++) {
                done.acquire();
            }
        });
        // Go 1.19 printed: 299, then 128…255, 257…298 from the ring with 0 and 1 at positions
        // 54 and 115, then 2…127 and finally 256.
        List<Integer> ring = new ArrayList<>(IntStream.rangeClosed(128, 255).boxed().toList());
        ring.addAll(IntStream.rangeClosed(257, 298).boxed().toList());
        List<Integer> global = new ArrayList<>(IntStream.rangeClosed(0, 127).boxed().toList());
        global.add(256);

        assertThat(order).hasSize(n);
        assertThat(order.get(0)).isEqualTo(299);
        assertThat(order.stream().filter(ring::contains).toList()).isEqualTo(ring);
        assertThat(order.stream().filter(global::contains).toList()).isEqualTo(global);

        int lastRing = order.indexOf(298);
        List<Integer> fairPositions = new ArrayList<>();
        for (int pos = 0; pos < lastRing; pos++) {
            if (global.contains(order.get(pos))) {
                fairPositions.add(pos);
            }
        }
        assertThat(fairPositions).hasSizeBetween(2, 3);
        for (int i = 1; i < fairPositions.size(); i++) {
            assertThat(fairPositions.get(i) - fairPositions.get(i - 1)).isEqualTo(61);
        }
        assertThat(order.subList(lastRing + 1, n)).isEqualTo(global.subList(fairPositions.size(), global.size()));
    }
}
