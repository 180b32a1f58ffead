// go/constant's ratVal: a Float constant kept as an exact fraction.
package glassgo.compiler.constant;

import java.math.BigInteger;

/**
 * An exact fraction num/den in lowest terms with den &gt; 0. Its kind is FLOAT even when den is 1
 * (as in Go: {@code 4.0/2} is still an untyped float constant).
 */
record RatVal(BigInteger num, BigInteger den) implements Value {

    RatVal {
        if (den.signum() <= 0 || !num.gcd(den).equals(BigInteger.ONE) && num.signum() != 0) {
            throw new IllegalArgumentException("constant.RatVal: fraction not in lowest terms: " + num + "/" + den);
        }
    }

    /** num/den reduced; den must not be zero. */
    static RatVal of(BigInteger num, BigInteger den) {
        if (den.signum() == 0) {
            throw new ArithmeticException("constant: division by zero");
        }
        if (den.signum() < 0) {
            num = num.negate();
            den = den.negate();
        }
        if (num.signum() == 0) {
            return new RatVal(BigInteger.ZERO, BigInteger.ONE);
        }
        BigInteger g = num.gcd(den);
        return new RatVal(num.divide(g), den.divide(g));
    }

    boolean isInteger() {
        return den.equals(BigInteger.ONE);
    }

    BigFloat toBigFloat() {
        return BigFloat.ofRatio(num, den, BigFloat.PREC);
    }

    @Override
    public Kind kind() {
        return Kind.FLOAT;
    }

    @Override
    public String toString() {
        return FloatVal.format(toBigFloat());
    }

    @Override
    public String exactString() {
        return isInteger() ? num.toString() : num + "/" + den;
    }
}
