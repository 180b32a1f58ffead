// MHeap: the global heap: arenas, the page allocator, one mcentral per span class, span allocation and
// freeing, growth, the sweep and the counters. Mirrors runtime/mheap.go (and mgcsweep.go's sweepone for
// the explicit free path glassgo needs until it has a collector).
package glassgo.runtime.malloc;

import glassgo.runtime.mem.AddressSpace;
import glassgo.runtime.mem.RuntimeFault;
import glassgo.runtime.mem.SysMem;

import java.util.ArrayList;
import java.util.List;

/**
 * The heap of one glassgo process (tests create several; each owns its reservation).
 *
 * <p>Spans come from {@link #alloc}, in Go's steps:
 * <ol>
 *   <li>fewer than 16 pages and a P's page cache at hand: take them from the page cache, refilling it with
 *       one 64-page block under the heap lock when empty — no lock on the common path;</li>
 *   <li>otherwise, under the heap lock: first-fit from the page allocator; if nothing fits,
 *       {@link #grow} by whole 4 MiB chunks (Reserved → Prepared, counted as released) and retry;</li>
 *   <li>initialise the span; {@code needzero} unless the pages are above the arena's zeroedBase;</li>
 *   <li>sysUsed the scavenged pages; move bytes from free/released to in-use;</li>
 *   <li>map every page to the span, set the pageInUse bit, publish {@code state = IN_USE}.</li>
 * </ol>
 *
 * <p>Freeing, without a collector: {@link #freeObject} clears an object's mark bit; {@link #sweepAll}
 * (world stopped) is a sweep phase: release all mcaches, advance sweepgen by 2 (every span becomes
 * unswept), sweep every span so that allocBits = gcmarkBits, and give empty spans back to the page
 * allocator. {@link #scavenge} returns free pages to the OS with madvise(MADV_DONTNEED).
 */
public final class MHeap implements AutoCloseable {
    private final AddressSpace space;
    private final HeapArena[] arenas;
    private final MCentral[] central = new MCentral[SpanClass.NUM_SPAN_CLASSES];
    private final PageAlloc pages;
    private final List<MCache> allMCaches = new ArrayList<>();
    /** End of the grown heap: the next chunk to map (Go's curArena.base). */
    private long curBase;
    private volatile int sweepgen;
    final HeapStats stats = new HeapStats();
    /** The sweep phase's state and drivers (mgcsweep.go). */
    final Sweeper sweeper = new Sweeper(this);
    /** Address of every zero-byte allocation, outside the heap like Go's zerobase global. */
    private final long zerobase;
    private boolean closed;

    // --- the collector's hooks (mgc.go's gcphase-dependent parts of mallocgc and the sweeper) ---------

    /**
     * What an attached collector does at the top of mallocgc when {@link #gcPoll} is raised: start a cycle
     * when heapLive reached the trigger, pay assist debt during mark, count allocations for gcstress.
     * Called before the object is allocated, on the allocating goroutine, with its P's mcache.
     */
    public interface CollectorHook {
        void allocPoll(MCache c, long size);
    }

    /** Objects allocated now are marked (Go: gcphase != _GCoff). True while no collector is attached. */
    volatile boolean allocBlack = true;
    /** Raised when mallocgc must call the collector first; see {@link CollectorHook}. */
    volatile boolean gcPoll;
    private volatile CollectorHook collector;
    /**
     * The running goroutine's mcache (Go's getg().m.p.mcache), re-read after a collector poll: the poll may park
     * the goroutine (waiting for worldsema, finishing the mark) and resume it on another P, whose mcache it must
     * then use. Null: the caller's mcache stays valid (no goroutines move, e.g. single-threaded tests).
     */
    private volatile java.util.function.Supplier<MCache> currentMCache;
    /** Sweeps clear the mark bits for the next cycle instead of keeping them (a collector is attached). */
    private volatile boolean clearMarksOnSweep;
    /** Debug: fill freed objects with {@link #POISON} when they are swept (GODEBUG gcpoison=1). */
    private volatile boolean poisonFreed;
    /** The heap trigger: once heapLive reaches it, {@link #gcPoll} is raised (mgcpacer.go's trigger()). */
    private volatile long trigger = Long.MAX_VALUE;
    /** Go's gcController.heapLive: marked bytes of the last cycle + spans cached and large objects since. */
    private final java.util.concurrent.atomic.AtomicLong heapLive = new java.util.concurrent.atomic.AtomicLong();

