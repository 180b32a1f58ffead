// Layouts: how Go types sit in memory and in JVM values on linux/amd64. Mirrors cmd/compile's
// types.CalcSize and the pointer maps of reflectdata (what becomes _type.ptrdata/gcdata).
package glassgo.compiler.ir;

import glassgo.compiler.types.Array;
import glassgo.compiler.types.Basic;
import glassgo.compiler.types.Pointer;
import glassgo.compiler.types.Sizes;
import glassgo.compiler.types.Slice;
import glassgo.compiler.types.Struct;
import glassgo.compiler.types.Type;

import java.util.ArrayList;
import java.util.List;

/** Static questions about a type's representation; sizes and offsets come from the checker's {@link Sizes}. */
public final class Layouts {
    private Layouts() {}

    /** One scalar piece of a value in memory: where, how wide, whether it is a pointer. */
    public record Leaf(long off, Ir.Mem mem, boolean ptr) {}

    public static long size(Type t) {
        return Sizes.sizeof(t);
    }

    public static long align(Type t) {
        return Sizes.alignof(t);
    }

    public static long[] fieldOffsets(Struct s) {
        return Sizes.offsetsof(s.fields());
    }

    /** Whether a value of {@code t} is one JVM scalar (else it lives in memory). */
    public static boolean isScalar(Type t) {
        Type u = t.underlying();
        if (u instanceof Basic b) {
            return switch (b.kind()) {
                case STRING, COMPLEX64, COMPLEX128, UNTYPED_STRING, UNTYPED_COMPLEX -> false;
                default -> true;
            };
        }
        return u instanceof Pointer || u instanceof glassgo.compiler.types.Signature
                || u instanceof glassgo.compiler.types.Map || u instanceof glassgo.compiler.types.Chan;
    }

    public static boolean isPointerShaped(Type t) {
        Type u = t.underlying();
        return u instanceof Pointer || u instanceof glassgo.compiler.types.Signature
                || u instanceof glassgo.compiler.types.Map || u instanceof glassgo.compiler.types.Chan
                || (u instanceof Basic b && b.kind() == Basic.Kind.UNSAFE_POINTER);
    }

    /** The memory access for a scalar type. */
    public static Ir.Mem mem(Type t) {
        Type u = t.underlying();
        if (u instanceof Basic b) {
            return switch (b.kind()) {
                case BOOL, UINT8, UNTYPED_BOOL -> Ir.Mem.U8;
                case INT8 -> Ir.Mem.I8;
                case INT16 -> Ir.Mem.I16;
                case UINT16 -> Ir.Mem.U16;
                case INT32, UNTYPED_RUNE -> Ir.Mem.I32;
                case UINT32 -> Ir.Mem.U32;
                case FLOAT32 -> Ir.Mem.F32;
                case FLOAT64, UNTYPED_FLOAT -> Ir.Mem.F64;
                default -> Ir.Mem.I64;
            };
        }
        return Ir.Mem.I64;
    }

    public static Ir.K kind(Type t) {
        return mem(t).kind();
    }

    /** The scalar leaves of {@code t}, or null when there are more than {@code max} (copy it in bulk). */
    public static List<Leaf> leaves(Type t, int max) {
        List<Leaf> out = new ArrayList<>();
        return addLeaves(t, 0, out, max) ? out : null;
    }

    private static boolean addLeaves(Type t, long base, List<Leaf> out, int max) {
        if (out.size() > max) {
            return false;
        }
        Type u = t.underlying();
        if (isScalar(t)) {
            out.add(new Leaf(base, mem(t), isPointerShaped(t)));
            return out.size() <= max;
        }
        if (u instanceof Basic b) {
            switch (b.kind()) {
                case STRING, UNTYPED_STRING -> {
                    out.add(new Leaf(base, Ir.Mem.I64, true));
                    out.add(new Leaf(base + 8, Ir.Mem.I64, false));
                }
                case COMPLEX64 -> {
                    out.add(new Leaf(base, Ir.Mem.F32, false));
                    out.add(new Leaf(base + 4, Ir.Mem.F32, false));
                }
                default -> {
                    out.add(new Leaf(base, Ir.Mem.F64, false));
                    out.add(new Leaf(base + 8, Ir.Mem.F64, false));
                }
            }
            return out.size() <= max;
        }
        if (u instanceof Slice) {
            out.add(new Leaf(base, Ir.Mem.I64, true));
            out.add(new Leaf(base + 8, Ir.Mem.I64, false));
            out.add(new Leaf(base + 16, Ir.Mem.I64, false));
            return out.size() <= max;
        }
        if (u instanceof glassgo.compiler.types.Interface) {
            out.add(new Leaf(base, Ir.Mem.I64, true));
            out.add(new Leaf(base + 8, Ir.Mem.I64, true));
            return out.size() <= max;
        }
        if (u instanceof Struct s) {
            long[] offs = fieldOffsets(s);
            for (int i = 0; i < s.numFields(); i++) {
                if (!addLeaves(s.field(i).type(), base + offs[i], out, max)) {
                    return false;
                }
            }
            return true;
        }
        if (u instanceof Array a) {
            long es = size(a.elem());
            if (a.len() > max) {
                return false;
            }
            for (long i = 0; i < a.len(); i++) {
                if (!addLeaves(a.elem(), base + i * es, out, max)) {
                    return false;
                }
            }
            return true;
        }
        throw new Unsupported("values of type " + t);
    }

    /** The word indexes of {@code t} that hold pointers (its GC pointer mask). */
    public static int[] pointerWords(Type t) {
        List<Integer> out = new ArrayList<>();
        addPointerWords(t, 0, out);
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    private static void addPointerWords(Type t, long base, List<Integer> out) {
        Type u = t.underlying();
        if (isPointerShaped(t)) {
            out.add((int) (base / 8));
        } else if (u instanceof Basic b && (b.kind() == Basic.Kind.STRING || b.kind() == Basic.Kind.UNTYPED_STRING)) {
            out.add((int) (base / 8));
        } else if (u instanceof Slice) {
            out.add((int) (base / 8));
        } else if (u instanceof glassgo.compiler.types.Interface) {
            out.add((int) (base / 8));
            out.add((int) (base / 8 + 1));
        } else if (u instanceof Struct s) {
            long[] offs = fieldOffsets(s);
            for (int i = 0; i < s.numFields(); i++) {
                addPointerWords(s.field(i).type(), base + offs[i], out);
            }
        } else if (u instanceof Array a) {
            if (pointerWords(a.elem()).length == 0) {
                return;
            }
            long es = size(a.elem());
            for (long i = 0; i < a.len(); i++) {
                addPointerWords(a.elem(), base + i * es, out);
            }
        }
    }
}
