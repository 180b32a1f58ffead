package glassgo.compiler.types;

import glassgo.compiler.constant.Constant;
import java.util.List;

/**
 * The universe scope (go/types {@code universe.go}): predeclared types, {@code any},
 * {@code comparable}, {@code error}, constants {@code true}, {@code false}, {@code iota}, {@code nil},
 * the builtin functions, and package {@code unsafe} with its builtins.
 */
public final class Universe {
    public static final Scope SCOPE = new Scope(null, -1, -1, "universe", false);
    public static final Package UNSAFE = new Package("unsafe", "unsafe");

    public static final Basic INVALID = new Basic(Basic.Kind.INVALID, 0, "invalid type");
    public static final Basic BOOL = basic(Basic.Kind.BOOL, Basic.IS_BOOLEAN, "bool");
    public static final Basic INT = basic(Basic.Kind.INT, Basic.IS_INTEGER, "int");
    public static final Basic INT8 = basic(Basic.Kind.INT8, Basic.IS_INTEGER, "int8");
    public static final Basic INT16 = basic(Basic.Kind.INT16, Basic.IS_INTEGER, "int16");
    public static final Basic INT32 = basic(Basic.Kind.INT32, Basic.IS_INTEGER, "int32");
    public static final Basic INT64 = basic(Basic.Kind.INT64, Basic.IS_INTEGER, "int64");
    public static final Basic UINT = basic(Basic.Kind.UINT, Basic.IS_INTEGER | Basic.IS_UNSIGNED, "uint");
    public static final Basic UINT8 = basic(Basic.Kind.UINT8, Basic.IS_INTEGER | Basic.IS_UNSIGNED, "uint8");
    public static final Basic UINT16 = basic(Basic.Kind.UINT16, Basic.IS_INTEGER | Basic.IS_UNSIGNED, "uint16");
    public static final Basic UINT32 = basic(Basic.Kind.UINT32, Basic.IS_INTEGER | Basic.IS_UNSIGNED, "uint32");
    public static final Basic UINT64 = basic(Basic.Kind.UINT64, Basic.IS_INTEGER | Basic.IS_UNSIGNED, "uint64");
    public static final Basic UINTPTR = basic(Basic.Kind.UINTPTR, Basic.IS_INTEGER | Basic.IS_UNSIGNED, "uintptr");
    public static final Basic FLOAT32 = basic(Basic.Kind.FLOAT32, Basic.IS_FLOAT, "float32");
    public static final Basic FLOAT64 = basic(Basic.Kind.FLOAT64, Basic.IS_FLOAT, "float64");
    public static final Basic COMPLEX64 = basic(Basic.Kind.COMPLEX64, Basic.IS_COMPLEX, "complex64");
    public static final Basic COMPLEX128 = basic(Basic.Kind.COMPLEX128, Basic.IS_COMPLEX, "complex128");
    public static final Basic STRING = basic(Basic.Kind.STRING, Basic.IS_STRING, "string");
    public static final Basic UNSAFE_POINTER = new Basic(Basic.Kind.UNSAFE_POINTER, 0, "unsafe.Pointer");
    /** byte and rune are aliases: the same Basic under another name, as go/types' aliases array. */
    public static final Basic BYTE = new Basic(Basic.Kind.UINT8, Basic.IS_INTEGER | Basic.IS_UNSIGNED, "byte");
    public static final Basic RUNE = new Basic(Basic.Kind.INT32, Basic.IS_INTEGER, "rune");