    /** The word pattern freed objects are filled with in poisoning mode; a read of it is a use after free. */
    public static final long POISON = 0xdeadbeefdeadbeefL;

    private MHeap(AddressSpace space) {
        this.space = space;
        this.arenas = new HeapArena[space.arenaCount()];
        this.pages = new PageAlloc(space.size() >>> SizeClasses.PAGE_SHIFT);
        this.curBase = space.base();
        for (int spc = 0; spc < central.length; spc++) {
            central[spc] = new MCentral(this, spc);
        }
        this.zerobase = SysMem.sysAlloc(SysMem.PHYS_PAGE_SIZE);
    }

    /** A heap whose address space is capped at {@code capBytes} (rounded up to 64 MiB arenas). */
    public static MHeap create(long capBytes) {
        return new MHeap(AddressSpace.reserve(capBytes));
    }

    /** A heap with the default cap, {@link AddressSpace#DEFAULT_CAP}. */
    public static MHeap create() {
        return create(AddressSpace.DEFAULT_CAP);
    }

    public AddressSpace space() {
        return space;
    }

    public long zerobase() {
        return zerobase;
    }

    /** A new mcache for a P (allocmcache). */
    public synchronized MCache newMCache() {
        MCache c = new MCache(this);
        allMCaches.add(c);
        return c;
    }

    /** Retires a P's mcache: uncache its spans and give back its page cache (P.destroy). World stopped. */
    public void retireMCache(MCache c) {
        c.releaseAll();
        synchronized (this) {
            if (!c.pageCache.isEmpty()) {
                pages.flushCache(c.pageCache);
                c.pageCache = PageCache.empty();
            }
            allMCaches.remove(c);
        }
    }

    int sweepgen() {
        return sweepgen;
    }

    /**
     * Hands the heap to a collector: from now on allocation marks only while {@link #setAllocBlack} is on
     * (the mark phase), sweeping clears mark bits, and mallocgc polls {@code hook} whenever the collector
     * raises {@link #setGcPoll}. Call before any allocation the collector must manage.
     */
    public void attachCollector(CollectorHook hook) {
        collector = hook;
        clearMarksOnSweep = true;
        allocBlack = false;
    }

    public void setAllocBlack(boolean on) {
        allocBlack = on;
    }

    public boolean allocBlack() {
        return allocBlack;
    }

    public void setGcPoll(boolean on) {
        gcPoll = on;
    }

    public void setPoisonFreed(boolean on) {
        poisonFreed = on;
    }

    /** Sets how mallocgc finds the running goroutine's mcache after a collector poll (see the field). */
    public void setCurrentMCache(java.util.function.Supplier<MCache> current) {
        currentMCache = current;
    }

    /** The collector's poll; returns the mcache to go on with, which may have changed with the goroutine's P. */
    MCache collectorPoll(MCache c, long size) {
        CollectorHook hook = collector;
        if (hook == null) {
            return c;
        }
        hook.allocPoll(c, size);
        java.util.function.Supplier<MCache> current = currentMCache;
        return current == null ? c : current.get();
    }

    public long heapLive() {
        return heapLive.get();
    }

    /** Sets heapLive (the collector resets it to the marked bytes at the end of each cycle). */
    public void setHeapLive(long bytes) {
        heapLive.set(bytes);
    }

    /** Sets the heap trigger; raises the poll at once if heapLive is already past it. */
    public void setTrigger(long bytes) {
        trigger = bytes;
        if (heapLive.get() >= bytes) {
            gcPoll = true;
        }
    }

    public long trigger() {
        return trigger;
    }

    void addHeapLive(long delta) {
        if (heapLive.addAndGet(delta) >= trigger && delta > 0) {
            gcPoll = true;
        }
    }

    /** Bytes of free heap pages still backed by memory (Go's heapFree), read without stopping the world. */
    public long heapFreeBytes() {
        return stats.heapFree.get();
    }

