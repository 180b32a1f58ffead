// A binary floating-point number of bounded precision: the part of Go's math/big.Float that
// go/constant relies on (value.go keeps large Float constants as 512-bit big.Floats).
package glassgo.compiler.constant;

import java.math.BigInteger;

/**
 * An immutable binary float {@code mant * 2^exp}, rounded to a given number of mantissa bits, with
 * big.Float's exponent range: written as {@code 0.1xxx * 2^E}, E must lie in int32, else the value
 * overflows to ±Inf or underflows to ±0 (big.Float's {@code MaxExp}/{@code MinExp}).
 *
 * <p>Why not BigDecimal: Go rounds in binary, and the checker must reproduce float32/float64
 * rounding and big.Float's {@code %p} format ({@code ExactString}) bit for bit; a decimal
 * representation would round differently.
 *
 * <p>Canonical form: {@code mant} has no trailing zero bits (so equal values are equal records), and
 * zero is {@code mant == 0, exp == 0}. An infinity has {@code inf == true} and the sign in
 * {@code mant} (±1); it only ever exists transiently, because go/constant turns an infinite result
 * into an Unknown value.
 */
record BigFloat(BigInteger mant, long exp, boolean inf) implements Comparable<BigFloat> {

    /** go/constant's mantissa precision ({@code const prec = 512}). */
    static final int PREC = 512;

    static final BigFloat ZERO = new BigFloat(BigInteger.ZERO, 0, false);
    private static final long MAX_EXP = Integer.MAX_VALUE;
    private static final long MIN_EXP = Integer.MIN_VALUE;

    /** Rounding modes of big.Float that go/constant uses. */
    enum Mode { NEAREST_EVEN, TO_ZERO, AWAY_FROM_ZERO }

    static BigFloat infinity(int sign) {
        return new BigFloat(BigInteger.valueOf(sign), 0, true);
    }

    static BigFloat of(BigInteger n, int prec) {
        return round(n.signum(), n.abs(), 0, false, prec, Mode.NEAREST_EVEN);
    }

    /** The exact value of a double (which has at most 53 bits, so any prec >= 53 keeps it exact). */
    static BigFloat of(double d) {
        if (Double.isInfinite(d) || Double.isNaN(d)) {
            throw new IllegalArgumentException("constant.BigFloat.of: non-finite double " + d);
        }
        if (d == 0) {
            return ZERO;
        }
        long bits = Double.doubleToRawLongBits(d);
        int biased = (int) ((bits >>> 52) & 0x7ff);
        long frac = bits & ((1L << 52) - 1);
        long m = biased == 0 ? frac : frac | (1L << 52);
        long e = biased == 0 ? -1074 : biased - 1075;
        return round(d < 0 ? -1 : 1, BigInteger.valueOf(m), e, false, 64, Mode.NEAREST_EVEN);
    }

    /** num/den rounded to prec bits (den > 0). */
    static BigFloat ofRatio(BigInteger num, BigInteger den, int prec) {
        if (den.signum() <= 0) {
            throw new ArithmeticException("constant.BigFloat.ofRatio: denominator must be positive");
        }
        return quotient(num.signum(), num.abs(), den, 0, prec);
    }

    /** sign * (a/b) * 2^exp rounded: shift so the integer quotient has at least prec+2 bits. */
    private static BigFloat quotient(int sign, BigInteger a, BigInteger b, long exp, int prec) {
        if (sign == 0) {
            return ZERO;
        }
        int shift = prec + 2 - (a.bitLength() - b.bitLength()) + 1;
        if (shift > 0) {
            a = a.shiftLeft(shift);
        } else {
            b = b.shiftLeft(-shift);
        }
        BigInteger[] qr = a.divideAndRemainder(b);
        return round(sign, qr[0], exp - shift, qr[1].signum() != 0, prec, Mode.NEAREST_EVEN);
    }

