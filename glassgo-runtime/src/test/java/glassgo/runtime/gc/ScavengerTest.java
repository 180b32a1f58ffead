// Tests for the scavenger's goals (Go 1.19's gcPaceScavenger) and for its releasing free pages of a real heap
// down to them, through the background thread.
package glassgo.runtime.gc;

import static org.assertj.core.api.Assertions.assertThat;

import glassgo.runtime.malloc.MCache;
import glassgo.runtime.malloc.MHeap;
import glassgo.runtime.malloc.Malloc;

import org.junit.jupiter.api.Test;

class ScavengerTest {
    static final long MiB = 1 << 20;

    @Test
    void gogcGoalIsLastHeapInUseScaledByTheGoalsGrowthPlusTenPercentFromTheSecondCycle() {
        // 40 MiB in use, goal unchanged: retain 44 MiB (rounded up to 64 KiB).
        assertThat(Scavenger.gogcGoal(100, 2, 40 * MiB, 80 * MiB, 80 * MiB)).isEqualTo(44 * MiB);
        // The goal halves: so does what may be retained.
        assertThat(Scavenger.gogcGoal(100, 3, 40 * MiB, 40 * MiB, 80 * MiB)).isEqualTo(22 * MiB);
        assertThat(Scavenger.gogcGoal(100, 2, 40 * MiB + 1, 80 * MiB, 80 * MiB) % Scavenger.QUANTUM).isZero();
        // No goal in the first cycle, with GOGC off, or with no goal to scale by.
        assertThat(Scavenger.gogcGoal(100, 1, 40 * MiB, 80 * MiB, 80 * MiB)).isEqualTo(Long.MAX_VALUE);
        assertThat(Scavenger.gogcGoal(-1, 5, 40 * MiB, 80 * MiB, 80 * MiB)).isEqualTo(Long.MAX_VALUE);
        assertThat(Scavenger.gogcGoal(100, 5, 40 * MiB, Long.MAX_VALUE, 80 * MiB)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void limitGoalIsNinetyFivePercentOfTheLimit() {
        assertThat(Scavenger.limitGoal(100 * MiB)).isEqualTo(95 * MiB);
        assertThat(Scavenger.limitGoal(Long.MAX_VALUE)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void backgroundThreadReleasesFreePagesUntilMappedMemoryIsUnderTheLimitGoal() throws Exception {
        try (MHeap heap = MHeap.create(1L << 30)) {
            MCache c = heap.newMCache();
            for (int i = 0; i < 64; i++) {
                Malloc.mallocgc(c, MiB, null, true);
            }
            long keep = Malloc.mallocgc(c, 8 * MiB, null, true);
            heap.freeAllExcept(keep);                   // 64 MiB of free pages, 8 MiB in use
            long mappedBefore = heap.mappedReady();
            assertThat(mappedBefore).isGreaterThan(70 * MiB);
            Pacer pacer = new Pacer(-1, 32 * MiB);
            Scavenger s = new Scavenger(heap, pacer, 2).start();
            try {
                s.cycleEnded(record(pacer.heapGoal(heap.mappedReady(), heap.heapFreeBytes(), 8 * MiB)));
                long deadline = System.nanoTime() + 10_000_000_000L;
                while (heap.mappedReady() > 32 * MiB * 95 / 100 && System.nanoTime() < deadline) {
                    Thread.sleep(5);
                }
            } finally {
                s.stop();
            }
            // Down to the goal, no further: the scavenger stops once the goal holds.
            assertThat(heap.mappedReady()).isLessThanOrEqualTo(32 * MiB * 95 / 100)
                    .isGreaterThan(32 * MiB * 95 / 100 - Scavenger.QUANTUM);
            assertThat(s.released()).isEqualTo(mappedBefore - heap.mappedReady());
            assertThat(heap.readMemStats().heapReleased()).isEqualTo(s.released());
        }
    }

    @Test
    void withoutGoalsNothingIsReleased() throws Exception {
        try (MHeap heap = MHeap.create(1L << 30)) {
            MCache c = heap.newMCache();
            long x = Malloc.mallocgc(c, 16 * MiB, null, true);
            heap.freeAllExcept();
            Pacer pacer = new Pacer(100, Long.MAX_VALUE);
            Scavenger s = new Scavenger(heap, pacer, 2).start();
            s.cycleEnded(record(4 * MiB));           // the first cycle: no GOGC goal yet, no limit
            Thread.sleep(50);
            s.stop();
            assertThat(s.released()).isZero();
            assertThat(x).isNotZero();
        }
    }

    private static CycleRecord record(long goal) {
        return new CycleRecord(1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, goal, 0, 0, 2, false, 0, 0);
    }
}
