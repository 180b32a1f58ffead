// go/constant's floatVal: a Float constant too large or too small for an exact fraction.
package glassgo.compiler.constant;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** A 512-bit binary float; never infinite (an infinite result becomes Unknown). */
record FloatVal(BigFloat value) implements Value {

    /** log10(2), the double nearest to Go's constant {@code math.Ln2 / math.Ln10}. */
    private static final double LOG10_2 = 0.30102999566398119521373889472449302676818988146210854131;

    FloatVal {
        if (value.inf()) {
            throw new IllegalArgumentException("constant.FloatVal: infinite value");
        }
    }

    @Override
    public Kind kind() {
        return Kind.FLOAT;
    }

    @Override
    public String toString() {
        return format(value);
    }

    @Override
    public String exactString() {
        return value.textP();
    }

    /**
     * go/constant's floatVal.String: {@code %.6g} of the nearest float64 when that neither
     * overflows nor underflows; otherwise an approximate decimal mantissa and exponent computed
     * in float64 from the binary mantissa and exponent (so {@code 1e1000} prints as
     * {@code 1e+1000}).
     */
    static String format(BigFloat f) {
        if (f.inf()) {
            return f.signum() < 0 ? "-Inf" : "+Inf";
        }
        double x = f.toFloat64().value();
        if (f.isZero() == (x == 0) && !Double.isInfinite(x)) {
            return formatG(x, 6);
        }
        double m = f.mantissa().toFloat64().value();
        double d = f.mantExp() * LOG10_2;
        long e = (long) d;
        m *= Math.pow(10, d - e);
        double am = Math.abs(m);
        if (am < 1 - 0.5e-6) {
            // %.6g rounds m to 5 digits after the point; m*10 must stay below 10 after rounding up.
            m *= 10;
            e--;
        } else if (am >= 10) {
            m /= 10;
            e++;
        }
        return formatG(m, 6) + "e" + (e >= 0 ? "+" : "") + e;
    }

    /** Go's {@code fmt.Sprintf("%.<prec>g", x)} for a finite double (strconv's 'g' format). */
    static String formatG(double x, int prec) {
        if (x == 0) {
            return (1 / x < 0) ? "-0" : "0";
        }
        BigDecimal bd = new BigDecimal(x).round(new MathContext(prec, RoundingMode.HALF_EVEN)).stripTrailingZeros();
        String digits = bd.unscaledValue().abs().toString();
        int nd = digits.length();
        int dp = nd - bd.scale(); // value = 0.digits * 10^dp
        String sign = x < 0 ? "-" : "";
        int eprec = prec;
        if (eprec > nd && nd >= dp) {
            eprec = nd;
        }
        int exp = dp - 1;
        if (exp < -4 || exp >= eprec) {
            int p = Math.min(prec, nd);
            StringBuilder sb = new StringBuilder(sign).append(digits.charAt(0));
            if (p > 1) {
                sb.append('.').append(digits, 1, p);
            }
            sb.append('e').append(exp < 0 ? '-' : '+');
            int ae = Math.abs(exp);
            if (ae < 10) {
                sb.append('0');
            }
            return sb.append(ae).toString();
        }
        int p = prec > dp ? nd : prec;
        int decimals = Math.max(p - dp, 0);
        StringBuilder sb = new StringBuilder(sign);
        if (dp > 0) {
            for (int i = 0; i < dp; i++) {
                sb.append(i < nd ? digits.charAt(i) : '0');
            }
        } else {
            sb.append('0');
        }
        if (decimals > 0) {
            sb.append('.');
            for (int i = 0; i < decimals; i++) {
                int j = dp + i;
                sb.append(j >= 0 && j < nd ? digits.charAt(j) : '0');
            }
        }
        return sb.toString();
    }
}