    /**
     * Rounds sign * (mag + sticky) * 2^exp to prec bits, where "sticky" means some nonzero amount
     * smaller than one unit of mag's last bit is also present.
     */
    static BigFloat round(int sign, BigInteger mag, long exp, boolean sticky, int prec, Mode mode) {
        if (mag.signum() < 0) {
            throw new IllegalArgumentException("constant.BigFloat.round: negative magnitude");
        }
        if (mag.signum() == 0) {
            if (sticky) {
                throw new IllegalArgumentException("constant.BigFloat.round: sticky bits on a zero magnitude");
            }
            return ZERO;
        }
        if (sticky && mag.bitLength() < prec + 2) {
            int more = prec + 2 - mag.bitLength();
            mag = mag.shiftLeft(more);
            exp -= more;
        }
        int bl = mag.bitLength();
        if (bl > prec) {
            int drop = bl - prec;
            BigInteger kept = mag.shiftRight(drop);
            boolean half = mag.testBit(drop - 1);
            boolean below = sticky || mag.getLowestSetBit() < drop - 1;
            boolean up = switch (mode) {
                case NEAREST_EVEN -> half && (below || kept.testBit(0));
                case TO_ZERO -> false;
                case AWAY_FROM_ZERO -> half || below;
            };
            mag = up ? kept.add(BigInteger.ONE) : kept;
            exp += drop;
        }
        return normal(sign, mag, exp);
    }

    /** Canonical form plus big.Float's exponent range. */
    private static BigFloat normal(int sign, BigInteger mag, long exp) {
        int tz = mag.getLowestSetBit();
        mag = mag.shiftRight(tz);
        exp += tz;
        long e = exp + mag.bitLength();
        if (e > MAX_EXP) {
            return infinity(sign);
        }
        if (e < MIN_EXP) {
            return ZERO;
        }
        return new BigFloat(sign < 0 ? mag.negate() : mag, exp, false);
    }

    int signum() {
        return mant.signum();
    }

    boolean isZero() {
        return mant.signum() == 0;
    }

    /** big.Float's MantExp: the E in {@code |x| = 0.1xxx * 2^E}; 0 for zero. */
    long mantExp() {
        return isZero() ? 0 : top();
    }

    /** The mantissa in [0.5, 1) with the sign of x (MantExp's first result). */
    BigFloat mantissa() {
        if (isZero()) {
            return ZERO;
        }
        return new BigFloat(mant, -mant.abs().bitLength(), false);
    }

    BigFloat negate() {
        return new BigFloat(mant.negate(), exp, inf);
    }

    BigFloat add(BigFloat y, int prec) {
        BigFloat x = this;
        if (x.inf || y.inf) {
            if (x.inf && y.inf && x.signum() != y.signum()) {
                throw new ArithmeticException("constant.BigFloat.add: Inf - Inf");
            }
            return x.inf ? x : y;
        }
        if (y.isZero()) {
            return x.isZero() ? ZERO : round(x.signum(), x.mant.abs(), x.exp, false, prec, Mode.NEAREST_EVEN);
        }
        if (x.isZero()) {
            return y.add(x, prec);
        }
        if (x.top() < y.top()) {
            BigFloat t = x;
            x = y;
            y = t;
        }
        // When y lies entirely below every bit and rounding boundary that can matter for x, only its
        // sign matters; replacing it with a tiny stand-in keeps the shift (and memory) bounded even
        // for exponents billions of bits apart.
        long q = Math.min(x.exp, x.top() - prec - 2);
        if (y.top() <= q) {
            y = new BigFloat(BigInteger.valueOf(y.signum()), q - 1, false);
        }
        long e = Math.min(x.exp, y.exp);
        BigInteger sum = x.mant.shiftLeft((int) (x.exp - e)).add(y.mant.shiftLeft((int) (y.exp - e)));
        return round(sum.signum(), sum.abs(), e, false, prec, Mode.NEAREST_EVEN);
    }

    /** The exponent just above the most significant bit: |x| < 2^top(). */
    private long top() {
        return exp + mant.abs().bitLength();
    }

    BigFloat subtract(BigFloat y, int prec) {
        return add(y.negate(), prec);
    }

    BigFloat multiply(BigFloat y, int prec) {
        int sign = signum() * y.signum();
        if (inf || y.inf) {
            if (isZero() || y.isZero()) {
                throw new ArithmeticException("constant.BigFloat.multiply: 0 * Inf");
            }
            return infinity(sign);
        }
        if (sign == 0) {
            return ZERO;
        }
        return round(sign, mant.abs().multiply(y.mant.abs()), exp + y.exp, false, prec, Mode.NEAREST_EVEN);
    }

    BigFloat divide(BigFloat y, int prec) {
        if (y.isZero()) {
            throw new ArithmeticException("constant.BigFloat.divide: division by zero");
        }
        int sign = signum() * y.signum();
        if (inf) {
            if (y.inf) {
                throw new ArithmeticException("constant.BigFloat.divide: Inf / Inf");
            }
            return infinity(sign);
        }
        if (y.inf || sign == 0) {
            return ZERO;
        }
        return quotient(sign, mant.abs(), y.mant.abs(), exp - y.exp, prec);
    }

