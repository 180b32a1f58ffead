// Tests that every gctrace line matches Go 1.19's format (reference notes §7.1) and that its fields
// agree with each other and with the cycle they describe (the bar 6).
package glassgo.runtime.gc;

import glassgo.runtime.gc.stress.GcStress;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class GcTraceTest {
    /** The reference's line shape; each number group as Go's formatters can print it. */
    static final String MS = "(\\d+(?:\\.\\d{1,3})?)";
    static final Pattern LINE = Pattern.compile("gc (\\d+) @(\\d+\\.\\d{3})s (\\d+)%: " + MS + "\\+" + MS + "\\+" + MS
            + " ms clock, " + MS + "\\+" + MS + "/" + MS + "/" + MS + "\\+" + MS + " ms cpu, (\\d+)->(\\d+)->(\\d+) MB, "
            + "(\\d+) MB goal, (\\d+) MB stacks, (\\d+) MB globals, (\\d+) P( \\(forced\\))?");

    private static void assertScaled(String cpu, String wall, int cpus) {
        double expected = Double.parseDouble(wall) * cpus;
        assertThat(Double.parseDouble(cpu)).as("%s ms cpu vs %s ms clock × %d", cpu, wall, cpus)
                .isCloseTo(expected, org.assertj.core.data.Offset.offset(Math.max(0.12 * expected, 0.0021)));
    }

    @Test
    void fmtNSAsMSPrintsTwoSignificantDigitsBelowTenMillisecondsAsGoDoes() {
        assertThat(GcTrace.fmtNSAsMS(13_400)).isEqualTo("0.013");
        assertThat(GcTrace.fmtNSAsMS(450_000)).isEqualTo("0.45");
        assertThat(GcTrace.fmtNSAsMS(5_900_000)).isEqualTo("5.9");
        assertThat(GcTrace.fmtNSAsMS(15_700_000)).isEqualTo("15");
        assertThat(GcTrace.fmtNSAsMS(999)).isEqualTo("0");
        assertThat(GcTrace.itoaDiv(6, 3)).isEqualTo("0.006");
        assertThat(GcTrace.itoaDiv(530, 3)).isEqualTo("0.530");
    }

    @Test
    void referenceSampleLinesMatchThePattern() {
        for (String l : List.of(
                "gc 1 @0.006s 6%: 0.048+5.9+0.002 ms clock, 0.096+0.45/1.2/0.14+0.005 ms cpu, 4->5->3 MB, 4 MB goal, 0 MB stacks, 0 MB globals, 2 P",
                "gc 25 @0.530s 13%: 0.019+15+0.004 ms clock, 0.038+0/0.061/27+0.008 ms cpu, 37->37->27 MB, 64 MB goal, 0 MB stacks, 0 MB globals, 2 P (forced)",
                "gc 1 @0.039s 6%: 0.043+19+0.25 ms clock, 0.087+0/7.3/20+0.51 ms cpu, 31->31->0 MB, 8796093022181 MB goal, 16 MB stacks, 32 MB globals, 2 P (forced)")) {
            assertThat(LINE.matcher(l).matches()).as(l).isTrue();
        }
    }

    @Test
    void everyLineOfARunMatchesGosFormatAndItsFieldsAgree() throws InterruptedException {
        for (String godebug : List.of("gctrace=1", "gctrace=1,gcstoptheworld=1")) {
            int procs = 2;
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            GcSettings s = GcSettings.defaults().withGodebug(godebug);
            GcStress.Result r;
            try (PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8)) {
                r = GcStress.run(new GcStress.Config(20_000, 2, procs, 7, s, GcStress.Sabotage.NONE), ps);
            }
            List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
            assertThat(lines).hasSize(r.cycles());
            int cpus = Math.min(procs, Runtime.getRuntime().availableProcessors());
            double lastAt = 0;
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = LINE.matcher(lines.get(i));
                assertThat(m.matches()).as("line %d: %s", i, lines.get(i)).isTrue();
                assertThat(Integer.parseInt(m.group(1))).as("cycle number").isEqualTo(i + 1);
                double at = Double.parseDouble(m.group(2));
                assertThat(at).as("start times never go back").isGreaterThanOrEqualTo(lastAt);
                lastAt = at;
                // STW CPU = STW wall × min(GOMAXPROCS, CPUs), within the two-significant-digit rounding
                // (and one unit of the last printed microsecond).
                assertScaled(m.group(7), m.group(4), cpus);
                assertScaled(m.group(11), m.group(6), cpus);
                assertThat(Integer.parseInt(m.group(3))).as("GC CPU percent").isBetween(0, 100);
                assertThat(Long.parseLong(m.group(15))).as("goal is never below the 4 MB minimum").isGreaterThanOrEqualTo(4);
                assertThat(m.group(18)).isEqualTo(Integer.toString(procs));
                assertThat(Long.parseLong(m.group(14))).as("marked never exceeds heapLive at mark termination").isLessThanOrEqualTo(Long.parseLong(m.group(13)) + 1);
            }
            // The last two cycles are the workload's runtime.GC() calls.
            assertThat(lines.getLast()).endsWith(" (forced)");
        }
    }
}
