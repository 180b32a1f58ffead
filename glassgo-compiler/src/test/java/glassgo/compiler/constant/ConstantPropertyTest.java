// Property tests for Constant: integer arithmetic against BigInteger, float rounding against the
// JDK's own correctly rounded conversions, with a seeded generator.
package glassgo.compiler.constant;

import static org.assertj.core.api.Assertions.assertThat;

import glassgo.compiler.syntax.Token;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ConstantPropertyTest {
    private static final long SEED = 0x91A55_60L;

    private static BigInteger randomBig(Random r) {
        BigInteger v = new BigInteger(1 + r.nextInt(r.nextInt(8) == 0 ? 5000 : 130), r);
        return r.nextBoolean() ? v.negate() : v;
    }

    @Test
    void integerOperationsAgreeWithBigInteger() {
        Random r = new Random(SEED);
        for (int i = 0; i < 20_000; i++) {
            BigInteger a = randomBig(r);
            BigInteger b = randomBig(r);
            Value x = Constant.makeInt(a);
            Value y = Constant.makeInt(b);
            assertThat(Constant.intVal(Constant.binaryOp(x, Token.ADD, y))).isEqualTo(a.add(b));
            assertThat(Constant.intVal(Constant.binaryOp(x, Token.SUB, y))).isEqualTo(a.subtract(b));
            assertThat(Constant.intVal(Constant.binaryOp(x, Token.MUL, y))).isEqualTo(a.multiply(b));
            assertThat(Constant.intVal(Constant.binaryOp(x, Token.AND, y))).isEqualTo(a.and(b));
            assertThat(Constant.intVal(Constant.binaryOp(x, Token.OR, y))).isEqualTo(a.or(b));
            assertThat(Constant.intVal(Constant.binaryOp(x, Token.XOR, y))).isEqualTo(a.xor(b));
            assertThat(Constant.intVal(Constant.binaryOp(x, Token.AND_NOT, y))).isEqualTo(a.andNot(b));
            assertThat(Constant.compare(x, Token.LSS, y)).isEqualTo(a.compareTo(b) < 0);
            assertThat(Constant.compare(x, Token.EQL, y)).isEqualTo(a.equals(b));
            if (b.signum() != 0) {
                // Go's / and % truncate toward zero, as BigInteger's divide and remainder do.
                assertThat(Constant.intVal(Constant.binaryOp(x, Token.QUO_ASSIGN, y))).isEqualTo(a.divide(b));
                assertThat(Constant.intVal(Constant.binaryOp(x, Token.REM, y))).isEqualTo(a.remainder(b));
                Value q = Constant.binaryOp(x, Token.QUO, y);
                assertThat(q.kind()).isEqualTo(Kind.FLOAT);
                if (q instanceof RatVal rat) {
                    assertThat(rat.num().multiply(b)).isEqualTo(a.multiply(rat.den()));
                }
            }
            int s = r.nextInt(100);
            assertThat(Constant.intVal(Constant.shift(x, Token.SHL, s))).isEqualTo(a.shiftLeft(s));
            assertThat(Constant.intVal(Constant.shift(x, Token.SHR, s))).isEqualTo(a.shiftRight(s));
        }
    }

    @Test
    void int64ValIsExactExactlyWhenTheValueFitsInt64() {
        Random r = new Random(SEED + 1);
        for (int i = 0; i < 5000; i++) {
            BigInteger a = new BigInteger(1 + r.nextInt(70), r);
            a = r.nextBoolean() ? a.negate() : a;
            Constant.Int64 v = Constant.int64Val(Constant.makeInt(a));
            boolean fits = a.bitLength() < 64;
            assertThat(v.exact()).isEqualTo(fits);
            if (fits) {
                assertThat(v.value()).isEqualTo(a.longValueExact());
            }
            Constant.Int64 u = Constant.uint64Val(Constant.makeInt(a));
            assertThat(u.exact()).isEqualTo(a.signum() >= 0 && a.bitLength() <= 64);
        }
    }

    @Test
    void float64AndFloat32ValRoundExactFractionsLikeTheJdk() {
        Random r = new Random(SEED + 2);
        for (int i = 0; i < 5_000; i++) {
            BigInteger num = new BigInteger(1 + r.nextInt(200), r);
            BigInteger den = new BigInteger(1 + r.nextInt(200), r).add(BigInteger.ONE);
            if (r.nextBoolean()) {
                num = num.negate();
            }
            Value v = Constant.binaryOp(Constant.makeInt(num), Token.QUO, Constant.makeInt(den));
            // With parts of at most 200 bits, num/den is either a rounding boundary itself (and the
            // quotient is exact) or at a relative distance of at least about 10^-197 from every
            // boundary, so 200 significant digits round to the same double and float.
            BigDecimal exact = new BigDecimal(num).divide(new BigDecimal(den), new java.math.MathContext(200));
            double d = exact.doubleValue();
            assertThat(Constant.float64Val(v).value()).as("%s/%s", num, den).isEqualTo(d);
            float f = exact.floatValue();
            assertThat((float) Constant.float32Val(v).value()).as("%s/%s as float32", num, den).isEqualTo(f);
        }
    }

    @Test
    void float64ValOfDecimalLiteralsMatchesDoubleParseDouble() {
        Random r = new Random(SEED + 3);
        for (int i = 0; i < 5_000; i++) {
            String lit = (1 + r.nextInt(Integer.MAX_VALUE)) + "." + r.nextInt(1_000_000) + "e" + (r.nextInt(700) - 360);
            Value v = Constant.makeFromLiteral(lit, Token.FLOAT);
            assertThat(Constant.float64Val(v).value()).as(lit).isEqualTo(Double.parseDouble(lit));
            assertThat((float) Constant.float32Val(v).value()).as(lit + " as float32").isEqualTo(Float.parseFloat(lit));
        }
    }

    @Test
    void makeFloat64RoundTripsEveryFiniteDouble() {
        Random r = new Random(SEED + 4);
        for (int i = 0; i < 20_000; i++) {
            double d = Double.longBitsToDouble(r.nextLong());
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                assertThat(Constant.makeFloat64(d).kind()).isEqualTo(Kind.UNKNOWN);
                continue;
            }
            Constant.Float back = Constant.float64Val(Constant.makeFloat64(d));
            assertThat(back.value()).isEqualTo(d == 0 ? 0.0 : d);
            assertThat(back.exact()).isTrue();
        }
    }

    @Test
    void bigFloatArithmeticMatchesExactFractionsRoundedTo512Bits() {
        Random r = new Random(SEED + 5);
        for (int i = 0; i < 3000; i++) {
            BigInteger an = randomBig(r);
            BigInteger ad = new BigInteger(1 + r.nextInt(300), r).add(BigInteger.ONE);
            BigInteger bn = randomBig(r);
            BigInteger bd = new BigInteger(1 + r.nextInt(300), r).add(BigInteger.ONE);
            long shiftA = r.nextInt(20_000) - 10_000;
            BigFloat a = BigFloat.ofRatio(an, ad, BigFloat.PREC).scaleByPowerOfTwo(shiftA);
            BigFloat b = BigFloat.ofRatio(bn, bd, BigFloat.PREC);
            BigInteger[] ea = exact(a);
            BigInteger[] eb = exact(b);
            assertThat(a.add(b, BigFloat.PREC)).isEqualTo(BigFloat.ofRatio(
                    ea[0].multiply(eb[1]).add(eb[0].multiply(ea[1])), ea[1].multiply(eb[1]), BigFloat.PREC));
            assertThat(a.multiply(b, BigFloat.PREC)).isEqualTo(BigFloat.ofRatio(
                    ea[0].multiply(eb[0]), ea[1].multiply(eb[1]), BigFloat.PREC));
            if (!b.isZero()) {
                BigInteger num = ea[0].multiply(eb[1]);
                BigInteger den = ea[1].multiply(eb[0]);
                if (den.signum() < 0) {
                    num = num.negate();
                    den = den.negate();
                }
                assertThat(a.divide(b, BigFloat.PREC)).isEqualTo(BigFloat.ofRatio(num, den, BigFloat.PREC));
            }
            assertThat(Integer.signum(a.compareTo(b))).isEqualTo(
                    Integer.signum(ea[0].multiply(eb[1]).compareTo(eb[0].multiply(ea[1]))));
        }
    }

    /** The exact fraction of any BigFloat (test helper without the smallFloat limit). */
    private static BigInteger[] exact(BigFloat f) {
        return f.toRatio();
    }
}
