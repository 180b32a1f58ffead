// Workers: a pool of worker goroutines fed by a channel, each job allocating a buffer, computing over it
// and dropping it: the shape of a request-processing server. Reports throughput.
package glassgo.cli.lab;

import glassgo.runtime.malloc.GoType;
import glassgo.runtime.mutator.Frame;
import glassgo.runtime.mutator.Goroutine;
import glassgo.runtime.mutator.Mutator;
import glassgo.runtime.mutator.TypeBuilder;
import glassgo.runtime.sched.Sema;
import glassgo.runtime.sched.UnbufferedChan;

import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * A producer sends job numbers 0..J-1 on an unbuffered channel and closes it; each of W workers receives
 * a job j, allocates a {@code [K]int64}, fills element i with j*K+i, sums the squares (wrapping, as Go's
 * int64 does), drops the array (garbage for the collector) and sends the sum on the results channel; the main goroutine adds the
 * results. The total is checked against the same sum computed directly.
 */
@Command(name = "workers", mixinStandardHelpOptions = true,
        description = "A worker pool: each job allocates, computes and drops its buffer.")
public final class Workers extends LabWorkload {
    private static final GoType INT64 = TypeBuilder.int64Array(1);

    @Option(names = "-workers", paramLabel = "W", description = "Worker goroutines (default ${DEFAULT-VALUE}).")
    int workers = 4;

    @Option(names = "-jobs", paramLabel = "J", description = "Jobs in total (default ${DEFAULT-VALUE}).")
    long jobs = 20_000;

    @Option(names = "-jobsize", paramLabel = "K", description = "int64 elements each job allocates (default ${DEFAULT-VALUE}).")
    int jobsize = 1024;

    @Override
    protected String name() {
        return "workers";
    }

    @Override
    protected void validate() {
        if (workers < 1 || jobs < 0 || jobsize < 1) {
            throw new IllegalArgumentException("-workers and -jobsize must be >= 1, -jobs >= 0");
        }
    }

    /** The expected total: sum over jobs j and elements i of (j*K+i)^2, wrapping. */
    static long expected(long jobs, int k) {
        long sum = 0;
        for (long v = 0; v < jobs * k; v++) {
            sum += v * v;
        }
        return sum;
    }

    @Override
    protected void body(Goroutine g, Mutator mu, LabReport out) {
        UnbufferedChan<Long> work = new UnbufferedChan<>();
        UnbufferedChan<Long> results = new UnbufferedChan<>();
        Sema exited = new Sema(0);
        long t0 = System.nanoTime();
        g.go(p -> {
            for (long j = 0; j < jobs; j++) {
                work.send(j);
            }
            work.close();
        });
        for (int w = 0; w < workers; w++) {
            g.go(wg -> {
                for (Long j; (j = work.recv()) != null; ) {
                    results.send(job(wg, mu, j, jobsize));
                }
                exited.release();
            });
        }
        long total = 0;
        for (long j = 0; j < jobs; j++) {
            total += results.recv();
        }
        for (int w = 0; w < workers; w++) {
            exited.acquire();
        }
        long elapsed = System.nanoTime() - t0;
        out.result("jobs", jobs);
        out.result("total", total);
        out.println(String.format(Locale.ROOT, "workers: %d jobs of %d int64s on %d workers, %.0f jobs/s, result %d",
                jobs, jobsize, workers, jobs / (elapsed / 1e9), total));
    }

    /** The array is live across preemption polls (safepoints), so it sits in a frame slot. */
    private static long job(Goroutine g, Mutator mu, long j, int k) {
        try (Frame f = g.frame(1)) {
            f.set(0, mu.allocArray(INT64, k));
            long arr = f.get(0);
            for (int i = 0; i < k; i++) {
                mu.writeLong(arr, 8L * i, j * k + i);
            }
            long sum = 0;
            for (int i = 0; i < k; i++) {
                long v = mu.readLong(arr, 8L * i);
                sum += v * v;
                if ((i & 255) == 255) {
                    g.preemptPoll();
                }
            }
            return sum;
        }
    }
}
