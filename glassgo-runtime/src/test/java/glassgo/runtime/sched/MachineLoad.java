// MachineLoad: whether latency bars can be judged on this machine right now. Stop-the-world
// and wake-up latencies need the Ms' threads to get a CPU when they become runnable; on a
// machine whose run queue is longer than its CPU count the OS, not the scheduler, decides.
package glassgo.runtime.sched;

import java.lang.management.ManagementFactory;

/** The OS load compared with the CPU count, for latency assertions. */
final class MachineLoad {
    private MachineLoad() {
    }

    /** The 1-minute load average, or -1 if the OS does not report it. */
    static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /**
     * Whether a latency bar is judged: only in the long run ({@code -Dglassgo.long=true}, run on a machine
     * given to it), and only while the load average does not exceed the CPU count. The default run
     * prints the figures but does not judge them: a test whose verdict depends on what else the machine
     * does is a benchmark, not a unit test.
     */
    static boolean judgeLatency() {
        return Boolean.getBoolean("glassgo.long") && quiet();
    }

    /** True if the load average does not exceed the number of CPUs. */
    static boolean quiet() {
        double load = loadAverage();
        return load >= 0 && load <= Runtime.getRuntime().availableProcessors();
    }

    static String describe() {
        return String.format("load average %.1f on %d CPUs", loadAverage(), Runtime.getRuntime().availableProcessors());
    }
}
