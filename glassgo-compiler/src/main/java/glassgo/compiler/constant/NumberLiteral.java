// Reads Go's integer and floating-point literal syntax, as strconv.ParseInt/big.Int.SetString
// and big.Float/big.Rat.SetString do for go/constant.MakeFromLiteral.
package glassgo.compiler.constant;

import java.math.BigInteger;

/**
 * A numeric literal split into an integer mantissa and exponents: its value is
 * {@code mant * 10^exp10 * 2^exp2}. Decimal literals use exp10 (fraction digits and 'e'), binary,
 * octal and hex ones use exp2 (1, 3 or 4 bits per fraction digit, and 'p').
 */
record NumberLiteral(BigInteger mant, long exp10, long exp2) {

    /** strconv's underscoreOK: '_' may only separate digits, or follow a base prefix. */
    static boolean underscoreOK(String s) {
        char saw = '^';
        int i = 0;
        if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
            s = s.substring(1);
        }
        boolean hex = false;
        if (s.length() >= 2 && s.charAt(0) == '0' && "bBoOxX".indexOf(s.charAt(1)) >= 0) {
            i = 2;
            saw = '0';
            hex = Character.toLowerCase(s.charAt(1)) == 'x';
        }
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            char lc = Character.toLowerCase(c);
            if (c >= '0' && c <= '9' || hex && lc >= 'a' && lc <= 'f') {
                saw = '0';
                continue;
            }
            if (c == '_') {
                if (saw != '0') {
                    return false;
                }
                saw = '_';
                continue;
            }
            if (saw == '_') {
                return false;
            }
            saw = '!';
        }
        return saw != '_';
    }

    /** An integer literal (0b, 0o, 0x, legacy octal 0..., decimal); null if malformed. */
    static BigInteger parseInt(String lit) {
        if (lit.isEmpty() || !underscoreOK(lit)) {
            return null;
        }
        String s = lit.replace("_", "");
        boolean neg = false;
        if (s.charAt(0) == '+' || s.charAt(0) == '-') {
            neg = s.charAt(0) == '-';
            s = s.substring(1);
        }
        int base = 10;
        if (s.length() >= 2 && s.charAt(0) == '0') {
            switch (Character.toLowerCase(s.charAt(1))) {
                case 'x' -> { base = 16; s = s.substring(2); }
                case 'b' -> { base = 2; s = s.substring(2); }
                case 'o' -> { base = 8; s = s.substring(2); }
                default -> { base = 8; s = s.substring(1); }
            }
        }
        BigInteger v = digits(s, base);
        return v == null ? null : neg ? v.negate() : v;
    }

    /** The value of a nonempty run of digits in base; null if empty or a digit is out of range. */
    private static BigInteger digits(String s, int base) {
        if (s.isEmpty()) {
            return null;
        }
        for (int i = 0; i < s.length(); i++) {
            if (Character.digit(s.charAt(i), base) < 0 || s.charAt(i) > 'z') {
                return null;
            }
        }
        return new BigInteger(s, base);
    }

    /**
     * A floating-point literal: [0x|0b|0o] mantissa digits with an optional '.', then an optional
     * exponent ('e' for decimal, 'p' for the prefixed bases). A leading 0 does not mean octal here.
     * Null if malformed or if the exponent does not fit an int64.
     */
    static NumberLiteral parseFloat(String lit) {
        if (lit.isEmpty() || !underscoreOK(lit)) {
            return null;
        }
        String s = lit.replace("_", "");
        boolean neg = false;
        if (s.charAt(0) == '+' || s.charAt(0) == '-') {
            neg = s.charAt(0) == '-';
            s = s.substring(1);
        }
        int base = 10;
        if (s.length() >= 2 && s.charAt(0) == '0' && "bBoOxX".indexOf(s.charAt(1)) >= 0) {
            char p = Character.toLowerCase(s.charAt(1));
            base = p == 'x' ? 16 : p == 'o' ? 8 : 2;
            s = s.substring(2);
        }
        int expAt = base == 10 ? indexOfAny(s, "eEpP") : indexOfAny(s, "pP");
        String mantText = expAt < 0 ? s : s.substring(0, expAt);
        long exp = 0;
        boolean binaryExp = false;
        if (expAt >= 0) {
            binaryExp = Character.toLowerCase(s.charAt(expAt)) == 'p';
            String e = s.substring(expAt + 1);
            if (e.startsWith("+")) {
                e = e.substring(1);
            }
            if (e.isEmpty() || e.equals("-") || !e.replaceFirst("^-", "").chars().allMatch(Character::isDigit)) {
                return null;
            }
            try {
                exp = Long.parseLong(e);
            } catch (NumberFormatException tooLarge) {
                return null;
            }
        }
        int dot = mantText.indexOf('.');
        String intPart = dot < 0 ? mantText : mantText.substring(0, dot);
        String fracPart = dot < 0 ? "" : mantText.substring(dot + 1);
        if (intPart.isEmpty() && fracPart.isEmpty() || fracPart.indexOf('.') >= 0) {
            return null;
        }
        BigInteger mant = digits(intPart + fracPart, base);
        if (mant == null) {
            return null;
        }
        if (neg) {
            mant = mant.negate();
        }
        int bitsPerDigit = base == 16 ? 4 : base == 8 ? 3 : 1;
        long exp10 = base == 10 ? -fracPart.length() : 0;
        long exp2 = base == 10 ? 0 : -(long) bitsPerDigit * fracPart.length();
        try {
            if (binaryExp) {
                exp2 = Math.addExact(exp2, exp);
            } else {
                exp10 = Math.addExact(exp10, exp);
            }
        } catch (ArithmeticException overflow) {
            return null;
        }
        return new NumberLiteral(mant, exp10, exp2);
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The value rounded to prec bits the way big.Float's scan computes it: the exact mantissa times
     * 2^exp2, then multiplied or divided by 5^exp5 computed at prec+64 bits. Returns null when the
     * binary exponent is out of big.Float's range before the decimal scaling ("exponent
     * overflow"); the result may be ±Inf or 0 when the scaling overflows or underflows.
     */
    BigFloat toBigFloat(int prec) {
        if (mant.signum() == 0) {
            return BigFloat.ZERO;
        }
        long e2 = exp2 + exp10;
        long binaryExp = e2 + mant.bitLength();
        if (binaryExp < Integer.MIN_VALUE || binaryExp > Integer.MAX_VALUE) {
            return null;
        }
        BigFloat z = BigFloat.round(mant.signum(), mant.abs(), e2, false, Math.max(mant.bitLength(), 1),
                BigFloat.Mode.NEAREST_EVEN);
        if (exp10 == 0) {
            return BigFloat.round(z.signum(), z.mant().abs(), z.exp(), false, prec, BigFloat.Mode.NEAREST_EVEN);
        }
        BigFloat p = BigFloat.pow5(Math.abs(exp10), prec + 64);
        return exp10 < 0 ? z.divide(p, prec) : z.multiply(p, prec);
    }

    /**
     * Whether the value is nonzero and its binary exponent is certainly within (-limit, limit),
     * judged from bit lengths with a wide margin (log2(10) &lt; 3.33), without computing it.
     */
    boolean clearlySmall(int limit) {
        if (mant.signum() == 0 || Math.abs(exp10) > limit || Math.abs(exp2) > 4L * limit) {
            return false;
        }
        double e = mant.bitLength() + exp2 + exp10 * 3.3219280948873622;
        return Math.abs(e) < limit - 64;
    }

    /** The exact value as {num, den}; only for values whose exponent is known to be small. */
    BigInteger[] toRatio() {
        BigInteger num = mant;
        BigInteger den = BigInteger.ONE;
        if (exp10 >= 0) {
            num = num.multiply(BigInteger.TEN.pow(Math.toIntExact(exp10)));
        } else {
            den = den.multiply(BigInteger.TEN.pow(Math.toIntExact(-exp10)));
        }
        if (exp2 >= 0) {
            num = num.shiftLeft(Math.toIntExact(exp2));
        } else {
            den = den.shiftLeft(Math.toIntExact(-exp2));
        }
        return new BigInteger[] {num, den};
    }
}
