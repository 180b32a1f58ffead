// Tests of blocking calls (proc.go: entersyscallblock, handoffp, exitsyscall,
// exitsyscall0): a goroutine that blocks its thread gives its P away, is shown as
// "syscall", gets a P back afterwards, and an M in a syscall is never a deadlock.
package glassgo.runtime.sched;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class SyscallTest {

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aBlockedThreadHandsItsOnlyPToAnotherGoroutine() throws Exception {
        AtomicReference<String> seenStatus = new AtomicReference<>();
        AtomicBoolean blockerFinished = new AtomicBoolean();
        GoRuntime.run(1, () -> {
            CountDownLatch latch = new CountDownLatch(1);
            Sema done = new Sema(0);
            G blocker = GoRuntime.go(() -> {
                GoRuntime.syscall(() -> await(latch)); // blocks the M's thread for real
                blockerFinished.set(true);
                done.release();
            });
            // GOMAXPROCS=1: main only runs again if the blocker gave the P away.
            while (blocker.status() != G._Gsyscall) {
                GoRuntime.gosched();
            }
            seenStatus.set(blocker.tracebackHeader());
            latch.countDown();
            done.acquire();
        });
        assertThat(seenStatus.get()).isEqualTo("goroutine 2 [syscall]:");
        assertThat(blockerFinished.get()).isTrue();
    }

    @Test
    void aGoroutineInASyscallIsNotADeadlock() throws Exception {
        // main blocks in a "syscall" that a thread outside the program ends; another goroutine
        // is parked forever meanwhile. Go's checkdead counts the M in the syscall as running.
        AtomicBoolean returned = new AtomicBoolean();
        GoRuntime.run(2, () -> {
            GoRuntime.go(() -> GoRuntime.park(WaitReason.waitReasonSelectNoCases));
            CountDownLatch latch = new CountDownLatch(1);
            Thread outside = new Thread(() -> {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
                latch.countDown();
            });
            outside.start();
            GoRuntime.syscall(() -> await(latch));
            returned.set(true);
        });
        assertThat(returned.get()).isTrue();
    }

    @Test
    void schedulerCallsInsideABlockingCallAreRejected() throws Exception {
        AtomicReference<String> error = new AtomicReference<>();
        GoRuntime.run(1, () -> GoRuntime.syscall(() -> {
            try {
                GoRuntime.gosched();
            } catch (IllegalStateException e) {
                error.set(e.getMessage());
            }
        }));
        assertThat(error.get()).isEqualTo("gosched: goroutine 1 is syscall (inside a blocking call, it holds no P)");
    }

    @Test
    void manyGoroutinesBlockingAndReturningAllComplete() throws Exception {
        int n = 200;
        java.util.concurrent.atomic.AtomicInteger completed = new java.util.concurrent.atomic.AtomicInteger();
        GoRuntime.run(2, () -> {
            Sema done = new Sema(0);
            for (int i = 0; i < n; i++) {
                int d = i % 5;
                GoRuntime.go(() -> {
                    GoRuntime.syscall(() -> {
                        try {
                            Thread.sleep(d);
                        } catch (InterruptedException e) {
                            throw new IllegalStateException(e);
                        }
                    });
                    GoRuntime.gosched();
                    completed.incrementAndGet();
                    done.release();
                });
            }
            for (int i = 0; i < n; i++) {
                done.acquire();
            }
        });
        assertThat(completed.get()).isEqualTo(n);
    }
}
