// GcTrace: the GODEBUG=gctrace=1 line, byte for byte in Go 1.19's format. Mirrors the printing at the end
// of runtime/mgc.go's gcMarkTermination and its number formatters (fmtNSAsMS, itoaDiv).
package glassgo.runtime.gc;

/**
 * {@code gc N @S.SSSs P%: W1+W2+W3 ms clock, C1+A/B/I+C3 ms cpu, H0->H1->H2 MB, G MB goal, K MB stacks,
 * L MB globals, NP P[ (forced)]} — see the reference notes §7.1 for each field. STW CPU (C1, C3) is wall
 * time × min(GOMAXPROCS, CPUs), as in Go.
 */
public final class GcTrace {
    private GcTrace() {}

    public static String line(CycleRecord c) {
        int cpus = Math.min(c.nproc(), Runtime.getRuntime().availableProcessors());
        long w1 = c.tMark() - c.tSweepTerm();
        long w2 = c.tMarkTerm() - c.tMark();
        long w3 = c.tEnd() - c.tMarkTerm();
        StringBuilder sb = new StringBuilder();
        sb.append("gc ").append(c.n()).append(" @")
                .append(itoaDiv((c.tSweepTerm() - c.startNanos()) / 1_000_000, 3)).append("s ")
                .append(c.cpuFractionPercent()).append("%: ")
                .append(fmtNSAsMS(w1)).append('+').append(fmtNSAsMS(w2)).append('+').append(fmtNSAsMS(w3))
                .append(" ms clock, ")
                .append(fmtNSAsMS(w1 * cpus)).append('+').append(fmtNSAsMS(c.assistNanos())).append('/')
                .append(fmtNSAsMS(c.backgroundNanos())).append('/').append(fmtNSAsMS(c.idleNanos())).append('+')
                .append(fmtNSAsMS(w3 * cpus)).append(" ms cpu, ")
                .append(c.heap0() >>> 20).append("->").append(c.heap1() >>> 20).append("->")
                .append(c.heapMarked() >>> 20).append(" MB, ")
                .append(Long.divideUnsigned(c.heapGoal(), 1 << 20)).append(" MB goal, ")
                .append(c.stacks() >>> 20).append(" MB stacks, ")
                .append(c.globals() >>> 20).append(" MB globals, ")
                .append(c.nproc()).append(" P");
        if (c.forced()) {
            sb.append(" (forced)");
        }
        return sb.toString();
    }

    /** Go's fmtNSAsMS: whole milliseconds from 10 ms up, else two significant digits of microseconds. */
    public static String fmtNSAsMS(long ns) {
        if (ns >= 10_000_000) {
            return itoaDiv(ns / 1_000_000, 0);
        }
        long x = ns / 1000;
        if (x == 0) {
            return "0";
        }
        int dec = 3;
        while (x >= 100) {
            x /= 10;
            dec--;
        }
        return itoaDiv(x, dec);
    }

    /** Go's itoaDiv: {@code val} with a decimal point {@code dec} digits from the right. */
    public static String itoaDiv(long val, int dec) {
        String digits = Long.toString(val);
        if (dec == 0) {
            return digits;
        }
        if (digits.length() <= dec) {
            digits = "0".repeat(dec + 1 - digits.length()) + digits;
        }
        return digits.substring(0, digits.length() - dec) + "." + digits.substring(digits.length() - dec);
    }
}