    /** Go's mappedReady: heap memory mapped and not released, plus GC metadata (Sys − HeapReleased). */
    public long mappedReady() {
        return stats.heapInUse.get() + stats.heapFree.get() + stats.gcSys.get();
    }

    /** Objects freed by sweeps since the heap was created (small and large; tiny blocks count as one). */
    public long sweptObjects() {
        long n = stats.largeFreeCount.get();
        for (int sc = 0; sc < SizeClasses.NUM_SIZE_CLASSES; sc++) {
            n += stats.smallFreeCount.get(sc);
        }
        return n;
    }

    MCentral central(int spc) {
        return central[spc];
    }

    HeapArena arenaOf(long addr) {
        return arenas[space.arenaIndex(addr)];
    }

    // --- spans ------------------------------------------------------------------------------------

    /**
     * Allocates a heap span of {@code npages} for span class {@code spc} (mheap.alloc/allocSpan);
     * {@code largeSize} is the object size for class-0 spans. {@code c} supplies the P's page cache.
     */
    MSpan alloc(int npages, int spc, long largeSize, MCache c) {
        long page = -1;
        long scav = 0;
        if (c != null && npages < PageCache.MAX_PAGES) {                                   // step 1
            if (c.pageCache.isEmpty()) {
                synchronized (this) {
                    PageCache fresh = pages.allocToCache();
                    c.pageCache = fresh == null ? PageCache.empty() : fresh;
                }
            }
            page = c.pageCache.alloc(npages);
            scav = c.pageCache.lastScav();
        }
        if (page < 0) {                                                                     // step 2
            synchronized (this) {
                page = pages.alloc(npages);
                if (page < 0) {
                    grow(npages);
                    page = pages.alloc(npages);
                    if (page < 0) {
                        throw new IllegalStateException("runtime: mheap.grow produced no room for " + npages + " pages");
                    }
                }
                scav = pages.lastScav();
            }
        }
        long base = space.base() + (page << SizeClasses.PAGE_SHIFT);
        long nbytes = (long) npages << SizeClasses.PAGE_SHIFT;
        MSpan s = new MSpan(base, npages);                                                 // step 3
        s.needzero = allocNeedsZero(base, nbytes);
        s.initHeapSpan(spc, largeSize);
        s.sweepgen = sweepgen;
        if (scav > 0) {                                                                     // step 4
            space.use(base, nbytes);
        }
        long scavBytes = scav << SizeClasses.PAGE_SHIFT;
        stats.heapReleased.addAndGet(-scavBytes);
        stats.heapFree.addAndGet(-(nbytes - scavBytes));
        stats.heapInUse.addAndGet(nbytes);
        setSpans(base, npages, s);                                                         // step 5
        HeapArena first = arenaOf(base);
        synchronized (first) {
            first.setBit(first.pageInUse, HeapArena.pageIndex(base), true);
        }
        s.state = MSpan.IN_USE;
        return s;
    }

    private boolean allocNeedsZero(long base, long nbytes) {
        boolean needs = false;
        long end = base + nbytes;
        for (long a = base; a < end; ) {
            HeapArena arena = arenaOf(a);
            long arenaEnd = arena.base + AddressSpace.ARENA_BYTES;
            long n = Math.min(end, arenaEnd) - a;
            needs |= arena.allocNeedsZero(a, n);
            a += n;
        }
        return needs;
    }

    private void setSpans(long base, int npages, MSpan s) {
        for (int i = 0; i < npages; i++) {
            long a = base + ((long) i << SizeClasses.PAGE_SHIFT);
            arenaOf(a).spans[HeapArena.pageIndex(a)] = s;
        }
    }

    /** Returns an empty span's pages to the page allocator (mheap.freeSpanLocked). */
    void freeSpan(MSpan s) {
        if (s.state != MSpan.IN_USE || s.allocCount != 0) {
            throw new IllegalStateException("runtime: freeSpan of span in state " + s.state + " with "
                    + s.allocCount + " objects: " + s);
        }
        s.state = MSpan.DEAD;
        setSpans(s.base, s.npages, null);
        HeapArena first = arenaOf(s.base);
        synchronized (first) {
            first.setBit(first.pageInUse, HeapArena.pageIndex(s.base), false);
            first.setBit(first.pageMarks, HeapArena.pageIndex(s.base), false);
        }
        long nbytes = (long) s.npages << SizeClasses.PAGE_SHIFT;
        synchronized (this) {
            pages.free((s.base - space.base()) >>> SizeClasses.PAGE_SHIFT, s.npages);
        }
        stats.heapInUse.addAndGet(-nbytes);
        stats.heapFree.addAndGet(nbytes);
    }

