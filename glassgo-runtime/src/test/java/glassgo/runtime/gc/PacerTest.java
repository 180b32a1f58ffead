// Tests for the pacer's formulas against the reference notes §6 (Go 1.19 mgcpacer.go) and for the
// GOGC / GOMEMLIMIT / GODEBUG parsing.
package glassgo.runtime.gc;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PacerTest {
    static final long MiB = 1 << 20;

    @Test
    void firstCycleUsesTheFourMegabyteMinimumScaledByGogc() {
        assertThat(new Pacer(100, Long.MAX_VALUE).gcPercentHeapGoal()).isEqualTo(4 * MiB);
        assertThat(new Pacer(200, Long.MAX_VALUE).gcPercentHeapGoal()).isEqualTo(8 * MiB);
        assertThat(new Pacer(10, Long.MAX_VALUE).heapMinimum()).isEqualTo(4 * MiB / 10);
    }

    @Test
    void goalCountsStacksAndGlobalsAsGo118Does() {
        Pacer p = new Pacer(100, Long.MAX_VALUE);
        p.endCycle(30 * MiB, 30 * MiB, 9 * MiB, 32 * MiB, 31 * MiB, 30 * MiB, 0.25);
        // 30 + (30 + 9 + 32) × 100/100
        assertThat(p.gcPercentHeapGoal()).isEqualTo(101 * MiB);
    }

    @Test
    void gogcOffHasNoGogcGoalAndTheLimitAloneDecides() {
        Pacer p = new Pacer(-1, Long.MAX_VALUE);
        assertThat(p.gcPercentHeapGoal()).isEqualTo(Long.MAX_VALUE);
        assertThat(p.heapGoal(10 * MiB, 0, 5 * MiB)).isEqualTo(Long.MAX_VALUE);
        p.setMemoryLimit(100 * MiB);
        // nonHeap = mappedReady − heapFree − heapAlloc = 20 − 2 − 10 = 8 MiB; goal = 100 − 8 − 1 (headroom)
        assertThat(p.heapGoal(20 * MiB, 2 * MiB, 10 * MiB)).isEqualTo(91 * MiB);
    }

    @Test
    void memoryLimitBelowTheLiveHeapPinsTheGoalAtTheMarkedHeap() {
        Pacer p = new Pacer(100, 20 * MiB);
        p.endCycle(25 * MiB, 25 * MiB, 0, 0, 26 * MiB, 24 * MiB, 0.25);
        assertThat(p.heapGoal(30 * MiB, 0, 28 * MiB)).isEqualTo(25 * MiB);
    }

    @Test
    void triggerStaysBetween45And61SixtyFourthsOfTheRunway() {
        Pacer p = new Pacer(100, Long.MAX_VALUE);
        p.endCycle(64 * MiB, 64 * MiB, 0, 0, 64 * MiB, 64 * MiB, 0.25);
        long goal = p.gcPercentHeapGoal();
        assertThat(goal).isEqualTo(128 * MiB);
        // No cons/mark estimate yet, so no runway: the trigger sits at the upper bound,
        // max(marked + 61/64 of the distance, goal − 4 MiB) = max(125, 124) MiB.
        assertThat(p.trigger(goal)).isEqualTo(125 * MiB);
        // With a measured cons/mark the runway moves it down, never below 45/64 of the distance.
        p.endCycle(64 * MiB, 64 * MiB, 0, 0, 100 * MiB, 64 * MiB, 0.25);
        assertThat(p.consMark()).isPositive();
        assertThat(p.trigger(p.gcPercentHeapGoal())).isBetween(64 * MiB + 64 * MiB / 64 * 45, 125 * MiB);
        // A marked heap at or above the goal triggers at the goal.
        assertThat(p.trigger(32 * MiB)).isEqualTo(32 * MiB);
    }

    @Test
    void settingsParseAsGoParsesThem() {
        assertThat(GcSettings.readGOGC("off")).isEqualTo(-1);
        assertThat(GcSettings.readGOGC("50")).isEqualTo(50);
        assertThat(GcSettings.readGOGC("bogus")).isEqualTo(100);
        assertThat(GcSettings.readGOMEMLIMIT("64MiB")).isEqualTo(64 * MiB);
        assertThat(GcSettings.readGOMEMLIMIT("1GiB")).isEqualTo(1024 * MiB);
        assertThat(GcSettings.readGOMEMLIMIT("123")).isEqualTo(123);
        assertThat(GcSettings.readGOMEMLIMIT("off")).isEqualTo(Long.MAX_VALUE);
        assertThatThrownBy(() -> GcSettings.readGOMEMLIMIT("12XB")).hasMessageContaining("malformed GOMEMLIMIT");
        GcSettings s = GcSettings.fromEnv(Map.of("GOGC", "10",
                "GODEBUG", "gctrace=1,schedtrace=1000,gcstoptheworld=1,gcstress=100,gcpoison=1,gcverify=1"));
        assertThat(s).isEqualTo(new GcSettings(10, Long.MAX_VALUE, true, true, 100, true, true));
    }
}
