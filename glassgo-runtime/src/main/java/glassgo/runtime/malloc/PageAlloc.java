// PageAlloc: which heap pages are free and which were returned to the OS. Mirrors runtime/mpagealloc.go,
// mpallocbits.go and the scavenged bits of mgcscavenge.go, with a flat bitmap instead of the radix tree.
package glassgo.runtime.malloc;

import java.util.function.LongBinaryOperator;

/**
 * Page allocator over the pages of one reservation, indexed from its base (page 0 = base).
 *
 * <p>Go 1.19 keeps, per 4 MiB chunk of 512 pages, a 512-bit "in use" bitmap and a 512-bit "scavenged"
 * bitmap, and finds free runs with a 5-level radix tree of (start, max, end) summaries. glassgo keeps the
 * same two bitmaps, but flat over the whole reservation (the heap grows contiguously, chunk after chunk),
 * and finds runs by scanning 64 pages per word from {@code searchPage}, a lower bound on the first free
 * page (Go's searchAddr). The observable behaviour is Go's:
 * <ol>
 *   <li>{@link #alloc} is address-ordered first fit: the lowest run of n free pages;</li>
 *   <li>{@link #free} makes pages reusable at once; adjacent free runs coalesce for free, being bits;</li>
 *   <li>{@link #grow} adds whole 512-page chunks, all free and all scavenged;</li>
 *   <li>{@link #alloc} reports how many of the pages it hands out were scavenged (they must be sysUsed);</li>
 *   <li>{@link #scavenge} releases the highest-addressed free, unscavenged pages first.</li>
 * </ol>
 * The cost of the simplification: a search is linear in the pages below the first fit (64 per step)
 * rather than logarithmic; it stays cheap because searchPage skips the dense low part of the heap.
 * Not thread-safe: the caller holds the heap lock.
 */
final class PageAlloc {
    static final int CHUNK_PAGES = 512;

    private final long[] inUse;
    private final long[] scavenged;
    /** Pages [0, limitPage) have been grown into. */
    private long limitPage;
    /** Every page below searchPage is in use. */
    private long searchPage;
    /** Scavenged pages covered by the last {@link #alloc}. */
    private long lastScav;

    PageAlloc(long totalPages) {
        inUse = new long[(int) ((totalPages + 63) >>> 6)];
        scavenged = new long[inUse.length];
    }

    long limitPage() {
        return limitPage;
    }

    /** Adds [page, page+npages) as free and scavenged; must extend the current limit. */
    void grow(long page, long npages) {
        if (page != limitPage || npages % CHUNK_PAGES != 0) {
            throw new IllegalStateException("runtime: pageAlloc.grow not contiguous at page " + page);
        }
        setRange(scavenged, page, npages, true);
        limitPage += npages;
    }

    /** First fit: the lowest page of a run of {@code npages} free pages, marked in use; -1 if none. */
    long alloc(long npages) {
        long base = findFree(searchPage, npages);
        if (base < 0) {
            return -1;
        }
        lastScav = countRange(scavenged, base, npages);
        setRange(inUse, base, npages, true);
        setRange(scavenged, base, npages, false);
        if (base == searchPage) {
            searchPage = base + npages;
        }
        return base;
    }

    /** Scavenged pages among those the last successful {@link #alloc} returned. */
    long lastScav() {
        return lastScav;
    }

    void free(long page, long npages) {
        if (countRange(inUse, page, npages) != npages) {
            throw new IllegalStateException("runtime: pageAlloc.free of pages not in use at page " + page);
        }
        setRange(inUse, page, npages, false);
        searchPage = Math.min(searchPage, page);
    }

    /**
     * Takes the 64-page block holding the first free page for a P's page cache (mpagecache.go
     * allocToCache): all its free pages become in use here and owned by the cache. Returns null if no page
     * is free.
     */
    PageCache allocToCache() {
        long first = findFree(searchPage, 1);
        if (first < 0) {
            return null;
        }
        int w = (int) (first >>> 6);
        long free = ~inUse[w];
        if (((long) w << 6) + 64 > limitPage) {
            free &= (1L << (limitPage - ((long) w << 6))) - 1;
        }
        PageCache c = new PageCache((long) w << 6, free, scavenged[w] & free);
        inUse[w] |= free;
        scavenged[w] &= ~free;
        // Every page before `first` was in use and the whole block is now: the bound moves past it.
        searchPage = ((long) w << 6) + 64;
        return c;
    }

