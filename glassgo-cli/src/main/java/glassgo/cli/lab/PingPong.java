// PingPong: pairs of goroutines bouncing a counter back and forth: the cost of a park/ready hand-off
// through the scheduler (runnext, wake-ups, stealing across Ps).
package glassgo.cli.lab;

import glassgo.runtime.mutator.Goroutine;
import glassgo.runtime.mutator.Mutator;
import glassgo.runtime.sched.Sema;
import glassgo.runtime.sched.UnbufferedChan;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Each pair: ping sends i, pong receives it and sends i+1 back, ping checks it; one exchange is that round
 * trip (two hand-offs). Over unbuffered channels ({@code -via chan}, Go's {@code chan int}) or two
 * semaphores ({@code -via sema}, what sync.Mutex and WaitGroup park on). Reports ns per exchange over the
 * exchanges of all pairs, from the start of the first pair to the end of the last.
 */
@Command(name = "pingpong", mixinStandardHelpOptions = true,
        description = "Goroutine ping-pong over channels or semaphores.")
public final class PingPong extends LabWorkload {
    @Option(names = "-n", paramLabel = "N", description = "Exchanges per pair (default ${DEFAULT-VALUE}).")
    long n = 100_000;

    @Option(names = "-pairs", paramLabel = "P", description = "Independent ping-pong pairs (default ${DEFAULT-VALUE}).")
    int pairs = 1;

    @Option(names = "-via", paramLabel = "chan|sema", description = "What the goroutines park on (default ${DEFAULT-VALUE}).")
    String via = "chan";

    @Override
    protected String name() {
        return "pingpong";
    }

    @Override
    protected void validate() {
        if (n < 0 || pairs < 1 || !(via.equals("chan") || via.equals("sema"))) {
            throw new IllegalArgumentException("-n must be >= 0, -pairs >= 1, -via chan or sema");
        }
    }

    @Override
    protected void body(Goroutine g, Mutator mu, LabReport out) {
        AtomicLong exchanges = new AtomicLong();
        AtomicLong wrong = new AtomicLong();
        Sema done = new Sema(0);
        long t0 = System.nanoTime();
        for (int p = 0; p < pairs; p++) {
            if (via.equals("chan")) {
                UnbufferedChan<Long> ping = new UnbufferedChan<>();
                UnbufferedChan<Long> pong = new UnbufferedChan<>();
                g.go(w -> {
                    for (Long v; (v = ping.recv()) != null; ) {
                        pong.send(v + 1);
                    }
                });
                g.go(w -> {
                    for (long i = 0; i < n; i++) {
                        ping.send(i);
                        if (pong.recv() != i + 1) {
                            wrong.incrementAndGet();
                        }
                        exchanges.incrementAndGet();
                    }
                    ping.close();
                    done.release();
                });
            } else {
                Sema ping = new Sema(0);
                Sema pong = new Sema(0);
                long[] box = new long[1];
                g.go(w -> {
                    for (long i = 0; i < n; i++) {
                        ping.acquire();
                        box[0]++;
                        pong.release();
                    }
                });
                g.go(w -> {
                    for (long i = 0; i < n; i++) {
                        box[0] = i;
                        ping.release();
                        pong.acquire();
                        if (box[0] != i + 1) {
                            wrong.incrementAndGet();
                        }
                        exchanges.incrementAndGet();
                    }
                    done.release();
                });
            }
        }
        for (int p = 0; p < pairs; p++) {
            done.acquire();
        }
        long elapsed = System.nanoTime() - t0;
        long total = exchanges.get();
        out.result("exchanges", total);
        out.result("wrong", wrong.get());
        out.println(String.format(Locale.ROOT, "pingpong: %d exchanges via %s in %d pairs, %.1f ns/exchange, %d wrong replies",
                total, via, pairs, total == 0 ? 0.0 : elapsed / (double) total, wrong.get()));
    }
}
