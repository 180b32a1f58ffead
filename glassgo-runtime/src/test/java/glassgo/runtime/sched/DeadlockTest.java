// Tests of checkdead (proc.go): Go's deadlock message and goroutine dump headers when
// no goroutine can ever run again, and no report while a sleeper's timer is pending.
package glassgo.runtime.sched;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class DeadlockTest {

    @Test
    void mainBlockedForeverIsReportedWithGosExactText() {
        FatalError e = catchThrowableOfType(FatalError.class,
                () -> GoRuntime.run(2, () -> new UnbufferedChan<Integer>().recv()));
        assertThat(e.getMessage()).isEqualTo("all goroutines are asleep - deadlock!");
        assertThat(e.report()).isEqualTo(
                "fatal error: all goroutines are asleep - deadlock!\n\ngoroutine 1 [chan receive]:\n");
        assertThat(e.exitCode()).isEqualTo(2);
    }

    @Test
    void everyBlockedGoroutineIsListedInCreationOrderWithItsWaitReason() {
        FatalError e = catchThrowableOfType(FatalError.class, () -> GoRuntime.run(1, () -> {
            UnbufferedChan<Integer> c = new UnbufferedChan<>();
            Sema sema = new Sema(0);
            GoRuntime.go(() -> c.send(1));
            GoRuntime.go(sema::acquire);
            GoRuntime.go(() -> GoRuntime.park(WaitReason.waitReasonSelectNoCases));
            GoRuntime.go(() -> { }); // exits: dead Gs are not part of the dump
            new Sema(0).acquire();
        }));
        assertThat(e.goroutineHeaders()).containsExactly(
                "goroutine 1 [semacquire]:",
                "goroutine 2 [chan send]:",
                "goroutine 3 [semacquire]:",
                "goroutine 4 [select (no cases)]:");
    }

    @Test
    void aPendingSleepIsNotADeadlock() throws Exception {
        AtomicReference<Integer> got = new AtomicReference<>();
        GoRuntime.run(2, () -> {
            UnbufferedChan<Integer> c = new UnbufferedChan<>();
            GoRuntime.go(() -> {
                GoRuntime.sleep(30_000_000L);
                c.send(42);
            });
            got.set(c.recv());
        });
        assertThat(got.get()).isEqualTo(42);
    }

    @Test
    void deadlockAfterTheLastSleeperIsStillDetected() {
        assertThatThrownBy(() -> GoRuntime.run(1, () -> {
            GoRuntime.sleep(5_000_000L);
            new Sema(0).acquire();
        })).isInstanceOf(FatalError.class)
                .hasMessage("all goroutines are asleep - deadlock!");
    }
}
