package glassgo.compiler.types;

import java.util.List;

/**
 * Sizes and alignments of types for gc on linux/amd64 (cmd/compile/internal/noder {@code gcSizes}):
 * word and register size 8; sizes include trailing padding; a struct whose last field has size zero
 * gets one byte so a pointer to it cannot point past the object. These are the answers
 * {@code unsafe.Sizeof}, {@code Alignof} and {@code Offsetof} give as constants.
 */
public final class Sizes {
    public static final long PTR_SIZE = 8;
    public static final long REG_SIZE = 8;

    private Sizes() {}

    public static long alignof(Type t) {
        Type u = t.underlying();
        switch (u) {
            case Array a -> {
                return alignof(a.elem());
            }
            case Struct s -> {
                if (s.numFields() == 0 && isSyncAtomicAlign64(t)) {
                    return 8;
                }
                long max = 1;
                for (Var f : s.fields()) {
                    max = Math.max(max, alignof(f.type()));
                }
                return max;
            }
            case Slice s -> {
                return PTR_SIZE;
            }
            case Interface i -> {
                return PTR_SIZE;
            }
            case Basic b when b.is(Basic.IS_STRING) -> {
                return PTR_SIZE;
            }
            default -> { }
        }
        long a = sizeof(t);
        if (a < 1) {
            return 1;
        }
        if (Predicates.isBasic(t, Basic.IS_COMPLEX)) {
            a /= 2;
        }
        return Math.min(a, REG_SIZE);
    }

    private static boolean isSyncAtomicAlign64(Type t) {
        return t instanceof Named n && n.obj().name().equals("align64") && n.obj().pkg() != null
                && (n.obj().pkg().path().equals("sync/atomic") || n.obj().pkg().path().equals("runtime/internal/atomic"));
    }

    public static long[] offsetsof(List<Var> fields) {
        long[] offs = new long[fields.size()];
        long o = 0;
        for (int i = 0; i < fields.size(); i++) {
            Type ft = fields.get(i).type();
            o = round(o, alignof(ft));
            offs[i] = o;
            o += sizeof(ft);
        }
        return offs;
    }

    public static long sizeof(Type t) {
        Type u = t.underlying();
        return switch (u) {
            case Basic b -> switch (b.kind()) {
                case BOOL, INT8, UINT8, INVALID -> 1;
                case INT16, UINT16 -> 2;
                case INT32, UINT32, FLOAT32 -> 4;
                case INT64, UINT64, FLOAT64, COMPLEX64 -> 8;
                case COMPLEX128 -> 16;
                case STRING -> 2 * PTR_SIZE;
                case INT, UINT, UINTPTR, UNSAFE_POINTER -> PTR_SIZE;
                default -> PTR_SIZE;
            };
            case Array a -> a.len() <= 0 ? 0 : sizeof(a.elem()) * a.len();
            case Slice s -> 3 * PTR_SIZE;
            case Struct s -> {
                int n = s.numFields();
                if (n == 0) {
                    yield 0;
                }
                long[] offs = offsetsof(s.fields());
                long last = sizeof(s.field(n - 1).type());
                if (last == 0 && offs[n - 1] > 0) {
                    last = 1;
                }
                yield round(offs[n - 1] + last, alignof(t));
            }
            case Interface i -> 2 * PTR_SIZE;
            default -> PTR_SIZE;
        };
    }

    static long round(long o, long a) {
        return (o + a - 1) / a * a;
    }
}
