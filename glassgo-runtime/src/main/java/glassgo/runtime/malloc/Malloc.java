// Malloc: mallocgc, the single entry point for heap allocation, and newobject/newarray on top of it.
// Mirrors runtime/malloc.go.
package glassgo.runtime.malloc;

import glassgo.runtime.mem.AddressSpace;

/**
 * {@code mallocgc(c, size, typ, needzero)} in Go 1.19's steps (numbers as in the reference notes §4.2).
 * The GC-related steps: 3/14 (assist and trigger) are one poll at entry, taken only when an attached
 * collector raised {@code MHeap.gcPoll}, so the object being allocated is never unrooted while a
 * collector runs; 10 (allocate black) marks the object while the heap allocates black:
 * <ol>
 *   <li>size 0: return zerobase, one shared address;</li>
 *   <li value="5">tiny (noscan, size &lt; 16): bump-allocate in the mcache's 16-byte block, aligned to 8, 4 or 2
 *       by the size's low bits; else take a fresh zeroed 16-byte object from span class 5 and keep it as
 *       the block if it leaves more room than the old one;</li>
 *   <li>small (≤ 32 KiB): class lookup, {@code nextFreeFast} on the cached span, else {@code nextFree} (which may
 *       refill); zero the slot only if the span's memory was used before ({@code span.needzero});</li>
 *   <li>large: a dedicated span from the heap; zeroed if needed;</li>
 *   <li>scan objects: write the heap bitmap for the object ({@link HeapBits}).</li>
 * </ol>
 * The caller passes its P's mcache explicitly ({@code getg().m.p.mcache} in Go) and must be the only
 * thread using it.
 */
public final class Malloc {
    private Malloc() {}

    /** Allocates {@code size} bytes for values of {@code typ} (null = no pointers) and returns the address. */
    public static long mallocgc(MCache c, long size, GoType typ, boolean needzero) {
        MHeap h = c.heap;
        if (h.gcPoll) {
            c = h.collectorPoll(c, size);                                                      // steps 3, 14
        }
        if (size == 0) {
            return h.zerobase();                                                           // step 1
        }
        boolean noscan = typ == null || typ.noscan();
        if (noscan && size < SizeClasses.TINY_SIZE) {
            return tinyAlloc(c, size);                                                     // step 5
        }
        AddressSpace mem = h.space();
        long x;
        MSpan span;
        if (size <= SizeClasses.MAX_SMALL_SIZE) {                                          // step 6
            int spc = SpanClass.make(SizeClasses.sizeToClass(size), noscan);
            span = c.alloc[spc];
            x = span.nextFreeFast();
            if (x == 0) {
                x = c.nextFree(spc);
                span = c.alloc[spc];
            }
            if (needzero && span.needzero) {
                mem.clear(x, span.elemsize);
            }
        } else {                                                                           // step 7
            span = h.allocLarge(c, size, noscan);
            x = span.base;
            if (needzero && span.needzero) {
                mem.clear(x, span.elemsize);
            }
        }
        if (!noscan) {                                                                     // step 8
            writeHeapBits(h, x, span.elemsize, size, typ);
        }
        if (h.allocBlack) {                                                                // step 10
            span.markNewObject(span.objIndex(x));
            c.blackBytes += span.elemsize;       // gcmarknewobject: black objects count as marked bytes
        }
        return x;
    }

    /** newobject(typ) = mallocgc(typ.size, typ, true). */
    public static long newobject(MCache c, GoType typ) {
        return mallocgc(c, typ.size(), typ, true);
    }

    /** newarray: n elements of typ, with Go's overflow check. */
    public static long newarray(MCache c, GoType typ, long n) {
        if (n == 1) {
            return mallocgc(c, typ.size(), typ, true);
        }
        if (n < 0 || (typ.size() != 0 && n > MAX_ALLOC / typ.size())) {
            throw new IllegalArgumentException("runtime: allocation size out of range");
        }
        return mallocgc(c, typ.size() * n, typ, true);
    }

    /** Go's maxAlloc on 64-bit: 2^48. */
    public static final long MAX_ALLOC = 1L << 48;

    private static long tinyAlloc(MCache c, long size) {
        long off = c.tinyoffset;
        if ((size & 7) == 0) {
            off = (off + 7) & ~7L;
        } else if ((size & 3) == 0) {
            off = (off + 3) & ~3L;
        } else if ((size & 1) == 0) {
            off = (off + 1) & ~1L;
        }
        if (off + size <= SizeClasses.TINY_SIZE && c.tiny != 0) {
            c.tinyoffset = off + size;
            c.tinyAllocs++;
            if (c.heap.allocBlack) {
                // The block may predate this mark phase; a new object in it must keep it alive (Go greys
                // the active tiny blocks at mark termination, gcMarkTinyAllocs; marking here is equivalent).
                markBlack(c, c.tiny);
            }
            return c.tiny + off;
        }
        int spc = SpanClass.TINY_SPAN_CLASS;
        long x = c.alloc[spc].nextFreeFast();
        if (x == 0) {
            x = c.nextFree(spc);
        }
        if (c.heap.allocBlack) {
            markBlack(c, x);
        }
        c.heap.space().clear(x, SizeClasses.TINY_SIZE);
        if (size < c.tinyoffset || c.tiny == 0) {
            c.tiny = x;
            c.tinyoffset = size;
        }
        return x;
    }

    /** Marks a tiny block black; counts its 16 bytes as marked the first time (a marker may have won). */
    private static void markBlack(MCache c, long x) {
        MSpan s = c.heap.spanOf(x);
        if (s.tryMark(s.objIndex(x))) {
            c.blackBytes += SizeClasses.TINY_SIZE;
        }
    }

    private static void writeHeapBits(MHeap h, long x, long slotSize, long dataSize, GoType typ) {
        HeapBits.setType(h, x, slotSize, dataSize, typ);
    }
}
