// Utf8: the runtime's UTF-8 decoding and encoding, as a Go `for range` over a string and the rune
// conversions use them. Mirrors runtime/utf8.go (decoderune, encoderune, countrunes) — which follows
// unicode/utf8 with one RuneError per invalid byte.
package glassgo.runtime.strings;

import glassgo.runtime.maps.TypedMem;

/**
 * Go's rules: a valid sequence is the shortest encoding of a code point up to U+10FFFF that is not a
 * surrogate (U+D800–U+DFFF). Anything else — a stray continuation byte, a truncated or overlong
 * sequence, an encoded surrogate, a value past U+10FFFF — decodes as {@link #RUNE_ERROR} (U+FFFD) and
 * consumes exactly one byte, so {@code for i, r := range s} visits every invalid byte at its own index.
 * Encoding turns negative runes, surrogates and values past U+10FFFF into U+FFFD's three bytes.
 */
public final class Utf8 {
    public static final int RUNE_ERROR = 0xFFFD;
    public static final int RUNE_SELF = 0x80;
    public static final int MAX_RUNE = 0x10FFFF;
    /** The most bytes one rune takes (Go's UTFMax). */
    public static final int UTF_MAX = 4;
    private static final int SURROGATE_MIN = 0xD800;
    private static final int SURROGATE_MAX = 0xDFFF;
    /** Continuation bytes lie in [LOCB, HICB]. */
    private static final int LOCB = 0x80;
    private static final int HICB = 0xBF;

    private Utf8() {
    }

    /** {@link #decoderune}'s result: the rune in the low 32 bits, the position after it in the high 32. */
    public static int rune(long decoded) {
        return (int) decoded;
    }

    public static int pos(long decoded) {
        return (int) (decoded >>> 32);
    }

    private static long result(int r, long pos) {
        return (pos << 32) | (r & 0xFFFFFFFFL);
    }

    private static boolean cont(int b) {
        return b >= LOCB && b <= HICB;
    }

    /**
     * Go's decoderune(s, k): the non-ASCII rune starting at byte k of the string {data, len} and the index
     * after it. Compiled {@code for range} handles bytes below 0x80 itself and calls this for the rest
     * (given an ASCII byte it answers RuneError, as Go's does). At or past the end: RuneError, k+1.
     */
    public static long decoderune(long data, long len, long k) {
        if (k >= len) {
            return result(RUNE_ERROR, k + 1);
        }
        long n = len - k;
        long p = data + k;
        int b0 = TypedMem.getByte(p) & 0xFF;
        if (b0 >= 0xC0 && b0 < 0xE0) {
            if (n > 1 && cont(b(p, 1))) {
                int r = (b0 & 0x1F) << 6 | (b(p, 1) & 0x3F);
                if (r >= 0x80) {                              // else overlong
                    return result(r, k + 2);
                }
            }
        } else if (b0 >= 0xE0 && b0 < 0xF0) {
            if (n > 2 && cont(b(p, 1)) && cont(b(p, 2))) {
                int r = (b0 & 0x0F) << 12 | (b(p, 1) & 0x3F) << 6 | (b(p, 2) & 0x3F);
                if (r >= 0x800 && (r < SURROGATE_MIN || r > SURROGATE_MAX)) {
                    return result(r, k + 3);
                }
            }
        } else if (b0 >= 0xF0 && b0 < 0xF8) {
            if (n > 3 && cont(b(p, 1)) && cont(b(p, 2)) && cont(b(p, 3))) {
                int r = (b0 & 0x07) << 18 | (b(p, 1) & 0x3F) << 12 | (b(p, 2) & 0x3F) << 6 | (b(p, 3) & 0x3F);
                if (r >= 0x10000 && r <= MAX_RUNE) {
                    return result(r, k + 4);
                }
            }
        }
        return result(RUNE_ERROR, k + 1);
    }

    private static int b(long p, int i) {
        return TypedMem.getByte(p + i) & 0xFF;
    }

    /**
     * One step of {@code for i, r := range s} as compiled code performs it: ASCII inline, else
     * {@link #decoderune}. Returns the same packing.
     */
    public static long next(long data, long len, long k) {
        int b0 = TypedMem.getByte(data + k) & 0xFF;
        if (b0 < RUNE_SELF) {
            return result(b0, k + 1);
        }
        return decoderune(data, len, k);
    }

    /** The number of bytes encoding {@code r} takes (invalid runes: 3, for U+FFFD). */
    public static int runeLen(int r) {
        if (r >= 0 && r < 0x80) {
            return 1;
        } else if (r >= 0 && r < 0x800) {
            return 2;
        } else if (r < 0 || r > MAX_RUNE || (r >= SURROGATE_MIN && r <= SURROGATE_MAX) || r < 0x10000) {
            return 3;
        }
        return 4;
    }

    /** Go's encoderune: writes r's UTF-8 bytes at p (room for 4) and returns how many. */
    public static int encoderune(long p, int r) {
        if (r >= 0 && r < 0x80) {
            TypedMem.putByte(p, (byte) r);
            return 1;
        }
        if (r >= 0 && r < 0x800) {
            TypedMem.putByte(p, (byte) (0xC0 | r >> 6));
            TypedMem.putByte(p + 1, (byte) (0x80 | r & 0x3F));
            return 2;
        }
        if (r < 0 || r > MAX_RUNE || (r >= SURROGATE_MIN && r <= SURROGATE_MAX)) {
            r = RUNE_ERROR;
        }
        if (r < 0x10000) {
            TypedMem.putByte(p, (byte) (0xE0 | r >> 12));
            TypedMem.putByte(p + 1, (byte) (0x80 | r >> 6 & 0x3F));
            TypedMem.putByte(p + 2, (byte) (0x80 | r & 0x3F));
            return 3;
        }
        TypedMem.putByte(p, (byte) (0xF0 | r >> 18));
        TypedMem.putByte(p + 1, (byte) (0x80 | r >> 12 & 0x3F));
        TypedMem.putByte(p + 2, (byte) (0x80 | r >> 6 & 0x3F));
        TypedMem.putByte(p + 3, (byte) (0x80 | r & 0x3F));
        return 4;
    }

    /** Go's countrunes: how many iterations {@code for range s} makes. */
    public static long countrunes(long data, long len) {
        long n = 0;
        for (long k = 0; k < len; n++) {
            k = pos(next(data, len, k));
        }
        return n;
    }
}