    /**
     * Adds at least {@code npage} pages to the heap in whole 4 MiB chunks (mheap.grow). Hitting the
     * reservation cap is Go's out-of-memory: the "cannot allocate" line, then "fatal error: out of memory".
     * Caller holds the heap lock.
     */
    private void grow(long npage) {
        long ask = AddressSpace.alignUp(npage, PageAlloc.CHUNK_PAGES) << SizeClasses.PAGE_SHIFT;
        if (ask > space.end() - curBase) {
            long inUse = stats.heapFree.get() + stats.heapReleased.get() + stats.heapInUse.get();
            throw new RuntimeFault("runtime: out of memory: cannot allocate " + ask + "-byte block (" + inUse
                    + " in use)\n", "out of memory");
        }
        space.map(curBase, ask);
        // By arena index, not by stepping an address from curBase: an unaligned curBase stepped by 64 MiB
        // skipped the arena holding the range's tail when the growth crossed an arena boundary.
        for (int idx = space.arenaIndex(curBase); idx <= space.arenaIndex(curBase + ask - 1); idx++) {
            if (arenas[idx] == null) {
                arenas[idx] = new HeapArena(space.base() + idx * AddressSpace.ARENA_BYTES);
                stats.gcSys.addAndGet(HeapArena.BITMAP_BYTES);
            }
        }
        pages.grow((curBase - space.base()) >>> SizeClasses.PAGE_SHIFT, ask >>> SizeClasses.PAGE_SHIFT);
        stats.heapReleased.addAndGet(ask);
        curBase += ask;
    }

    /** A large object's span, straight from the heap (mcache.allocLarge). */
    MSpan allocLarge(MCache c, long size, boolean noscan) {
        long npages = (size + SizeClasses.PAGE_SIZE - 1) >>> SizeClasses.PAGE_SHIFT;
        if (npages > Integer.MAX_VALUE || size < 0) {
            throw new RuntimeFault("out of memory");
        }
        int spc = SpanClass.make(0, noscan);
        sweeper.deductCredit(npages << SizeClasses.PAGE_SHIFT, npages);
        MSpan s = alloc((int) npages, spc, size, c);
        s.freeindex = 1;
        s.allocCount = 1;
        addHeapLive((long) npages << SizeClasses.PAGE_SHIFT);
        stats.largeAlloc.addAndGet(npages << SizeClasses.PAGE_SHIFT);
        stats.largeAllocCount.incrementAndGet();
        s.sweepgen = sweepgen;
        central[spc].fullSwept(sweepgen).push(s);
        return s;
    }

    // --- finding objects ----------------------------------------------------------------------------

    /** The span whose pages hold {@code addr}, or null (spanOf). */
    public MSpan spanOf(long addr) {
        if (!space.contains(addr)) {
            return null;
        }
        HeapArena arena = arenas[space.arenaIndex(addr)];
        return arena == null ? null : arena.spans[HeapArena.pageIndex(addr)];
    }

    /** Like {@link #spanOf} but only for in-use spans and addresses below their limit (spanOfHeap). */
    public MSpan spanOfHeap(long addr) {
        MSpan s = spanOf(addr);
        if (s == null || s.state != MSpan.IN_USE || addr < s.base || addr >= s.limit) {
            return null;
        }
        return s;
    }

    /** The base of the object slot containing {@code addr}, or 0 if addr is not in an in-use span (findObject). */
    public long findObject(long addr) {
        MSpan s = spanOfHeap(addr);
        return s == null ? 0 : s.objectBase(s.objIndex(addr));
    }

    /** Whether the word at {@code addr} inside a scan object holds a pointer, per the heap bitmap. */
    public boolean isPointerWord(long addr) {
        return HeapBits.isPointer(arenaOf(addr), addr);
    }

