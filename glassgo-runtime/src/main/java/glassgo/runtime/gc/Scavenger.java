// Scavenger: the background scavenger that returns free heap pages to the OS toward a goal recomputed after
// every cycle. Mirrors Go 1.19's runtime/mgcscavenge.go (gcPaceScavenger's two goals, bgscavenge's 1% CPU
// budget in 64 KiB quanta), driven through MHeap's public API (scavenge, mappedReady, heapFreeBytes).
package glassgo.runtime.gc;

import glassgo.runtime.malloc.MHeap;
import glassgo.runtime.malloc.MemStats;

/**
 * After each cycle ({@link #cycleEnded}, world stopped) the goals are recomputed as in Go:
 * <ul>
 *   <li>GOGC goal: retained heap (HeapInuse + HeapIdle − HeapReleased) at most
 *       {@code lastHeapInUse × heapGoal / lastHeapGoal × 1.10}, from the second cycle on, only with GOGC on;</li>
 *   <li>memory-limit goal: mappedReady (Sys − HeapReleased) at most 95% of GOMEMLIMIT. Go 1.19 computes this
 *       goal with a factor of 95 instead of 0.95 (fixed in Go 1.21, #62449), so its background scavenger
 *       never works for the limit and only the allocator's eager scavenging enforces it; glassgo has no such
 *       hook in its allocator, so it uses the intended 0.95 here.</li>
 * </ul>
 * A daemon thread (Go: the bgscavenge goroutine, woken after sweeping) then releases free pages in 64 KiB
 * quanta (the last one rounded to whole 8 KiB pages), highest addresses first, until both goals hold, spending about 1% of the CPU of GOMAXPROCS Ps:
 * after each batch of work it sleeps 1/(0.01 × GOMAXPROCS) − 1 times as long as the batch took (Go tunes the
 * same ratio with a PI controller to absorb sleep inaccuracy; glassgo uses the ratio directly).
 * {@link #stop} must be called before the heap is closed.
 */
public final class Scavenger implements Collector.CycleListener, AutoCloseable {
    /** Go's retainExtraPercent. */
    static final double RETAIN_EXTRA = 1.10;
    /** Go's reduceExtraPercent: the limit goal is 95% of the limit. */
    static final double REDUCE_EXTRA = 0.95;
    /** Go's scavengeQuantum. */
    static final long QUANTUM = 64L << 10;
    /** Go's scavengePercent: 1% of the total CPU. */
    static final double CPU_FRACTION = 0.01;
    /** Scavenge in batches of at least this long (Go's minimum scavenge work time: 1 ms). */
    private static final long MIN_BATCH_NANOS = 1_000_000;
    private static final long NO_GOAL = Long.MAX_VALUE;
    /** The heap's page size: the scavenger's smallest release. */
    private static final long PAGE = 8192;

    private final MHeap heap;
    private final Pacer pacer;
    private final int gomaxprocs;
    private final Thread thread;
    private volatile boolean stopped;
    /** The goals, in bytes; NO_GOAL when off. Written by cycleEnded, read by the thread. */
    private volatile long retainedGoal = NO_GOAL;
    private volatile long mappedGoal = NO_GOAL;
    /** Bytes of runtime metadata (GCSys) at the last cycle end: mappedReady minus this is the retained heap. */
    private volatile long gcSys;
    private long lastHeapInUse;
    private int cycles;
    private volatile long released;

    public Scavenger(MHeap heap, Pacer pacer, int gomaxprocs) {
        this.heap = heap;
        this.pacer = pacer;
        this.gomaxprocs = Math.max(1, gomaxprocs);
        this.thread = new Thread(this::bgscavenge, "glassgo-scavenger");
        this.thread.setDaemon(true);
    }

    /** Starts the background thread; returns this. */
    public Scavenger start() {
        thread.start();
        return this;
    }

    /**
     * gcPaceScavenger, after a cycle with the world stopped: the heap's statistics are exact here (MemStats
     * flushes the mcaches), the pacer has committed the next goal.
     */
    @Override
    public void cycleEnded(CycleRecord c) {
        MemStats ms = heap.readMemStats();
        gcSys = ms.gcSys();
        cycles++;
        long nextGoal = pacer.heapGoal(heap.mappedReady(), heap.heapFreeBytes(), ms.heapAlloc());
        retainedGoal = gogcGoal(pacer.gcPercent(), cycles, lastHeapInUse, nextGoal, c.heapGoal());
        lastHeapInUse = ms.heapInuse();
        mappedGoal = limitGoal(pacer.memoryLimit());
        synchronized (this) {
            notifyAll();
        }
    }

    /** The GOGC goal for the retained heap; NO_GOAL with GOGC off, before the second cycle, or without data. */
    static long gogcGoal(int gcPercent, int cycles, long lastHeapInUse, long heapGoal, long lastHeapGoal) {
        if (gcPercent < 0 || cycles < 2 || lastHeapInUse == 0 || lastHeapGoal <= 0 || heapGoal == Long.MAX_VALUE) {
            return NO_GOAL;
        }
        double goal = lastHeapInUse * ((double) heapGoal / lastHeapGoal) * RETAIN_EXTRA;
        return (long) Math.ceil(goal / QUANTUM) * QUANTUM;
    }

    /** The memory-limit goal for mappedReady; NO_GOAL without a limit. */
    static long limitGoal(long memoryLimit) {
        return memoryLimit == Long.MAX_VALUE ? NO_GOAL : (long) (memoryLimit * REDUCE_EXTRA);
    }

    /** Bytes over the goals right now (0 when both hold). */
    long excess() {
        long mapped = heap.mappedReady();
        long over = Math.max(0, mapped - mappedGoal);
        if (retainedGoal != NO_GOAL) {
            over = Math.max(over, mapped - gcSys - retainedGoal);
        }
        return Math.min(over, heap.heapFreeBytes());
    }

    /** Releases up to {@code max} bytes of free pages in quanta, at least until the batch took 1 ms. */
    long scavengeBatch(long max) {
        long done = 0;
        long t0 = System.nanoTime();
        while (done < max) {
            long n = heap.scavenge(Math.min(QUANTUM, max - done));
            if (n == 0) {
                break;
            }
            done += n;
            if (System.nanoTime() - t0 >= MIN_BATCH_NANOS) {
                break;
            }
        }
        released += done;
        return done;
    }

    private void bgscavenge() {
        double sleepRatio = 1 / (CPU_FRACTION * gomaxprocs) - 1;
        while (!stopped) {
            long want = excess();
            if (want <= 0) {
                synchronized (this) {
                    try {
                        wait(100);                       // parked until the next cycle end (or a timeout)
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                continue;
            }
            long t = System.nanoTime();
            if (scavengeBatch((want + PAGE - 1) & -PAGE) == 0) {
                synchronized (this) {
                    try {
                        wait(100);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                continue;
            }
            long work = System.nanoTime() - t;
            try {
                Thread.sleep(Math.max(1, (long) (work * sleepRatio / 1_000_000)));
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Bytes this scavenger returned to the OS. */
    public long released() {
        return released;
    }

    /** Stops the thread and waits for it: after this no scavenging touches the heap. */
    public void stop() throws InterruptedException {
        stopped = true;
        thread.interrupt();
        thread.join();
    }

    /** {@link #stop}, waiting through interrupts (keeping the interrupt status): before the heap is closed. */
    @Override
    public void close() {
        boolean interrupted = false;
        while (true) {
            try {
                stop();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
