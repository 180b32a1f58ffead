// Tests for MSpan's allocation bits: allocCache, nextFreeIndex, nextFreeFast, and the sweep.
package glassgo.runtime.malloc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MSpanTest {
    /** A span of class {@code sizeclass} at a made-up base: MSpan metadata needs no memory. */
    private static MSpan span(int sizeclass, long[] allocBits) {
        MSpan s = new MSpan(0x1000_0000L, SizeClasses.classToAllocNPages(sizeclass));
        s.initHeapSpan(SpanClass.make(sizeclass, true), 0);
        System.arraycopy(allocBits, 0, s.allocBits, 0, s.allocBits.length);
        s.refillAllocCache(0);
        return s;
    }

    private static long[] randomBits(Random r, int nelems, double density) {
        long[] bits = new long[(nelems + 63) / 64];
        for (int i = 0; i < nelems; i++) {
            if (r.nextDouble() < density) {
                bits[i >>> 6] |= 1L << i;
            }
        }
        return bits;
    }

    @Test
    void nextFreeIndexVisitsExactlyTheFreeSlotsInOrder() {
        Random r = new Random(1);
        for (int trial = 0; trial < 300; trial++) {
            int sc = 1 + r.nextInt(20);
            int nelems = SizeClasses.objectsPerSpan(sc);
            long[] bits = randomBits(r, nelems, r.nextDouble());
            MSpan s = span(sc, bits);
            List<Integer> expected = new ArrayList<>();
            for (int i = 0; i < nelems; i++) {
                if ((bits[i >>> 6] & (1L << i)) == 0) {
                    expected.add(i);
                }
            }
            List<Integer> got = new ArrayList<>();
            for (int idx = s.nextFreeIndex(); idx < nelems; idx = s.nextFreeIndex()) {
                got.add(idx);
            }
            assertThat(got).as("class %d trial %d", sc, trial).isEqualTo(expected);
            assertThat(s.freeindex()).isEqualTo(nelems);
            assertThat(s.nextFreeIndex()).isEqualTo(nelems);
        }
    }

    @Test
    void nextFreeFastAgreesWithNextFreeIndexAndDefersAtA64SlotBoundary() {
        Random r = new Random(2);
        for (int trial = 0; trial < 200; trial++) {
            int sc = 1 + r.nextInt(10);
            long[] bits = randomBits(r, SizeClasses.objectsPerSpan(sc), 0.3);
            MSpan fast = span(sc, bits);
            MSpan slow = span(sc, bits);
            while (true) {
                long addr = fast.nextFreeFast();
                int idx = slow.nextFreeIndex();
                if (addr == 0) {
                    // Fast path declined: the span is full, or no free slot is left in the cached 64-slot
                    // window, or the next slot ends the window (the cache would need a refill).
                    int windowEnd = (fast.freeindex() + 64) & ~63;
                    int viaSlow = fast.nextFreeIndex();
                    assertThat(viaSlow).isEqualTo(idx);
                    if (idx == slow.nelems()) {
                        break;
                    }
                    assertThat(idx >= windowEnd || (idx + 1) % 64 == 0).as("declined at %d", idx).isTrue();
                    continue;
                }
                assertThat(addr).isEqualTo(slow.objectBase(idx));
                assertThat(fast.freeindex()).isEqualTo(slow.freeindex());
            }
        }
    }

    @Test
    void emptySentinelHasNoFreeSlot() {
        assertThat(MSpan.EMPTY.nextFreeFast()).isZero();
        assertThat(MSpan.EMPTY.nextFreeIndex()).isZero();
    }

    /** mcache.nextFree's effect on one span: fast path, else the slow scan; then allocate-black, as mallocgc does. */
    private static void allocate(MSpan s) {
        long x = s.nextFreeFast();
        int idx;
        if (x == 0) {
            idx = s.nextFreeIndex();
            s.allocCount++;
        } else {
            idx = s.objIndex(x);
        }
        s.markNewObject(idx);
    }

    @Test
    void sweepKeepsMarkedObjectsAndFreesTheRest() {
        MSpan s = span(4, new long[4]);
        for (int i = 0; i < 100; i++) {
            allocate(s);
        }
        for (int i = 0; i < 100; i += 3) {
            assertThat(s.unmark(i)).isTrue();
        }
        assertThat(s.unmark(0)).as("second unmark of the same object").isFalse();
        int freed = s.sweep(false);
        assertThat(freed).isEqualTo(34);
        assertThat(s.allocCount()).isEqualTo(66);
        assertThat(s.needzero()).isTrue();
        assertThat(s.freeindex()).isZero();
        for (int i = 0; i < 100; i++) {
            assertThat(s.isFree(i)).as("slot %d", i).isEqualTo(i % 3 == 0);
        }
        // The sweep's freed slots come back first, lowest index first.
        assertThat(s.nextFreeIndex()).isZero();
        assertThat(s.nextFreeIndex()).isEqualTo(3);
    }

    @Test
    void objIndexMapsInteriorAddressesToTheirSlot() {
        MSpan s = span(19, new long[1]);
        assertThat(s.objIndex(s.base() + 288 * 5 + 287)).isEqualTo(5);
        assertThat(s.objIndex(s.base() + 288 * 6)).isEqualTo(6);
    }
}
