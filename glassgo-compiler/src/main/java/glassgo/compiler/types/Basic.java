package glassgo.compiler.types;

/**
 * The predeclared types, and the untyped kinds of constants (go/types {@code Basic}). The kind's
 * flags answer the questions predicates ask: is it an integer, unsigned, ordered, untyped...
 */
public final class Basic implements Type {
    public enum Kind {
        INVALID, BOOL, INT, INT8, INT16, INT32, INT64, UINT, UINT8, UINT16, UINT32, UINT64, UINTPTR,
        FLOAT32, FLOAT64, COMPLEX64, COMPLEX128, STRING, UNSAFE_POINTER,
        UNTYPED_BOOL, UNTYPED_INT, UNTYPED_RUNE, UNTYPED_FLOAT, UNTYPED_COMPLEX, UNTYPED_STRING,
        UNTYPED_NIL
    }

    public static final int IS_BOOLEAN = 1, IS_INTEGER = 2, IS_UNSIGNED = 4, IS_FLOAT = 8,
            IS_COMPLEX = 16, IS_STRING = 32, IS_UNTYPED = 64;
    public static final int IS_ORDERED = IS_INTEGER | IS_FLOAT | IS_STRING;
    public static final int IS_NUMERIC = IS_INTEGER | IS_FLOAT | IS_COMPLEX;
    public static final int IS_CONST_TYPE = IS_BOOLEAN | IS_NUMERIC | IS_STRING;

    private final Kind kind;
    private final int info;
    private final String name;

    Basic(Kind kind, int info, String name) {
        this.kind = kind;
        this.info = info;
        this.name = name;
    }

    public Kind kind() {
        return kind;
    }

    public int info() {
        return info;
    }

    public String name() {
        return name;
    }

    public boolean is(int flags) {
        return (info & flags) != 0;
    }

    @Override
    public Type underlying() {
        return this;
    }

    @Override
    public String toString() {
        return name;
    }
}
