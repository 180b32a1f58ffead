// MSpan: a run of pages holding objects of one span class. Mirrors runtime/mheap.go's mspan and the
// allocation-bit machinery of runtime/mbitmap.go (nextFreeIndex, refillAllocCache) and mcache.go's
// nextFreeFast.
package glassgo.runtime.malloc;

/**
 * Span metadata. Go keeps mspans off-heap in a fixalloc; glassgo keeps them as Java objects because
 * they are runtime metadata that no Go pointer ever refers to: the objects themselves live in native
 * memory at {@code base + i*elemsize}. Bitmaps are Java {@code long[]} for the same reason (Go carves
 * them from off-heap gcBits arenas).
 *
 * <p>Allocation state, as in Go:
 * <ol>
 *   <li>Slots below {@code freeindex} are allocated; at or above it, slot i is free iff allocBits[i] == 0.</li>
 *   <li>{@code allocCache} holds the complement of the 64 allocBits starting at {@code freeindex} rounded down
 *       to 64, shifted so that bit 0 is slot {@code freeindex}: count-trailing-zeros finds the next free slot.</li>
 *   <li>{@code gcmarkBits} are the objects that survive the next sweep. With a collector attached
 *       ({@link MHeap#attachCollector}) they are set by marking and by allocation during the mark phase
 *       only (Go's allocate-black). Without one, allocation always marks and {@link MHeap#freeObject}
 *       clears the bit, so the sweep — allocBits ← gcmarkBits, exactly Go's — frees what was freed
 *       explicitly.</li>
 * </ol>
 */
public final class MSpan {
    /** mSpanState: mSpanDead and mSpanInUse (mSpanManual, for stacks, comes with the stack allocator). */
    public static final int DEAD = 0, IN_USE = 1;

    /** The sentinel every mcache slot starts with: no free slots, so the first allocation refills. */
    static final MSpan EMPTY = new MSpan(0, 0);

    final long base;
    final int npages;
    int spanclass;
    long elemsize;
    int nelems;
    long limit;
    long divMul;
    int freeindex;
    long allocCache;
    long[] allocBits;
    long[] gcmarkBits;
    int allocCount;
    int allocCountBeforeCache;
    int sweepgen;
    boolean needzero;
    volatile int state = DEAD;

    MSpan(long base, int npages) {
        this.base = base;
        this.npages = npages;
    }

    /** mheap.initSpan for heap spans: geometry, fresh bits, an allocCache of all-free. */
    void initHeapSpan(int spc, long largeSize) {
        spanclass = spc;
        int sizeclass = SpanClass.sizeclass(spc);
        if (sizeclass == 0) {
            elemsize = (long) npages << SizeClasses.PAGE_SHIFT;
            nelems = 1;
            limit = base + largeSize;
            divMul = 0;
        } else {
            elemsize = SizeClasses.classToSize(sizeclass);
            nelems = (int) (((long) npages << SizeClasses.PAGE_SHIFT) / elemsize);
            limit = base + nelems * elemsize;
            divMul = SizeClasses.classToDivMagic(sizeclass);
        }
        freeindex = 0;
        allocCount = 0;
        allocBits = new long[(nelems + 63) >>> 6];
        gcmarkBits = new long[allocBits.length];
        allocCache = ~0L;
    }

    public long base() {
        return base;
    }

    public int npages() {
        return npages;
    }

    public long limit() {
        return limit;
    }

    public long elemsize() {
        return elemsize;
    }

    public int nelems() {
        return nelems;
    }

    public int allocCount() {
        return allocCount;
    }

    public int spanclass() {
        return spanclass;
    }

    public int sizeclass() {
        return SpanClass.sizeclass(spanclass);
    }

    public boolean noscan() {
        return SpanClass.noscan(spanclass);
    }

    public int state() {
        return state;
    }

    public int freeindex() {
        return freeindex;
    }

    public boolean needzero() {
        return needzero;
    }

    /** The index of the object containing {@code addr} (Go's objIndex, by magic division). */
    public int objIndex(long addr) {
        if (divMul == 0) {
            return 0;
        }
        return (int) (((addr - base) * divMul) >>> 32);
    }

    public long objectBase(int idx) {
        return base + idx * elemsize;
    }

    /** Go's isFree: slots below freeindex are allocated, the rest per allocBits. */
    public boolean isFree(int idx) {
        if (idx < freeindex) {
            return false;
        }
        return (allocBits[idx >>> 6] & (1L << idx)) == 0;
    }

    public boolean isMarked(int idx) {
        return (gcmarkBits[idx >>> 6] & (1L << idx)) != 0;
    }

    /** Loads the complement of the 64 alloc bits starting at {@code whichBit} (a multiple of 64). */
    void refillAllocCache(int whichBit) {
        allocCache = ~allocBits[whichBit >>> 6];
    }

