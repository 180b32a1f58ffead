// Tests for goroutine creation, ids, exit and reuse, park/ready and Gosched
// (proc.go: newproc, newproc1, goexit0, gfput/gfget, gopark, goready, Gosched).
package glassgo.runtime.sched;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class GoroutineLifecycleTest {

    @Test
    void mainIsGoroutineOneAndRunsToCompletion() throws Exception {
        AtomicReference<Long> id = new AtomicReference<>();
        GoRuntime.run(1, () -> id.set(GoRuntime.getg().goid()));
        assertThat(id.get()).isEqualTo(1L);
    }

    @Test
    void goidsComeFromPerPBatchesOfSixteen() throws Exception {
        // GOMAXPROCS=1: every goroutine is created on P0, whose cache holds 1..16, then 17..32.
        List<Long> ids = Collections.synchronizedList(new ArrayList<>());
        GoRuntime.run(1, () -> {
            Sema done = new Sema(0);
            for (int i = 0; i < 20; i++) {
                ids.add(GoRuntime.go(done::release).goid());
            }
            for (int i = 0; i < 20; i++) {
                done.acquire();
            }
        });
        List<Long> expected = new ArrayList<>();
        for (long i = 2; i <= 21; i++) {
            expected.add(i);
        }
        assertThat(ids).isEqualTo(expected);
    }

    @Test
    void goidsAreUniqueAcrossPs() throws Exception {
        List<Long> ids = Collections.synchronizedList(new ArrayList<>());
        GoRuntime.run(4, () -> {
            Sema done = new Sema(0);
            for (int i = 0; i < 50; i++) {
                GoRuntime.go(() -> {
                    for (int j = 0; j < 10; j++) {
                        ids.add(GoRuntime.go(done::release).goid());
                    }
                    done.release();
                });
            }
            for (int i = 0; i < 550; i++) {
                done.acquire();
            }
        });
        assertThat(ids).hasSize(500).doesNotHaveDuplicates();
    }

    @Test
    void newGoroutineRunsNextAndOthersInFifoOrderOnOneP() throws Exception {
        // Go 1.19, GOMAXPROCS=1: 5 goroutines started in a loop, then main blocks → "4 0 1 2 3".
        List<Integer> order = Collections.synchronizedList(new ArrayList<>());
        GoRuntime.run(1, () -> {
            Sema done = new Sema(0);
            for (int i = 0; i < 5; i++) {
                int n = i;
                GoRuntime.go(() -> {
                    order.add(n);
                    done.release();
                });
            }
            for (int i = 0; i < 5; i++) {
                done.acquire();
            }
        });
        assertThat(order).containsExactly(4, 0, 1, 2, 3);
    }

    @Test
    void exitedGoroutinesAreReusedFromTheFreeList() throws Exception {
        AtomicInteger distinct = new AtomicInteger();
        GoRuntime.run(1, () -> {
            Sema done = new Sema(0);
            List<G> seen = new ArrayList<>();
            for (int round = 0; round < 10; round++) {
                for (int i = 0; i < 10; i++) {
                    G g = GoRuntime.go(done::release);
                    if (seen.stream().noneMatch(s -> s == g)) {
                        seen.add(g);
                    }
                }
                for (int i = 0; i < 10; i++) {
                    done.acquire();
                }
            }
            distinct.set(seen.size());
        });
        // 100 goroutines ran, at most 10 alive at once: the G objects were recycled.
        assertThat(distinct.get()).isLessThanOrEqualTo(11);
    }

    @Test
    void goschedLetsTheOtherGoroutineRunOnOneP() throws Exception {
        List<String> trace = Collections.synchronizedList(new ArrayList<>());
        GoRuntime.run(1, () -> {
            // main started from runnext, so P0's schedtick is still 0 and the 1-in-61 fairness
            // check would hand a Gosched'ed G straight back; one Gosched moves the tick to 1.
            GoRuntime.gosched();
            Sema done = new Sema(0);
            GoRuntime.go(() -> {
                for (int i = 0; i < 3; i++) {
                    trace.add("b" + i);
                    GoRuntime.gosched();
                }
                done.release();
            });
            for (int i = 0; i < 3; i++) {
                trace.add("a" + i);
                GoRuntime.gosched();
            }
            done.acquire();
        });
        assertThat(trace).containsExactly("a0", "b0", "a1", "b1", "a2", "b2");
    }

    @Test
    void parkedGoroutineHasItsWaitReasonAndResumesWhenReadied() throws Exception {
        AtomicReference<String> header = new AtomicReference<>();
        AtomicReference<String> after = new AtomicReference<>();
        GoRuntime.run(2, () -> {
            Sema parked = new Sema(0);
            G waiter = GoRuntime.go(() -> {
                GoRuntime.gopark(g -> {
                    parked.release();
                    return true;
                }, WaitReason.waitReasonChanReceive);
                after.set("resumed");
            });
            parked.acquire();
            header.set(waiter.tracebackHeader());
            GoRuntime.goready(waiter);
            while (after.get() == null) {
                GoRuntime.gosched();
            }
        });
        assertThat(header.get()).isEqualTo("goroutine 2 [chan receive]:");
        assertThat(after.get()).isEqualTo("resumed");
    }

    @Test
    void unlockfReturningFalseResumesTheGoroutineAtOnce() throws Exception {
        AtomicInteger resumed = new AtomicInteger();
        GoRuntime.run(1, () -> {
            GoRuntime.gopark(g -> false, WaitReason.waitReasonSelect);
            resumed.incrementAndGet();
        });
        assertThat(resumed.get()).isEqualTo(1);
    }

    @Test
    void readyingARunningGoroutineIsAFatalError() {
        assertThatThrownBy(() -> GoRuntime.run(1, () -> GoRuntime.goready(GoRuntime.getg())))
                .isInstanceOf(FatalError.class)
                .hasMessageContaining("bad g->status in ready");
    }

    @Test
    void aThrowingBodyEndsTheProgramLikeAnUnrecoveredPanic() {
        assertThatThrownBy(() -> GoRuntime.run(2, () -> {
            GoRuntime.go(() -> {
                throw new ArithmeticException("integer divide by zero");
            });
            new Sema(0).acquire();
        })).isInstanceOf(GoroutinePanic.class)
                .hasCauseInstanceOf(ArithmeticException.class)
                .satisfies(e -> assertThat(((GoroutinePanic) e).goid()).isEqualTo(2));
    }

    @Test
    void apiCallsOutsideAGoroutineAreRejected() {
        assertThatThrownBy(() -> GoRuntime.go(() -> { }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("must be called from a goroutine");
        GoRuntime.preemptPoll(); // a no-op outside goroutines
    }
}