    /**
     * The heap word's two bitmap bits in one lookup, for scanners: {@link #PTR_BIT} (the word is a pointer)
     * and {@link #SCAN_BIT} (pointers may follow at or after it in its object).
     */
    public int heapBits(long addr) {
        return HeapBits.bits(arenaOf(addr), addr);
    }

    public static final int PTR_BIT = 0x01, SCAN_BIT = 0x10;

    /** Whether the heap bitmap says pointers may follow at or after {@code addr} in its object. */
    public boolean morePointers(long addr) {
        return HeapBits.morePointers(arenaOf(addr), addr);
    }

    // --- freeing -------------------------------------------------------------------------------------

    /**
     * Frees the object starting at {@code addr}: it will not survive the next {@link #sweepAll}. A tiny
     * block is freed as a whole. Must not race with allocation from the same span: call it with the world
     * stopped, as Go's sweeper owns a span while it frees from it.
     */
    public void freeObject(long addr) {
        MSpan s = spanOfHeap(addr);
        if (s == null) {
            throw new IllegalStateException("runtime: freeObject: 0x" + Long.toHexString(addr) + " is not in an in-use span");
        }
        int idx = s.objIndex(addr);
        if (s.objectBase(idx) != addr) {
            throw new IllegalStateException("runtime: freeObject: 0x" + Long.toHexString(addr) + " is not an object base");
        }
        if (s.isFree(idx)) {
            throw new IllegalStateException("runtime: freeObject: object at 0x" + Long.toHexString(addr) + " is not allocated");
        }
        if (!s.unmark(idx)) {
            throw new IllegalStateException("runtime: freeObject: object at 0x" + Long.toHexString(addr) + " freed twice");
        }
    }

    /**
     * Frees every object except {@code keep} and sweeps: the outcome of a collection whose only live objects
     * are {@code keep}, without tracing. Benchmarks use it as their "GC". World stopped.
     */
    public void freeAllExcept(long... keep) {
        releaseAllMCaches();
        forEachInUseSpan(s -> java.util.Arrays.fill(s.gcmarkBits, 0L));
        for (long k : keep) {
            MSpan s = spanOfHeap(k);
            if (s == null) {
                throw new IllegalStateException("runtime: freeAllExcept: 0x" + Long.toHexString(k) + " is not a heap object");
            }
            s.markNewObject(s.objIndex(k));
        }
        sweepAll();
    }

    /**
     * The span's sweep state relative to the heap's sweepgen, for diagnostics: "unswept" (sg−2), "being swept"
     * (sg−1), "swept" (sg), "cached, unswept" (sg+1), "cached" (sg+3).
     */
    public String sweepState(MSpan s) {
        int d = s.sweepgen - sweepgen;
        return switch (d) {
            case -2 -> "unswept";
            case -1 -> "being swept";
            case 0 -> "swept";
            case 1 -> "cached, unswept";
            case 3 -> "cached";
            default -> "sweepgen " + s.sweepgen + " vs heap " + sweepgen;
        };
    }

    /** Clears every span's mark bits (a mark from scratch; only while nothing else marks or sweeps). */
    public void clearMarkBits() {
        forEachInUseSpan(s -> java.util.Arrays.fill(s.gcmarkBits, 0L));
    }

    /** Visits every in-use span, lowest address first. World stopped (or spans must not be freed meanwhile). */
    public void forEachInUseSpan(java.util.function.Consumer<MSpan> action) {
        for (HeapArena arena : arenas) {
            if (arena == null) {
                continue;
            }
            for (int w = 0; w < arena.pageInUse.length; w++) {
                for (long bits = arena.pageInUse[w]; bits != 0; bits &= bits - 1) {
                    int page = w * 64 + Long.numberOfTrailingZeros(bits);
                    action.accept(arena.spans[page]);
                }
            }
        }
    }

    /**
     * Uncaches every P's spans and drops their tiny blocks (what Go's mark termination arranges with
     * mcache.prepareForSweep, done here at once because the world is stopped). World stopped.
     */
    public void releaseAllMCaches() {
        List<MCache> caches;
        synchronized (this) {
            caches = List.copyOf(allMCaches);
        }
        caches.forEach(MCache::releaseAll);
    }

