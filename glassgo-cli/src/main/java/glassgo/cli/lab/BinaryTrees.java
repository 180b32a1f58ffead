// BinaryTrees: the Computer Language Benchmarks Game's binary-trees, the standard stress test of an
// allocator and collector: many short-lived complete trees plus one long-lived tree.
package glassgo.cli.lab;

import glassgo.runtime.mutator.Frame;
import glassgo.runtime.mutator.Globals;
import glassgo.runtime.mutator.Goroutine;
import glassgo.runtime.mutator.Mutator;
import glassgo.runtime.mutator.TypeBuilder;
import glassgo.runtime.sched.Sema;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * As the benchmark (and its parallel Go versions): with minDepth 4 and maxDepth = max(6, {@code -depth}),
 * (1) build, check and drop a "stretch" tree of depth maxDepth+1; (2) build the long-lived tree of depth
 * maxDepth (a global); (3) for each depth d = 4, 6, ..., maxDepth, in its own goroutine, build, check and
 * drop 2^(maxDepth-d+4) trees; (4) check the long-lived tree. A tree of depth d has 2^(d+1)-1 nodes, which
 * is its check value. Nodes are {@code struct{ left, right *node }}; a dropped tree is garbage as soon as
 * its frame slot is gone, and the collector frees it. The Go twin is glassgo-bench/src/go/pacing/bintree.go.
 */
@Command(name = "bintree", mixinStandardHelpOptions = true,
        description = "Binary trees (benchmarks game) under the collector.")
public final class BinaryTrees extends LabWorkload {
    static final int MIN_DEPTH = 4;
    static final TypeBuilder.Struct NODE = TypeBuilder.struct("node").pointer("left").pointer("right").build();
    static final long LEFT = NODE.offset("left");
    static final long RIGHT = NODE.offset("right");

    @Option(names = "-depth", paramLabel = "N", description = "Maximum tree depth (default ${DEFAULT-VALUE}).")
    int depth = 16;

    @Override
    protected String name() {
        return "bintree";
    }

    @Override
    protected void validate() {
        if (depth < 0 || depth > 30) {
            throw new IllegalArgumentException("-depth must be in [0, 30]");
        }
    }

    @Override
    protected void body(Goroutine g, Mutator mu, LabReport out) {
        int maxDepth = Math.max(MIN_DEPTH + 2, depth);
        int stretch = maxDepth + 1;
        long stretchCheck;
        try (Frame f = g.frame(1)) {
            f.set(0, bottomUp(g, mu, stretch));
            stretchCheck = itemCheck(mu, f.get(0));
        }
        out.println("stretch tree of depth " + stretch + "\t check: " + stretchCheck);
        out.result("stretch", stretchCheck);

        Globals longLived = mu.globals("bintree.longLivedTree", 1);
        longLived.set(0, bottomUp(g, mu, maxDepth));

        int levels = (maxDepth - MIN_DEPTH) / 2 + 1;
        String[] lines = new String[levels];
        long[] checks = new long[levels];
        Sema done = new Sema(0);
        for (int i = 0; i < levels; i++) {
            int level = i;
            int d = MIN_DEPTH + 2 * i;
            g.go(w -> {
                int iterations = 1 << (maxDepth - d + MIN_DEPTH);
                long check = 0;
                for (int k = 0; k < iterations; k++) {
                    try (Frame f = w.frame(1)) {
                        f.set(0, bottomUp(w, mu, d));
                        check += itemCheck(mu, f.get(0));
                    }
                }
                checks[level] = check;
                lines[level] = iterations + "\t trees of depth " + d + "\t check: " + check;
                done.release();
            });
        }
        for (int i = 0; i < levels; i++) {
            done.acquire();
        }
        for (int i = 0; i < levels; i++) {
            out.println(lines[i]);
            out.result("depth" + (MIN_DEPTH + 2 * i), checks[i]);
        }
        long llCheck = itemCheck(mu, longLived.get(0));
        out.println("long lived tree of depth " + maxDepth + "\t check: " + llCheck);
        out.result("longLived", llCheck);
        longLived.set(0, 0);
    }

    /**
     * {@code &Node{bottomUp(d-1), bottomUp(d-1)}}: both subtrees are live across the allocations that follow
     * them, so both sit in this activation's frame, as the compiler's stack map would say.
     */
    static long bottomUp(Goroutine g, Mutator mu, int d) {
        g.preemptPoll();
        if (d <= 0) {
            return mu.alloc(NODE.type());
        }
        try (Frame f = g.frame(2)) {
            f.set(0, bottomUp(g, mu, d - 1));
            f.set(1, bottomUp(g, mu, d - 1));
            long n = mu.alloc(NODE.type());
            mu.writePointer(n, LEFT, f.get(0));
            mu.writePointer(n, RIGHT, f.get(1));
            return n;
        }
    }

    static long itemCheck(Mutator mu, long n) {
        long left = mu.readPointer(n, LEFT);
        if (left == 0) {
            return 1;
        }
        return 1 + itemCheck(mu, left) + itemCheck(mu, mu.readPointer(n, RIGHT));
    }
}
