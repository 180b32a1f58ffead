// A token passed around a ring of goroutines with nothing but gopark/goready: the
// scheduler's hand-off path (runnext, inherited time slices, stealing) must deliver every
// token exactly once and in order. Issue bar 3: 10^5 goroutines × 100 laps.
package glassgo.runtime.sched;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

class TokenRingTest {

    /**
     * A one-slot mailbox built directly on park/ready: empty (null), a parked taker (its G)
     * or a token (a Long). The taker registers itself in gopark's unlockf — only once it is
     * _Gwaiting — and the unlockf refuses the park if the token arrived first.
     */
    static final class Mailbox {
        private final AtomicReference<Object> state = new AtomicReference<>();

        long take() {
            while (true) {
                if (state.get() instanceof Long v) {
                    state.set(null);
                    return v;
                }
                GoRuntime.gopark(g -> state.compareAndSet(null, g), WaitReason.waitReasonChanReceive);
            }
        }

        void put(long v) {
            while (true) {
                Object s = state.get();
                if (s == null) {
                    if (state.compareAndSet(null, v)) {
                        return;
                    }
                } else if (s instanceof G g) {
                    if (state.compareAndSet(g, v)) {
                        GoRuntime.goready(g);
                        return;
                    }
                } else {
                    throw new AssertionError("mailbox already holds a token");
                }
            }
        }
    }

    /** Runs the ring and returns the elapsed nanoseconds; asserts every hop. */
    static long runRing(int gomaxprocs, int n, int laps) throws Exception {
        AtomicInteger errors = new AtomicInteger();
        AtomicLong finalToken = new AtomicLong(-1);
        AtomicInteger[] seen = new AtomicInteger[1];
        seen[0] = new AtomicInteger();
        long t0 = System.nanoTime();
        GoRuntime.run(gomaxprocs, 11, () -> {
            Mailbox[] box = new Mailbox[n];
            for (int i = 0; i < n; i++) {
                box[i] = new Mailbox();
            }
            Mailbox last = new Mailbox();
            for (int i = 0; i < n; i++) {
                int me = i;
                GoRuntime.go(() -> {
                    for (int lap = 0; lap < laps; lap++) {
                        long v = box[me].take();
                        if (v != (long) lap * n + me) {
                            errors.incrementAndGet();
                        }
                        seen[0].incrementAndGet();
                        Mailbox next = me == n - 1 ? (lap == laps - 1 ? last : box[0]) : box[me + 1];
                        next.put(v + 1);
                    }
                });
            }
            box[0].put(0);
            finalToken.set(last.take());
        });
        long elapsed = System.nanoTime() - t0;
        assertThat(errors.get()).isZero();
        assertThat(seen[0].get()).isEqualTo(n * laps);
        assertThat(finalToken.get()).isEqualTo((long) n * laps);
        return elapsed;
    }

    @Test
    void smallRingOnEveryGomaxprocs() throws Exception {
        for (int procs = 1; procs <= 4; procs++) {
            runRing(procs, 1000, 20);
        }
    }

    private static void report(int procs, int n, int laps, long ns) {
        System.out.printf("token ring: %d goroutines x %d laps, GOMAXPROCS=%d: %.2f s, %.0f ns/hop%n",
                n, laps, procs, ns / 1e9, (double) ns / ((long) n * laps));
    }

    /** The default run: 10^5 goroutines, 10 laps (the full 100 laps take ~50 s on a loaded 2-CPU box). */
    @Test
    void hundredThousandGoroutinesPassTheTokenTenTimes() throws Exception {
        report(1, 100_000, 10, runRing(1, 100_000, 10));
    }

    @Test
    @EnabledIfSystemProperty(named = "glassgo.long", matches = "true")
    void hundredThousandGoroutinesPassTheTokenHundredTimes() throws Exception {
        report(1, 100_000, 100, runRing(1, 100_000, 100));
        report(2, 100_000, 100, runRing(2, 100_000, 100));
    }
}
