// Churn: allocation churn around a steady live set, the shape of a server that keeps a working set and
// replaces parts of it all the time. The classic load for an allocator and for the GC pacer.
package glassgo.cli.lab;

import glassgo.runtime.mutator.Globals;
import glassgo.runtime.mutator.Goroutine;
import glassgo.runtime.mutator.Mutator;
import glassgo.runtime.mutator.TypeBuilder;
import glassgo.runtime.sched.Sema;

import java.util.Arrays;
import java.util.SplittableRandom;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The live set is an array of slots in a globals block (a root), split between the goroutines. Each
 * goroutine (1) fills its slots, (2) performs its share of {@code -ops}: pick one of its slots, allocate a
 * new object of a size drawn from {@code -sizes} and store it in the slot, which makes the object it
 * replaced garbage, (3) clears its slots. The collector frees what became unreachable. Each object is
 * {@code struct{ self *byte; payload [size-8]byte }} with {@code self}
 * pointing at its own payload (as a slice into a struct's own array does), so every object has a pointer
 * for the collector to scan; sizes are rounded up to a multiple of 8, at least 16. The Go twin is
 * glassgo-bench/src/go/pacing/churn.go (same flags and defaults).
 */
@Command(name = "churn", mixinStandardHelpOptions = true,
        description = "Allocation churn around a steady live set.")
public final class Churn extends LabWorkload {
    @Option(names = "-live", paramLabel = "MB", description = "Live set to maintain, MB (default ${DEFAULT-VALUE}).")
    double liveMB = 64;

    @Option(names = "-ops", paramLabel = "N", description = "Replacements in total (default ${DEFAULT-VALUE}).")
    long ops = 1_000_000;

    @Option(names = "-sizes", paramLabel = "S,S,...", split = ",", defaultValue = "16,64,512,4096,40000", description = "Object sizes in bytes, drawn uniformly (default ${DEFAULT-VALUE}).")
    long[] sizes;

    @Option(names = "-goroutines", paramLabel = "G", description = "Goroutines sharing the work (default ${DEFAULT-VALUE}).")
    int goroutines = 4;

    @Override
    protected String name() {
        return "churn";
    }

    @Override
    protected void validate() {
        if (liveMB < 0 || ops < 0 || goroutines < 1 || sizes.length == 0 || Arrays.stream(sizes).anyMatch(s -> s <= 0)) {
            throw new IllegalArgumentException("-live and -ops must be >= 0, -goroutines >= 1, -sizes positive");
        }
    }

    static long objectSize(long size) {
        return Math.max(16, (size + 7) & -8L);
    }

    @Override
    protected void body(Goroutine g, Mutator mu, LabReport out) {
        TypeBuilder.Struct[] types = new TypeBuilder.Struct[sizes.length];
        long total = 0;
        for (int i = 0; i < sizes.length; i++) {
            long sz = objectSize(sizes[i]);
            types[i] = TypeBuilder.struct("churn" + sz).pointer("self").bytes("payload", sz - 8).build();
            total += sz;
        }
        long avg = total / sizes.length;
        int nslots = (int) Math.max(goroutines, Math.min(Integer.MAX_VALUE / 16, (long) (liveMB * (1 << 20)) / avg));
        Globals live = mu.globals("churn.live", nslots);
        Sema done = new Sema(0);
        for (int k = 0; k < goroutines; k++) {
            int lo = (int) ((long) nslots * k / goroutines);
            int hi = (int) ((long) nslots * (k + 1) / goroutines);
            long myOps = ops / goroutines + (k < ops % goroutines ? 1 : 0);
            SplittableRandom rnd = new SplittableRandom(seed * 1_000_003 + k);
            g.go(w -> {
                for (int s = lo; s < hi; s++) {
                    live.set(s, newObject(mu, types[rnd.nextInt(types.length)]));
                    w.preemptPoll();
                }
                for (long i = 0; i < myOps; i++) {
                    int s = lo + rnd.nextInt(hi - lo);
                    // No safepoint between the allocation and the store: x needs no frame slot.
                    live.set(s, newObject(mu, types[rnd.nextInt(types.length)]));
                    w.preemptPoll();
                }
                for (int s = lo; s < hi; s++) {
                    live.set(s, 0);
                }
                done.release();
            });
        }
        for (int k = 0; k < goroutines; k++) {
            done.acquire();
        }
        out.result("slots", (long) nslots);
        out.result("ops", ops);
        out.println("churn: live=" + LabReport.mb((long) nslots * avg) + " in " + nslots + " objects (mean "
                + avg + " B), ops=" + ops + ", sizes=" + Arrays.toString(sizes).replaceAll("[\\[\\] ]", "")
                + ", goroutines=" + goroutines);
    }

    /** Allocates one churn object, points its self field at its payload and touches the payload's ends. */
    private static long newObject(Mutator mu, TypeBuilder.Struct t) {
        long x = mu.alloc(t.type());
        mu.writePointer(x, 0, x + 8);
        mu.writeByte(x, 8, (byte) 1);
        mu.writeByte(x, t.size() - 1, (byte) 1);
        return x;
    }
}