    /**
     * mcache's nextFreeFast: the next free slot if the cache has one and no refill is needed, else 0.
     * The caller marks the object when the heap allocates black ({@link Malloc#mallocgc}).
     */
    long nextFreeFast() {
        int theBit = Long.numberOfTrailingZeros(allocCache);
        if (theBit < 64) {
            int result = freeindex + theBit;
            if (result < nelems) {
                int freeidx = result + 1;
                if ((freeidx & 63) == 0 && freeidx != nelems) {
                    return 0;
                }
                allocCache = (allocCache >>> theBit) >>> 1;
                freeindex = freeidx;
                allocCount++;
                return base + result * elemsize;
            }
        }
        return 0;
    }

    /**
     * Go's nextFreeIndex: the index of the next free slot at or after freeindex, or nelems when the span
     * is full. Advances freeindex past the returned slot and refills allocCache 64 bits at a time.
     */
    int nextFreeIndex() {
        int sfreeindex = freeindex;
        int snelems = nelems;
        if (sfreeindex == snelems) {
            return sfreeindex;
        }
        long aCache = allocCache;
        int bitIndex = Long.numberOfTrailingZeros(aCache);
        while (bitIndex == 64) {
            sfreeindex = (sfreeindex + 64) & ~63;
            if (sfreeindex >= snelems) {
                freeindex = snelems;
                return snelems;
            }
            refillAllocCache(sfreeindex);
            aCache = allocCache;
            bitIndex = Long.numberOfTrailingZeros(aCache);
        }
        int result = sfreeindex + bitIndex;
        if (result >= snelems) {
            freeindex = snelems;
            return snelems;
        }
        allocCache = (aCache >>> bitIndex) >>> 1;
        sfreeindex = result + 1;
        if ((sfreeindex & 63) == 0 && sfreeindex != snelems) {
            refillAllocCache(sfreeindex);
        }
        freeindex = sfreeindex;
        return result;
    }

    /** Sets an object's mark bit atomically (allocate-black, or a marker that need not know who won). */
    public void markNewObject(int idx) {
        MARK_WORD.getAndBitwiseOr(gcmarkBits, idx >>> 6, 1L << idx);
    }

    /**
     * greyobject's test-and-set: sets the mark bit of object {@code idx} atomically and returns true if
     * this call set it (the caller then owns queueing it), false if it was already marked. Mark bits are
     * set from many Ps at once during concurrent mark, so a plain read-modify-write would lose marks.
     */
    public boolean tryMark(int idx) {
        long bit = 1L << idx;
        if (((long) MARK_WORD.getVolatile(gcmarkBits, idx >>> 6) & bit) != 0) {
            return false;
        }
        return ((long) MARK_WORD.getAndBitwiseOr(gcmarkBits, idx >>> 6, bit) & bit) == 0;
    }

    private static final java.lang.invoke.VarHandle MARK_WORD =
            java.lang.invoke.MethodHandles.arrayElementVarHandle(long[].class);

    /** Clears an object's mark bit; returns false if it was not marked (already freed or never allocated). */
    boolean unmark(int idx) {
        long bit = 1L << idx;
        long w = gcmarkBits[idx >>> 6];
        if ((w & bit) == 0) {
            return false;
        }
        gcmarkBits[idx >>> 6] = w & ~bit;
        return true;
    }

    /**
     * The sweep of one span (mgcsweep.go's mspan.sweep, without specials): surviving objects are the marked
     * ones; allocBits become the mark bits; the scan restarts at slot 0. Returns the number of objects freed.
     * With a collector attached ({@code clearMarks}) the mark bits start the next cycle clear, as Go's
     * fresh gcmarkBits do; without one, survivors stay marked because only explicit frees unmark.
     */
    int sweep(boolean clearMarks) {
        int nalloc = 0;
        for (long w : gcmarkBits) {
            nalloc += Long.bitCount(w);
        }
        int nfreed = allocCount - nalloc;
        if (nfreed < 0) {
            throw new IllegalStateException("runtime: sweep: more marked objects (" + nalloc
                    + ") than allocated (" + allocCount + ") in span at 0x" + Long.toHexString(base));
        }
        if (nfreed > 0) {
            needzero = true;
        }
        allocCount = nalloc;
        if (clearMarks) {
            allocBits = gcmarkBits;
            gcmarkBits = new long[allocBits.length];
        } else {
            allocBits = gcmarkBits.clone();
        }
        freeindex = 0;
        refillAllocCache(0);
        return nfreed;
    }

    @Override
    public String toString() {
        return "span[0x" + Long.toHexString(base) + ", npages=" + npages + ", spc=" + spanclass + ", elemsize="
                + elemsize + ", " + allocCount + "/" + nelems + "]";
    }
}
