// Strings: the string operations compiled Go code calls — concatenation, conversions between strings,
// []byte and []rune, string(rune), comparison. Mirrors runtime/string.go (concatstrings,
// slicebytetostring, slicebytetostringtmp, stringtoslicebyte, stringtoslicerune, slicerunetostring,
// intstring, rawstring/rawbyteslice/rawruneslice) and internal/bytealg's Compare.
package glassgo.runtime.strings;

import glassgo.runtime.malloc.SizeClasses;
import glassgo.runtime.maps.TypedMem;
import glassgo.runtime.mutator.Goroutine;
import glassgo.runtime.mutator.Mutator;
import glassgo.runtime.sched.FatalError;

import java.lang.foreign.Arena;

/**
 * A Go string is a two-word header {@code {data *byte, len int}}; the bytes are immutable and may be
 * shared by any number of headers. A slice is {@code {data, len, cap}}.
 *
 * <h2>Calling convention</h2>
 * Entry points take the running {@code Goroutine} first, their operands as addresses and lengths, and
 * write their result header at {@code res} (16 bytes for a string, 24 for a slice): the data pointer
 * through the write barrier (res may be a frame slot, a heap object or a global), the lengths as plain
 * words. {@code buf}, where Go has one, is the address of a 32-byte scratch buffer in the caller's frame
 * that a non-escaping result may use instead of the heap (0: none). New bytes come from
 * {@code Mutator.allocBytes} (noscan, like Go's rawstring); the inputs must stay rooted by the caller.
 * Strings' bytes are assumed never to lie on a goroutine stack (true while glassgo has no stack
 * allocation of byte arrays), so concatstrings may return its only non-empty operand as is.
 */
public final class Strings {
    /** Go's tmpStringBufSize: the size of the caller's stack buffer for non-escaping results. */
    public static final long TMP_STRING_BUF_SIZE = 32;
    /**
     * Go's staticuint64s: word i holds i, so its first byte is the one-byte string {@code string(byte(i))}
     * — one-byte conversions allocate nothing. Outside the heap, like Go's read-only data.
     */
    private static final long STATIC_BYTES = staticBytes();

    private Strings() {
    }

    private static long staticBytes() {
        long base = Arena.global().allocate(256 * 8, 8).address();
        for (int i = 0; i < 256; i++) {
            TypedMem.putLong(base + i * 8L, i);
        }
        return base;
    }

    /** Writes the string header {data, len} at res. */
    static void setString(Mutator mu, long res, long data, long len) {
        TypedMem.storePointer(mu, res, data);
        TypedMem.putLong(res + 8, len);
    }

    /** Writes the slice header {data, len, cap} at res. */
    static void setSlice(Mutator mu, long res, long data, long len, long cap) {
        TypedMem.storePointer(mu, res, data);
        TypedMem.putLong(res + 8, len);
        TypedMem.putLong(res + 16, cap);
    }

    /** {@code size} fresh bytes for a string: in buf when it fits, else a new noscan object (Go's rawstringtmp). */
    private static long rawstringtmp(Mutator mu, long buf, long size) {
        if (buf != 0 && size <= TMP_STRING_BUF_SIZE) {
            return buf;
        }
        return mu.allocBytes(size);
    }

    /**
     * {@code a[0] + a[1] + ... + a[n-1]} for the n string headers at {@code a}: one allocation of the total
     * length, or none when at most one operand is non-empty.
     */
    public static void concatstrings(Goroutine g, long buf, long a, int n, long res) {
        Mutator mu = g.mutator();
        long total = 0;
        int count = 0;
        int idx = 0;
        for (int i = 0; i < n; i++) {
            long len = TypedMem.getLong(a + 16L * i + 8);
            if (len == 0) {
                continue;
            }
            if (total + len < total) {
                throw new FatalError("string concatenation too long");
            }
            total += len;
            count++;
            idx = i;
        }
        if (count == 0) {
            setString(mu, res, 0, 0);
            return;
        }
        if (count == 1) {
            setString(mu, res, TypedMem.getLong(a + 16L * idx), total);
            return;
        }
        long p = rawstringtmp(mu, buf, total);
        long off = 0;
        for (int i = 0; i < n; i++) {
            long len = TypedMem.getLong(a + 16L * i + 8);
            TypedMem.memmove(p + off, TypedMem.getLong(a + 16L * i), len);
            off += len;
        }
        setString(mu, res, p, total);
    }