    /**
     * Bytes allocated black on every P since the last call, reset to 0 (gcmarknewobject's contribution
     * to the cycle's bytesMarked). World stopped.
     */
    public long takeBlackBytes() {
        List<MCache> caches;
        synchronized (this) {
            caches = List.copyOf(allMCaches);
        }
        long n = 0;
        for (MCache c : caches) {
            n += c.blackBytes;
            c.blackBytes = 0;
        }
        return n;
    }

    /**
     * A whole sweep phase, world stopped: (1) every mcache releases its spans; (2) sweepgen += 2, so every
     * span is unswept; (3) each mcentral's unswept spans are swept: survivors = marked objects, empty spans
     * go back to the page allocator, the rest are filed as partial or full. Without a collector, this is
     * how explicit frees take effect.
     */
    public void sweepAll() {
        releaseAllMCaches();                                                                 // step 1
        startSweep();                                                                        // step 2
        sweeper.finish();                                                                    // step 3
    }

    /**
     * gcSweep's flip, world stopped, mcaches released: sweepgen += 2 makes every span unswept; from now on
     * spans are swept lazily by allocation, by {@link #sweepone} callers and at the latest by
     * {@link #finishSweep}.
     */
    public void startSweep() {
        if (!sweeper.done()) {
            throw new IllegalStateException("runtime: startSweep: the previous sweep is not finished");
        }
        sweepgen += 2;
        sweeper.flipped();
    }

    /** sweepone: sweeps one unswept span; returns its pages, or -1 when none is left to take. */
    public long sweepone() {
        return sweeper.sweepone();
    }

    /** isSweepDone: every span of this cycle is swept. */
    public boolean sweepDone() {
        return sweeper.done();
    }

    /** finishsweep_m: world stopped, sweeps whatever is left; returns the spans swept in the pause. */
    public long finishSweep() {
        return sweeper.finish();
    }

    /** gcPaceSweeper: proportional sweep toward {@code trigger} (call after setting the next trigger). */
    public void paceSweeper(long trigger) {
        sweeper.pace(trigger);
    }

    /** Spans swept with the world stopped since the heap was created (Go's npausesweep). */
    public long pauseSweptSpans() {
        return sweeper.pauseSwept.get();
    }

    /**
     * Sweeps one span (mspan.sweep). With {@code preserve} the caller keeps the span (mcentral.cacheSpan);
     * otherwise it is freed when empty or filed in its mcentral's swept sets.
     */
    void sweepSpan(MSpan s, boolean preserve) {
        if (poisonFreed) {
            poisonUnmarked(s);
        }
        int nfreed = s.sweep(clearMarksOnSweep);
        int sc = s.sizeclass();
        s.sweepgen = sweepgen;
        sweeper.pagesSwept.addAndGet(s.npages);
        HeapArena first = arenaOf(s.base);
        synchronized (first) {
            first.setBit(first.pageMarks, HeapArena.pageIndex(s.base), s.allocCount > 0);
        }
        if (sc == 0) {
            if (nfreed > 0) {
                stats.largeFree.addAndGet((long) s.npages << SizeClasses.PAGE_SHIFT);
                stats.largeFreeCount.incrementAndGet();
            }
        } else if (nfreed > 0) {
            stats.smallFreeCount.addAndGet(sc, nfreed);
        }
        if (preserve) {
            return;
        }
        if (s.allocCount == 0) {
            freeSpan(s);
        } else if (s.allocCount == s.nelems) {
            central[s.spanclass].fullSwept(sweepgen).push(s);
        } else {
            central[s.spanclass].partialSwept(sweepgen).push(s);
        }
    }

    /** Fills every allocated, unmarked object of {@code s} (those this sweep frees) with {@link #POISON}. */
    private void poisonUnmarked(MSpan s) {
        for (int i = 0; i < s.nelems; i++) {
            if (!s.isFree(i) && !s.isMarked(i)) {
                long a = s.objectBase(i);
                long n = s.sizeclass() == 0 ? s.limit - s.base : s.elemsize;
                for (long off = 0; off + 8 <= n; off += 8) {
                    space.putLong(a + off, POISON);
                }
            }
        }
    }

