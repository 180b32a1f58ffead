// Tests of stop-the-world (proc.go: stopTheWorldWithSema/startTheWorldWithSema, gcstopm,
// preemptall): every P reaches _Pgcstop at a safepoint, nothing runs while stopped, and
// stopping is fast even with every P busy. Issue bar 4 (p99 < 1ms over 1000 stops) is judged on
// a goroutine stopping the world, as Go's collector does; a thread outside the program is a third
// thread competing with both Ms for two CPUs, so its figure is printed, not judged.
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
    void aThreadOutsideTheProgramCanStopTwoBusyPs() throws Exception {
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
    }

    /**
     * Issue bar 4 as Go would see it: the stop is made by a goroutine holding one of the two Ps (as the
     * collector's is), while goroutines in tight loops keep both Ps busy whenever the stopper yields.
     * After each stop the stopper gives its P back to a loop (gosched) and regains one only when sysmon
     * preempts a loop, so each stop finds the other P in the middle of a long-running loop.
     */
    @Test
    void aGoroutineStoppingTwoBusyPsHasP99UnderOneMillisecond() throws Exception {
        int stops = Boolean.getBoolean("glassgo.long") ? 1000 : 100;
        long[] ns = new long[stops];
        AtomicLong frozen = new AtomicLong();
        GoRuntime.run(2, () -> {
            AtomicBoolean stop = new AtomicBoolean();
            AtomicLong[] counts = {new AtomicLong(), new AtomicLong()};
            Sema done = new Sema(0);
            for (AtomicLong c : counts) {
                GoRuntime.go(() -> {
                    G me = GoRuntime.getg();
                    while (!stop.get()) {
                        c.incrementAndGet();
                        GoRuntime.preemptPoll(me);
                    }
                    done.release();
                });
            }
            while (counts[0].get() == 0 || counts[1].get() == 0) {
                GoRuntime.gosched();
            }
            Sched s = GoRuntime.currentSched();
            for (int i = 0; i < stops; i++) {
                long t0 = System.nanoTime();
                GoRuntime.stopTheWorld(s, "test");
                ns[i] = System.nanoTime() - t0;
                long a0 = counts[0].get();
                long b0 = counts[1].get();
                long until = System.nanoTime() + 20_000;
                while (System.nanoTime() < until) {
                    Thread.onSpinWait();
                }
                if (counts[0].get() == a0 && counts[1].get() == b0) {
                    frozen.incrementAndGet();
                }
                GoRuntime.startTheWorld(s);
                GoRuntime.gosched();
            }
            stop.set(true);
            done.acquire();
            done.acquire();
        });
        long[] sorted = ns.clone();
        Arrays.sort(sorted);
        long p50 = sorted[stops / 2];
        long p99 = sorted[stops * 99 / 100];
        System.out.printf("stop-the-world from a goroutine, 2 busy Ps, %d stops: p50 %.1f µs, p99 %.1f µs, max %.1f µs (%s)%n",
                stops, p50 / 1e3, p99 / 1e3, sorted[stops - 1] / 1e3, MachineLoad.describe());
        assertThat(frozen.get()).as("stops during which no goroutine ran").isEqualTo(stops);
        assumeTrue(stops == 1000 && MachineLoad.judgeLatency(), "latency bar not judged: " + stops + " stops, "
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
