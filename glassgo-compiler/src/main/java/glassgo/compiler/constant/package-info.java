/**
 * Exact arithmetic on Go constants: glassgo's {@code go/constant}.
 *
 * <p>Start at {@link glassgo.compiler.constant.Constant} (the operations, named after go/constant's
 * functions) and {@link glassgo.compiler.constant.Value}. Numbers are exact integers, exact
 * fractions, or 512-bit binary floats ({@code BigFloat}, glassgo's small {@code math/big.Float});
 * strings are bytes ({@code GoStrings} holds strconv's quoting rules). {@code ConstantOracleTest}
 * checks every printed form and conversion against the real go/constant.
 */
package glassgo.compiler.constant;
