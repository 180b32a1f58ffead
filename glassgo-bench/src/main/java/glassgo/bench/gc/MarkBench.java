// MarkBench: marking throughput — one full mark of a prebuilt heap per operation, by one marker thread.
// The Go twin is glassgo-bench/src/go/mark (same shapes, sizes and layouts); glassgo-bench/mark.sh runs
// both and prints MB of live heap marked per CPU-second. Mirrors the work of Go's gcDrain over a heap
// whose every object is live (runtime/mgcmark.go).
package glassgo.bench.gc;

import glassgo.runtime.gc.RootSet;
import glassgo.runtime.gc.classic.Mark;
import glassgo.runtime.malloc.GoType;
import glassgo.runtime.malloc.MCache;
import glassgo.runtime.malloc.MHeap;
import glassgo.runtime.malloc.Malloc;
import glassgo.runtime.mem.AddressSpace;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Shapes (as in the Go program):
 * <ul>
 *   <li>{@code bintree}: complete binary trees of depth 15 of {@code {left, right *node; val int}} (24 B);</li>
 *   <li>{@code list}: lists of 65536 cells {@code {next *link; pay [5]int}} (48 B);</li>
 *   <li>{@code buffers}: pointer-free 1 KiB buffers.</li>
 * </ul>
 * Each adds units until {@code mb} MiB of objects exist, and one root slice (a heap array of pointers, grown
 * by doubling as Go's append does) holds them. The setup prints {@code MARKED shape bytes}: the bytes one
 * mark marks, which mark.sh divides by the measured time. Each operation clears the mark bits (a few
 * microseconds per MiB of spans, inside the measured time) and marks everything from the root; one thread,
 * so wall time is CPU time.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class MarkBench {
    static final GoType NODE = GoType.withPointers("node", 24, 0, 1);
    static final GoType LINK = GoType.withPointers("link", 48, 0);
    static final GoType BUF = GoType.noscan("buf", 1024);
    static final GoType PTR = GoType.withPointers("*T", 8, 0);

    @Param({"bintree", "list", "buffers"})
    public String shape;

    @Param({"64"})
    public int mb;

    private MHeap heap;
    private MCache c;
    private AddressSpace mem;
    /** The root slice's backing array and its length. */
    private long slice;
    private long len;
    private long cap;
    private RootSet roots;

    @Setup(Level.Trial)
    public void build() {
        heap = MHeap.create();
        c = heap.newMCache();
        mem = heap.space();
        long bytes = (long) mb << 20;
        switch (shape) {
            case "bintree" -> {
                for (long have = 0; have < bytes; have += 65535L * 24) {
                    append(tree(15));
                }
            }
            case "list" -> {
                for (long have = 0; have < bytes; have += 65536L * 48) {
                    long head = 0;
                    for (int i = 0; i < 65536; i++) {
                        long cell = Malloc.newobject(c, LINK);
                        mem.putLong(cell, head);
                        mem.putLong(cell + 8, i);
                        head = cell;
                    }
                    append(head);
                }
            }
            case "buffers" -> {
                for (long have = 0; have < bytes; have += 1024) {
                    append(Malloc.newobject(c, BUF));
                }
            }
            default -> throw new IllegalArgumentException("MarkBench: unknown shape " + shape);
        }
        long root = slice;
        roots = v -> v.visit(0, root);
        System.out.println("MARKED " + shape + " " + Mark.markAll(heap, roots));
    }

    private long tree(int depth) {
        long n = Malloc.newobject(c, NODE);
        mem.putLong(n + 16, depth);
        if (depth > 0) {
            mem.putLong(n, tree(depth - 1));
            mem.putLong(n + 8, tree(depth - 1));
        }
        return n;
    }

    /** Go's append on a []*T: double the backing array when full (the old one is garbage, as in Go). */
    private void append(long p) {
        if (len == cap) {
            long ncap = Math.max(4, cap * 2);
            long bigger = Malloc.newarray(c, PTR, ncap);
            if (len > 0) {
                mem.copy(bigger, slice, len * 8);
            }
            slice = bigger;
            cap = ncap;
        }
        mem.putLong(slice + 8 * len++, p);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        heap.close();
    }

    @Benchmark
    public long mark() {
        return Mark.markAll(heap, roots);
    }
}
