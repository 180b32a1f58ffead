// Behaviour of Constant that the type checker relies on, case by case.
package glassgo.compiler.constant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import glassgo.compiler.syntax.Token;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class ConstantTest {

    private static Value lit(String s, Token t) {
        return Constant.makeFromLiteral(s, t);
    }

    @Test
    void unknownOperandsGiveUnknownResultsAndFalseComparisons() {
        Value u = Constant.makeUnknown();
        Value one = Constant.makeInt64(1);
        assertThat(Constant.binaryOp(u, Token.ADD, one).kind()).isEqualTo(Kind.UNKNOWN);
        assertThat(Constant.binaryOp(one, Token.MUL, u).kind()).isEqualTo(Kind.UNKNOWN);
        assertThat(Constant.unaryOp(Token.SUB, u, 0).kind()).isEqualTo(Kind.UNKNOWN);
        assertThat(Constant.compare(u, Token.EQL, u)).isFalse();
        assertThat(Constant.sign(u)).isEqualTo(1);
    }

    @Test
    void exponentOverflowBecomesUnknown() {
        // big.Float's binary exponent is an int32: 1e600000000 (about 2^1.99e9) fits, its square does not.
        Value huge = lit("1e600000000", Token.FLOAT);
        assertThat(huge.kind()).isEqualTo(Kind.FLOAT);
        assertThat(Constant.binaryOp(huge, Token.MUL, huge).kind()).isEqualTo(Kind.UNKNOWN);
        assertThat(lit("1e3000000000", Token.FLOAT).kind()).isEqualTo(Kind.UNKNOWN);
    }

    @Test
    void integerDivisionNeedsQuoAssign() {
        Value seven = Constant.makeInt64(7);
        Value two = Constant.makeInt64(2);
        assertThat(Constant.binaryOp(seven, Token.QUO, two).exactString()).isEqualTo("7/2");
        assertThat(Constant.binaryOp(seven, Token.QUO, two).kind()).isEqualTo(Kind.FLOAT);
        assertThat(Constant.binaryOp(seven, Token.QUO_ASSIGN, two)).isEqualTo(Constant.makeInt64(3));
        assertThatThrownBy(() -> Constant.binaryOp(seven, Token.QUO_ASSIGN, Constant.makeInt64(0)))
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void complementRespectsUnsignedPrecision() {
        assertThat(Constant.unaryOp(Token.XOR, Constant.makeInt64(1), 8)).isEqualTo(Constant.makeInt64(254));
        assertThat(Constant.unaryOp(Token.XOR, Constant.makeInt64(1), 0)).isEqualTo(Constant.makeInt64(-2));
        assertThat(Constant.unaryOp(Token.XOR, Constant.makeInt64(0), 64))
                .isEqualTo(Constant.makeUint64(-1L));
    }

    @Test
    void stringsAreBytesAndLongConcatenationsStayCheap() {
        Value s = lit("\"\\xff\"", Token.STRING);
        assertThat(Constant.stringLen(s)).isEqualTo(1);
        assertThat(Constant.stringBytes(s)).containsExactly((byte) 0xff);
        assertThat(s.toString()).isEqualTo("\"\\xff\"");
        Value acc = Constant.makeString("");
        for (int i = 0; i < 100_000; i++) {
            acc = Constant.binaryOp(acc, Token.ADD, Constant.makeString("ab"));
        }
        assertThat(Constant.stringLen(acc)).isEqualTo(200_000);
        assertThat(acc.toString()).hasSize(72).endsWith("...");
        assertThat(Constant.compare(acc, Token.GTR, Constant.makeString("ab"))).isTrue();
    }

    @Test
    void runeConversionsUseTheReplacementCharacterForInvalidCodePoints() {
        assertThat(Constant.stringBytes(Constant.makeRuneString(0x20ac))).containsExactly(0xe2, 0x82, 0xac);
        byte[] replacement = {(byte) 0xef, (byte) 0xbf, (byte) 0xbd};
        for (long bad : new long[] {-1, 0xd800, 0x110000, 1L << 40}) {
            assertThat(Constant.stringBytes(Constant.makeRuneString(bad))).as("%x", bad).containsExactly(replacement);
        }
        assertThat(Constant.stringBytes(Constant.makeString("\ud800"))).containsExactly(replacement);
        assertThat(Constant.stringBytes(Constant.makeString("é\uD83D\uDE00"))).hasSize(6);
    }

    @Test
    void roundFloat32DetectsOverflowAndRounds() {
        assertThat(Constant.roundFloat32(lit("1e39", Token.FLOAT))).isEmpty();
        assertThat(Constant.fitsFloat32(lit("3.4028234663852886e38", Token.FLOAT))).isTrue();
        assertThat(Constant.fitsFloat64(lit("1e309", Token.FLOAT))).isFalse();
        assertThat(Constant.roundFloat32(lit("0.1", Token.FLOAT)).orElseThrow())
                .isEqualTo(Constant.makeFloat64((double) 0.1f));
        assertThat(Constant.roundFloat64(lit("0.1", Token.FLOAT)).orElseThrow())
                .isEqualTo(Constant.makeFloat64(0.1));
    }

    @Test
    void toIntAcceptsFloatsThatAreIntegralOrNearlySo() {
        assertThat(Constant.toInt(lit("1e3", Token.FLOAT))).isEqualTo(Constant.makeInt64(1000));
        assertThat(Constant.toInt(lit("1.5", Token.FLOAT)).kind()).isEqualTo(Kind.UNKNOWN);
        Value third = Constant.binaryOp(lit("1e5000", Token.FLOAT), Token.QUO, Constant.makeInt64(3));
        Value back = Constant.binaryOp(third, Token.MUL, Constant.makeInt64(3));
        assertThat(Constant.toInt(Constant.binaryOp(back, Token.QUO, lit("1e4990", Token.FLOAT))))
                .isEqualTo(Constant.makeInt(BigInteger.TEN.pow(10)));
    }

    @Test
    void formatsAsGcPrintsThemInDiagnostics() {
        assertThat(lit("1e100", Token.FLOAT).toString()).isEqualTo("1e+100");
        assertThat(lit("1e1000", Token.FLOAT).toString()).isEqualTo("1e+1000");
        assertThat(lit("0.1", Token.FLOAT).toString()).isEqualTo("0.1");
        assertThat(lit("1.5i", Token.IMAG).toString()).isEqualTo("(0 + 1.5i)");
        assertThat(lit("'a'", Token.CHAR).toString()).isEqualTo("97");
        assertThat(Constant.makeBool(true).toString()).isEqualTo("true");
        assertThat(FloatVal.formatG(123456789.0, 6)).isEqualTo("1.23457e+08");
        assertThat(FloatVal.formatG(100000.0, 6)).isEqualTo("100000");
        assertThat(FloatVal.formatG(0.0001, 6)).isEqualTo("0.0001");
        assertThat(FloatVal.formatG(0.00001, 6)).isEqualTo("1e-05");
    }

    @Test
    void malformedLiteralsAreUnknown() {
        for (String s : new String[] {"08", "1__2", "0x", "_1", "0b2"}) {
            assertThat(lit(s, Token.INT).kind()).as(s).isEqualTo(Kind.UNKNOWN);
        }
        assertThat(lit("'\\400'", Token.CHAR).kind()).isEqualTo(Kind.UNKNOWN);
        assertThat(lit("\"a\\'\"", Token.STRING).kind()).isEqualTo(Kind.UNKNOWN);
    }

    @Test
    void invalidOperationsThrowLikeGoConstantPanics() {
        assertThatThrownBy(() -> Constant.binaryOp(Constant.makeBool(true), Token.ADD, Constant.makeInt64(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("invalid binary operation");
        assertThatThrownBy(() -> Constant.shift(Constant.makeFloat64(1.5), Token.SHL, 1))
                .hasMessageContaining("invalid shift");
        assertThatThrownBy(() -> Constant.unaryOp(Token.NOT, Constant.makeInt64(1), 0))
                .hasMessageContaining("invalid unary operation");
    }
}
