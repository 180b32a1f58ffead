// MallocBench: JMH twins of Go's allocation benchmarks in shared/bench/gobench/malloc/malloc_test.go:
// new(T) for pointer-free ("Noscan") and pointerful ("Scan") objects of 8..65536 bytes, each result
// stored to a sink so every allocation really goes through the allocator.
package glassgo.bench;

import glassgo.runtime.malloc.GoType;
import glassgo.runtime.malloc.MCache;
import glassgo.runtime.malloc.MHeap;
import glassgo.runtime.malloc.Malloc;
import glassgo.runtime.malloc.SizeClasses;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One benchmark per Go benchmark, named exactly as Go's ({@code BenchmarkNoscan8} → {@code Noscan8}).
 *
 * <p>glassgo has no collector yet, so the heap is reset the way a collection would leave it: every time
 * {@link #RESET_BYTES} (4 MiB, Go's minimum heap goal, so Go also collects about that often here) have
 * been allocated, {@link MHeap#freeAllExcept} frees every object but the one in the sink through the
 * sweep (allocBits ← gcmarkBits, empty spans back to the page allocator). That cost is inside the
 * measured time, amortized over the allocations, just as Go's GC cycles are inside Go's ns/op.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
public class MallocBench {
    /** Bytes allocated between two heap resets. */
    public static final long RESET_BYTES = 4L << 20;

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

    private MHeap heap;
    private MCache c;
    /** The package-level sink of the Go benchmark: the one object that stays live across resets. */
    private long sink;
    private long allocatedSinceReset;

    @Setup(Level.Trial)
    public void setUp() {
        heap = MHeap.create();
        c = heap.newMCache();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        heap.close();
    }

    private long alloc(GoType t) {
        long x = Malloc.newobject(c, t);
        sink = x;
        allocatedSinceReset += t.size() < SizeClasses.TINY_SIZE && t.noscan() ? t.size() : SizeClasses.roundUpSize(t.size());
        if (allocatedSinceReset >= RESET_BYTES) {
            heap.freeAllExcept(sink);
            allocatedSinceReset = 0;
        }
        return x;
    }

    @Benchmark
    public long Noscan8() {
        return alloc(NOSCAN8);
    }

    @Benchmark
    public long Noscan16() {
        return alloc(NOSCAN16);
    }

    @Benchmark
    public long Noscan64() {
        return alloc(NOSCAN64);
    }

    @Benchmark
    public long Noscan512() {
        return alloc(NOSCAN512);
    }

    @Benchmark
    public long Noscan4096() {
        return alloc(NOSCAN4096);
    }

    @Benchmark
    public long Noscan65536() {
        return alloc(NOSCAN65536);
    }

    @Benchmark
    public long Scan16() {
        return alloc(SCAN16);
    }

    @Benchmark
    public long Scan64() {
        return alloc(SCAN64);
    }

    @Benchmark
    public long Scan512() {
        return alloc(SCAN512);
    }
}
