// LabReport: what a lab run prints: the workload's own result lines, then one summary line and a note
// saying what the runtime did not do (no collector yet). The format is documented in docs/lab.md.
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
 * summary: workload=churn gomaxprocs=2 gogc=100 wall=1.234s allocs=1200000 alloc-bytes=912.3MB peak-heap-inuse=80.1MB peak-rss=310.4MB goroutines=5 cycles=0
 * </pre>
 * {@code allocs}/{@code alloc-bytes} are MemStats.Mallocs/TotalAlloc; {@code peak-heap-inuse} the largest
 * HeapInuse seen (sampled at every free cycle and at exit); {@code peak-rss} the process's VmHWM (the
 * whole JVM); {@code cycles} the number of GC cycles, 0 until glassgo has a collector.
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

    public String summaryLine() {
        return String.format(Locale.ROOT,
                "summary: workload=%s gomaxprocs=%d gogc=%s wall=%.3fs allocs=%d alloc-bytes=%s peak-heap-inuse=%s peak-rss=%s goroutines=%d cycles=%d",
                workload, stats.gomaxprocs(), env.gogcText(), wallNanos / 1e9, stats.memStats().mallocs(),
                mb(stats.memStats().totalAlloc()), mb(stats.peakHeapInuse()), mb(peakRssBytes), stats.goroutines(),
                stats.gcCycles());
    }

    /** The honest part: what GOGC and GODEBUG did, and how dead objects were freed without a collector. */
    public String noteLine() {
        StringBuilder sb = new StringBuilder("note: no collector yet: GOGC=").append(env.gogcText())
                .append(" parsed but not applied; dead objects freed explicitly (")
                .append(stats.explicitFrees()).append(" frees in ").append(stats.freeCycles())
                .append(" stop-the-world free cycles");
        if (stats.tinyFreesSkipped() > 0) {
            sb.append(", ").append(stats.tinyFreesSkipped()).append(" tiny objects left for the collector");
        }
        sb.append(')');
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
