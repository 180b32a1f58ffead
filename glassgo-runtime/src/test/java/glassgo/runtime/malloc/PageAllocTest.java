// Tests for PageAlloc (first fit, coalescing, scavenged bits) and PageCache.
package glassgo.runtime.malloc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PageAllocTest {
    private static PageAlloc grown(int chunks) {
        PageAlloc p = new PageAlloc(16 * 512);
        p.grow(0, chunks * 512L);
        return p;
    }

    @Test
    void allocationIsFirstFitAtTheLowestAddress() {
        PageAlloc p = grown(2);
        assertThat(p.alloc(3)).isEqualTo(0);
        assertThat(p.alloc(5)).isEqualTo(3);
        assertThat(p.alloc(1)).isEqualTo(8);
        p.free(3, 5);
        assertThat(p.alloc(2)).as("lowest hole first").isEqualTo(3);
        assertThat(p.alloc(4)).as("does not fit in the 3-page rest of the hole").isEqualTo(9);
        assertThat(p.alloc(3)).isEqualTo(5);
    }

    @Test
    void freedNeighboursCoalesceIntoOneRun() {
        PageAlloc p = grown(1);
        long a = p.alloc(10);
        long b = p.alloc(10);
        long c = p.alloc(10);
        p.alloc(482);
        assertThat(p.alloc(1)).as("chunk full").isEqualTo(-1);
        p.free(a, 10);
        p.free(c, 10);
        assertThat(p.alloc(20)).as("two separate holes of 10").isEqualTo(-1);
        p.free(b, 10);
        assertThat(p.alloc(30)).as("the three runs coalesced").isEqualTo(a);
    }

    @Test
    void runsCrossChunkAndWordBoundaries() {
        PageAlloc p = grown(3);
        p.alloc(500);
        assertThat(p.alloc(600)).isEqualTo(500);
        assertThat(p.alloc(1)).isEqualTo(1100);
    }

    @Test
    void grownMemoryIsScavengedAndAllocationReportsIt() {
        PageAlloc p = grown(1);
        assertThat(p.scavengedPages()).isEqualTo(512);
        long a = p.alloc(4);
        assertThat(p.lastScav()).isEqualTo(4);
        p.free(a, 4);
        assertThat(p.isScavenged(a)).as("freed pages are backed until scavenged").isFalse();
        assertThat(p.alloc(4)).isEqualTo(a);
        assertThat(p.lastScav()).isZero();
    }

    @Test
    void scavengeReleasesHighestFreeUnscavengedPagesFirst() {
        PageAlloc p = grown(1);
        long a = p.alloc(100);
        p.free(a + 10, 20);
        p.free(a + 50, 30);
        List<long[]> released = new ArrayList<>();
        long n = p.scavenge(35, (page, cnt) -> {
            released.add(new long[] {page, cnt});
            return cnt;
        });
        assertThat(n).isEqualTo(35);
        assertThat(released.get(0)).containsExactly(a + 50, 30);
        assertThat(released.get(1)).containsExactly(a + 25, 5);
        assertThat(p.isScavenged(a + 24)).isFalse();
    }

    @Test
    void randomAllocFreeMatchesAReferenceModel() {
        Random r = new Random(7);
        PageAlloc p = grown(4);
        boolean[] used = new boolean[4 * 512];
        List<long[]> live = new ArrayList<>();
        for (int step = 0; step < 20000; step++) {
            if (live.isEmpty() || r.nextInt(3) > 0) {
                int n = 1 + (r.nextInt(10) == 0 ? r.nextInt(700) : r.nextInt(16));
                long expect = -1;
                for (int i = 0, run = 0; i < used.length; i++) {
                    run = used[i] ? 0 : run + 1;
                    if (run == n) {
                        expect = i - n + 1;
                        break;
                    }
                }
                long got = p.alloc(n);
                assertThat(got).as("step %d n %d", step, n).isEqualTo(expect);
                if (got >= 0) {
                    for (int i = 0; i < n; i++) {
                        used[(int) got + i] = true;
                    }
                    live.add(new long[] {got, n});
                }
            } else {
                long[] f = live.remove(r.nextInt(live.size()));
                p.free(f[0], f[1]);
                for (int i = 0; i < f[1]; i++) {
                    used[(int) f[0] + i] = false;
                }
            }
        }
    }

    @Test
    void pageCacheServesSinglePagesAndRunsAndFlushesBack() {
        PageAlloc p = grown(1);
        p.alloc(3);
        PageCache c = p.allocToCache();
        assertThat(c.basePage()).isZero();
        assertThat(Long.bitCount(c.freeBits())).isEqualTo(61);
        assertThat(c.alloc(1)).isEqualTo(3);
        assertThat(c.alloc(4)).isEqualTo(4);
        assertThat(p.alloc(1)).as("the heap skips the cached block").isEqualTo(64);
        p.flushCache(c);
        assertThat(p.alloc(1)).isEqualTo(8);
    }

    @Test
    void findRunFindsTheLowestRunOfOnes() {
        assertThat(PageCache.findRun(0b1110_1100L, 3)).isEqualTo(5);
        assertThat(PageCache.findRun(0b1110_1100L, 4)).isEqualTo(-1);
        assertThat(PageCache.findRun(-1L, 64)).isZero();
        assertThat(PageCache.findRun(0xF000_0000_0000_0000L, 4)).isEqualTo(60);
    }
}
