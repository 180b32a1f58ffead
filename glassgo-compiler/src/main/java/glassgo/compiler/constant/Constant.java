// The operations on Go constant values: glassgo's go/constant (src/go/constant/value.go).
package glassgo.compiler.constant;

import glassgo.compiler.syntax.Token;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Untyped constant arithmetic with Go's exactness, as the functions of Go's {@code go/constant}
 * package (same names in lowerCamelCase), which the type checker uses to fold constant
 * expressions, check representability and print values in diagnostics.
 *
 * <p>How a number is held (see {@link Value}):
 * <ol>
 *   <li>Int: an exact {@code BigInteger}.</li>
 *   <li>Float: an exact fraction while numerator and denominator have fewer than 4096 bits
 *       ({@code maxExp}); beyond that a 512-bit binary float ({@code prec}), and it stays one.</li>
 *   <li>Complex: a pair of Int/Float values.</li>
 *   <li>An operation that overflows the binary float's exponent range gives Unknown, and every
 *       operation on Unknown gives Unknown, so a checker reports one error once.</li>
 * </ol>
 * Operations a Go program cannot express (adding a bool to an int, dividing by zero) throw
 * {@link IllegalArgumentException}/{@link ArithmeticException} as go/constant panics: the checker
 * must have rejected them first.
 */
public final class Constant {

    /** go/constant's maxExp: fractions keep components below this many bits. */
    static final int MAX_EXP = 4 << 10;

    private Constant() {}

    // ---- Factories ------------------------------------------------------------------------

    public static Value makeUnknown() {
        return UnknownVal.INSTANCE;
    }

    public static Value makeBool(boolean b) {
        return BoolVal.of(b);
    }

