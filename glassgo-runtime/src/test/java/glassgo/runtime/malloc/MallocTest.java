// Tests for mallocgc's paths: zero size, tiny, small, large, zeroing, heap bits, findObject, out of memory.
package glassgo.runtime.malloc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import glassgo.runtime.mem.AddressSpace;
import glassgo.runtime.mem.RuntimeFault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MallocTest {
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

    @Test
    void zeroSizeAllocationsShareZerobaseOutsideTheHeap() {
        long a = Malloc.mallocgc(c, 0, null, true);
        long b = Malloc.newarray(c, GoType.noscan("int64", 8), 0);
        assertThat(a).isEqualTo(b).isEqualTo(heap.zerobase());
        assertThat(heap.spanOf(a)).isNull();
    }

    @Test
    void tinyAllocationsShareA16ByteBlockWithGoAlignment() {
        long a = Malloc.mallocgc(c, 1, null, true);
        long b = Malloc.mallocgc(c, 2, null, true);
        long d = Malloc.mallocgc(c, 4, null, true);
        long e = Malloc.mallocgc(c, 8, null, true);
        assertThat(a % 16).isZero();
        assertThat(b).as("2-byte objects align to 2").isEqualTo(a + 2);
        assertThat(d).as("4-byte objects align to 4").isEqualTo(a + 4);
        assertThat(e).as("8-byte objects align to 8").isEqualTo(a + 8);
        long f = Malloc.mallocgc(c, 12, null, true);
        assertThat(f).as("no room left: a new block").isNotEqualTo(a).matches(x -> x % 16 == 0);
        assertThat(heap.spanOf(a).spanclass()).isEqualTo(SpanClass.TINY_SPAN_CLASS);
        MemStats ms = heap.readMemStats();
        assertThat(ms.mallocs() - ms.frees()).as("two 16-byte blocks are the objects").isEqualTo(2);
        assertThat(ms.heapAlloc()).isEqualTo(32);
    }

    @Test
    void pointerfulSmallObjectsNeverUseTheTinyAllocator() {
        GoType ptr = GoType.withPointers("*int", 8, 0);
        long a = Malloc.newobject(c, ptr);
        long b = Malloc.newobject(c, ptr);
        assertThat(b - a).isEqualTo(8);
        assertThat(heap.spanOf(a).spanclass()).isEqualTo(SpanClass.make(1, false));
    }

    @Test
    void smallObjectsAreAlignedZeroedAndFindable() {
        for (int size = 16; size <= 32768; size += 61) {
            long x = Malloc.mallocgc(c, size, null, true);
            int sc = SizeClasses.sizeToClass(size);
            MSpan s = heap.spanOf(x);
            assertThat(s.sizeclass()).isEqualTo(sc);
            assertThat(x % SizeClasses.minAlign(sc)).isZero();
            assertThat(heap.space().isZero(x, size)).isTrue();
            assertThat(heap.findObject(x + size - 1)).isEqualTo(x);
            heap.space().fill(x, size, (byte) 0x5a);
        }
    }

    @Test
    void reusedSlotsAreZeroedButFreshSpansAreNotTouched() {
        long keep = Malloc.mallocgc(c, 64, null, true); // keeps the span in use across sweeps
        long x = Malloc.mallocgc(c, 64, null, true);
        assertThat(heap.spanOf(x)).isSameAs(heap.spanOf(keep));
        assertThat(heap.spanOf(x).needzero()).as("fresh memory from the OS").isFalse();
        heap.space().fill(x, 64, (byte) 0x77);
        heap.freeObject(x);
        heap.sweepAll();
        long y = Malloc.mallocgc(c, 64, null, true);
        assertThat(y).as("the freed slot is reused").isEqualTo(x);
        assertThat(heap.pageMarked(heap.spanOf(keep).base())).as("pageMarks: the span had a survivor").isTrue();
        assertThat(heap.spanOf(y).needzero()).isTrue();
        assertThat(heap.space().isZero(y, 64)).isTrue();
        heap.space().fill(y, 64, (byte) 0x77);
        heap.freeObject(y);
        heap.sweepAll();
        long z = Malloc.mallocgc(c, 64, null, false);
        assertThat(z).isEqualTo(x);
        assertThat(heap.space().getByte(z)).as("needzero=false skips clearing").isEqualTo((byte) 0x77);
    }

    @Test
    void heapAllocWithoutFlushingCountsWhatTheMCachesFlushed() {
        GoType pair = GoType.noscan("pair", 16);
        for (int i = 0; i < 1000; i++) {
            Malloc.newobject(c, pair);
        }
        Malloc.newarray(c, GoType.noscan("int64", 8), 10_000);
        long beforeFlush = heap.heapAlloc();
        MemStats ms = heap.readMemStats();
        assertThat(heap.heapAlloc()).isEqualTo(ms.heapAlloc());
        assertThat(beforeFlush).as("the cached span's objects are not counted until it is flushed")
                .isLessThanOrEqualTo(ms.heapAlloc()).isGreaterThanOrEqualTo(10_000L * 8);
    }

    @Test
    void afterACollectorPollMallocgcAllocatesFromTheMCacheTheGoroutineHoldsThen() {
        // The poll may resume the goroutine on another P (waiting for worldsema): it must not go on with the
        // first P's mcache, which that P's new goroutine is using.
        MCache other = heap.newMCache();
        MCache[] current = {c};
        heap.setCurrentMCache(() -> current[0]);
        heap.attachCollector((cache, size) -> current[0] = other);
        heap.setGcPoll(true);
        long x = Malloc.newobject(c, GoType.noscan("pair", 16));
        assertThat(other.alloc[heap.spanOf(x).spanclass()]).isSameAs(heap.spanOf(x));
        assertThat(c.alloc[heap.spanOf(x).spanclass()]).isNotSameAs(heap.spanOf(x));
    }

    @Test
    void aGrowthCrossingAnArenaBoundaryFromAnUnalignedBaseCoversBothArenas() {
        // 40 MB twice: the second growth starts inside the first arena and ends in the second (a map of
        // 10^6 entries did this and found no heap arena for its tail).
        GoType int64 = GoType.noscan("int64", 8);
        long a = Malloc.newarray(c, int64, 5_000_000);
        long b = Malloc.newarray(c, int64, 5_000_000);
        long end = b + 5_000_000L * 8 - 8;
        assertThat(end / AddressSpace.ARENA_BYTES).isGreaterThan(a / AddressSpace.ARENA_BYTES);
        assertThat(heap.spanOf(end)).isSameAs(heap.spanOf(b));
        assertThat(heap.findObject(end)).isEqualTo(b);
    }

    @Test
    void largeObjectsGetTheirOwnPageAlignedSpan() {
        long x = Malloc.mallocgc(c, 100_000, null, true);
        MSpan s = heap.spanOf(x);
        assertThat(x).isEqualTo(s.base());
        assertThat(x % 8192).isZero();
        assertThat(s.sizeclass()).isZero();
        assertThat(s.npages()).isEqualTo(13);
        assertThat(s.limit()).isEqualTo(x + 100_000);
        assertThat(heap.findObject(x + 99_999)).isEqualTo(x);
        assertThat(heap.findObject(x + 100_000)).as("past the limit").isZero();
        MemStats ms = heap.readMemStats();
        assertThat(ms.heapAlloc()).isEqualTo(13 * 8192);
        heap.freeObject(x);
        heap.sweepAll();
        assertThat(heap.spanOfHeap(x)).isNull();
        MemStats after = heap.readMemStats();
        assertThat(after.heapAlloc()).isZero();
        assertThat(after.frees()).isEqualTo(1);
    }

    @Test
    void heapBitmapRecordsPointerWordsPreciselyForArrays() {
        // struct { p *T; x int64; q *T } — pointers at words 0 and 2, ptrdata 24.
        GoType t = GoType.withPointers("T", 32, 0, 2);
        long x = Malloc.newarray(c, t, 3);
        MSpan s = heap.spanOf(x);
        assertThat(s.noscan()).isFalse();
        assertThat(s.elemsize()).isEqualTo(96);
        for (int w = 0; w < 12; w++) {
            int ew = w % 4;
            assertThat(heap.isPointerWord(x + 8L * w)).as("pointer bit word %d", w).isEqualTo(ew == 0 || ew == 2);
            assertThat(heap.morePointers(x + 8L * w)).as("scan bit word %d", w).isEqualTo(w < 11);
        }
        long y = Malloc.newobject(c, t);
        assertThat(heap.isPointerWord(y + 16)).isTrue();
        assertThat(heap.morePointers(y + 24)).as("dead after the last pointer").isFalse();
        assertThat(heap.isPointerWord(x + 8L * 4)).as("second element starts with a pointer").isTrue();
    }

    @Test
    void reusedScanSlotGetsTheNewTypesBitsOnly() {
        GoType all = GoType.withPointers("[4]*T", 32, 0, 1, 2, 3);
        GoType one = GoType.withPointers("struct{x int; p *T}", 16, 1);
        Malloc.newobject(c, all); // keeps the span in use
        long x = Malloc.newobject(c, all);
        heap.freeObject(x);
        heap.sweepAll();
        long y = Malloc.mallocgc(c, 32, one, true);
        assertThat(y).isEqualTo(x);
        assertThat(heap.isPointerWord(y)).isFalse();
        assertThat(heap.isPointerWord(y + 8)).isTrue();
        assertThat(heap.isPointerWord(y + 16)).isFalse();
        assertThat(heap.isPointerWord(y + 24)).isTrue();
    }

    @Test
    void heapBitsOfASlotStraddlingTwoArenasLandInBothBitmaps() {
        // A 70 MiB object makes the heap span two arenas; a multi-page span can straddle their boundary
        // (the page allocator, like Go's, ignores arena boundaries), so bitmap writes must split.
        long big = Malloc.mallocgc(c, 70L << 20, null, true);
        long boundary = heap.space().base() + AddressSpace.ARENA_BYTES;
        assertThat(big).isLessThan(boundary);
        GoType t = GoType.withPointers("[3]struct{p *T; x int}", 48, 0, 2, 4);
        long slot = boundary - 24; // words 0..2 in the first arena, 3..5 in the second
        HeapBits.setType(heap, slot, 48, 48, t);
        for (int w = 0; w < 6; w++) {
            assertThat(heap.isPointerWord(slot + 8L * w)).as("word %d", w).isEqualTo(w % 2 == 0);
            assertThat(heap.morePointers(slot + 8L * w)).as("scan bit of word %d", w).isEqualTo(w < 5);
        }
    }

    @Test
    void newarrayRejectsSizesBeyondMaxAlloc() {
        assertThatThrownBy(() -> Malloc.newarray(c, GoType.noscan("int64", 8), 1L << 46))
                .hasMessage("runtime: allocation size out of range");
        assertThatThrownBy(() -> Malloc.newarray(c, GoType.noscan("int64", 8), -1))
                .hasMessage("runtime: allocation size out of range");
    }

    @Test
    void freeingAnythingButAnAllocatedObjectBaseThrows() {
        long x = Malloc.mallocgc(c, 48, null, true);
        assertThatThrownBy(() -> heap.freeObject(x + 8)).hasMessageContaining("is not an object base");
        assertThatThrownBy(() -> heap.freeObject(x + 48)).hasMessageContaining("is not allocated");
        heap.freeObject(x);
        assertThatThrownBy(() -> heap.freeObject(x)).hasMessageContaining("freed twice");
        assertThatThrownBy(() -> heap.freeObject(heap.zerobase())).hasMessageContaining("not in an in-use span");
    }

    @Test
    void heapStartsAtGosHintWhenTheAddressIsFree() {
        long base = heap.space().base();
        assertThat(base % AddressSpace.ARENA_BYTES).isZero();
        assertThat((base & 0xffff_ffffL)).isZero();
        assertThat(base >>> 32 & 0xff).isEqualTo(0xc0);
    }

    @Test
    void emptySpansGoBackToThePageAllocatorAndAreReused() {
        // 200 KiB = 25 pages: too many for the page cache, so first fit over the heap decides.
        long x = Malloc.mallocgc(c, 200 << 10, null, true);
        MSpan first = heap.spanOf(x);
        assertThat(heap.pageInUse(x)).isTrue();
        heap.freeObject(x);
        heap.sweepAll();
        assertThat(first.state()).isEqualTo(MSpan.DEAD);
        assertThat(heap.pageInUse(x)).isFalse();
        assertThat(heap.spanOf(x)).isNull();
        long y = Malloc.mallocgc(c, 150 << 10, null, true);
        assertThat(heap.spanOf(y).base()).as("same pages, new span").isEqualTo(first.base());
        assertThat(heap.spanOf(y).needzero()).isTrue();
    }

    @Test
    void hittingTheReservationCapIsGosOutOfMemoryFault() {
        try (MHeap small = MHeap.create(64L << 20)) {
            MCache sc = small.newMCache();
            RuntimeFault f = null;
            long n = 0;
            try {
                while (true) {
                    Malloc.mallocgc(sc, 1 << 20, null, true);
                    n++;
                }
            } catch (RuntimeFault e) {
                f = e;
            }
            assertThat(n).isEqualTo(64);
            assertThat(f.getMessage()).isEqualTo("out of memory");
            assertThat(f.goText()).isEqualTo("runtime: out of memory: cannot allocate 4194304-byte block ("
                    + (64L << 20) + " in use)\nfatal error: out of memory\n");
            assertThat(RuntimeFault.EXIT_STATUS).isEqualTo(2);
        }
    }
}
