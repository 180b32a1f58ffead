// go/constant's int64Val and intVal in one: an exact integer constant.
package glassgo.compiler.constant;

import java.math.BigInteger;

/**
 * An integer constant of any size. go/constant splits this into int64Val and intVal only for speed;
 * every observable answer (Int64Val's exactness, float conversions) is the same with one
 * BigInteger representation.
 */
record IntVal(BigInteger value) implements Value {
    static final IntVal ZERO = new IntVal(BigInteger.ZERO);
    static final IntVal ONE = new IntVal(BigInteger.ONE);

    @Override
    public Kind kind() {
        return Kind.INT;
    }

    @Override
    public String toString() {
        return value.toString();
    }

    @Override
    public String exactString() {
        return toString();
    }
}
