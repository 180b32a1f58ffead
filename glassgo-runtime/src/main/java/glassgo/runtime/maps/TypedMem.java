// TypedMem: raw native loads and stores at any address, and the typed copies and clears that keep the
// collector informed. Mirrors mbarrier.go's typedmemmove/typedmemclr with bulkBarrierPreWrite: every
// pointer word a copy overwrites goes through the write barrier, wherever the destination lies.
package glassgo.runtime.maps;

import glassgo.runtime.gc.Collector;
import glassgo.runtime.gc.WriteBarrier;
import glassgo.runtime.malloc.GoType;
import glassgo.runtime.mutator.Mutator;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * The runtime's memory helpers for maps, channels and strings. Addresses may be anywhere in the
 * process: heap objects, goroutine frames, globals, or scratch memory of a test. Pointer stores follow
 * one rule ({@link #storePointer}): a heap destination goes through {@link Mutator#writePointer} (the
 * mutator's checked entry point); any other destination (a frame slot, a global, another goroutine's
 * stack as in Go's sendDirect) calls the collector's barrier directly, then stores. Go barriers a copy
 * into another goroutine's stack for the same reason (chan.go: "the only time a goroutine writes to
 * another goroutine's stack").
 *
 * <p>These belong with the mutator ({@code Mutator.typedmemmove}); they live here until that package
 * offers them, and the chan and strings packages use them from here.
 */
public final class TypedMem {
    /** The whole address space as one segment: Go pointers are plain addresses. */
    static final MemorySegment ALL = MemorySegment.NULL.reinterpret(Long.MAX_VALUE);
    private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED;
    private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED;
    private static final ValueLayout.OfShort SHORT = ValueLayout.JAVA_SHORT_UNALIGNED;

    private TypedMem() {
    }

    public static long getLong(long addr) {
        return ALL.get(LONG, addr);
    }

    public static void putLong(long addr, long v) {
        ALL.set(LONG, addr, v);
    }

    public static int getInt(long addr) {
        return ALL.get(INT, addr);
    }

    public static void putInt(long addr, int v) {
        ALL.set(INT, addr, v);
    }

    public static short getShort(long addr) {
        return ALL.get(SHORT, addr);
    }

    public static void putShort(long addr, short v) {
        ALL.set(SHORT, addr, v);
    }

    public static byte getByte(long addr) {
        return ALL.get(ValueLayout.JAVA_BYTE, addr);
    }

    public static void putByte(long addr, byte v) {
        ALL.set(ValueLayout.JAVA_BYTE, addr, v);
    }

    /** memmove of {@code n} bytes without barriers: only for pointer-free data or fresh, unpublished objects' scalars. */
    public static void memmove(long dst, long src, long n) {
        if (n <= 0 || dst == src) {
            return;
        }
        // Word-sized values (map keys, channel elements) are the common case: a load and a store, where a
        // bulk copy would first check its arguments and pick a loop.
        if (n == 8) {
            putLong(dst, getLong(src));
        } else if (n == 4) {
            putInt(dst, getInt(src));
        } else if (n == 16) {                     // both words read before either is written: overlap-safe
            long a = getLong(src);
            long b = getLong(src + 8);
            putLong(dst, a);
            putLong(dst + 8, b);
        } else {
            MemorySegment.copy(ALL, src, ALL, dst, n);
        }
    }

    /** memclrNoHeapPointers. */
    public static void memclr(long addr, long n) {
        if (n > 0) {
            ALL.asSlice(addr, n).fill((byte) 0);
        }
    }

    /** memequal: byte-wise equality of {@code n} bytes. */
    public static boolean memequal(long a, long b, long n) {
        if (a == b || n == 0) {
            return true;
        }
        return MemorySegment.mismatch(ALL, a, a + n, ALL, b, b + n) < 0;
    }

    /** {@code *slot = v} for a pointer word, with the write barrier wherever the slot lies. */
    public static void storePointer(Mutator mu, long slot, long v) {
        if (mu.heap().space().contains(slot)) {
            mu.writePointer(slot, 0, v);
            return;
        }
        Collector c = mu.collector();
        if (c != null) {
            WriteBarrier wb = c.writeBarrier();
            if (wb.enabled()) {
                wb.onPointerWrite(slot, getLong(slot), v);
            }
        }
        putLong(slot, v);
    }

    /** typedmemmove: copy one value of type {@code t}, pointer words through the barrier. */
    public static void typedmemmove(Mutator mu, GoType t, long dst, long src) {
        if (dst == src || t.size() == 0) {
            return;
        }
        if (t.noscan()) {
            memmove(dst, src, t.size());
            return;
        }
        long words = t.ptrdata() / 8;
        for (long w = 0; w < words; w++) {
            long off = w * 8;
            if (t.isPointerWord(w)) {
                storePointer(mu, dst + off, getLong(src + off));
            } else {
                putLong(dst + off, getLong(src + off));
            }
        }
        memmove(dst + t.ptrdata(), src + t.ptrdata(), t.size() - t.ptrdata());
    }

    /** typedmemclr: zero one value of type {@code t}; pointer words are cleared through the barrier. */
    public static void typedmemclr(Mutator mu, GoType t, long p) {
        if (t.noscan()) {
            memclr(p, t.size());
            return;
        }
        long words = t.ptrdata() / 8;
        for (long w = 0; w < words; w++) {
            if (t.isPointerWord(w)) {
                if (getLong(p + w * 8) != 0) {
                    storePointer(mu, p + w * 8, 0);
                }
            } else {
                putLong(p + w * 8, 0);
            }
        }
        memclr(p + t.ptrdata(), t.size() - t.ptrdata());
    }
}