    /** Whether the span starting at {@code base} had live objects at its last sweep (the pageMarks bit). */
    public boolean pageMarked(long base) {
        HeapArena a = arenaOf(base);
        return a.bit(a.pageMarks, HeapArena.pageIndex(base));
    }

    /** Whether {@code base} is the first page of an in-use span (the pageInUse bit). */
    public boolean pageInUse(long base) {
        HeapArena a = arenaOf(base);
        return a.bit(a.pageInUse, HeapArena.pageIndex(base));
    }

    // --- returning memory to the OS -----------------------------------------------------------------

    /** Releases up to {@code nbytes} of free heap memory to the OS, highest addresses first. Returns bytes released. */
    public synchronized long scavenge(long nbytes) {
        long maxPages = nbytes >>> SizeClasses.PAGE_SHIFT;
        long released = pages.scavenge(maxPages, (page, n) -> {
            space.release(space.base() + (page << SizeClasses.PAGE_SHIFT), n << SizeClasses.PAGE_SHIFT);
            return n;
        }) << SizeClasses.PAGE_SHIFT;
        stats.heapFree.addAndGet(-released);
        stats.heapReleased.addAndGet(released);
        return released;
    }

    /** debug.FreeOSMemory's scavenging half: release every free page. */
    public long scavengeAll() {
        return scavenge(Long.MAX_VALUE);
    }

    // --- statistics ---------------------------------------------------------------------------------

    /**
     * Bytes of objects allocated and not yet freed (Go's gcController totalAlloc − totalFree), from the counts the
     * mcaches have flushed so far (at refill and release, as Go's are), so callable while goroutines run; it lags
     * by the spans the mcaches hold. {@link #readMemStats} flushes first.
     */
    public long heapAlloc() {
        long alloc = stats.largeAlloc.get() - stats.largeFree.get();
        for (int sc = 0; sc < SizeClasses.NUM_SIZE_CLASSES; sc++) {
            alloc += (stats.smallAllocCount.get(sc) - stats.smallFreeCount.get(sc)) * SizeClasses.classToSize(sc);
        }
        return alloc;
    }

    /** ReadMemStats: flushes pending counts from every mcache (world stopped) and computes Go's fields. */
    public MemStats readMemStats() {
        List<MCache> caches;
        synchronized (this) {
            caches = List.copyOf(allMCaches);
        }
        caches.forEach(MCache::flushStats);
        long mallocs = stats.largeAllocCount.get() + stats.tinyAllocCount.get();
        long frees = stats.largeFreeCount.get() + stats.tinyAllocCount.get();
        long totalAlloc = stats.largeAlloc.get();
        long totalFree = stats.largeFree.get();
        List<MemStats.BySize> bySize = new ArrayList<>();
        for (int sc = 0; sc < SizeClasses.NUM_SIZE_CLASSES; sc++) {
            long a = stats.smallAllocCount.get(sc);
            long f = stats.smallFreeCount.get(sc);
            mallocs += a;
            frees += f;
            totalAlloc += a * SizeClasses.classToSize(sc);
            totalFree += f * SizeClasses.classToSize(sc);
            if (sc < MemStats.BY_SIZE_ENTRIES) {
                bySize.add(new MemStats.BySize(SizeClasses.classToSize(sc), a, f));
            }
        }
        long inUse = stats.heapInUse.get();
        long free = stats.heapFree.get();
        long released = stats.heapReleased.get();
        long heapSys = inUse + free + released;
        long heapAlloc = totalAlloc - totalFree;
        return new MemStats(heapAlloc, totalAlloc, heapSys + stats.gcSys.get(), mallocs, frees, heapAlloc,
                heapSys, free + released, inUse, released, mallocs - frees, stats.gcSys.get(), List.copyOf(bySize));
    }

    /** Unmaps the reservation and the metadata. No object of this heap may be touched afterwards. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        sweeper.close();
        for (HeapArena a : arenas) {
            if (a != null) {
                a.free();
            }
        }
        SysMem.sysFree(zerobase, SysMem.PHYS_PAGE_SIZE);
        space.close();
    }
}
