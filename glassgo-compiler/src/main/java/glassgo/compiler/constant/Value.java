// A Go constant value, as go/constant.Value.
package glassgo.compiler.constant;

/**
 * The value of an untyped (or typed) Go constant: immutable and exact where Go is exact. Create and
 * combine values with the static methods of {@link Constant}, named after go/constant's functions.
 *
 * <p>As in go/constant, Int and Float each have two representations chosen automatically: an Int is
 * a {@code BigInteger}; a Float is an exact fraction while numerator and denominator stay below
 * 4096 bits, and a 512-bit binary float beyond that. Once a Float is a binary float it stays one.
 */
public sealed interface Value permits UnknownVal, BoolVal, StringVal, IntVal, RatVal, FloatVal, ComplexVal {

    Kind kind();

    /**
     * A short, human-readable form, exactly as go/constant's {@code String()}: numbers may be
     * approximated ({@code 1e+100}, {@code 0.333333}), strings are quoted and cut to 72 characters.
     * This is what gc prints in diagnostics.
     */
    @Override
    String toString();

    /** An exact form, as go/constant's {@code ExactString()} (fractions as {@code a/b}, big floats in {@code %p}). */
    String exactString();
}
