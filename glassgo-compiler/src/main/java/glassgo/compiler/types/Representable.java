package glassgo.compiler.types;

import glassgo.compiler.constant.Constant;
import glassgo.compiler.constant.Kind;
import glassgo.compiler.constant.Value;
import java.math.BigInteger;

/**
 * Whether a constant value fits a basic type (go/types {@code representableConst}), and the value
 * it becomes there: integers must fit the type's bit range; floats are rounded to float32/float64
 * and must not overflow; complex parts likewise. Unknown values (after an error) fit everything.
 */
final class Representable {
    private Representable() {}

    /** The value of x as a value of type b, or null when it is not representable. */
    static Value represent(Value x, Basic b) {
        if (x.kind() == Kind.UNKNOWN) {
            return x;
        }
        if (b.is(Basic.IS_INTEGER)) {
            if (!x.kind().isNumeric()) {
                return null;
            }
            Value v = Constant.toInt(x);
            if (v.kind() != Kind.INT) {
                return null;
            }
            return fitsInt(Constant.intVal(v), b) ? v : null;
        }
        if (b.is(Basic.IS_FLOAT)) {
            if (!x.kind().isNumeric()) {
                return null;
            }
            Value v = Constant.toFloat(x);
            if (v.kind() != Kind.FLOAT && v.kind() != Kind.INT) {
                return null;
            }
            return switch (b.kind()) {
                case FLOAT32 -> Constant.roundFloat32(v).orElse(null);
                case FLOAT64 -> Constant.roundFloat64(v).orElse(null);
                default -> v;
            };
        }
        if (b.is(Basic.IS_COMPLEX)) {
            if (!x.kind().isNumeric()) {
                return null;
            }
            Value v = Constant.toComplex(x);
            if (v.kind() != Kind.COMPLEX && v.kind() != Kind.INT && v.kind() != Kind.FLOAT) {
                return null;
            }
            switch (b.kind()) {
                case COMPLEX64, COMPLEX128 -> {
                    boolean f32 = b.kind() == Basic.Kind.COMPLEX64;
                    var re = f32 ? Constant.roundFloat32(Constant.real(v)) : Constant.roundFloat64(Constant.real(v));
                    var im = f32 ? Constant.roundFloat32(Constant.imag(v)) : Constant.roundFloat64(Constant.imag(v));
                    if (re.isEmpty() || im.isEmpty()) {
                        return null;
                    }
                    return Constant.binaryOp(re.get(), glassgo.compiler.syntax.Token.ADD, Constant.makeImag(im.get()));
                }
                default -> {
                    return v;
                }
            }
        }
        if (b.is(Basic.IS_STRING)) {
            return x.kind() == Kind.STRING ? x : null;
        }
        if (b.is(Basic.IS_BOOLEAN)) {
            return x.kind() == Kind.BOOL ? x : null;
        }
        return null;
    }

    static boolean fitsInt(BigInteger v, Basic b) {
        return switch (b.kind()) {
            case INT8 -> v.bitLength() < 8;
            case INT16 -> v.bitLength() < 16;
            case INT32 -> v.bitLength() < 32;
            case INT, INT64 -> v.bitLength() < 64;
            case UINT8 -> v.signum() >= 0 && v.bitLength() <= 8;
            case UINT16 -> v.signum() >= 0 && v.bitLength() <= 16;
            case UINT32 -> v.signum() >= 0 && v.bitLength() <= 32;
            case UINT, UINTPTR, UINT64 -> v.signum() >= 0 && v.bitLength() <= 64;
            default -> true; // untyped int and rune: unbounded here, the 512-bit limit is checked at operations
        };
    }
}
