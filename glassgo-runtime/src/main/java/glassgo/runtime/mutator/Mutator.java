// Mutator: the runtime interface that goroutine code uses to touch the Go heap: allocate typed objects
// through mallocgc with its P's mcache, load and store words by offset (every pointer store through one
// write-barrier entry point), free explicitly until the collector exists, and register roots.
// Mirrors the compiler-facing half of runtime/malloc.go (newobject/newarray), mbarrier.go's
// writebarrierptr entry, and proc.go's newproc.
package glassgo.runtime.mutator;

import glassgo.runtime.gc.Collector;
import glassgo.runtime.gc.WriteBarrier;
import glassgo.runtime.malloc.MCache;
import glassgo.runtime.malloc.MHeap;
import glassgo.runtime.malloc.MSpan;
import glassgo.runtime.malloc.Malloc;
import glassgo.runtime.malloc.MemStats;
import glassgo.runtime.malloc.SpanClass;
import glassgo.runtime.malloc.GoType;
import glassgo.runtime.mem.AddressSpace;
import glassgo.runtime.sched.G;
import glassgo.runtime.sched.GoRuntime;
import glassgo.runtime.sched.P;
import glassgo.runtime.sched.Sched;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One Go program's heap plus the state each P needs to mutate it. A test or benchmark creates one, calls
 * {@link #run} with the body of goroutine 1, and reads {@link #stats()} afterwards; the bodies call the
 * methods below, which are the same entry points compiled Go code will call.
 *
 * <h2>The contract</h2>
 * <ol>
 *   <li><b>Allocation</b> ({@link #alloc}, {@link #allocArray}, {@link #allocBytes}) is
 *       {@code mallocgc} with the mcache of the P the goroutine runs on: returns a zeroed object at a real
 *       address in the reservation, its heap bitmap written from the type's pointer mask.</li>
 *   <li><b>Loads and stores</b> take an object address and a byte offset. Every store of a pointer
 *       into the heap or a global goes through {@link #writePointer}: that is where Go's write barrier
 *       ({@code gcWriteBarrier}, mbarrier.go) will go. Today it is a plain store, because there is no
 *       collector to inform; code that stores a pointer with {@link #writeLong} instead would be invisible
 *       to the barrier, so don't.</li>
 *   <li><b>Roots</b>: a pointer kept across a safepoint (an allocation, a free, a park, a channel
 *       operation, a preemption poll) must be in a {@link Frame} slot or in {@link Globals}; the collector
 *       will find live objects only through {@link #roots()}.</li>
 *   <li><b>Freeing</b> is explicit until the collector exists: {@link #free} queues the object on its P;
 *       when enough frees are queued, the goroutine stops the world and the queued objects lose their mark
 *       bits and the heap is swept ({@code MHeap.freeObject} + {@code sweepAll}) — a "free cycle". This
 *       is temporary: the collector's mark phase will decide what dies, its sweeper will free it, and
 *       {@code free} will be deleted. Until then a dead object keeps its memory until the next free cycle,
 *       much as garbage waits for the next GC cycle.</li>
 *   <li><b>Goroutines</b>: {@link #go} starts one; {@link Goroutine} parks, yields and polls for
 *       preemption; {@link Wakeup} pairs a park with a wake-up.</li>
 * </ol>
 *
 * <h2>Why the per-P state is here and not on {@link glassgo.runtime.sched.P}</h2>
 * Go's P owns its mcache ({@code p.mcache}). glassgo's scheduler and allocator are separate packages that
 * are still being finished, and the scheduler creates Ps without knowing of any heap (tests run it alone).
 * So the mutator keeps an array of {@link PLocal}, indexed by P id and created when {@link #run} starts,
 * one mcache each: the same ownership (only the goroutine running on P i touches {@code ps[i]}), without a
 * dependency from sched to malloc. When the runtime is assembled (the collector needs P-local work
 * buffers too), the array moves onto P.
 */
public final class Mutator implements AutoCloseable {
    /** How a mutator is set up: Ps, the address-space cap, the scheduler's seed. */
    public record Config(int gomaxprocs, long heapCapBytes, long seed) {
        public Config {
            if (gomaxprocs < 1) {
                throw new IllegalArgumentException("mutator: GOMAXPROCS must be at least 1, got " + gomaxprocs);
            }
        }

        public static Config of(int gomaxprocs) {
            return new Config(gomaxprocs, AddressSpace.DEFAULT_CAP, 0);
        }
    }

    /** Counters after {@link #run}; {@code gcCycles} is 0 until the collector exists. */
    public record Stats(MemStats memStats, long peakHeapInuse, long goroutines, long explicitFrees,
                        long freeCycles, long tinyFreesSkipped, int gomaxprocs, int gcCycles) {}

    /** Everything a P owns for the mutator (Go: fields of p). Touched only by the goroutine running on that P. */
    static final class PLocal {
        final MCache mcache;
        /** Objects freed on this P since the last free cycle. */
        long[] frees = new long[1024];
        int nfrees;
        /** Sum of the slot sizes of the queued frees. */
        long queuedBytes;

        PLocal(MCache mcache) {
            this.mcache = mcache;
        }
    }

    /**
     * A free cycle starts once the frees queued on one P cover this many bytes (times GOMAXPROCS in all);
     * raised to the heap in use after each cycle (see {@link #applyFrees}).
     */
    static final long MIN_FREE_TRIGGER_BYTES = 4L << 20;

    private static final MemorySegment NATIVE = MemorySegment.NULL.reinterpret(Long.MAX_VALUE);

    private final Config config;
    private final MHeap heap;
    private final AddressSpace space;
    private final Roots roots = new Roots();
    private volatile PLocal[] ps;
    private volatile Sched sched;
    private volatile long freeTriggerBytes = MIN_FREE_TRIGGER_BYTES;
    private final AtomicLong goroutines = new AtomicLong();
    /** Set while a goroutine of this program stops the world (see {@link #stopTheWorld}). */
    private final AtomicBoolean cycling = new AtomicBoolean();
    private long explicitFrees;
    private long freeCycles;
    private long tinyFreesSkipped;
    private long peakHeapInuse;
    private MemStats finalStats;
    private boolean ran;
    private volatile boolean faulted;
    /** The attached collector (null: explicit frees only) and its barrier, read on every pointer store. */
    private volatile Collector collector;
    private volatile WriteBarrier barrier;

    private Mutator(Config config) {
        this.config = config;
        this.heap = MHeap.create(config.heapCapBytes());
        this.space = heap.space();
    }

    public static Mutator create(Config config) {
        return new Mutator(config);
    }

    public MHeap heap() {
        return heap;
    }

    public Roots roots() {
        return roots;
    }

    public Config config() {
        return config;
    }

    // --- running a program -------------------------------------------------------------------------

    /**
     * Runs {@code main} as goroutine 1 on GOMAXPROCS Ps and returns when it returns (goroutines still
     * running are abandoned, as in Go). Then the queued frees are applied and the final statistics taken,
     * with the world stopped. Throws what {@link GoRuntime#run} throws: {@code FatalError} (deadlock, ...),
     * {@code GoroutinePanic} whose cause may be a {@code RuntimeFault} (out of memory) or a
     * {@link MutatorFault}. A mutator runs one program.
     */
    public void run(Body main) throws InterruptedException {
        synchronized (this) {
            if (ran) {
                throw new IllegalStateException("mutator: run called twice; a Mutator runs one program");
            }
            ran = true;
        }
        PLocal[] locals = new PLocal[config.gomaxprocs()];
        for (int i = 0; i < locals.length; i++) {
            locals[i] = new PLocal(heap.newMCache());
        }
        ps = locals;
        heap.setCurrentMCache(() -> local().mcache);
        try {
            GoRuntime.run(config.gomaxprocs(), config.seed(), () -> {
                sched = GoRuntime.currentSched();
                goroutines.incrementAndGet();
                Goroutine g = new Goroutine(this, GoRuntime.getg());
                try {
                    main.run(g);
                } finally {
                    g.exit();
                }
                while (!cycling.compareAndSet(false, true)) {
                    GoRuntime.gosched(); // a free cycle of an abandoned goroutine is under way
                }
                stopTheWorld("mutator exit");
                try {
                    applyFrees();
                    finalStats = heap.readMemStats();
                    peakHeapInuse = Math.max(peakHeapInuse, finalStats.heapInuse());
                } finally {
                    startTheWorld();
                }
            });
        } catch (RuntimeException | Error e) {
            faulted = true;
            throw e;
        }
    }

    /** {@code go body()}: a new goroutine (Go's newproc), counted in {@link Stats#goroutines()}. */
    public G go(Body body) {
        goroutines.incrementAndGet();
        return GoRuntime.go(() -> {
            Goroutine g = new Goroutine(this, GoRuntime.getg());
            try {
                body.run(g);
            } finally {
                g.exit();
            }
        });
    }

    /** Statistics of the finished program (after {@link #run} returned normally). */
    public Stats stats() {
        if (finalStats == null) {
            throw new IllegalStateException("mutator: stats before the program finished");
        }
        Collector c = collector;
        return new Stats(finalStats, peakHeapInuse, goroutines.get(), explicitFrees, freeCycles, tinyFreesSkipped,
                config.gomaxprocs(), c == null ? 0 : c.numGC());
    }

    /**
     * Hands the heap to a garbage collector (e.g. {@code ClassicCollector.attach(mu, settings, trace)}),
     * before {@link #run}: from then on {@link #writePointer} calls its write barrier, {@link #free} does
     * nothing (the collector decides what dies), and {@link Stats#gcCycles()} counts its cycles.
     */
    public void attachCollector(Collector c) {
        if (ps != null) {
            throw new IllegalStateException("mutator: attachCollector after run");
        }
        collector = c;
        barrier = c.writeBarrier();
    }

    /** The attached collector, or null. */
    public Collector collector() {
        return collector;
    }

    /** A block of {@code n} global pointer variables, zeroed, registered as roots for the program's life. */
    public Globals globals(String name, int n) {
        Globals g = new Globals(this, new SlotArea(name, n));
        roots.addGlobals(g);
        return g;
    }

    // --- allocation --------------------------------------------------------------------------------

    private PLocal local() {
        P pp = GoRuntime.currentP();
        if (pp == null) {
            throw new IllegalStateException("mutator: not called from a goroutine holding a P");
        }
        return ps[pp.id()];
    }

    /** {@code new(T)}: a zeroed object of type {@code t} (Go's newobject). */
    public long alloc(GoType t) {
        return Malloc.newobject(local().mcache, t);
    }

    /** {@code make([]T, n)}'s backing array: {@code n} zeroed elements of {@code elem} (Go's newarray). */
    public long allocArray(GoType elem, long n) {
        return Malloc.newarray(local().mcache, elem, n);
    }

    /** {@code n} zeroed bytes without pointers (e.g. a []byte's array; below 16 bytes, the tiny allocator). */
    public long allocBytes(long n) {
        return Malloc.mallocgc(local().mcache, n, null, true);
    }

    // --- loads and stores ----------------------------------------------------------------------------

    /**
     * {@code *(obj+offset) = value} for a pointer-typed word: THE pointer store. The collector's write
     * barrier (Go 1.19's hybrid Yuasa/Dijkstra barrier: shade the old value and, while the stack is grey,
     * the new one) goes here, before the store, guarded by a "barrier enabled" flag. Today: a plain store.
     * {@code obj} is a heap object or a {@link Globals} block; stack slots are written with {@link Frame#set}.
     */
    public void writePointer(long obj, long offset, long value) {
        long addr = obj + offset;
        if ((addr & 7) != 0) {
            throw new IllegalArgumentException("mutator: misaligned pointer store at 0x" + Long.toHexString(addr));
        }
        WriteBarrier wb = barrier;
        if (space.contains(addr)) {
            if (wb != null && wb.enabled()) {
                wb.onPointerWrite(addr, space.getLong(addr), value);
            }
            space.putLong(addr, value);
        } else if (roots.inGlobals(addr)) {
            if (wb != null && wb.enabled()) {
                wb.onPointerWrite(addr, NATIVE.get(ValueLayout.JAVA_LONG, addr), value);
            }
            NATIVE.set(ValueLayout.JAVA_LONG, addr, value);
        } else {
            throw new IllegalArgumentException("mutator: pointer store to 0x" + Long.toHexString(addr)
                    + ", which is neither in the heap nor in a globals block");
        }
    }

    /** Loads a pointer word from a heap object or a {@link Globals} block (no read barrier: Go has none). */
    public long readPointer(long obj, long offset) {
        long addr = obj + offset;
        if (space.contains(addr)) {
            return space.getLong(addr);
        } else if (roots.inGlobals(addr)) {
            return NATIVE.get(ValueLayout.JAVA_LONG, addr);
        }
        throw new IllegalArgumentException("mutator: pointer load from 0x" + Long.toHexString(addr)
                + ", which is neither in the heap nor in a globals block");
    }

    /** Stores a scalar word ({@code int}, {@code uint64}, ...); never use it for a pointer. */
    public void writeLong(long obj, long offset, long value) {
        space.putLong(obj + offset, value);
    }

    public long readLong(long obj, long offset) {
        return space.getLong(obj + offset);
    }

    public void writeInt(long obj, long offset, int value) {
        space.putInt(obj + offset, value);
    }

    public int readInt(long obj, long offset) {
        return space.getInt(obj + offset);
    }

    public void writeByte(long obj, long offset, byte value) {
        space.putByte(obj + offset, value);
    }

    public byte readByte(long obj, long offset) {
        return space.getByte(obj + offset);
    }

    // --- explicit freeing (until the collector) -------------------------------------------------------

    /**
     * Declares {@code obj} dead. Queued on the current P; applied by the next free cycle, which this call
     * may start (so {@code free} is a safepoint: pointers still needed must be in frames or globals).
     * Freeing nil or a zero-size object's address does nothing. An object in a 16-byte pointer-free slot
     * (span class 5, shared by Go's tiny blocks) is not freed: a tiny block may hold several objects and
     * only the collector can tell when all are dead; such frees are counted in
     * {@link Stats#tinyFreesSkipped()}.
     */
    public void free(long obj) {
        if (obj == 0 || obj == heap.zerobase() || collector != null) {
            return;                          // with a collector attached, marking decides what dies
        }
        MSpan s = heap.spanOfHeap(obj);
        if (s == null) {
            throw new IllegalArgumentException("mutator: free of 0x" + Long.toHexString(obj) + ", which is not a heap object");
        }
        PLocal pl = local();
        if (pl.nfrees == pl.frees.length) {
            pl.frees = java.util.Arrays.copyOf(pl.frees, pl.frees.length * 2);
        }
        pl.frees[pl.nfrees++] = obj;
        pl.queuedBytes += s.elemsize();
        if (pl.queuedBytes * ps.length >= freeTriggerBytes) {
            freeCycle();
        }
    }

    /**
     * A free cycle: stop the world, apply every P's queued frees, sweep, restart. The next cycle starts when
     * the queued frees reach the heap in use after this one (at least 4 MiB), so each whole-heap sweep is
     * paid for by freeing as many bytes as survived, and dead memory waits at most about as long as
     * garbage does under Go's default GOGC=100. (This pacing is fixed: GOGC is the collector's knob.)
     */
    private void freeCycle() {
        if (!cycling.compareAndSet(false, true)) {
            return; // another P's cycle is starting; it applies every P's queue, this one's included
        }
        stopTheWorld("explicit free");
        try {
            applyFrees();
        } finally {
            startTheWorld();
        }
    }

    /**
     * Stops the world, never competing with another mutator stopper: {@code Sched.stopTheWorld} reads the
     * caller's P before it waits for worldsema, and that wait may move the goroutine to another P, so two
     * goroutines stopping at once can mark a running P stopped ("releasep: invalid p state"). Taking
     * {@link #cycling} first keeps worldsema uncontended. The caller must have set {@code cycling}.
     */
    private void stopTheWorld(String reason) {
        if (!cycling.get()) {
            throw new IllegalStateException("mutator: stopTheWorld(" + reason + ") without owning the cycle flag");
        }
        GoRuntime.stopTheWorld(sched, reason);
    }

    private void startTheWorld() {
        GoRuntime.startTheWorld(sched);
        cycling.set(false);
    }

    /** World stopped. */
    private void applyFrees() {
        long queued = 0;
        for (PLocal pl : ps) {
            queued += pl.nfrees;
        }
        if (queued == 0) {
            return;
        }
        MemStats before = heap.readMemStats();
        peakHeapInuse = Math.max(peakHeapInuse, before.heapInuse());
        for (PLocal pl : ps) {
            for (int i = 0; i < pl.nfrees; i++) {
                freeObject(pl.frees[i]);
            }
            pl.nfrees = 0;
            pl.queuedBytes = 0;
        }
        heap.sweepAll();
        freeCycles++;
        freeTriggerBytes = Math.max(MIN_FREE_TRIGGER_BYTES, heap.readMemStats().heapInuse());
    }

    private void freeObject(long obj) {
        MSpan s = heap.spanOfHeap(obj);
        if (s != null && s.spanclass() == SpanClass.TINY_SPAN_CLASS) {
            tinyFreesSkipped++;
            return;
        }
        heap.freeObject(obj);
        explicitFrees++;
    }

    /**
     * Unmaps the heap and the root areas. Call it only when no goroutine of the program can still run: a
     * goroutine that {@link #run} abandoned (main returned without waiting for it) would touch unmapped
     * memory. Skipped after a fault, when such goroutines are likely.
     */
    @Override
    public void close() {
        if (faulted) {
            return;
        }
        PLocal[] locals = ps;
        if (locals != null) {
            for (PLocal pl : locals) {
                heap.retireMCache(pl.mcache);
            }
        }
        roots.freeAll();
        heap.close();
    }
}
