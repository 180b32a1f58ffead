// Tests of time.Sleep-style parking on per-P timers (time.go: timeSleep, resetForSleep,
// checkTimers; proc.go: findRunnable's netpoll wait for the next timer).
package glassgo.runtime.sched;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class SleepTest {

    @Test
    void sleepLastsAtLeastTheRequestedTime() throws Exception {
        List<Long> elapsed = Collections.synchronizedList(new ArrayList<>());
        GoRuntime.run(2, () -> {
            for (int i = 0; i < 5; i++) {
                long t0 = System.nanoTime();
                GoRuntime.sleep(2_000_000L);
                elapsed.add(System.nanoTime() - t0);
            }
        });
        assertThat(elapsed).hasSize(5).allSatisfy(ns -> assertThat(ns).isGreaterThanOrEqualTo(2_000_000L));
    }

    @Test
    void sleepersWakeInDeadlineOrder() throws Exception {
        List<Integer> order = Collections.synchronizedList(new ArrayList<>());
        GoRuntime.run(1, () -> {
            Sema done = new Sema(0);
            // Deadlines 50ms apart: timers that expire together are readied through runnext,
            // last one first (as in Go), so only well-separated deadlines have a fixed order.
            int[] ms = {160, 10, 110, 60};
            for (int i = 0; i < ms.length; i++) {
                int d = ms[i];
                GoRuntime.go(() -> {
                    GoRuntime.sleep(d * 1_000_000L);
                    order.add(d);
                    done.release();
                });
            }
            for (int i = 0; i < ms.length; i++) {
                done.acquire();
            }
        });
        assertThat(order).containsExactly(10, 60, 110, 160);
    }

    @Test
    void nonPositiveSleepReturnsAtOnceWithoutParking() throws Exception {
        List<String> reasons = new ArrayList<>();
        GoRuntime.run(1, () -> {
            GoRuntime.sleep(0);
            GoRuntime.sleep(-5);
            reasons.add(GoRuntime.getg().waitReason().toString());
        });
        assertThat(reasons).containsExactly("");
    }

    @Test
    void manySleepersOnManyPsAllWake() throws Exception {
        int n = 2000;
        java.util.concurrent.atomic.AtomicInteger woke = new java.util.concurrent.atomic.AtomicInteger();
        GoRuntime.run(4, () -> {
            Sema done = new Sema(0);
            java.util.Random rnd = new java.util.Random(3);
            for (int i = 0; i < n; i++) {
                long d = rnd.nextInt(5_000_000);
                GoRuntime.go(() -> {
                    GoRuntime.sleep(d);
                    woke.incrementAndGet();
                    done.release();
                });
            }
            for (int i = 0; i < n; i++) {
                done.acquire();
            }
        });
        assertThat(woke.get()).isEqualTo(n);
    }
}
