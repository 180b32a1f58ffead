// Tests of stop-the-world (proc.go: stopTheWorldWithSema/startTheWorldWithSema, gcstopm,
// preemptall): every P reaches _Pgcstop at a safepoint, nothing runs while stopped, and
// stopping is fast even with every P busy. Issue bar 4: p99 < 1ms over 1000 stops.
package glassgo.runtime.sched;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class StopTheWorldTest {

    @Test
    void stoppingTwoBusyPsThousandTimesHasP99UnderOneMillisecond() throws Exception {
        int stops = 1000;
        AtomicReference<Sched> schedRef = new AtomicReference<>();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong a = new AtomicLong();
        AtomicLong b = new AtomicLong();
        CompletableFuture<Void> program = CompletableFuture.runAsync(() -> {
            try {
                GoRuntime.run(2, () -> {
                    Sema done = new Sema(0);
                    for (AtomicLong c : new AtomicLong[] {a, b}) {
                        GoRuntime.go(() -> {
                            G me = GoRuntime.getg();
                            while (!stop.get()) {
                                c.incrementAndGet();
                                GoRuntime.preemptPoll(me);
                            }
                            done.release();
                        });
                    }
                    schedRef.set(GoRuntime.currentSched());
                    // Poll with sleeps: a goroutine parked for a thread outside the program
                    // to ready would be a deadlock by Go's rules once the loops end.
                    while (!stop.get()) {
                        GoRuntime.sleep(1_000_000L);
                    }
                    done.acquire();
                    done.acquire();
                });
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        while (schedRef.get() == null || a.get() == 0 || b.get() == 0) {
            Thread.onSpinWait();
        }
        Sched sched = schedRef.get();
        long[] ns = new long[stops];
        int frozen = 0;
        int done = 0;
        // On an overloaded machine a stop waits for the OS to run the Ms: bound the test's time.
        long giveUpAt = System.nanoTime() + 10_000_000_000L;
        for (int i = 0; i < stops && System.nanoTime() < giveUpAt; i++, done++) {
            if (program.isDone()) {
                program.get(); // surfaces the program's failure
            }
            long t0 = System.nanoTime();
            GoRuntime.stopTheWorld(sched, "test");
            ns[i] = System.nanoTime() - t0;
            for (P pp : sched.allp) {
                assertThat(pp.status()).isEqualTo(P._Pgcstop);
            }
            long a0 = a.get();
            long b0 = b.get();
            long until = System.nanoTime() + 20_000;
            while (System.nanoTime() < until) {
                Thread.onSpinWait();
            }
            if (a.get() == a0 && b.get() == b0) {
                frozen++;
            }
            GoRuntime.startTheWorld(sched);
            // Let the loops get their Ps back before the next stop.
            long a1 = a.get();
            long b1 = b.get();
            long deadline = System.nanoTime() + 10_000_000L;
            while ((a.get() == a1 || b.get() == b1) && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
        }
        stop.set(true);
        program.get(30, TimeUnit.SECONDS);
        long[] sorted = Arrays.copyOf(ns, done);
        Arrays.sort(sorted);
        long p50 = sorted[done / 2];
        long p99 = sorted[done * 99 / 100];
        System.out.printf("stop-the-world, 2 busy Ps, %d stops: p50 %.1f µs, p99 %.1f µs, max %.1f µs (%s)%n",
                done, p50 / 1e3, p99 / 1e3, sorted[done - 1] / 1e3, MachineLoad.describe());
        assertThat(frozen).as("stops during which no goroutine ran").isEqualTo(done);
        assumeTrue(done == stops && MachineLoad.judgeLatency(), "latency bar not judged: " + done + " stops, "
                + MachineLoad.describe());
        assertThat(p99).isLessThan(1_000_000L);
    }

    @Test
    void aGoroutineCanStopAndRestartTheWorldWhileOthersRun() throws Exception {
        AtomicLong stopped = new AtomicLong();
        AtomicLong during = new AtomicLong(-1);
        GoRuntime.run(3, () -> {
            AtomicBoolean stop = new AtomicBoolean();
            AtomicLong n = new AtomicLong();
            Sema done = new Sema(0);
            for (int i = 0; i < 2; i++) {
                GoRuntime.go(() -> {
                    while (!stop.get()) {
                        n.incrementAndGet();
                        GoRuntime.preemptPoll();
                    }
                    done.release();
                });
            }
            GoRuntime.sleep(1_000_000L);
            Sched s = GoRuntime.currentSched();
            for (int i = 0; i < 100; i++) {
                GoRuntime.stopTheWorld(s, "test");
                long before = n.get();
                long until = System.nanoTime() + 10_000;
                while (System.nanoTime() < until) {
                    Thread.onSpinWait();
                }
                if (n.get() == before) {
                    stopped.incrementAndGet();
                }
                GoRuntime.startTheWorld(s);
                GoRuntime.gosched();
            }
            during.set(n.get());
            stop.set(true);
            done.acquire();
            done.acquire();
        });
        assertThat(stopped.get()).isEqualTo(100);
        assertThat(during.get()).isPositive();
    }

    @Test
    void stoppingAnIdleWorldTakesTheIdlePsDirectly() throws Exception {
        GoRuntime.run(4, () -> {
            Sched s = GoRuntime.currentSched();
            GoRuntime.stopTheWorld(s, "test");
            for (P pp : s.allp) {
                assertThat(pp.status()).isEqualTo(P._Pgcstop);
            }
            GoRuntime.startTheWorld(s);
            assertThat(s.allp[0].status() == P._Prunning || s.allp[0].status() == P._Pidle).isTrue();
        });
    }

    @Test
    void goroutinesStoppingTheWorldAtOnceTakeTurnsWithoutLosingTheirP() throws Exception {
        // A stopper that waits for worldsema is rescheduled, maybe onto another P; it must
        // stop the world from the P it holds when it gets the sema (the lab's churn found this).
        int stoppers = 4;
        int rounds = 200;
        AtomicLong stops = new AtomicLong();
        GoRuntime.run(2, () -> {
            Sched s = GoRuntime.currentSched();
            Sema done = new Sema(0);
            for (int i = 0; i < stoppers; i++) {
                GoRuntime.go(() -> {
                    for (int r = 0; r < rounds; r++) {
                        GoRuntime.stopTheWorld(s, "test");
                        for (P pp : s.allp) {
                            assertThat(pp.status()).isEqualTo(P._Pgcstop);
                        }
                        stops.incrementAndGet();
                        GoRuntime.startTheWorld(s);
                        GoRuntime.gosched();
                    }
                    done.release();
                });
            }
            for (int i = 0; i < stoppers; i++) {
                done.acquire();
            }
        });
        assertThat(stops.get()).isEqualTo((long) stoppers * rounds);
    }
}
