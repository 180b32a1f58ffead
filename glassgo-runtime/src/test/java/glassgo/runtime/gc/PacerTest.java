// Tests for the pacer's formulas against the reference notes §6 (Go 1.19 mgcpacer.go) and for the
// GOGC / GOMEMLIMIT / GODEBUG parsing.
package glassgo.runtime.gc;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

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

    @Test
    void consMarkFollowsGosPiControllerNotAMean() {
        Pacer p = new Pacer(100, Long.MAX_VALUE);
        // currentConsMark = (heapLive − triggered) × u / (scanWork × (1 − u)) = 36 MiB × 0.25 / (64 MiB × 0.75)
        double current = 36.0 * 0.25 / (64 * 0.75);
        p.endCycle(64 * MiB, 64 * MiB, 0, 0, 100 * MiB, 64 * MiB, 0.25);
        // First step from 0: kp × error = 0.9 × current (the integral starts at 0).
        assertThat(p.consMark()).isCloseTo(0.9 * current, within(1e-12));
        // Fed the same measurement, the controller converges on it (an overdamped approach, no overshoot
        // beyond a few percent).
        for (int i = 0; i < 60; i++) {
            p.endCycle(64 * MiB, 64 * MiB, 0, 0, 100 * MiB, 64 * MiB, 0.25);
        }
        assertThat(p.consMark()).isCloseTo(current, within(current * 0.01));
        // The runway is 3 × consMark × expected scan work (64 MiB).
        assertThat(p.runway()).isCloseTo((long) (3 * p.consMark() * 64 * MiB), within(2L));
    }

    @Test
    void aCycleThatEndedBelowItsTriggerLeavesConsMarkAlone() {
        Pacer p = new Pacer(100, Long.MAX_VALUE);
        p.endCycle(64 * MiB, 64 * MiB, 0, 0, 100 * MiB, 64 * MiB, 0.25);
        double before = p.consMark();
        p.endCycle(64 * MiB, 64 * MiB, 0, 0, 60 * MiB, 64 * MiB, 0.25);
        assertThat(p.consMark()).isEqualTo(before);
    }

    @Test
    void piControllerClampsAndResetsOnNonFiniteInput() {
        PiController c = new PiController(0.9, 4.0, 1000, -1000, 1000);
        assertThat(c.next(0, 1e9, 1).output()).isEqualTo(1000);
        PiController.Result bad = c.next(0, Double.POSITIVE_INFINITY, 1);
        assertThat(bad.ok()).isFalse();
        assertThat(bad.output()).isEqualTo(-1000);
        // After the reset the integral is empty again: the output is the proportional term alone.
        assertThat(c.next(0, 1, 1).output()).isCloseTo(0.9, within(1e-12));
    }

    @Test
    void sweepDistanceRaisesGoalAndTriggerOnlyInTheGogcRegime() {
        Pacer p = new Pacer(100, Long.MAX_VALUE);
        p.endCycle(10 * MiB, 10 * MiB, 0, 0, 12 * MiB, 11 * MiB, 0.25);
        p.commit(false, 30 * MiB);
        long goal = p.heapGoal(0, 0, 0);
        assertThat(goal).isEqualTo(31 * MiB);          // sweep distance beats the 20 MiB GOGC goal
        assertThat(p.trigger(goal)).isEqualTo(31 * MiB); // and is the trigger's lower bound
        p.commit(true, 30 * MiB);
        assertThat(p.heapGoal(0, 0, 0)).isEqualTo(20 * MiB);
        // In the memory-limit regime the sweep distance is ignored: it could push the goal past the limit.
        p.setMemoryLimit(16 * MiB);
        p.commit(false, 30 * MiB);
        assertThat(p.heapGoal(0, 0, 0)).isEqualTo(15 * MiB);
        assertThat(p.trigger(15 * MiB)).isLessThan(15 * MiB);
    }

    @Test
    void onceTriggeredTheGoalKeepsSixtyFourKilobytesOfRunway() {
        Pacer p = new Pacer(100, Long.MAX_VALUE);
        p.startCycle(5 * MiB);                         // triggered past the 4 MiB minimum goal
        assertThat(p.heapGoal(0, 0, 0)).isEqualTo(5 * MiB + 64 * 1024);
        p.endCycle(1 * MiB, 1 * MiB, 0, 0, 6 * MiB, 5 * MiB, 0.25);
        assertThat(p.heapGoal(0, 0, 0)).isEqualTo(4 * MiB);
    }

    @Test
    void reviseExtendsTheGoalForAGrowingHeapUpToTheHardGoalAndOvershootsByTenPercent() {
        Pacer p = new Pacer(100, Long.MAX_VALUE);
        p.endCycle(32 * MiB, 32 * MiB, 0, 0, 40 * MiB, 30 * MiB, 0.25);   // expected scan work 32 MiB
        long goal = 64 * MiB;
        p.startCycle(56 * MiB);
        // Steady state: remaining work over remaining heap.
        assertThat(p.revise(16 * MiB, 60 * MiB, 40 * MiB, 0, goal)).isCloseTo(16.0 / 4, within(1e-9));
        // 40 MiB scanned > 32 expected: goal' = 56 + (64 − 56) × 48/32 = 68 MiB, expected = max work 48 MiB.
        assertThat(p.revise(40 * MiB, 60 * MiB, 48 * MiB, 0, goal)).isCloseTo(8.0 / 8, within(1e-9));
        // Hard goal (1 + 100/100) × 64 = 128 MiB caps an extrapolation to 56 + 8 × 320/32 = 136 MiB.
        assertThat(p.revise(40 * MiB, 60 * MiB, 320 * MiB, 0, goal)).isCloseTo(280.0 / 68, within(1e-9));
        // Past the goal: 1.1 × goal, worst-case work.
        Pacer q = new Pacer(100, Long.MAX_VALUE);
        q.endCycle(32 * MiB, 32 * MiB, 0, 0, 40 * MiB, 30 * MiB, 0.25);
        assertThat(q.revise(10 * MiB, 66 * MiB, 40 * MiB, 0, goal)).isCloseTo(30.0 * MiB / ((long) (64 * MiB * 1.1) - 66 * MiB), within(1e-9));
    }

    @Test
    void endCycleWritesGosPacerTraceLine() {
        Pacer p = new Pacer(100, Long.MAX_VALUE);
        p.setLastHeapGoal(4 * MiB);
        p.endCycle(3 * MiB, 3989520, 0, 8, 5267456, 3997696, 0.27, 0);
        // Go 1.19's gcpacertrace end-of-cycle line (mgcpacer.go endCycle), from a real Go run's numbers.
        assertThat(p.lastEndTrace()).isEqualTo("pacer: 27% CPU (25 exp.) for 3989520+0+8 B work (0 B exp.) in "
                + "3997696 B -> 5267456 B (\u2206goal 1073152, cons/mark +0.000000e+000)");
        // A cycle that ended with heapLive not above its trigger point updates nothing and prints nothing.
        p.endCycle(3 * MiB, MiB, 0, 0, 3 * MiB, 4 * MiB, 0.25, 0);
        assertThat(p.lastEndTrace()).isNull();
    }

    @Test
    void goInt64ConvertsAsAmd64Does() {
        assertThat(Pacer.goInt64(1.9)).isEqualTo(1);
        assertThat(Pacer.goInt64(-1.9)).isEqualTo(-1);
        assertThat(Pacer.goInt64(Double.POSITIVE_INFINITY)).isEqualTo(Long.MIN_VALUE);
        assertThat(Pacer.goInt64(Double.NaN)).isEqualTo(Long.MIN_VALUE);
        assertThat(Pacer.goInt64(0x1p63)).isEqualTo(Long.MIN_VALUE);
    }

    @Test
    void withGlobalsTheFirstCycleExtrapolatesFromThemUpToTheHardGoal() {
        Pacer p = new Pacer(100, Long.MAX_VALUE);
        p.setGlobalsScan(MiB / 4);
        assertThat(p.assistWorkPerByte(0, 3 * MiB, 4 * MiB)).isCloseTo(MiB / 4.0 / MiB, within(1e-9));
        // Work 0.5 MiB > expected 0.25 MiB: ext = (4 - 3) / 0.25 × (3 + 0.25) + 3 = 16 MiB, capped at the hard
        // goal 8 MiB; expected = 3.25 MiB.
        assertThat(p.assistWorkPerByte(MiB / 2, 7 * MiB / 2, 4 * MiB)).isCloseTo(2.75 / 4.5, within(1e-9));
    }

    @Test
    void theFirstCyclePacesAgainstTheWholeScannableHeapAndTheHardGoal() {
        Pacer p = new Pacer(100, Long.MAX_VALUE);
        // No previous cycle: expected scan work 0. Before any work the plain ratio applies (1000 B minimum).
        assertThat(p.assistWorkPerByte(0, 3 * MiB, 4 * MiB)).isCloseTo(1000.0 / MiB, within(1e-12));
        // Once work is done, Go's extrapolation divides by 0 (no globals either): int64(+Inf) is MinInt64 on
        // amd64, so the goal collapses to MinInt64 and expected becomes the whole scannable heap (the 3 MiB
        // live when the cycle started); heapGoal − live then wraps around to nearly MaxInt64, so the ratio
        // is all but 0: no assists, as in Go (whose programs always have globals, so never get here).
        long wrapped = Long.MIN_VALUE - 7 * MiB / 2;
        assertThat(wrapped).isPositive();
        assertThat(p.assistWorkPerByte(MiB / 2, 7 * MiB / 2, 4 * MiB)).isCloseTo(2.5 * MiB / wrapped, within(1e-18));
        // endCycle forgets the trigger point; the next cycle's first call records a new one.
        p.endCycle(3 * MiB, 3 * MiB, 0, 0, 4 * MiB, 3 * MiB, 0.25);
        assertThat(p.heapGoal(0, 0, 0)).isEqualTo(6 * MiB);
    }

    @Test
    void smallMemoryLimitsKeepAtLeastTheHeadroomAsGoal() {
        Pacer p = new Pacer(-1, 3 * MiB / 2);
        // limit − nonHeap = 1.5 MiB; minus the 1 MiB headroom would leave less than the headroom itself.
        assertThat(p.memoryLimitHeapGoal(0, 0, 0)).isEqualTo(MiB);
    }

    @Test
    void gomemlimitParsesExactlyAsGosParseByteCount() {
        assertThat(GcSettings.readGOMEMLIMIT("100MiB")).isEqualTo(100 * MiB);
        assertThat(GcSettings.readGOMEMLIMIT("5KiB")).isEqualTo(5 * 1024);
        assertThat(GcSettings.readGOMEMLIMIT("2TiB")).isEqualTo(2L << 40);
        assertThat(GcSettings.readGOMEMLIMIT("77B")).isEqualTo(77);
        assertThat(GcSettings.readGOMEMLIMIT("-0")).isZero();
        assertThat(GcSettings.readGOMEMLIMIT("9223372036854775807")).isEqualTo(Long.MAX_VALUE);
        for (String bad : new String[] {"100MB", "1.5GiB", "+5", " 5", "-5", "KiB", "B", "5iB", "5PiB",
                "9223372036854775808", "8388608TiB", "5 MiB"}) {
            assertThatThrownBy(() -> GcSettings.readGOMEMLIMIT(bad)).as(bad)
                    .hasMessage("GOMEMLIMIT=" + bad + "\nmalformed GOMEMLIMIT; see `go doc runtime/debug.SetMemoryLimit`");
        }
        assertThat(GcSettings.readGOGC("+5")).isEqualTo(100);
        assertThat(GcSettings.readGOGC("-5")).isEqualTo(-5);
        assertThat(GcSettings.readGOGC("99999999999")).isEqualTo(100);
        assertThat(new Pacer(GcSettings.readGOGC("-5"), Long.MAX_VALUE).gcPercent()).isEqualTo(-1);
    }
}
