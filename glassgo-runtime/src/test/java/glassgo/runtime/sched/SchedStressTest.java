// Seeded stress of the whole scheduler: many goroutines doing random Gosched, sleeps,
// semaphore parks/readies, spawns and preemption polls on 1..4 Ps. Every goroutine must run
// exactly once to completion, every planned action must happen exactly once, and no
// semaphore token may be lost or duplicated.
package glassgo.runtime.sched;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SchedStressTest {

    /** What one stress run did, for the assertions. */
    record Outcome(int spawned, AtomicIntegerArray runs, long actionsDone, long actionsPlanned,
                   int tokensLeft, int tokens) {
    }

    static Outcome stress(int gomaxprocs, long seed, int workers, int actionsPerWorker) throws Exception {
        int maxGoroutines = workers * (1 + actionsPerWorker);
        AtomicIntegerArray runs = new AtomicIntegerArray(maxGoroutines);
        AtomicInteger nextIndex = new AtomicInteger();
        AtomicLong done = new AtomicLong();
        int tokens = Math.max(1, workers / 4);
        Sema pool = new Sema(tokens);
        // Plan every worker's actions up front from the seed, so the expected count is known.
        int[][] plan = new int[workers][actionsPerWorker];
        Random rnd = new Random(seed);
        long planned = 0;
        for (int[] p : plan) {
            for (int i = 0; i < p.length; i++) {
                p[i] = rnd.nextInt(6);
                planned += p[i] == 4 ? 2 : 1; // a spawn also counts the child's own action
            }
        }
        int[] spawned = new int[1];
        GoRuntime.run(gomaxprocs, seed, () -> {
            Sema finished = new Sema(0);
            AtomicInteger outstanding = new AtomicInteger();
            for (int w = 0; w < workers; w++) {
                int[] actions = plan[w];
                long wseed = seed * 31 + w;
                outstanding.incrementAndGet();
                int idx = nextIndex.getAndIncrement();
                GoRuntime.go(() -> {
                    runs.incrementAndGet(idx);
                    Random r = new Random(wseed);
                    for (int a : actions) {
                        switch (a) {
                            case 0 -> GoRuntime.gosched();
                            case 1 -> GoRuntime.sleep(r.nextInt(200_000));
                            case 2 -> {
                                pool.acquire();
                                if (r.nextBoolean()) {
                                    GoRuntime.gosched();
                                }
                                pool.release();
                            }
                            case 3 -> {
                                for (int i = 0; i < 1000; i++) {
                                    GoRuntime.preemptPoll();
                                }
                            }
                            case 4 -> {
                                outstanding.incrementAndGet();
                                int cidx = nextIndex.getAndIncrement();
                                GoRuntime.go(() -> {
                                    runs.incrementAndGet(cidx);
                                    pool.acquire();
                                    pool.release();
                                    done.incrementAndGet();
                                    if (outstanding.decrementAndGet() == 0) {
                                        finished.release();
                                    }
                                });
                            }
                            default -> {
                                // a plain step: no scheduler call
                            }
                        }
                        done.incrementAndGet();
                    }
                    if (outstanding.decrementAndGet() == 0) {
                        finished.release();
                    }
                });
            }
            finished.acquire();
            spawned[0] = nextIndex.get();
        });
        return new Outcome(spawned[0], runs, done.get(), planned, pool.count(), tokens);
    }

    private static void check(Outcome o) {
        for (int i = 0; i < o.spawned(); i++) {
            assertThat(o.runs().get(i)).as("runs of goroutine #%d", i).isEqualTo(1);
        }
        assertThat(o.actionsDone()).isEqualTo(o.actionsPlanned());
        assertThat(o.tokensLeft()).isEqualTo(o.tokens());
    }

    @ParameterizedTest(name = "GOMAXPROCS={0} seed={1}")
    @CsvSource({"1, 1", "2, 2", "3, 3", "4, 4"})
    void randomParkReadyGoschedSleepSpawnLosesAndDuplicatesNothing(int procs, long seed) throws Exception {
        check(stress(procs, seed, 200, 100));
    }

    @Test
    @EnabledIfSystemProperty(named = "glassgo.long", matches = "true")
    void longStressOverManySeeds() throws Exception {
        for (long seed = 10; seed < 30; seed++) {
            check(stress(1 + (int) (seed % 4), seed, 1000, 300));
        }
    }
}