    /** x * 2^n, exact (may overflow or underflow big.Float's exponent range). */
    BigFloat scaleByPowerOfTwo(long n) {
        if (isZero() || inf) {
            return this;
        }
        return normal(signum(), mant.abs(), exp + n);
    }

    /** 5^n the way big.Float's scan computes it: repeated squaring at prec+64 bits. */
    static BigFloat pow5(long n, int prec) {
        if (n <= 27) {
            return of(BigInteger.valueOf(5).pow((int) n), prec);
        }
        int fprec = prec + 64;
        BigFloat z = of(BigInteger.valueOf(5).pow(27), prec);
        BigFloat f = of(BigInteger.valueOf(5), fprec);
        for (long k = n - 27; k > 0; k >>>= 1) {
            if ((k & 1) != 0) {
                z = z.multiply(f, prec);
            }
            f = f.multiply(f, fprec);
        }
        return z;
    }

    @Override
    public int compareTo(BigFloat y) {
        if (inf || y.inf) {
            // An infinity sorts beyond every finite value of its sign.
            return Integer.compare(inf ? 2 * signum() : signum(), y.inf ? 2 * y.signum() : y.signum());
        }
        if (signum() != y.signum()) {
            return Integer.compare(signum(), y.signum());
        }
        if (isZero()) {
            return 0;
        }
        long e = Math.min(exp, y.exp);
        if (top() != y.top()) {
            return signum() * Long.compare(top(), y.top());
        }
        return mant.shiftLeft((int) (exp - e)).compareTo(y.mant.shiftLeft((int) (y.exp - e)));
    }

    boolean isInteger() {
        return !inf && (isZero() || exp >= 0);
    }

    /** The integer value, exact only if {@link #isInteger()}; otherwise truncated toward zero. */
    BigInteger truncate() {
        if (inf) {
            throw new ArithmeticException("constant.BigFloat.truncate: infinite value");
        }
        return exp >= 0 ? mant.shiftLeft((int) exp) : mant.abs().shiftRight((int) Math.min(-exp, Integer.MAX_VALUE))
                .multiply(BigInteger.valueOf(mant.signum()));
    }

    /** The exact fraction {num, den}; callers keep the exponent small (go/constant's smallFloat). */
    BigInteger[] toRatio() {
        if (inf) {
            throw new ArithmeticException("constant.BigFloat.toRatio: infinite value");
        }
        if (exp >= 0) {
            return new BigInteger[] {mant.shiftLeft((int) exp), BigInteger.ONE};
        }
        return new BigInteger[] {mant, BigInteger.ONE.shiftLeft((int) -exp)};
    }

    /** A value rounded to float64 or float32, and whether that lost nothing. */
    record Ieee(double value, boolean exact) {}

    /** Nearest double (ties to even, with subnormals and overflow to ±Inf), as big.Float.Float64. */
    Ieee toFloat64() {
        return toIeee(53, -1074, 1024);
    }

    /** Nearest float32, as big.Float.Float32 (the value is held exactly in a double). */
    Ieee toFloat32() {
        return toIeee(24, -149, 128);
    }

    private Ieee toIeee(int bits, int minQuantum, int maxTop) {
        if (inf) {
            return new Ieee(signum() * Double.POSITIVE_INFINITY, false);
        }
        return ieee(signum(), mant.abs(), exp, false, bits, minQuantum, maxTop);
    }

    /** num/den rounded straight to float64 (no intermediate 512-bit rounding), as big.Rat.Float64. */
    static Ieee ratioToFloat64(BigInteger num, BigInteger den) {
        return quotToFloat(num, den, 52, 1023, false);
    }

    /** As {@link #ratioToFloat64} for float32 (big.Rat.Float32). */
    static Ieee ratioToFloat32(BigInteger num, BigInteger den) {
        return quotToFloat(num, den, 23, 127, true);
    }

