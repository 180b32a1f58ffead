// SchedBench: JMH twins of Go's goroutine-switch benchmarks BenchmarkChanSync
// (runtime/chan_test.go) and BenchmarkPingPongHog (runtime/proc_test.go), written against
// glassgo's scheduler API with its minimal unbuffered channel.
package glassgo.bench.sched;

import glassgo.runtime.sched.G;
import glassgo.runtime.sched.GoRuntime;
import glassgo.runtime.sched.UnbufferedChan;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One benchmark per Go benchmark, named as Go's ({@code BenchmarkChanSync} → {@code ChanSync}).
 *
 * <p>Each invocation runs a whole glassgo program of {@code OPS} operations (Go's b.N), so the
 * program's start (M0, sysmon, the first Ms) is amortized into ns/op; Go excludes its setup
 * with b.ResetTimer, which makes these numbers slightly pessimistic for glassgo.
 *
 * <p>Goroutine bodies fetch their G once and pass it to the channel operations, as Go's
 * compiled code keeps g in a register instead of asking the thread on every operation.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = {"--add-exports", "java.base/jdk.internal.vm=ALL-UNNAMED"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
public class SchedBench {
    /** Go's b.N for one invocation of ChanSync. */
    static final int CHAN_SYNC_OPS = 100_000;
    /** Go's b.N for one invocation of PingPongHog. */
    static final int PING_PONG_OPS = 100_000;
    /** Go's CallsPerSched in benchmarkChanSync. */
    static final int CALLS_PER_SCHED = 1000;

    /**
     * Go's benchmarkChanSync(b, 0): two goroutines on GOMAXPROCS=2 (Go's default on the 2-CPU
     * box it is compared with) take chunks of 1000 iterations; in even chunks a goroutine
     * receives then sends on one unbuffered channel, in odd chunks it sends then receives.
     */
    @Benchmark
    @OperationsPerInvocation(CHAN_SYNC_OPS)
    public void ChanSync() throws InterruptedException {
        GoRuntime.run(2, () -> {
            int procs = 2;
            AtomicInteger n = new AtomicInteger(CHAN_SYNC_OPS / CALLS_PER_SCHED / procs * procs);
            UnbufferedChan<Boolean> c = new UnbufferedChan<>();
            UnbufferedChan<Integer> myc = new UnbufferedChan<>();
            Integer zero = 0;
            for (int p = 0; p < procs; p++) {
                GoRuntime.go(() -> {
                    G me = GoRuntime.getg();
                    while (true) {
                        int i = n.decrementAndGet();
                        if (i < 0) {
                            break;
                        }
                        for (int g = 0; g < CALLS_PER_SCHED; g++) {
                            if (i % 2 == 0) {
                                myc.recv(me);
                                myc.send(me, zero);
                            } else {
                                myc.send(me, zero);
                                myc.recv(me);
                            }
                        }
                    }
                    c.send(me, true);
                });
            }
            for (int p = 0; p < procs; p++) {
                c.recv();
            }
        });
    }

    /**
     * Go's BenchmarkPingPongHog: on GOMAXPROCS=1 a CPU hog spins on a non-blocking receive
     * (polling for preemption at its loop back-edge, as compiled code will) while two
     * goroutines ping-pong b.N times; measures hand-off through runnext under a hog.
     */
    @Benchmark
    @OperationsPerInvocation(PING_PONG_OPS)
    public void PingPongHog() throws InterruptedException {
        GoRuntime.run(1, () -> {
            UnbufferedChan<Boolean> stop = new UnbufferedChan<>();
            UnbufferedChan<Boolean> done = new UnbufferedChan<>();
            GoRuntime.go(() -> {
                G me = GoRuntime.getg();
                while (stop.tryRecv() == null) {
                    GoRuntime.preemptPoll(me);
                }
                done.send(true);
            });
            UnbufferedChan<Boolean> ping = new UnbufferedChan<>();
            UnbufferedChan<Boolean> pong = new UnbufferedChan<>();
            GoRuntime.go(() -> {
                G me = GoRuntime.getg();
                for (int j = 0; j < PING_PONG_OPS; j++) {
                    pong.send(me, ping.recv(me));
                }
                stop.close();
                done.send(true);
            });
            GoRuntime.go(() -> {
                G me = GoRuntime.getg();
                for (int i = 0; i < PING_PONG_OPS; i++) {
                    ping.send(me, pong.recv(me));
                }
                done.send(true);
            });
            ping.send(true);
            stop.recv();
            ping.recv();
            done.recv();
            done.recv();
            done.recv();
        });
    }
}