    /** Gives a page cache's unused pages back, keeping their scavenged state (pageCache.flush). */
    void flushCache(PageCache c) {
        int w = (int) (c.basePage() >>> 6);
        long pages = c.freeBits();
        if ((inUse[w] & pages) != pages) {
            throw new IllegalStateException("runtime: pageCache.flush of pages not owned by the cache");
        }
        inUse[w] &= ~pages;
        scavenged[w] |= c.scavBits();
        searchPage = Math.min(searchPage, c.basePage() + Long.numberOfTrailingZeros(pages));
    }

    /**
     * Releases up to {@code maxPages} free, unscavenged pages, highest addresses first, calling
     * {@code release(page, npages)} for each run (which does the madvise). Returns pages released.
     */
    long scavenge(long maxPages, LongBinaryOperator release) {
        long released = 0;
        long p = limitPage;
        while (p > 0 && released < maxPages) {
            // Find the highest candidate page below p: free and not scavenged.
            long top = -1;
            while (p > 0) {
                p--;
                if (!test(inUse, p) && !test(scavenged, p)) {
                    top = p;
                    break;
                }
            }
            if (top < 0) {
                break;
            }
            long bottom = top;
            while (bottom > 0 && top - bottom + 1 < maxPages - released
                    && !test(inUse, bottom - 1) && !test(scavenged, bottom - 1)) {
                bottom--;
            }
            long n = top - bottom + 1;
            release.applyAsLong(bottom, n);
            setRange(scavenged, bottom, n, true);
            released += n;
            p = bottom;
        }
        return released;
    }

    boolean isScavenged(long page) {
        return test(scavenged, page);
    }

    /** Scavenged pages in [0, limitPage). */
    long scavengedPages() {
        return countRange(scavenged, 0, limitPage);
    }

    /** The lowest page p ≥ from starting a run of n free pages below limitPage, or -1. */
    private long findFree(long from, long n) {
        long runStart = -1;
        long runLen = 0;
        long p = from;
        while (p < limitPage) {
            int bit = (int) (p & 63);
            int avail = (int) Math.min(64 - bit, limitPage - p);
            long free = ~inUse[(int) (p >>> 6)] >>> bit;
            if (avail < 64) {
                free &= (1L << avail) - 1;
            }
            if (free == 0) {
                runLen = 0;
                p += avail;
                continue;
            }
            int off = 0;
            while (off < avail) {
                long rest = free >>> off;
                if (rest == 0) {
                    runLen = 0;
                    break;
                }
                int used = Long.numberOfTrailingZeros(rest);
                if (used > 0) {
                    runLen = 0;
                    off += used;
                    rest >>>= used;
                }
                int ones = Math.min(Long.numberOfTrailingZeros(~rest), avail - off);
                if (runLen == 0) {
                    runStart = p + off;
                }
                runLen += ones;
                if (runLen >= n) {
                    return runStart;
                }
                off += ones;
            }
            p += avail;
        }
        return -1;
    }

    private static boolean test(long[] bits, long page) {
        return (bits[(int) (page >>> 6)] & (1L << page)) != 0;
    }

    private static void setRange(long[] bits, long page, long n, boolean value) {
        long end = page + n;
        while (page < end) {
            int bit = (int) (page & 63);
            int cnt = (int) Math.min(64 - bit, end - page);
            long mask = (cnt == 64 ? ~0L : ((1L << cnt) - 1)) << bit;
            int w = (int) (page >>> 6);
            bits[w] = value ? bits[w] | mask : bits[w] & ~mask;
            page += cnt;
        }
    }

    private static long countRange(long[] bits, long page, long n) {
        long end = page + n;
        long count = 0;
        while (page < end) {
            int bit = (int) (page & 63);
            int cnt = (int) Math.min(64 - bit, end - page);
            long mask = (cnt == 64 ? ~0L : ((1L << cnt) - 1)) << bit;
            count += Long.bitCount(bits[(int) (page >>> 6)] & mask);
            page += cnt;
        }
        return count;
    }
}