    public static final Basic UNTYPED_BOOL = basic(Basic.Kind.UNTYPED_BOOL, Basic.IS_BOOLEAN | Basic.IS_UNTYPED, "untyped bool");
    public static final Basic UNTYPED_INT = basic(Basic.Kind.UNTYPED_INT, Basic.IS_INTEGER | Basic.IS_UNTYPED, "untyped int");
    public static final Basic UNTYPED_RUNE = basic(Basic.Kind.UNTYPED_RUNE, Basic.IS_INTEGER | Basic.IS_UNTYPED, "untyped rune");
    public static final Basic UNTYPED_FLOAT = basic(Basic.Kind.UNTYPED_FLOAT, Basic.IS_FLOAT | Basic.IS_UNTYPED, "untyped float");
    public static final Basic UNTYPED_COMPLEX = basic(Basic.Kind.UNTYPED_COMPLEX, Basic.IS_COMPLEX | Basic.IS_UNTYPED, "untyped complex");
    public static final Basic UNTYPED_STRING = basic(Basic.Kind.UNTYPED_STRING, Basic.IS_STRING | Basic.IS_UNTYPED, "untyped string");
    public static final Basic UNTYPED_NIL = basic(Basic.Kind.UNTYPED_NIL, Basic.IS_UNTYPED, "untyped nil");

    public static final Interface ANY_TYPE = new Interface(List.of(), List.of());
    public static final Named ERROR;
    public static final Named COMPARABLE;
    public static final Nil NIL;
    public static final Const IOTA;

    private static Basic basic(Basic.Kind k, int info, String name) {
        return new Basic(k, info, name);
    }

    static {
        for (Basic b : new Basic[] {BOOL, INT, INT8, INT16, INT32, INT64, UINT, UINT8, UINT16, UINT32,
                UINT64, UINTPTR, FLOAT32, FLOAT64, COMPLEX64, COMPLEX128, STRING, BYTE, RUNE}) {
            def(new TypeName(-1, null, b.name(), b));
        }
        TypeName any = new TypeName(-1, null, "any", ANY_TYPE);
        any.alias = true;
        def(any);

        TypeName errObj = new TypeName(-1, null, "error", null);
        ERROR = new Named(errObj, null);
        Signature errSig = new Signature(new Var(-1, null, "", ERROR), List.of(), Tuple.EMPTY,
                new Tuple(List.of(new Var(-1, null, "", STRING))), false);
        Func errorMethod = new Func(-1, null, "Error", errSig);
        Interface errIface = new Interface(List.of(errorMethod), List.of());
        ERROR.setUnderlying(errIface);
        def(errObj);

        TypeName cmpObj = new TypeName(-1, null, "comparable", null);
        Interface cmpIface = new Interface(List.of(), List.of());
        cmpIface.isComparableIface = true;
        COMPARABLE = new Named(cmpObj, cmpIface);
        def(cmpObj);

        def(new Const(-1, null, "true", UNTYPED_BOOL, Constant.makeBool(true)));
        def(new Const(-1, null, "false", UNTYPED_BOOL, Constant.makeBool(false)));
        IOTA = new Const(-1, null, "iota", UNTYPED_INT, Constant.makeInt64(0));
        def(IOTA);
        NIL = new Nil();
        def(NIL);

        for (Builtin.Id id : Builtin.Id.values()) {
            switch (id) {
                case ADD, ALIGNOF, OFFSETOF, SIZEOF, SLICE -> {
                    String n = switch (id) {
                        case ADD -> "Add";
                        case ALIGNOF -> "Alignof";
                        case OFFSETOF -> "Offsetof";
                        case SIZEOF -> "Sizeof";
                        default -> "Slice";
                    };
                    Builtin b = new Builtin(UNSAFE, n, id);
                    UNSAFE.scope().insert(b);
                }
                default -> def(new Builtin(null, id.name().toLowerCase(java.util.Locale.ROOT), id));
            }
        }
        TypeName ptr = new TypeName(-1, UNSAFE, "Pointer", UNSAFE_POINTER);
        UNSAFE.scope().insert(ptr);
        UNSAFE.markComplete();
    }

    private Universe() {}

    private static void def(Obj o) {
        SCOPE.insert(o);
    }

    public static Obj lookup(String name) {
        return SCOPE.lookup(name);
    }

    /** The predeclared type named name (e.g. "int"), or null. */
    public static Type typ(String name) {
        return SCOPE.lookup(name) instanceof TypeName tn ? tn.type() : null;
    }
}
