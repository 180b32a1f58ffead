// Abi: the runtime entry points compiled Go calls, and the program-wide tables its classes read when they
// are initialised. Mirrors the functions cmd/compile emits calls to (runtime.newobject, makeslice,
// growslice, concatstrings, cmpstring, decoderune, typedmemmove, panicIndex, panicdivide, ...) in
// malloc.go, slice.go, string.go, mbarrier.go, utf8.go and panic.go.
package glassgo.runtime.mutator;

import glassgo.runtime.malloc.GoType;
import glassgo.runtime.malloc.SizeClasses;
import glassgo.runtime.stack.FrameLayout;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * One program runs per {@link #install}: its mutator, its type descriptors and frame layouts (indexed as
 * the compiler numbered them) and its read-only data block (string constants). Generated classes copy
 * these into {@code static final} fields when they are initialised, so HotSpot sees them as constants.
 *
 * <p>Memory access ({@code ld*}/{@code st*}) takes absolute addresses: heap objects, the data block,
 * or frames ({@code stack.lo + fp + offset}). Pointer stores into the heap or globals go through
 * {@link #writePointer}, the write barrier's entry; stores into frames are plain (stacks are scanned).
 */
public final class Abi {
    private static final MemorySegment NATIVE = MemorySegment.NULL.reinterpret(Long.MAX_VALUE);
    private static final ValueLayout.OfLong I64 = ValueLayout.JAVA_LONG_UNALIGNED;
    private static final ValueLayout.OfInt I32 = ValueLayout.JAVA_INT_UNALIGNED;
    private static final ValueLayout.OfShort I16 = ValueLayout.JAVA_SHORT_UNALIGNED;
    private static final ValueLayout.OfDouble F64 = ValueLayout.JAVA_DOUBLE_UNALIGNED;
    private static final ValueLayout.OfFloat F32 = ValueLayout.JAVA_FLOAT_UNALIGNED;

    private static Mutator mu;
    private static GoType[] types;
    private static FrameLayout[] layouts;
    private static long data;
    private static long globals;

    private Abi() {}

    /** Before the program's classes are initialised: the tables they read. */
    public static synchronized void install(Mutator m, GoType[] t, FrameLayout[] l, long dataBlock) {
        mu = m;
        types = t;
        layouts = l;
        data = dataBlock;
    }

    public static Mutator mutator() {
        return mu;
    }

    public static GoType type(int i) {
        return types[i];
    }

    public static FrameLayout layout(int i) {
        return layouts[i];
    }

    public static long data() {
        return data;
    }

    /** The package variables' block: a heap object the runner allocates and roots before main starts. */
    public static synchronized void setGlobals(long block) {
        globals = block;
    }

    public static long globals() {
        return globals;
    }

    // --- allocation (malloc.go) ----------------------------------------------------------------------

    /** new(T), &T{...}, and every variable that lives on the heap. */
    public static long newobject(GoType t) {
        return mu.alloc(t);
    }

    /** make([]T, len, cap)'s array (Go's makeslice, with its panics). */
    public static long makeslice(GoType elem, long len, long cap) {
        if (len < 0) {
            throw new GoPanic("runtime error: makeslice: len out of range", true);
        }
        if (cap < len || (elem.size() > 0 && Long.compareUnsigned(cap, (1L << 47) / elem.size()) > 0)) {
            throw new GoPanic("runtime error: makeslice: cap out of range", true);
        }
        return mu.allocArray(elem, cap);
    }

    /** Bytes without pointers (string data). */
    public static long newbytes(long n) {
        return mu.allocBytes(n);
    }

    // --- memory ------------------------------------------------------------------------------------

    public static long ld8s(long a) { return NATIVE.get(ValueLayout.JAVA_BYTE, a); }
    public static long ld8u(long a) { return NATIVE.get(ValueLayout.JAVA_BYTE, a) & 0xffL; }
    public static long ld16s(long a) { return NATIVE.get(I16, a); }
    public static long ld16u(long a) { return NATIVE.get(I16, a) & 0xffffL; }
    public static long ld32s(long a) { return NATIVE.get(I32, a); }
    public static long ld32u(long a) { return NATIVE.get(I32, a) & 0xffffffffL; }
    public static long ld64(long a) { return NATIVE.get(I64, a); }
    public static double ldf32(long a) { return NATIVE.get(F32, a); }
    public static double ldf64(long a) { return NATIVE.get(F64, a); }
    public static void st8(long a, long v) { NATIVE.set(ValueLayout.JAVA_BYTE, a, (byte) v); }
    public static void st16(long a, long v) { NATIVE.set(I16, a, (short) v); }
    public static void st32(long a, long v) { NATIVE.set(I32, a, (int) v); }
    public static void st64(long a, long v) { NATIVE.set(I64, a, v); }
    public static void stf32(long a, double v) { NATIVE.set(F32, a, (float) v); }
    public static void stf64(long a, double v) { NATIVE.set(F64, a, v); }

    /** A pointer store into the heap or a global: the write barrier's entry point. */
    public static void writePointer(long addr, long v) {
        mu.writePointer(addr, 0, v);
    }

    /** memmove for memory without pointers. */
    public static void memmove(long dst, long src, long n) {
        if (n > 0 && dst != src) {
            MemorySegment.copy(NATIVE, src, NATIVE, dst, n);
        }
    }

    public static void memclr(long dst, long n) {
        if (n > 0) {
            NATIVE.asSlice(dst, n).fill((byte) 0);
        }
    }

    /**
     * typedmemmove of {@code n} elements of {@code t}: pointer words through the write barrier when the
     * destination is the heap or a global ({@code heapDst}), plain otherwise (a frame). Overlap-safe.
     */
    public static void typedmemmove(GoType t, long dst, long src, long n, long heapDst) {
        long bytes = t.size() * n;
        if (bytes == 0 || dst == src) {
            return;
        }
        if (t.noscan() || heapDst == 0) {
            MemorySegment.copy(NATIVE, src, NATIVE, dst, bytes);
            return;
        }
        long words = t.size() / 8;
        boolean backward = dst > src && dst < src + bytes;
        for (long k = 0; k < n; k++) {
            long e = backward ? n - 1 - k : k;
            long d = dst + e * t.size();
            long s = src + e * t.size();
            for (long w0 = 0; w0 < words; w0++) {
                long w = backward ? words - 1 - w0 : w0;
                long v = NATIVE.get(I64, s + w * 8);
                if (t.isPointerWord(w)) {
                    mu.writePointer(d + w * 8, 0, v);
                } else {
                    NATIVE.set(I64, d + w * 8, v);
                }
            }
            long tail = t.size() - words * 8;
            if (tail > 0) {
                MemorySegment.copy(NATIVE, s + words * 8, NATIVE, d + words * 8, tail);
            }
        }
    }

    // --- slices (slice.go) ---------------------------------------------------------------------------

    /**
     * growslice: room for {@code newLen} elements, Go 1.19's growth rule (double below 256 elements, then
     * grow by (cap + 3*256)/4 until it fits) rounded up to the allocator's size class. Writes the new
     * slice header {ptr, newLen, cap} to {@code dst} (a frame temporary: plain stores).
     */
    public static void growslice(GoType et, long dst, long oldPtr, long oldLen, long oldCap, long newLen) {
        if (newLen < 0) {
            throw new GoPanic("growslice: len out of range", false);
        }
        long esize = et.size();
        if (esize == 0) {
            st64(dst, mu.heap().zerobase());
            st64(dst + 8, newLen);
            st64(dst + 16, newLen);
            return;
        }
        long newcap = oldCap;
        long doublecap = newcap + newcap;
        if (newLen > doublecap) {
            newcap = newLen;
        } else if (oldCap < 256) {
            newcap = doublecap;
        } else {
            while (0 < newcap && newcap < newLen) {
                newcap += (newcap + 3 * 256) / 4;
            }
            if (newcap <= 0) {
                newcap = newLen;
            }
        }
        if (Long.compareUnsigned(newcap, (1L << 47) / esize) > 0) {
            throw new GoPanic("growslice: cap out of range", false);
        }
        long capmem = SizeClasses.roundUpSize(newcap * esize);
        newcap = capmem / esize;
        long p = mu.allocArray(et, newcap);
        typedmemmove(et, p, oldPtr, oldLen, 1);
        st64(dst, p);
        st64(dst + 8, newLen);
        st64(dst + 16, newcap);
    }

    // --- strings (string.go, utf8.go) ---------------------------------------------------------------

    /** s1 + s2, header written to {@code dst} (a frame temporary). */
    public static void concatstrings(long dst, long p1, long l1, long p2, long l2) {
        if (l1 == 0) {
            st64(dst, p2);
            st64(dst + 8, l2);
            return;
        }
        if (l2 == 0) {
            st64(dst, p1);
            st64(dst + 8, l1);
            return;
        }
        long p = mu.allocBytes(l1 + l2);
        memmove(p, p1, l1);
        memmove(p + l1, p2, l2);
        st64(dst, p);
        st64(dst + 8, l1 + l2);
    }

    public static long eqstring(long p1, long l1, long p2, long l2) {
        if (l1 != l2) {
            return 0;
        }
        if (p1 == p2) {
            return 1;
        }
        return MemorySegment.mismatch(NATIVE, p1, p1 + l1, NATIVE, p2, p2 + l2) < 0 ? 1 : 0;
    }

    /** cmpstring: -1, 0, +1 by bytes. */
    public static long cmpstring(long p1, long l1, long p2, long l2) {
        long m = MemorySegment.mismatch(NATIVE, p1, p1 + l1, NATIVE, p2, p2 + l2);
        if (m < 0) {
            return 0;
        }
        if (m == l1) {
            return -1;
        }
        if (m == l2) {
            return 1;
        }
        return Integer.compare(ld8u(p1 + m) < ld8u(p2 + m) ? -1 : 1, 0);
    }

    /** string(rune): the UTF-8 encoding, U+FFFD for an invalid code point. */
    public static void intstring(long dst, long r) {
        byte[] b = encodeRune(r);
        long p = mu.allocBytes(b.length);
        for (int i = 0; i < b.length; i++) {
            st8(p + i, b[i]);
        }
        st64(dst, p);
        st64(dst + 8, b.length);
    }

    static byte[] encodeRune(long r) {
        if (r < 0 || r > 0x10FFFF || (r >= 0xD800 && r <= 0xDFFF)) {
            r = 0xFFFD;
        }
        int c = (int) r;
        if (c < 0x80) {
            return new byte[] {(byte) c};
        } else if (c < 0x800) {
            return new byte[] {(byte) (0xC0 | c >> 6), (byte) (0x80 | c & 0x3F)};
        } else if (c < 0x10000) {
            return new byte[] {(byte) (0xE0 | c >> 12), (byte) (0x80 | c >> 6 & 0x3F), (byte) (0x80 | c & 0x3F)};
        }
        return new byte[] {(byte) (0xF0 | c >> 18), (byte) (0x80 | c >> 12 & 0x3F), (byte) (0x80 | c >> 6 & 0x3F),
                (byte) (0x80 | c & 0x3F)};
    }

    /** string(b []byte) and []byte(s): a fresh copy of {@code n} bytes, header {ptr,len[,cap]} to dst. */
    public static void copybytes(long dst, long src, long n, long withCap) {
        // []byte("") is empty but not nil (Go points it at zerobase); string(b) of no bytes has no pointer
        long p = n == 0 ? (withCap != 0 ? mu.heap().zerobase() : 0) : mu.allocBytes(n);
        memmove(p, src, n);
        st64(dst, p);
        st64(dst + 8, n);
        if (withCap != 0) {
            st64(dst + 16, n);
        }
    }

    /** []rune(s): the code points of s (U+FFFD for each invalid byte), header {ptr,len,cap} to dst (Go's stringtoslicerune). */
    public static void stringtoslicerune(long dst, long p, long len) {
        long n = 0;
        for (long k = 0; k < len; n++) {
            k = decoderune(p, len, k) & 0xffffffffL;
        }
        long cap = n == 0 ? 0 : SizeClasses.roundUpSize(n * 4) / 4;
        long a = n == 0 ? mu.heap().zerobase() : mu.allocBytes(cap * 4);
        long i = 0;
        for (long k = 0; k < len; i++) {
            long packed = decoderune(p, len, k);
            st32(a + i * 4, packed >> 32);
            k = packed & 0xffffffffL;
        }
        st64(dst, a);
        st64(dst + 8, n);
        st64(dst + 16, cap);
    }

    /** string(rs) for a []rune: each rune UTF-8 encoded, invalid ones as U+FFFD (Go's slicerunetostring). */
    public static void slicerunetostring(long dst, long p, long n) {
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        for (long i = 0; i < n; i++) {
            b.writeBytes(encodeRune(ld32s(p + i * 4)));
        }
        byte[] bytes = b.toByteArray();
        long s = bytes.length == 0 ? 0 : mu.allocBytes(bytes.length);
        for (int i = 0; i < bytes.length; i++) {
            st8(s + i, bytes[i]);
        }
        st64(dst, s);
        st64(dst + 8, bytes.length);
    }

    /**
     * decoderune for {@code for i, r := range s}: the rune at byte {@code k} and the index after it,
     * packed as (rune << 32) | next; an invalid encoding is U+FFFD of width 1, as in Go.
     */
    public static long decoderune(long p, long len, long k) {
        int b0 = (int) ld8u(p + k);
        if (b0 < 0x80) {
            return ((long) b0 << 32) | (k + 1);
        }
        int need;
        int r;
        int min;
        if ((b0 & 0xE0) == 0xC0) {
            need = 1; r = b0 & 0x1F; min = 0x80;
        } else if ((b0 & 0xF0) == 0xE0) {
            need = 2; r = b0 & 0x0F; min = 0x800;
        } else if ((b0 & 0xF8) == 0xF0) {
            need = 3; r = b0 & 0x07; min = 0x10000;
        } else {
            return (0xFFFDL << 32) | (k + 1);
        }
        if (k + need >= len) {
            return (0xFFFDL << 32) | (k + 1);
        }
        for (int i = 1; i <= need; i++) {
            int b = (int) ld8u(p + k + i);
            if ((b & 0xC0) != 0x80) {
                return (0xFFFDL << 32) | (k + 1);
            }
            r = r << 6 | (b & 0x3F);
        }
        if (r < min || r > 0x10FFFF || (r >= 0xD800 && r <= 0xDFFF)) {
            return (0xFFFDL << 32) | (k + 1);
        }
        return ((long) r << 32) | (k + 1 + need);
    }

    // --- checks and arithmetic the JVM does differently (panic.go, the compiler's generic ops) ---------

    /** A dereference of p: Go's nil check (a fault on page 0 in Go; a panic here before any access). */
    public static long nilcheck(long p) {
        if (p == 0) {
            throw new GoPanic("runtime error: invalid memory address or nil pointer dereference", true);
        }
        return p;
    }

    /** i checked against len (Go's panicIndex). */
    public static long checkIndex(long i, long len) {
        if (Long.compareUnsigned(i, len) >= 0) {
            throw panicIndex(i, len);
        }
        return i;
    }

    /** An unsigned index: huge values print as unsigned, as Go's panicIndexU does. */
    public static long checkIndexU(long i, long len) {
        if (Long.compareUnsigned(i, len) >= 0) {
            throw new GoPanic("runtime error: index out of range [" + Long.toUnsignedString(i) + "] with length " + len, true);
        }
        return i;
    }

    /** s[lo:hi:max] against cap (Go's panicSlice* family, 0 <= lo <= hi <= max <= cap). */
    public static void checkSlice(long lo, long hi, long max, long cap, long threeIndex) {
        if (Long.compareUnsigned(max, cap) > 0) {
            if (threeIndex != 0) {
                throw new GoPanic("runtime error: slice bounds out of range [::" + max + "] with capacity " + cap, true);
            }
            throw new GoPanic("runtime error: slice bounds out of range [:" + hi + "] with capacity " + cap, true);
        }
        if (Long.compareUnsigned(hi, max) > 0) {
            if (threeIndex != 0) {
                throw new GoPanic("runtime error: slice bounds out of range [:" + hi + ":" + max + "]", true);
            }
            throw new GoPanic("runtime error: slice bounds out of range [:" + hi + "] with capacity " + cap, true);
        }
        if (Long.compareUnsigned(lo, hi) > 0) {
            throw new GoPanic("runtime error: slice bounds out of range [" + lo + ":" + hi + "]", true);
        }
    }

    public static long div(long a, long b) {
        if (b == 0) {
            throw panicdivide();
        }
        return a / b;
    }

    public static long rem(long a, long b) {
        if (b == 0) {
            throw panicdivide();
        }
        return a % b;
    }

    public static long udiv(long a, long b) {
        if (b == 0) {
            throw panicdivide();
        }
        return Long.divideUnsigned(a, b);
    }

    public static long urem(long a, long b) {
        if (b == 0) {
            throw panicdivide();
        }
        return Long.remainderUnsigned(a, b);
    }

    private static void checkShift(long n, long signedCount) {
        if (signedCount != 0 && n < 0) {
            throw new GoPanic("runtime error: negative shift amount", true);
        }
    }

    /** x << n with Go's rule: a count of 64 or more gives 0 (the caller re-normalizes the width). */
    public static long shl(long x, long n, long signedCount) {
        checkShift(n, signedCount);
        return Long.compareUnsigned(n, 64) >= 0 ? 0 : x << n;
    }

    /** Signed x >> n: a count of 64 or more gives the sign. */
    public static long shr(long x, long n, long signedCount) {
        checkShift(n, signedCount);
        return Long.compareUnsigned(n, 64) >= 0 ? x >> 63 : x >> n;
    }

    /** Unsigned x >> n (x zero-extended): a count of 64 or more gives 0. */
    public static long ushr(long x, long n, long signedCount) {
        checkShift(n, signedCount);
        return Long.compareUnsigned(n, 64) >= 0 ? 0 : x >>> n;
    }

    /** uint64(f) for f beyond int64's range. */
    public static long f2u(double f) {
        if (f < 9.223372036854775807E18) {
            return (long) f;
        }
        return (long) (f - 9.223372036854775807E18) ^ Long.MIN_VALUE;
    }

    /** float64(u) for a uint64 above int64's range. */
    public static double u2f(long u) {
        if (u >= 0) {
            return u;
        }
        double d = (double) ((u >>> 1) | (u & 1));
        return d * 2;
    }

    /** copy(dst, src) for slices: min(len) elements, overlap-safe; returns the count. */
    public static long slicecopy(GoType et, long dp, long dlen, long sp, long slen) {
        long n = Math.min(dlen, slen);
        typedmemmove(et, dp, sp, n, 1);
        return n;
    }

    // --- panic and recover (panic.go) ---------------------------------------------------------------

    /** A function with deferred calls caught a panic: it becomes the goroutine's current panic. */
    public static void beginPanic(glassgo.runtime.stack.Stack s, RuntimeException p) {
        if (s.panic != null && s.panic != p && p instanceof GoPanic gp) {
            // a panic inside a deferred call while another is handled (Go's _panic.link): if it is
            // recovered, the outer one is handled again with its recovered state as it was
            gp.link(s.panic, s.recovered);
        }
        s.panic = p;
        s.recovered = false;
    }

    /** After the deferred calls: whether one of them recovered (then the function returns normally). */
    public static long recovered(glassgo.runtime.stack.Stack s) {
        if (s.panic != null && s.recovered) {
            GoPanic gp = s.panic instanceof GoPanic g ? g : null;
            s.panic = gp != null ? gp.link() : null;
            s.recovered = gp != null && gp.linkRecovered();
            return 1;
        }
        return 0;
    }

    /**
     * The panic handler is about to call a deferred function: only that function, one call deeper than the
     * frame running its defers, may recover (Go: recover's argp must be the deferred call's frame).
     */
    public static void deferCall(glassgo.runtime.stack.Stack s) {
        s.deferDepth = s.depth + 1;
    }

    /** No deferred call recovered: the panic continues up the stack. */
    public static RuntimeException repanic(glassgo.runtime.stack.Stack s) {
        RuntimeException p = s.panic;
        s.panic = null;
        if (p instanceof GoPanic gp) {
            gp.unlink();    // leaving this frame unrecovered aborts the panic it interrupted (Go: p.aborted)
        }
        throw p;
    }

    // --- run-time errors (panic.go) -------------------------------------------------------------------

    public static RuntimeException panicIndex(long i, long len) {
        throw new GoPanic("runtime error: index out of range [" + i + "] with length " + len, true);
    }

    /** s[lo:hi] with hi out of range: Go's panicSliceAlen/panicSliceAcap text. */
    public static RuntimeException panicSliceHigh(long hi, long cap, long isCap) {
        throw new GoPanic("runtime error: slice bounds out of range [:" + hi + "] with " + (isCap != 0 ? "capacity " : "length ") + cap, true);
    }

    public static RuntimeException panicSliceLow(long lo, long hi) {
        throw new GoPanic("runtime error: slice bounds out of range [" + lo + ":" + hi + "]", true);
    }

    public static RuntimeException panicdivide() {
        throw new GoPanic("runtime error: integer divide by zero", true);
    }

    public static RuntimeException panicnil() {
        throw new GoPanic("runtime error: invalid memory address or nil pointer dereference", true);
    }

    /** panic(v) with a string value. */
    public static RuntimeException panicstring(long p, long len) {
        byte[] b = new byte[(int) len];
        for (int i = 0; i < len; i++) {
            b[i] = (byte) ld8u(p + i);
        }
        throw new GoPanic(new String(b, java.nio.charset.StandardCharsets.UTF_8), false);
    }

    /** panic(v) with any other value, already formatted as Go prints it. */
    public static RuntimeException panicvalue(String text) {
        throw new GoPanic(text, false);
    }

    /** panic(v) with a float value, printed as print prints it. */
    public static RuntimeException panicfloat(double v, String typeName) {
        String f = Print.formatFloat(v);
        throw new GoPanic(typeName.contains(".") ? typeName + "(" + f + ")" : f, false);
    }

    public static RuntimeException panicbool(long v, String typeName) {
        String b = v != 0 ? "true" : "false";
        throw new GoPanic(typeName.contains(".") ? typeName + "(" + b + ")" : b, false);
    }

    /** panic(v) with an integer value: plain for a predeclared type, {@code main.T(42)} for a defined one (printpanicval). */
    public static RuntimeException panicint(long v, String typeName) {
        throw new GoPanic(typeName.contains(".") ? typeName + "(" + v + ")" : Long.toString(v), false);
    }
}
