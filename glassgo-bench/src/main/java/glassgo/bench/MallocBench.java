// MallocBench: JMH twins of Go's allocation benchmarks in shared/bench/gobench/malloc/malloc_test.go:
// `sink = new(T)` for pointer-free ("Noscan") and pointerful ("Scan") objects of 8..65536 bytes, run as a
// goroutine of a glassgo program whose heap is managed by the collector, as Go's benchmark runs on Go's.
package glassgo.bench;

import glassgo.runtime.gc.GcSettings;
import glassgo.runtime.gc.classic.ClassicCollector;
import glassgo.runtime.malloc.GoType;
import glassgo.runtime.mutator.Globals;
import glassgo.runtime.mutator.Mutator;
import glassgo.runtime.sched.GoRuntime;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One benchmark per Go benchmark, named exactly as Go's ({@code BenchmarkNoscan8} → {@code Noscan8}).
 *
 * <p>A glassgo program runs for the whole trial: GOMAXPROCS=1 (as Go's side is run), the classic collector
 * attached with GOGC=100 (or $GOGC; GODEBUG=gctrace=1 shows its cycles), a global sink. Its main goroutine waits for the JMH thread to hand it a batch in a
 * blocking call outside the scheduler (Go's entersyscallblock, as a read from a pipe would), then allocates {@code OPS} objects the way compiled Go does ({@code Mutator.alloc}, i.e. mallocgc on the
 * P's mcache) and stores each to the sink through the write barrier. Cycles start when the pacer says so,
 * with their marking, sweeping and assists inside the measured time, as Go's GC cycles are inside Go's
 * ns/op. The hand-off between the JMH thread and the goroutine costs a few microseconds per batch, well
 * under 0.1 ns/op at these batch sizes.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED",
        "--add-exports", "java.base/jdk.internal.vm=ALL-UNNAMED"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
public class MallocBench {
    /** Allocations per invocation (Go's b.N grows to about this many per second of benchmark anyway). */
    static final int OPS = 1 << 16;
    /** Fewer for 64 KiB objects, so that one invocation stays short of JMH's iteration time. */
    static final int OPS_LARGE = 1 << 12;

    // The Go types of malloc_test.go.
    static final GoType NOSCAN8 = GoType.noscan("noscan8", 8);
    static final GoType NOSCAN16 = GoType.noscan("noscan16", 16);
    static final GoType NOSCAN64 = GoType.noscan("noscan64", 64);
    static final GoType NOSCAN512 = GoType.noscan("noscan512", 512);
    static final GoType NOSCAN4096 = GoType.noscan("noscan4096", 4096);
    static final GoType NOSCAN65536 = GoType.noscan("noscan65536", 65536);
    static final GoType SCAN16 = GoType.withPointers("scan16", 16, 0);
    static final GoType SCAN64 = GoType.withPointers("scan64", 64, 0);
    static final GoType SCAN512 = GoType.withPointers("scan512", 512, 0);

    /** A batch for the program's main goroutine; {@code type == null} ends the program. */
    private record Batch(GoType type, int n, CountDownLatch done) {}

    private Mutator mu;
    private Thread program;
    private volatile Throwable failure;
    private final SynchronousQueue<Batch> batches = new SynchronousQueue<>();

    @Setup(Level.Trial)
    public void setUp() {
        mu = Mutator.create(Mutator.Config.of(1));
        ClassicCollector.attach(mu, GcSettings.fromEnv(System.getenv()), System.err); // GOGC, GODEBUG as a Go program
        Globals sink = mu.globals("sink", 1);
        program = new Thread(() -> {
            try {
                mu.run(g -> {
                    while (true) {
                        Batch[] got = new Batch[1];
                        GoRuntime.syscall(() -> got[0] = take());
                        Batch b = got[0];
                        if (b.type() == null) {
                            return;
                        }
                        long sinkAddr = sink.addr(0);
                        for (int i = 0; i < b.n(); i++) {
                            mu.writePointer(sinkAddr, 0, mu.alloc(b.type()));
                        }
                        b.done().countDown();
                    }
                });
            } catch (Throwable t) {
                failure = t;
            }
        }, "glassgo-malloc-bench");
        program.start();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        hand(null, 0);
        program.join();
        mu.close();
        if (failure != null) {
            throw new IllegalStateException("malloc bench: the program failed", failure);
        }
    }

    private Batch take() {
        try {
            return batches.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Batch(null, 0, null);
        }
    }

    /** Hands a batch to the program's main goroutine and waits for it (the JMH thread is not a goroutine). */
    private void hand(GoType t, int n) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        while (!batches.offer(new Batch(t, n, done), 100, TimeUnit.MILLISECONDS)) {
            if (failure != null || !program.isAlive()) {
                throw new IllegalStateException("malloc bench: the program stopped", failure);
            }
        }
        if (t != null) {
            while (!done.await(100, TimeUnit.MILLISECONDS)) {
                if (failure != null || !program.isAlive()) {
                    throw new IllegalStateException("malloc bench: the program stopped", failure);
                }
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(OPS)
    public void Noscan8() throws InterruptedException {
        hand(NOSCAN8, OPS);
    }

    @Benchmark
    @OperationsPerInvocation(OPS)
    public void Noscan16() throws InterruptedException {
        hand(NOSCAN16, OPS);
    }

    @Benchmark
    @OperationsPerInvocation(OPS)
    public void Noscan64() throws InterruptedException {
        hand(NOSCAN64, OPS);
    }

    @Benchmark
    @OperationsPerInvocation(OPS)
    public void Noscan512() throws InterruptedException {
        hand(NOSCAN512, OPS);
    }

    @Benchmark
    @OperationsPerInvocation(OPS)
    public void Noscan4096() throws InterruptedException {
        hand(NOSCAN4096, OPS);
    }

    @Benchmark
    @OperationsPerInvocation(OPS_LARGE)
    public void Noscan65536() throws InterruptedException {
        hand(NOSCAN65536, OPS_LARGE);
    }

    @Benchmark
    @OperationsPerInvocation(OPS)
    public void Scan16() throws InterruptedException {
        hand(SCAN16, OPS);
    }

    @Benchmark
    @OperationsPerInvocation(OPS)
    public void Scan64() throws InterruptedException {
        hand(SCAN64, OPS);
    }

    @Benchmark
    @OperationsPerInvocation(OPS)
    public void Scan512() throws InterruptedException {
        hand(SCAN512, OPS);
    }
}
