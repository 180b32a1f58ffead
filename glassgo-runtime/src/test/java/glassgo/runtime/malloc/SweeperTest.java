// Tests for the concurrent sweep's drivers: the sweepgen flip, lazy sweeping in mcentral.cacheSpan,
// sweepone and the done test, proportional sweep credit and finishsweep (mgcsweep.go's roles).
package glassgo.runtime.malloc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SweeperTest {
    private MHeap heap;
    private MCache c;

    @BeforeEach
    void setUp() {
        heap = MHeap.create(1L << 30);
        c = heap.newMCache();
    }

    @AfterEach
    void tearDown() {
        heap.close();
    }

    /** Allocates {@code n} objects of {@code size} and frees every other one (explicit frees clear marks). */
    private List<Long> allocHalfFreed(long size, int n) {
        List<Long> kept = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long x = Malloc.mallocgc(c, size, null, true);
            if (i % 2 == 0) {
                heap.freeObject(x);
            } else {
                kept.add(x);
            }
        }
        return kept;
    }

    private boolean unswept(long obj) {
        return heap.spanOf(obj).sweepgen == heap.sweepgen() - 2;
    }

    @Test
    void flipMakesEverySpanUnsweptAndARefillSweepsOnlyItsOwnClass() {
        List<Long> small = allocHalfFreed(64, 4000);
        List<Long> other = allocHalfFreed(1024, 400);
        heap.releaseAllMCaches();
        heap.startSweep();
        assertThat(heap.sweepDone()).isFalse();
        assertThat(small).allMatch(this::unswept);
        assertThat(other).allMatch(this::unswept);

        long y = Malloc.mallocgc(c, 64, null, true);
        MSpan s = heap.spanOf(y);
        assertThat(s.sweepgen).as("the refilled span was swept, then cached").isEqualTo(heap.sweepgen() + 3);
        assertThat(small).as("a freed slot of an existing span is reused, not a new span").anyMatch(k -> heap.spanOf(k) == s);
        assertThat(other).as("spans of another class stay unswept").allMatch(this::unswept);
    }

    @Test
    void sweeponeSweepsEverySpanOnceThenReportsDone() {
        allocHalfFreed(48, 3000);
        allocHalfFreed(40_000, 20);                       // large objects: half their spans die
        heap.releaseAllMCaches();
        long pagesInUse = heap.stats.heapInUse.get() >>> SizeClasses.PAGE_SHIFT;
        heap.startSweep();
        long pages = 0;
        for (long n = heap.sweepone(); n >= 0; n = heap.sweepone()) {
            pages += n;
        }
        assertThat(pages).isEqualTo(pagesInUse);
        assertThat(heap.sweepDone()).isTrue();
        assertThat(heap.finishSweep()).as("nothing left for the pause").isZero();
        assertThat(heap.readMemStats().frees()).isEqualTo(1500 + 10);
    }

    @Test
    void finishSweepSweepsTheRestAndCountsThemAsPauseSweeps() {
        allocHalfFreed(256, 2000);
        heap.releaseAllMCaches();
        heap.startSweep();
        heap.sweepone();
        long before = heap.pauseSweptSpans();
        long n = heap.finishSweep();
        assertThat(n).isPositive();
        assertThat(heap.pauseSweptSpans() - before).isEqualTo(n);
        assertThat(heap.sweepDone()).isTrue();
    }

    @Test
    void aNewFlipBeforeTheSweepIsDoneIsABrokenInvariant() {
        allocHalfFreed(64, 500);
        heap.releaseAllMCaches();
        heap.startSweep();
        assertThatThrownBy(heap::startSweep).hasMessageContaining("previous sweep is not finished");
    }

    @Test
    void proportionalSweepFinishesBeforeTheTriggerIsReached() {
        SplittableRandom rnd = new SplittableRandom(7);
        for (int i = 0; i < 20_000; i++) {
            long x = Malloc.mallocgc(c, 16 + rnd.nextInt(2000), null, true);
            if (rnd.nextInt(3) != 0) {
                heap.freeObject(x);
            }
        }
        heap.releaseAllMCaches();
        heap.startSweep();
        long runway = 4L << 20;
        heap.setTrigger(heap.heapLive() + (1 << 20) + runway);
        heap.paceSweeper(heap.trigger());
        // Allocate up to the trigger in large objects (no lazy sweep of small spans involved): the credit
        // alone must have swept everything by then (Go paces it to finish 1 MiB early).
        while (heap.heapLive() + (64 << 10) <= heap.trigger()) {
            if (heap.sweepDone()) {
                assertThat(heap.heapLive()).as("spread over the runway, not done at once")
                        .isGreaterThan(heap.trigger() - (1 << 20) - runway / 2);
            }
            Malloc.mallocgc(c, 64 << 10, null, true);
        }
        assertThat(heap.sweepDone()).as("pages swept keep pace with bytes allocated").isTrue();
        assertThat(heap.heapLive()).isLessThanOrEqualTo(heap.trigger());
    }
}
