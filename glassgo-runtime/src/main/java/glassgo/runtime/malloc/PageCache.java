// PageCache: a P's private stash of up to 64 free pages, so small spans need no heap lock.
// Mirrors runtime/mpagecache.go.
package glassgo.runtime.malloc;

/**
 * 64 pages starting at a 64-page-aligned {@code basePage}; bit i of {@code cache} set = page free in the
 * cache, bit i of {@code scav} set = that page was scavenged (must be sysUsed when handed out). Serves
 * requests of fewer than 16 pages: one page by count-trailing-zeros, more by searching a run of ones.
 */
final class PageCache {
    static final int PAGES = 64;
    /** Requests below this many pages use the cache (mheap.allocSpan: npages < pageCachePages/4). */
    static final int MAX_PAGES = PAGES / 4;

    private final long basePage;
    private long cache;
    private long scav;
    private long lastScav;

    PageCache(long basePage, long cache, long scav) {
        this.basePage = basePage;
        this.cache = cache;
        this.scav = scav;
    }

    static PageCache empty() {
        return new PageCache(0, 0, 0);
    }

    boolean isEmpty() {
        return cache == 0;
    }

    long basePage() {
        return basePage;
    }

    long freeBits() {
        return cache;
    }

    long scavBits() {
        return scav;
    }

    /** Scavenged pages among those the last successful {@link #alloc} returned. */
    long lastScav() {
        return lastScav;
    }

    /** The first page of a run of {@code npages} free pages, taken out of the cache; -1 if there is none. */
    long alloc(int npages) {
        if (cache == 0) {
            return -1;
        }
        int i;
        if (npages == 1) {
            i = Long.numberOfTrailingZeros(cache);
        } else {
            i = findRun(cache, npages);
            if (i < 0) {
                return -1;
            }
        }
        long mask = (npages == 64 ? ~0L : (1L << npages) - 1) << i;
        lastScav = Long.bitCount(scav & mask);
        cache &= ~mask;
        scav &= ~mask;
        return basePage + i;
    }

    /** Lowest index of n consecutive one bits in x, or -1 (mpallocbits.go's findBitRange64). */
    static int findRun(long x, int n) {
        // After the loop, bit i is set iff bits i..i+n-1 of x are all set.
        long p = x;
        int k = 1;
        while (k < n && p != 0) {
            int s = Math.min(k, n - k);
            p &= p >>> s;
            k += s;
        }
        return p == 0 ? -1 : Long.numberOfTrailingZeros(p);
    }
}
