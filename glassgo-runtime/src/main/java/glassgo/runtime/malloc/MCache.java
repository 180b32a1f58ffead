// MCache: a P's private allocation cache: one span per span class, the tiny block, the page cache.
// Mirrors runtime/mcache.go (and the pageCache field of runtime2.go's p).
package glassgo.runtime.malloc;

/**
 * Owned by one P, so nothing here is synchronized: only the M running that P allocates through it.
 * Until the scheduler's P owns the page cache, it is kept here, one per mcache, which is the same
 * thing since each P has exactly one mcache.
 *
 * <p>Counting follows Go: small-object mallocs are added to the heap's per-class counts when a span is
 * uncached (refill, releaseAll), as {@code allocCount - allocCountBeforeCache}; {@link MHeap#readMemStats}
 * adds the counts still pending in cached spans.
 */
public final class MCache {
    final MHeap heap;
    final MSpan[] alloc = new MSpan[SpanClass.NUM_SPAN_CLASSES];
    /** Tiny allocator: current 16-byte block (0 if none) and the offset of its first free byte. */
    long tiny;
    long tinyoffset;
    /** Tiny allocations served from a block; counted in both Mallocs and Frees (Go's tinyAllocs). */
    long tinyAllocs;
    PageCache pageCache = PageCache.empty();
    /** Bytes allocated black (marked at allocation) since the collector last took them: part of heapMarked. */
    long blackBytes;

    MCache(MHeap heap) {
        this.heap = heap;
        java.util.Arrays.fill(alloc, MSpan.EMPTY);
    }

    public MHeap heap() {
        return heap;
    }

    /**
     * The slow path of small allocation: the next free slot of the cached span, refilling from the
     * mcentral when the span is full. Returns the object's address and marks it.
     */
    long nextFree(int spc) {
        MSpan s = alloc[spc];
        int freeIndex = s.nextFreeIndex();
        if (freeIndex == s.nelems) {
            if (s.allocCount != s.nelems) {
                throw new IllegalStateException("runtime: s.allocCount != s.nelems && freeIndex == s.nelems");
            }
            s = refill(spc);
            freeIndex = s.nextFreeIndex();
        }
        if (freeIndex >= s.nelems) {
            throw new IllegalStateException("runtime: freeIndex is not valid");
        }
        s.allocCount++;
        if (s.allocCount > s.nelems) {
            throw new IllegalStateException("runtime: s.allocCount > s.nelems");
        }
        return s.base + freeIndex * s.elemsize;
    }

    /** Replaces the full span of class {@code spc} with one that has a free slot (mcache.refill). */
    MSpan refill(int spc) {
        MSpan s = alloc[spc];
        if (s != MSpan.EMPTY) {
            if (s.allocCount != s.nelems) {
                throw new IllegalStateException("runtime: refill of span with free space remaining");
            }
            flushAllocCount(s);
            heap.central(spc).uncacheSpan(s);
            alloc[spc] = MSpan.EMPTY; // consistent even if cacheSpan below dies of out-of-memory
        }
        s = heap.central(spc).cacheSpan(this);
        s.allocCountBeforeCache = s.allocCount;
        alloc[spc] = s;
        // Go's heapLive counts a cached span's free slots as allocated from the moment it is cached.
        heap.addHeapLive((long) (s.nelems - s.allocCount) * s.elemsize);
        return s;
    }

    private void flushAllocCount(MSpan s) {
        heap.stats.addSmallAllocs(s.sizeclass(), s.allocCount - s.allocCountBeforeCache);
        s.allocCountBeforeCache = s.allocCount;
    }

    /** Adds the mallocs pending in cached spans to the heap's counts (ReadMemStats' flush, world stopped). */
    void flushStats() {
        for (MSpan s : alloc) {
            if (s != MSpan.EMPTY) {
                flushAllocCount(s);
            }
        }
        heap.stats.addTinyAllocs(tinyAllocs);
        tinyAllocs = 0;
    }

    /** Uncaches every span and drops the tiny block (mcache.releaseAll, at the start of a sweep). */
    void releaseAll() {
        for (int spc = 0; spc < alloc.length; spc++) {
            MSpan s = alloc[spc];
            if (s != MSpan.EMPTY) {
                flushAllocCount(s);
                heap.addHeapLive(-(long) (s.nelems - s.allocCount) * s.elemsize);
                heap.central(spc).uncacheSpan(s);
                alloc[spc] = MSpan.EMPTY;
            }
        }
        heap.stats.addTinyAllocs(tinyAllocs);
        tinyAllocs = 0;
        tiny = 0;
        tinyoffset = 0;
    }
}
