// LabReport: what a lab run prints: the workload's own result lines, then one summary line and a note
// saying how the collector was set. The format is documented in docs/lab.md.
package glassgo.cli.lab;

import glassgo.runtime.mutator.Mutator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The summary line has this shape (MB = 2^20 bytes, as in Go's gctrace):
 * <pre>
 * summary: workload=churn gomaxprocs=2 gogc=100 gomemlimit=off wall=1.234s allocs=1200000 alloc-bytes=912.3MB peak-heap=180.1MB peak-mapped=201.3MB peak-rss=310.4MB goroutines=5 cycles=103
 * </pre>
 * {@code allocs}/{@code alloc-bytes} are MemStats.Mallocs/TotalAlloc; {@code peak-heap} the largest heapLive
 * at a cycle's trigger or mark termination (gctrace's H0/H1) or at exit; {@code peak-mapped} the largest
 * Sys − HeapReleased seen at cycle ends and at exit (what GOMEMLIMIT bounds); {@code peak-rss} the process's
 * VmHWM (the whole JVM); {@code cycles} the number of completed GC cycles (see {@link HeapPeaks}).
 */
public final class LabReport {
    /** Lines the workload printed (its results), in order. */
    final List<String> lines = new ArrayList<>();
    /** The workload's results by name, for tests. */
    final Map<String, Object> results = new LinkedHashMap<>();
    String workload;
    LabEnv env;
    long wallNanos;
    Mutator.Stats stats;
    long peakRssBytes;
    long peakHeapLive;
    long peakMapped;
    long scavenged;

    /** Adds a line to the workload's output. */
    public void println(String line) {
        synchronized (lines) {
            lines.add(line);
        }
    }

    public void result(String name, Object value) {
        synchronized (results) {
            results.put(name, value);
        }
    }

    public Map<String, Object> results() {
        return results;
    }

    public List<String> lines() {
        return lines;
    }

    public Mutator.Stats stats() {
        return stats;
    }

    public long peakHeapLive() {
        return peakHeapLive;
    }

    public long peakMapped() {
        return peakMapped;
    }

    /** Bytes the background scavenger returned to the OS during the run. */
    public long scavenged() {
        return scavenged;
    }

    public String summaryLine() {
        return String.format(Locale.ROOT,
                "summary: workload=%s gomaxprocs=%d gogc=%s gomemlimit=%s wall=%.3fs allocs=%d alloc-bytes=%s peak-heap=%s peak-mapped=%s peak-rss=%s goroutines=%d cycles=%d",
                workload, stats.gomaxprocs(), env.gogcText(), env.memoryLimitText(), wallNanos / 1e9,
                stats.memStats().mallocs(), mb(stats.memStats().totalAlloc()), mb(peakHeapLive), mb(peakMapped),
                mb(peakRssBytes), stats.goroutines(), stats.gcCycles());
    }

    /** How the collector ran: its settings and the GODEBUG keys honoured or ignored. */
    public String noteLine() {
        StringBuilder sb = new StringBuilder("note: collector: concurrent mark-sweep, GOGC=").append(env.gogcText())
                .append(", GOMEMLIMIT=").append(env.memoryLimitText()).append(", scavenger released ")
                .append(mb(scavenged));
        List<String> dbg = env.godebugNotes();
        if (!dbg.isEmpty()) {
            sb.append("; GODEBUG ").append(String.join(", ", dbg));
        }
        return sb.toString();
    }

    static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.1fMB", bytes / (double) (1 << 20));
    }
}
