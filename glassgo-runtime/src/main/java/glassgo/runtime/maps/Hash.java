// Hash: the byte hash under every map key. Mirrors hash64.go's memhash fallback (wyhash: 64×64→128-bit
// multiplies folded by xor, a per-process random key) and alg.go's float rules (±0 alike, NaN random).
package glassgo.runtime.maps;

import java.security.SecureRandom;

/**
 * {@code memhash(p, seed, n)}: reads the n bytes at p in 8-byte words (short inputs in overlapping 4- or
 * 8-byte loads, as wyhash does) and mixes them with the seed and a per-process key. Go prefers AES
 * instructions where the CPU has them; this is the portable path Go takes without them, so hash
 * quality and cost are Go's own fallback's.
 */
final class Hash {
    private static final long M1 = 0xa0761d6478bd642fL;
    private static final long M2 = 0xe7037ed1a0b428dbL;
    private static final long M3 = 0x8ebc6af09c88c6e3L;
    private static final long M4 = 0x589965cc75374cc3L;
    private static final long M5 = 0x1d8e4e27c47d124fL;
    /** The multipliers Go mixes an interface's hash with (alg.go's c0, c1 on 64-bit). */
    static final long IFACE_C0 = 33054211828000289L;
    static final long IFACE_C1 = 23344194077549503L;
    /** Go's hashkey, randomized at start-up so that hash flooding cannot be planned across processes. */
    private static final long HASHKEY = new SecureRandom().nextLong() | 1;

    private Hash() {
    }

    /** The 128-bit product of a and b, folded to 64 bits by xor. */
    private static long mix(long a, long b) {
        return Math.unsignedMultiplyHigh(a, b) ^ (a * b);
    }

    private static long r4(long p) {
        return TypedMem.getInt(p) & 0xFFFFFFFFL;
    }

    private static long r8(long p) {
        return TypedMem.getLong(p);
    }

    static long memhash(long p, long seed, long n) {
        seed ^= HASHKEY ^ M1;
        long a;
        long b;
        if (n == 0) {
            return seed;
        } else if (n < 4) {
            a = (TypedMem.getByte(p) & 0xFFL) | (TypedMem.getByte(p + (n >> 1)) & 0xFFL) << 8
                    | (TypedMem.getByte(p + n - 1) & 0xFFL) << 16;
            b = 0;
        } else if (n <= 8) {
            a = r4(p);
            b = r4(p + n - 4);
        } else if (n <= 16) {
            a = r8(p);
            b = r8(p + n - 8);
        } else {
            long left = n;
            long q = p;
            if (left > 48) {
                long s1 = seed;
                long s2 = seed;
                for (; left > 48; left -= 48, q += 48) {
                    seed = mix(r8(q) ^ M2, r8(q + 8) ^ seed);
                    s1 = mix(r8(q + 16) ^ M3, r8(q + 24) ^ s1);
                    s2 = mix(r8(q + 32) ^ M4, r8(q + 40) ^ s2);
                }
                seed ^= s1 ^ s2;
            }
            for (; left > 16; left -= 16, q += 16) {
                seed = mix(r8(q) ^ M2, r8(q + 8) ^ seed);
            }
            a = r8(q + left - 16);
            b = r8(q + left - 8);
        }
        return mix(M5 ^ n, mix(a ^ M2, b ^ seed));
    }

    /**
     * f32hash/f64hash: both zeros hash as +0; every NaN hashes to a fresh random value (so NaN keys
     * spread over buckets instead of piling into one chain no lookup can ever match).
     */
    static long floatHash(double f, long p, long size, long seed) {
        if (f == 0) {
            return mix(M5 ^ size, mix(M2, seed ^ HASHKEY ^ M1));
        }
        if (Double.isNaN(f)) {
            return mix(M5 ^ size, mix(Fastrand.next64() ^ M2, seed ^ HASHKEY ^ M1));
        }
        return memhash(p, seed, size);
    }
}