    /** {@code string(b)} for a byte slice's array {@code ptr} of {@code n} bytes: a copy. */
    public static void slicebytetostring(Goroutine g, long buf, long ptr, long n, long res) {
        Mutator mu = g.mutator();
        if (n == 0) {
            setString(mu, res, 0, 0);
            return;
        }
        if (n == 1) {
            setString(mu, res, STATIC_BYTES + (TypedMem.getByte(ptr) & 0xFF) * 8L, 1);
            return;
        }
        long p = rawstringtmp(mu, buf, n);
        TypedMem.memmove(p, ptr, n);
        setString(mu, res, p, n);
    }

    /**
     * {@code string(b)} where the compiler proved the string dies before b can change (a map lookup
     * {@code m[string(b)]}, a comparison): the same bytes, no copy.
     */
    public static void slicebytetostringtmp(Goroutine g, long ptr, long n, long res) {
        setString(g.mutator(), res, ptr, n);
    }

    /** {@code []byte(s)}: a copy with cap rounded up to the size class (Go's rawbyteslice). */
    public static void stringtoslicebyte(Goroutine g, long buf, long data, long len, long res) {
        Mutator mu = g.mutator();
        long p;
        long cap;
        if (buf != 0 && len <= TMP_STRING_BUF_SIZE) {
            TypedMem.memclr(buf, TMP_STRING_BUF_SIZE);
            p = buf;
            cap = TMP_STRING_BUF_SIZE;
        } else {
            cap = SizeClasses.roundUpSize(len);
            p = mu.allocBytes(cap);
        }
        TypedMem.memmove(p, data, len);
        setSlice(mu, res, p, len, cap);
    }

    /** {@code []rune(s)}: one element per {@code for range} iteration (invalid bytes → U+FFFD each). */
    public static void stringtoslicerune(Goroutine g, long data, long len, long res) {
        Mutator mu = g.mutator();
        long n = Utf8.countrunes(data, len);
        long mem = SizeClasses.roundUpSize(n * 4);
        long p = mu.allocBytes(mem);
        long i = 0;
        for (long k = 0; k < len; i++) {
            long d = Utf8.next(data, len, k);
            TypedMem.putInt(p + 4 * i, Utf8.rune(d));
            k = Utf8.pos(d);
        }
        setSlice(mu, res, p, n, mem / 4);
    }

    /** {@code string(runes)} for a []rune's array {@code ptr} of n runes; invalid runes become U+FFFD. */
    public static void slicerunetostring(Goroutine g, long buf, long ptr, long n, long res) {
        Mutator mu = g.mutator();
        long size = 0;
        for (long i = 0; i < n; i++) {
            size += Utf8.runeLen(TypedMem.getInt(ptr + 4 * i));
        }
        // Go allocates 3 spare bytes so encoderune may always write a full rune; the result is sliced to size.
        long p = rawstringtmp(mu, buf, size + 3);
        long off = 0;
        for (long i = 0; i < n && off < size; i++) {
            off += Utf8.encoderune(p + off, TypedMem.getInt(ptr + 4 * i));
        }
        setString(mu, res, p, size);
    }

    /** {@code string(rune(v))} for an integer v: U+FFFD unless v is a valid rune. {@code buf}: 4 bytes, or 0. */
    public static void intstring(Goroutine g, long buf, long v, long res) {
        Mutator mu = g.mutator();
        long p = buf != 0 ? buf : mu.allocBytes(4);
        int r = v == (int) v ? (int) v : Utf8.RUNE_ERROR;
        int n = Utf8.encoderune(p, r);
        setString(mu, res, p, n);
    }

    /** Go's cmpstring (bytealg.Compare): -1, 0 or +1, bytes compared unsigned, then lengths. */
    public static int cmpstring(long aData, long aLen, long bData, long bLen) {
        long n = Math.min(aLen, bLen);
        if (aData != bData) {
            for (long i = 0; i < n; i++) {
                int x = TypedMem.getByte(aData + i) & 0xFF;
                int y = TypedMem.getByte(bData + i) & 0xFF;
                if (x != y) {
                    return x < y ? -1 : 1;
                }
            }
        }
        return Long.compare(aLen, bLen) < 0 ? -1 : aLen == bLen ? 0 : 1;
    }

    /** String equality as compiled code does it: lengths, then the bytes (memequal). */
    public static boolean eqstring(long aData, long aLen, long bData, long bLen) {
        return aLen == bLen && TypedMem.memequal(aData, bData, aLen);
    }
}