    /**
     * big.Rat's quotToFloat64/quotToFloat32 (math/big/rat.go): divide to msize+2 or msize+3 bits,
     * shorten for subnormals, round half to even, then scale. Mirrored step by step rather than
     * rounded "correctly" because Go's answer differs far below the smallest subnormal: there it
     * rounds at full precision first (and may then report a value that flushes to 0 as exact).
     */
    private static Ieee quotToFloat(BigInteger num, BigInteger den, int msize, int ebias, boolean float32) {
        int sign = num.signum();
        if (sign == 0) {
            return new Ieee(0.0, true);
        }
        int msize1 = msize + 1;
        int msize2 = msize1 + 1;
        int emin = 1 - ebias;
        BigInteger a = num.abs();
        BigInteger b = den;
        // 1. Shift so the quotient has msize2 or msize2+1 bits.
        long exp = a.bitLength() - b.bitLength();
        long shift = msize2 - exp;
        if (shift > 0) {
            a = a.shiftLeft((int) shift);
        } else if (shift < 0) {
            b = b.shiftLeft((int) -shift);
        }
        // 2. Quotient and remainder.
        BigInteger[] qr = a.divideAndRemainder(b);
        long mantissa = qr[0].longValue();
        boolean haveRem = qr[1].signum() != 0;
        // 3. Drop the extra bit if the quotient was msize2+1 bits long.
        if (mantissa >>> msize2 == 1) {
            haveRem |= (mantissa & 1) == 1;
            mantissa >>>= 1;
            exp++;
        }
        if (mantissa >>> msize1 != 1) {
            throw new IllegalStateException("constant.BigFloat.quotToFloat: expected exactly " + msize2 + " bits of result");
        }
        // 4. Subnormal: fewer bits of precision.
        if (emin - msize <= exp && exp <= emin) {
            int sh = (int) (emin - (exp - 1));
            haveRem |= (mantissa & ((1L << sh) - 1)) != 0;
            mantissa >>>= sh;
            exp = 2 - ebias;
        }
        // 5. Round half to even on the extra low bit, then drop it.
        boolean exact = !haveRem;
        if ((mantissa & 1) != 0) {
            exact = false;
            if (haveRem || (mantissa & 2) != 0) {
                mantissa++;
                if (mantissa >= 1L << msize2) {
                    mantissa >>>= 1;
                    exp++;
                }
            }
        }
        mantissa >>>= 1;
        // 6. Scale (math.Ldexp rounds once more, like Math.scalb, for results below the normal range).
        int e = (int) Math.max(Math.min(exp - msize1, 100_000), -100_000);
        double f = Math.scalb((double) mantissa, e);
        if (float32) {
            f = (float) f;
        }
        if (Double.isInfinite(f)) {
            exact = false;
        }
        return new Ieee(sign * f, exact);
    }

    /**
     * Rounds sign * (mag + sticky) * 2^exp to an IEEE binary format with {@code bits} mantissa
     * bits, smallest quantum {@code 2^minQuantum} (subnormals) and magnitudes below
     * {@code 2^maxTop}; ties to even, overflow to ±Inf, underflow to ±0.
     */
    private static Ieee ieee(int sign, BigInteger mag, long exp, boolean sticky, int bits, int minQuantum, int maxTop) {
        long top = exp + mag.bitLength();
        long quantum = Math.max(top - bits, minQuantum);
        BigInteger kept;
        boolean exact;
        if (exp >= quantum) {
            if (sticky) {
                throw new IllegalStateException("constant.BigFloat.ieee: sticky bits above the rounding position");
            }
            kept = mag.shiftLeft((int) (exp - quantum));
            exact = true;
        } else {
            int drop = (int) Math.min(quantum - exp, mag.bitLength() + 2L);
            kept = mag.shiftRight(drop);
            boolean half = mag.testBit(drop - 1);
            boolean below = sticky || mag.getLowestSetBit() < drop - 1;
            exact = !half && !below;
            if (half && (below || kept.testBit(0))) {
                kept = kept.add(BigInteger.ONE);
            }
        }
        if (quantum + kept.bitLength() > maxTop) {
            return new Ieee(sign * Double.POSITIVE_INFINITY, false);
        }
        return new Ieee(sign * Math.scalb(kept.doubleValue(), (int) quantum), exact);
    }

    /** big.Float.Text('p', 0): "0x.<hex mantissa>p<exponent>", mantissa in [0.5, 1); "0" for zero. */
    String textP() {
        if (inf) {
            return signum() < 0 ? "-Inf" : "+Inf";
        }
        if (isZero()) {
            return "0";
        }
        BigInteger mag = mant.abs();
        int pad = (4 - mag.bitLength() % 4) % 4;
        String hex = mag.shiftLeft(pad).toString(16).replaceAll("0+$", "");
        long e = top();
        return (signum() < 0 ? "-" : "") + "0x." + hex + "p" + (e >= 0 ? "+" : "") + e;
    }
}
