package glassgo.compiler.types;

/**
 * What kind of thing a checked expression is (go/types {@code operandMode}): a value, a variable that
 * can be assigned, a constant with an exact value, a type, a builtin, a map index or comma-ok form, or
 * nothing at all (a call without results).
 */
public enum OperandMode {
    INVALID, NOVALUE, BUILTIN, TYPEXPR, CONSTANT, VARIABLE, MAPINDEX, VALUE, COMMAOK
}