    /** A string constant holding s encoded as UTF-8 (a lone surrogate becomes U+FFFD, as in Go). */
    public static Value makeString(String s) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(s.length());
        s.codePoints().forEach(cp -> GoStrings.appendRune(out, cp));
        return new StringVal(out.toByteArray());
    }

    /**
     * The string constant {@code string(rune(r))}: the UTF-8 encoding of r, or of U+FFFD when r is
     * not a valid code point (negative, a surrogate, above U+10FFFF), as Go converts.
     */
    public static Value makeRuneString(long r) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(4);
        GoStrings.appendRune(out, r < 0 || r > 0x10ffff ? GoStrings.RUNE_ERROR : (int) r);
        return new StringVal(out.toByteArray());
    }

    /** A string constant holding exactly these bytes (Go strings need not be valid UTF-8). */
    public static Value makeStringBytes(byte[] bytes) {
        return new StringVal(bytes);
    }

    public static Value makeInt64(long x) {
        return new IntVal(BigInteger.valueOf(x));
    }

    /** The Int value of x read as an unsigned 64-bit integer. */
    public static Value makeUint64(long x) {
        BigInteger v = BigInteger.valueOf(x);
        return new IntVal(x >= 0 ? v : v.add(BigInteger.ONE.shiftLeft(64)));
    }

    /** go/constant.Make(*big.Int). */
    public static Value makeInt(BigInteger x) {
        return new IntVal(x);
    }

    /**
     * go/constant.Make(*big.Rat): the Float value num/den, an exact fraction while its parts are
     * small, else rounded to 512 bits. den must not be zero.
     */
    public static Value makeRat(BigInteger num, BigInteger den) {
        RatVal r = RatVal.of(num, den);
        if (smallInt(r.num()) && smallInt(r.den())) {
            return r;
        }
        return new FloatVal(r.toBigFloat());
    }

    /** The Float value of x; -0 becomes 0, and an infinity or NaN becomes Unknown. */
    public static Value makeFloat64(double x) {
        if (Double.isInfinite(x) || Double.isNaN(x)) {
            return UnknownVal.INSTANCE;
        }
        BigFloat f = BigFloat.of(x + 0.0);
        if (smallFloat(f)) {
            BigInteger[] r = f.toRatio();
            return RatVal.of(r[0], r[1]);
        }
        return new FloatVal(f);
    }

    /** The Complex value x*i; x must be Int, Float or Unknown. */
    public static Value makeImag(Value x) {
        return switch (x) {
            case UnknownVal u -> u;
            case IntVal i -> makeComplex(IntVal.ZERO, i);
            case RatVal r -> makeComplex(IntVal.ZERO, r);
            case FloatVal f -> makeComplex(IntVal.ZERO, f);
            default -> throw new IllegalArgumentException("constant.makeImag: " + x + " not Int or Float");
        };
    }

    /**
     * The value of a Go literal: tok is INT, FLOAT, IMAG, CHAR or STRING. Every form of the Go
     * spec is accepted ({@code 0b}/{@code 0o}/{@code 0x} prefixes, legacy octal, {@code _}
     * separators, hex floats, imaginary literals, rune and string escapes, raw strings). A
     * malformed literal gives Unknown.
     */
    public static Value makeFromLiteral(String lit, Token tok) {
        switch (tok) {
            case INT -> {
                BigInteger v = NumberLiteral.parseInt(lit);
                if (v != null) {
                    return new IntVal(v);
                }
            }
            case FLOAT -> {
                Value v = makeFloatFromLiteral(lit);
                if (v != null) {
                    return v;
                }
            }
            case IMAG -> {
                if (lit.endsWith("i")) {
                    Value im = makeFloatFromLiteral(lit.substring(0, lit.length() - 1));
                    if (im != null) {
                        return makeComplex(IntVal.ZERO, im);
                    }
                }
            }
            case CHAR -> {
                long r = GoStrings.unquoteRune(lit);
                if (r >= 0) {
                    return makeInt64(r);
                }
            }
            case STRING -> {
                byte[] s = GoStrings.unquote(lit);
                if (s != null) {
                    return new StringVal(s);
                }
            }
            default -> throw new IllegalArgumentException("constant.makeFromLiteral: " + tok + " is not a valid token");
        }
        return UnknownVal.INSTANCE;
    }

    /** Exact fraction when the value's binary exponent is small, else a 512-bit float; null if malformed. */
    private static Value makeFloatFromLiteral(String lit) {
        NumberLiteral n = NumberLiteral.parseFloat(lit);
        if (n == null) {
            return null;
        }
        if (n.clearlySmall(MAX_EXP)) {
            // Fast path for ordinary literals: the exponent is far from the fraction limit, so
            // rounding to a binary float first (to decide that) cannot change the answer.
            BigInteger[] r = n.toRatio();
            return RatVal.of(r[0], r[1]);
        }
        BigFloat f = n.toBigFloat(BigFloat.PREC);
        if (f == null) {
            return null;
        }
        if (smallFloat(f)) {
            if (f.isZero()) {
                // As go/constant (issue 20228): an underflow to zero is just 0; computing the exact
                // fraction of, say, 6e-1886451601 would take forever.
                return RatVal.of(BigInteger.ZERO, BigInteger.ONE);
            }
            BigInteger[] r = n.toRatio();
            return RatVal.of(r[0], r[1]);
        }
        return makeFloat(f);
    }

    private static Value makeFloat(BigFloat f) {
        if (f.inf()) {
            return UnknownVal.INSTANCE;
        }
        return new FloatVal(f.isZero() ? BigFloat.ZERO : f);
    }

    private static Value makeComplex(Value re, Value im) {
        if (re.kind() == Kind.UNKNOWN || im.kind() == Kind.UNKNOWN) {
            return UnknownVal.INSTANCE;
        }
        return new ComplexVal(re, im);
    }

    static boolean smallInt(BigInteger x) {
        return x.bitLength() < MAX_EXP;
    }

    static boolean smallFloat(BigFloat f) {
        if (f.inf()) {
            return false;
        }
        long e = f.mantExp();
        return -MAX_EXP < e && e < MAX_EXP;
    }

    // ---- Accessors ------------------------------------------------------------------------

    /** A Go int64/uint64 result and whether it is exact (as go/constant's two results). */
    public record Int64(long value, boolean exact) {}

    /** A float64 result (float32 results are held exactly in a double) and whether it is exact. */
    public record Float(double value, boolean exact) {}

    /** x must be Bool or Unknown (false). */
    public static boolean boolVal(Value x) {
        return switch (x) {
            case BoolVal b -> b.value();
            case UnknownVal u -> false;
            default -> throw new IllegalArgumentException("constant.boolVal: " + x + " not a Bool");
        };
    }

    /** The string's bytes decoded as UTF-8 (invalid bytes become U+FFFD); "" for Unknown. */
    public static String stringVal(Value x) {
        return new String(stringBytes(x), StandardCharsets.UTF_8);
    }

    /** The exact bytes of a String value (a copy); empty for Unknown. */
    public static byte[] stringBytes(Value x) {
        return switch (x) {
            case StringVal s -> s.bytes().clone();
            case UnknownVal u -> new byte[0];
            default -> throw new IllegalArgumentException("constant.stringVal: " + x + " not a String");
        };
    }

    /** The length in bytes of a String value, as Go's len. */
    public static int stringLen(Value x) {
        return x instanceof StringVal s ? s.bytes().length : 0;
    }

    /** x must be Int or Unknown; exact iff x fits an int64 (else the low 64 bits). */
    public static Int64 int64Val(Value x) {
        return switch (x) {
            case IntVal i -> new Int64(i.value().longValue(), i.value().bitLength() < 64);
            case UnknownVal u -> new Int64(0, false);
            default -> throw new IllegalArgumentException("constant.int64Val: " + x + " not an Int");
        };
    }

    /** x must be Int or Unknown; the value is the uint64 bit pattern, exact iff 0 &lt;= x &lt; 2^64. */
    public static Int64 uint64Val(Value x) {
        return switch (x) {
            // Like Go: two's complement bits when x fits an int64, else the low bits of |x|.
            case IntVal i -> new Int64(i.value().bitLength() < 64 ? i.value().longValue() : i.value().abs().longValue(),
                    i.value().signum() >= 0 && i.value().bitLength() <= 64);
            case UnknownVal u -> new Int64(0, false);
            default -> throw new IllegalArgumentException("constant.uint64Val: " + x + " not an Int");
        };
    }

    /** The value of an Int (go/constant.Val's *big.Int / int64). */
    public static BigInteger intVal(Value x) {
        if (x instanceof IntVal i) {
            return i.value();
        }
        throw new IllegalArgumentException("constant.intVal: " + x + " not an Int");
    }

    /**
     * The nearest float32 (ties to even; ±Inf when too large, which is how a checker detects
     * overflow) and whether it is exact. x must be Int, Float or Unknown.
     */
    public static Float float32Val(Value x) {
        BigFloat.Ieee r = switch (x) {
            case IntVal i -> BigFloat.of(i.value(), BigFloat.PREC).toFloat32();
            case RatVal q -> BigFloat.ratioToFloat32(q.num(), q.den());
            case FloatVal f -> f.value().toFloat32();
            case UnknownVal u -> new BigFloat.Ieee(0, false);
            default -> throw new IllegalArgumentException("constant.float32Val: " + x + " not a Float");
        };
        return new Float(r.value(), r.exact());
    }

    /** As {@link #float32Val} for float64; values too close to 0 underflow to ±0. */
    public static Float float64Val(Value x) {
        BigFloat.Ieee r = switch (x) {
            case IntVal i -> BigFloat.of(i.value(), BigFloat.PREC).toFloat64();
            case RatVal q -> BigFloat.ratioToFloat64(q.num(), q.den());
            case FloatVal f -> f.value().toFloat64();
            case UnknownVal u -> new BigFloat.Ieee(0, false);
            default -> throw new IllegalArgumentException("constant.float64Val: " + x + " not a Float");
        };
        return new Float(r.value(), r.exact());
    }

    /** go/types' fitsFloat32: x rounded to float32 does not overflow. */
    public static boolean fitsFloat32(Value x) {
        return !Double.isInfinite(float32Val(x).value());
    }

    /** go/types' fitsFloat64: x rounded to float64 does not overflow. */
    public static boolean fitsFloat64(Value x) {
        return !Double.isInfinite(float64Val(x).value());
    }

    /** go/types' roundFloat32: x rounded to float32, or empty if that overflows. */
    public static Optional<Value> roundFloat32(Value x) {
        double f = float32Val(x).value();
        return Double.isInfinite(f) ? Optional.empty() : Optional.of(makeFloat64(f));
    }

    /** go/types' roundFloat64: x rounded to float64, or empty if that overflows. */
    public static Optional<Value> roundFloat64(Value x) {
        double f = float64Val(x).value();
        return Double.isInfinite(f) ? Optional.empty() : Optional.of(makeFloat64(f));
    }

    /** Bits needed for |x|; x must be Int or Unknown (0). */
    public static int bitLen(Value x) {
        return switch (x) {
            case IntVal i -> i.value().abs().bitLength();
            case UnknownVal u -> 0;
            default -> throw new IllegalArgumentException("constant.bitLen: " + x + " not an Int");
        };
    }

    /**
     * -1, 0 or 1 for x &lt; 0, x == 0, x &gt; 0; for Complex 0 iff x == 0; 1 for Unknown (so no
     * spurious "division by zero" follows an earlier error).
     */
    public static int sign(Value x) {
        return switch (x) {
            case IntVal i -> i.value().signum();
            case RatVal r -> r.num().signum();
            case FloatVal f -> f.value().signum();
            case ComplexVal c -> sign(c.re()) | sign(c.im());
            case UnknownVal u -> 1;
            default -> throw new IllegalArgumentException("constant.sign: " + x + " not numeric");
        };
    }

    /** The numerator of an Int or Float; Unknown if x is Unknown or too large for a fraction. */
    public static Value num(Value x) {
        return switch (x) {
            case IntVal i -> i;
            case RatVal r -> new IntVal(r.num());
            case FloatVal f -> smallFloat(f.value()) ? new IntVal(f.value().toRatio()[0]) : UnknownVal.INSTANCE;
            case UnknownVal u -> u;
            default -> throw new IllegalArgumentException("constant.num: " + x + " not Int or Float");
        };
    }

    /** The denominator (&gt;= 1) of an Int or Float; Unknown as for {@link #num}. */
    public static Value denom(Value x) {
        return switch (x) {
            case IntVal i -> IntVal.ONE;
            case RatVal r -> new IntVal(r.den());
            case FloatVal f -> smallFloat(f.value()) ? new IntVal(f.value().toRatio()[1]) : UnknownVal.INSTANCE;
            case UnknownVal u -> u;
            default -> throw new IllegalArgumentException("constant.denom: " + x + " not Int or Float");
        };
    }

    public static Value real(Value x) {
        return switch (x) {
            case ComplexVal c -> c.re();
            case IntVal i -> i;
            case RatVal r -> r;
            case FloatVal f -> f;
            case UnknownVal u -> u;
            default -> throw new IllegalArgumentException("constant.real: " + x + " not numeric");
        };
    }

    public static Value imag(Value x) {
        return switch (x) {
            case ComplexVal c -> c.im();
            case IntVal i -> IntVal.ZERO;
            case RatVal r -> IntVal.ZERO;
            case FloatVal f -> IntVal.ZERO;
            case UnknownVal u -> u;
            default -> throw new IllegalArgumentException("constant.imag: " + x + " not numeric");
        };
    }

    // ---- Conversions ----------------------------------------------------------------------

    /**
     * x as an Int if it is integral, else Unknown. A binary float within a few bits of an integer
     * counts as that integer, since the difference is rounding error from earlier operations.
     */
    public static Value toInt(Value x) {
        return switch (x) {
            case IntVal i -> i;
            case RatVal r -> r.isInteger() ? new IntVal(r.num()) : UnknownVal.INSTANCE;
            case FloatVal f -> floatToInt(f.value());
            case ComplexVal c -> {
                Value re = toFloat(c);
                yield re.kind() == Kind.FLOAT ? toInt(re) : UnknownVal.INSTANCE;
            }
            default -> UnknownVal.INSTANCE;
        };
    }

    private static Value floatToInt(BigFloat f) {
        // Only values that would also be fine as fractions: avoids creating huge integers.
        if (!smallFloat(f)) {
            return UnknownVal.INSTANCE;
        }
        if (f.isInteger()) {
            return new IntVal(f.truncate());
        }
        final int delta = 4; // a few bits of tolerance for prior rounding
        for (BigFloat.Mode mode : new BigFloat.Mode[] {BigFloat.Mode.TO_ZERO, BigFloat.Mode.AWAY_FROM_ZERO}) {
            BigFloat t = BigFloat.round(f.signum(), f.mant().abs(), f.exp(), false, BigFloat.PREC - delta, mode);
            if (t.isInteger()) {
                return new IntVal(t.truncate());
            }
        }
        return UnknownVal.INSTANCE;
    }

    /** x as a Float if representable, else Unknown (a Complex with nonzero imaginary part). */
    public static Value toFloat(Value x) {
        return switch (x) {
            case IntVal i -> smallInt(i.value())
                    ? RatVal.of(i.value(), BigInteger.ONE)
                    : new FloatVal(BigFloat.of(i.value(), BigFloat.PREC));
            case RatVal r -> r;
            case FloatVal f -> f;
            case ComplexVal c -> sign(c.im()) == 0 ? toFloat(c.re()) : UnknownVal.INSTANCE;
            default -> UnknownVal.INSTANCE;
        };
    }

    /** x as a Complex if numeric, else Unknown. */
    public static Value toComplex(Value x) {
        return switch (x) {
            case IntVal i -> new ComplexVal(i, IntVal.ZERO);
            case RatVal r -> new ComplexVal(r, IntVal.ZERO);
            case FloatVal f -> new ComplexVal(f, IntVal.ZERO);
            case ComplexVal c -> c;
            default -> UnknownVal.INSTANCE;
        };
    }

    // ---- Operations -----------------------------------------------------------------------

    /**
     * op y for op in + - ^ !. For ^, prec &gt; 0 is the bit size of an unsigned operand type, which
     * limits the result to that many bits (so ^uint8(1) is 254, not -2).
     */
    public static Value unaryOp(Token op, Value y, int prec) {
        if (y instanceof UnknownVal) {
            return y;
        }
        switch (op) {
            case ADD -> {
                if (y.kind().isNumeric()) {
                    return y;
                }
            }
            case SUB -> {
                switch (y) {
                    case IntVal i -> {
                        return new IntVal(i.value().negate());
                    }
                    case RatVal r -> {
                        return new RatVal(r.num().negate(), r.den());
                    }
                    case FloatVal f -> {
                        return makeFloat(f.value().negate());
                    }
                    case ComplexVal c -> {
                        return makeComplex(unaryOp(Token.SUB, c.re(), 0), unaryOp(Token.SUB, c.im(), 0));
                    }
                    default -> { }
                }
            }
            case XOR -> {
                if (y instanceof IntVal i) {
                    BigInteger z = i.value().not();
                    if (prec > 0) {
                        z = z.andNot(BigInteger.ONE.negate().shiftLeft(prec));
                    }
                    return new IntVal(z);
                }
            }
            case NOT -> {
                if (y instanceof BoolVal b) {
                    return BoolVal.of(!b.value());
                }
            }
            default -> { }
        }
        throw new IllegalArgumentException("constant: invalid unary operation " + op + y);
    }

    /** Representation order for {@link #match}: go/constant's ord. */
    private static int ord(Value x) {
        return switch (x) {
            case null -> -1;
            case UnknownVal u -> 0;
            case BoolVal b -> 1;
            case StringVal s -> 1;
            case IntVal i -> 2;
            case RatVal r -> 4;
            case FloatVal f -> 5;
            case ComplexVal c -> 6;
        };
    }

    /**
     * Brings x and y to the same, least general representation. If they cannot be matched (one
     * is Unknown or not numeric), both results are the "lower" one so the caller fails on it.
     */
    private static Value[] match(Value x, Value y) {
        int ox = ord(x);
        int oy = ord(y);
        if (ox < oy) {
            Value lx = lift(x, y);
            return lx == null ? new Value[] {x, x} : new Value[] {lx, y};
        }
        if (ox > oy) {
            Value ly = lift(y, x);
            return ly == null ? new Value[] {y, y} : new Value[] {x, ly};
        }
        return new Value[] {x, y};
    }

    /** x converted to the representation of the more general y; null if there is none. */
    private static Value lift(Value x, Value y) {
        return switch (y) {
            case RatVal r when x instanceof IntVal i -> RatVal.of(i.value(), BigInteger.ONE);
            case FloatVal f when x instanceof IntVal i -> new FloatVal(BigFloat.of(i.value(), BigFloat.PREC));
            case FloatVal f when x instanceof RatVal r -> new FloatVal(r.toBigFloat());
            case ComplexVal c when x.kind() == Kind.INT || x.kind() == Kind.FLOAT -> new ComplexVal(x, IntVal.ZERO);
            default -> null;
        };
    }

    /**
     * x op y for the arithmetic, bitwise, logical and string operators (not comparisons or
     * shifts). QUO on two Ints gives an exact Float; QUO_ASSIGN requests truncated integer
     * division, as in go/constant. Division by zero throws.
     */
    public static Value binaryOp(Value x0, Token op, Value y0) {
        Value[] m = match(x0, y0);
        Value x = m[0];
        Value y = m[1];
        Value result = switch (x) {
            case UnknownVal u -> u;
            case BoolVal a when y instanceof BoolVal b -> switch (op) {
                case LAND -> BoolVal.of(a.value() && b.value());
                case LOR -> BoolVal.of(a.value() || b.value());
                default -> null;
            };
            case IntVal a when y instanceof IntVal b -> intOp(a.value(), op, b.value());
            case RatVal a when y instanceof RatVal b -> switch (op) {
                case ADD -> makeRat(a.num().multiply(b.den()).add(b.num().multiply(a.den())), a.den().multiply(b.den()));
                case SUB -> makeRat(a.num().multiply(b.den()).subtract(b.num().multiply(a.den())), a.den().multiply(b.den()));
                case MUL -> makeRat(a.num().multiply(b.num()), a.den().multiply(b.den()));
                case QUO -> makeRat(a.num().multiply(b.den()), nonZero(a.den().multiply(b.num())));
                default -> null;
            };
            case FloatVal a when y instanceof FloatVal b -> switch (op) {
                case ADD -> makeFloat(a.value().add(b.value(), BigFloat.PREC));
                case SUB -> makeFloat(a.value().subtract(b.value(), BigFloat.PREC));
                case MUL -> makeFloat(a.value().multiply(b.value(), BigFloat.PREC));
                case QUO -> makeFloat(a.value().divide(b.value(), BigFloat.PREC));
                default -> null;
            };
            case ComplexVal a when y instanceof ComplexVal b -> complexOp(a, op, b);
            case StringVal a when y instanceof StringVal b && op == Token.ADD -> StringVal.concat(a, b);
            default -> null;
        };
        if (result == null) {
            throw new IllegalArgumentException("constant: invalid binary operation " + x0 + " " + op + " " + y0);
        }
        return result;
    }

    private static BigInteger nonZero(BigInteger d) {
        if (d.signum() == 0) {
            throw new ArithmeticException("constant: division by zero");
        }
        return d;
    }

    private static Value intOp(BigInteger a, Token op, BigInteger b) {
        return switch (op) {
            case ADD -> new IntVal(a.add(b));
            case SUB -> new IntVal(a.subtract(b));
            case MUL -> new IntVal(a.multiply(b));
            case QUO -> makeRat(a, nonZero(b));
            case QUO_ASSIGN -> new IntVal(a.divide(nonZero(b)));
            case REM -> new IntVal(a.remainder(nonZero(b)));
            case AND -> new IntVal(a.and(b));
            case OR -> new IntVal(a.or(b));
            case XOR -> new IntVal(a.xor(b));
            case AND_NOT -> new IntVal(a.andNot(b));
            default -> null;
        };
    }

    private static Value complexOp(ComplexVal x, Token op, ComplexVal y) {
        Value a = x.re();
        Value b = x.im();
        Value c = y.re();
        Value d = y.im();
        return switch (op) {
            case ADD -> makeComplex(binaryOp(a, Token.ADD, c), binaryOp(b, Token.ADD, d));
            case SUB -> makeComplex(binaryOp(a, Token.SUB, c), binaryOp(b, Token.SUB, d));
            case MUL -> {
                // (ac-bd) + i(bc+ad)
                Value ac = binaryOp(a, Token.MUL, c);
                Value bd = binaryOp(b, Token.MUL, d);
                Value bc = binaryOp(b, Token.MUL, c);
                Value ad = binaryOp(a, Token.MUL, d);
                yield makeComplex(binaryOp(ac, Token.SUB, bd), binaryOp(bc, Token.ADD, ad));
            }
            case QUO -> {
                // (ac+bd)/s + i(bc-ad)/s, with s = cc + dd
                Value ac = binaryOp(a, Token.MUL, c);
                Value bd = binaryOp(b, Token.MUL, d);
                Value bc = binaryOp(b, Token.MUL, c);
                Value ad = binaryOp(a, Token.MUL, d);
                Value s = binaryOp(binaryOp(c, Token.MUL, c), Token.ADD, binaryOp(d, Token.MUL, d));
                Value re = binaryOp(binaryOp(ac, Token.ADD, bd), Token.QUO, s);
                Value im = binaryOp(binaryOp(bc, Token.SUB, ad), Token.QUO, s);
                yield makeComplex(re, im);
            }
            default -> null;
        };
    }

    /** x &lt;&lt; s or x &gt;&gt; s (arithmetic) for an Int x; Unknown stays Unknown. */
    public static Value shift(Value x, Token op, int s) {
        if (s < 0) {
            throw new IllegalArgumentException("constant.shift: negative shift count " + s);
        }
        if (x instanceof UnknownVal) {
            return x;
        }
        if (x instanceof IntVal i) {
            if (op == Token.SHL) {
                return new IntVal(i.value().shiftLeft(s));
            }
            if (op == Token.SHR) {
                return new IntVal(i.value().shiftRight(s));
            }
        }
        throw new IllegalArgumentException("constant: invalid shift " + x + " " + op + " " + s);
    }

    /** The comparison x op y (== != &lt; &lt;= &gt; &gt;=); false if either is Unknown. */
    public static boolean compare(Value x0, Token op, Value y0) {
        Value[] m = match(x0, y0);
        Value x = m[0];
        Value y = m[1];
        Integer c = switch (x) {
            case UnknownVal u -> null;
            case BoolVal a when y instanceof BoolVal b && (op == Token.EQL || op == Token.NEQ) ->
                    a.value() == b.value() ? 0 : 1;
            case IntVal a when y instanceof IntVal b -> a.value().compareTo(b.value());
            case RatVal a when y instanceof RatVal b -> a.num().multiply(b.den()).compareTo(b.num().multiply(a.den()));
            case FloatVal a when y instanceof FloatVal b -> a.value().compareTo(b.value());
            case ComplexVal a when y instanceof ComplexVal b && (op == Token.EQL || op == Token.NEQ) ->
                    compare(a.re(), Token.EQL, b.re()) && compare(a.im(), Token.EQL, b.im()) ? 0 : 1;
            case StringVal a when y instanceof StringVal b -> java.util.Arrays.compareUnsigned(a.bytes(), b.bytes());
            default -> throw new IllegalArgumentException("constant: invalid comparison " + x0 + " " + op + " " + y0);
        };
        if (c == null) {
            return false;
        }
        return switch (op) {
            case EQL -> c == 0;
            case NEQ -> c != 0;
            case LSS -> c < 0;
            case LEQ -> c <= 0;
            case GTR -> c > 0;
            case GEQ -> c >= 0;
            default -> throw new IllegalArgumentException("constant: invalid comparison " + x0 + " " + op + " " + y0);
        };
    }
}
