// TypeDescriptors: the program's type descriptors and itabs, laid out in the read-only data block as Go 1.19
// lays out runtime._type (type.go) and runtime.itab (runtime2.go), so that a type's identity is its descriptor's
// address and a later reflect can read them. Mirrors what cmd/compile's reflectdata package writes.
package glassgo.compiler.ir;

import glassgo.compiler.types.Array;
import glassgo.compiler.types.Basic;
import glassgo.compiler.types.Chan;
import glassgo.compiler.types.Func;
import glassgo.compiler.types.Interface;
import glassgo.compiler.types.Lookup;
import glassgo.compiler.types.Named;
import glassgo.compiler.types.Obj;
import glassgo.compiler.types.Package;
import glassgo.compiler.types.Pointer;
import glassgo.compiler.types.Predicates;
import glassgo.compiler.types.Signature;
import glassgo.compiler.types.Slice;
import glassgo.compiler.types.Struct;
import glassgo.compiler.types.Type;
import glassgo.compiler.types.Var;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Layout of a descriptor (offsets in bytes, as Go 1.19's {@code _type}):
 * <pre>
 *   0 size  8 ptrdata  16 hash u32  20 tflag u8  21 align u8  22 fieldAlign u8  23 kind u8
 *  24 equal (1 if comparable, 0 if not: glassgo has no alg funcs yet)  32 gcdata *byte
 *  40 str nameOff i32  44 ptrToThis typeOff i32 (0)
 *  48 kind-specific: ptr/slice {elem}; array {elem, slice(0), len}; chan {elem, dir};
 *     func {inCount u16, outCount u16}; map {key, elem}; struct {pkgPath, fields []structField{name,typ,offsetEmbed}};
 *     interface {pkgPath, mhdr []imethod{name nameOff, ityp typeOff}}
 *  then, for a named type or one with methods (tflag&1), an uncommonType {pkgpath nameOff, mcount u16,
 *     xcount u16, moff u32} and mcount methods {name nameOff, mtyp -1, ifn -1, tfn -1}.
 * </pre>
 * nameOff/typeOff are offsets from the data block's base. Pointers inside descriptors are written as offsets
 * and listed as relocations: the runtime adds the block's base once at start-up ({@code Iface.init}). An itab
 * is {inter, _type, hash u32, pad, fun[n]} where fun[i] is the function id of the method's entry (the
 * dispatchers call through it the way they call through a funcval's first word).
 */
final class TypeDescriptors {
    static final int KIND_DIRECT_IFACE = 0x20;
    static final int TFLAG_UNCOMMON = 1;

    interface MethodIds {
        /** The function id of the entry that calls method m of concrete type t with t's data word as receiver. */
        long entry(Type t, Func m, Lookup.Result r);
    }

    private final ByteArrayOutputStream data;
    private final Package pkg;
    private final List<Type> types = new ArrayList<>();
    private final List<Long> typeOffs = new ArrayList<>();
    private final List<long[]> itabKeys = new ArrayList<>();
    private final List<Type[]> itabTypes = new ArrayList<>();
    private final TreeMap<Long, byte[]> patches = new TreeMap<>();
    private final List<Long> relocs = new ArrayList<>();
    private final java.util.Map<String, Long> names = new java.util.HashMap<>();

    TypeDescriptors(ByteArrayOutputStream data, Package pkg) {
        this.data = data;
        this.pkg = pkg;
    }

    private long reserve(int size) {
        long off = data.size();
        data.writeBytes(new byte[(size + 7) & -8]);
        return off;
    }

    private static void put(byte[] b, int at, long v, int n) {
        for (int i = 0; i < n; i++) {
            b[at + i] = (byte) (v >>> (8 * i));
        }
    }

    /** Writes a pointer-sized word holding the data offset {@code target}, relocated at start-up. */
    private void ptr(byte[] b, long base, int at, long target) {
        put(b, at, target, 8);
        relocs.add(base + at);
    }

    /** A name in Go's encoding (flags byte, varint length, bytes); its data offset. */
    long name(String s, boolean exported) {
        String key = (exported ? "E" : "u") + s;
        Long off = names.get(key);
        if (off != null) {
            return off;
        }
        byte[] sb = s.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(exported ? 1 : 0);
        int n = sb.length;
        while (n >= 0x80) {
            b.write((n & 0x7f) | 0x80);
            n >>>= 7;
        }
        b.write(n);
        b.writeBytes(sb);
        off = (long) data.size();
        data.writeBytes(b.toByteArray());
        while (data.size() % 8 != 0) {
            data.write(0);
        }
        names.put(key, off);
        return off;
    }

    /** The data offset of t's descriptor (one per identical type). */
    long type(Type t) {
        for (int i = 0; i < types.size(); i++) {
            if (Predicates.identical(types.get(i), t)) {
                return typeOffs.get(i);
            }
        }
        Type u = t.underlying();
        int kindSize = switch (u) {
            case Array a -> 72;
            case Chan c -> 64;
            case Signature s -> 56;
            case Interface i -> 80;
            case glassgo.compiler.types.Map m -> 88;
            case Pointer p -> 56;
            case Slice s -> 56;
            case Struct s -> 80;
            default -> 48;
        };
        List<String[]> methods = methodSet(t);
        boolean uncommon = t instanceof Named || !methods.isEmpty();
        int size = kindSize + (uncommon ? 16 + 16 * methods.size() : 0);
        long off = reserve(size);
        types.add(t);
        typeOffs.add(off);
        byte[] b = new byte[size];
        long sz = Layouts.size(t);
        int[] pw = Layouts.pointerWords(t);
        put(b, 0, sz, 8);
        put(b, 8, pw.length == 0 ? 0 : 8L * (pw[pw.length - 1] + 1), 8);
        String str = typeString(t);
        put(b, 16, fnv(str), 4);
        b[20] = (byte) (uncommon ? TFLAG_UNCOMMON : 0);
        b[21] = (byte) Math.max(1, Layouts.align(t));
        b[22] = b[21];
        b[23] = (byte) (kind(t) | (Layouts.isPointerShaped(t) ? KIND_DIRECT_IFACE : 0));
        put(b, 24, Predicates.comparable(t) ? 1 : 0, 8);
        ptr(b, off, 32, gcdata(pw));
        put(b, 40, name(str, false), 4);
        switch (u) {
            case Pointer p -> ptr(b, off, 48, type(p.elem()));
            case Slice s -> ptr(b, off, 48, type(s.elem()));
            case Array a -> {
                ptr(b, off, 48, type(a.elem()));
                put(b, 64, a.len(), 8);
            }
            case Chan c -> {
                ptr(b, off, 48, type(c.elem()));
                put(b, 56, switch (c.dir()) {
                    case RECV_ONLY -> 1;
                    case SEND_ONLY -> 2;
                    default -> 3;
                }, 8);
            }
            case Signature s -> {
                put(b, 48, s.params().len(), 2);
                put(b, 50, s.results().len() | (s.variadic() ? 0x8000 : 0), 2);
            }
            case glassgo.compiler.types.Map m -> {
                ptr(b, off, 48, type(m.key()));
                ptr(b, off, 56, type(m.elem()));
            }
            case Struct s -> {
                long[] offs = Layouts.fieldOffsets(s);
                long fields = reserve(24 * Math.max(1, s.numFields()));
                byte[] fb = new byte[24 * s.numFields()];
                for (int i = 0; i < s.numFields(); i++) {
                    Var f = s.field(i);
                    ptr(fb, fields, 24 * i, name(f.name(), Obj.isExported(f.name())));
                    ptr(fb, fields, 24 * i + 8, type(f.type()));
                    put(fb, 24 * i + 16, offs[i] << 1 | (f.embedded() ? 1 : 0), 8);
                }
                patches.put(fields, fb);
                ptr(b, off, 56, fields);
                put(b, 64, s.numFields(), 8);
                put(b, 72, s.numFields(), 8);
            }
            case Interface in -> {
                List<Func> ms = in.allMethods();
                long mhdr = reserve(8 * Math.max(1, ms.size()));
                byte[] mb = new byte[8 * ms.size()];
                for (int i = 0; i < ms.size(); i++) {
                    put(mb, 8 * i, name(ms.get(i).name(), Obj.isExported(ms.get(i).name())), 4);
                }
                patches.put(mhdr, mb);
                ptr(b, off, 56, mhdr);
                put(b, 64, ms.size(), 8);
                put(b, 72, ms.size(), 8);
            }
            default -> { }
        }
        if (uncommon) {
            put(b, kindSize + 4, methods.size(), 2);
            put(b, kindSize + 6, methods.stream().filter(m -> Obj.isExported(m[0])).count(), 2);
            put(b, kindSize + 8, 16, 4);
            for (int i = 0; i < methods.size(); i++) {
                int at = kindSize + 16 + 16 * i;
                put(b, at, name(methods.get(i)[0], Obj.isExported(methods.get(i)[0])), 4);
                put(b, at + 4, -1, 4);
                put(b, at + 8, -1, 4);
                put(b, at + 12, -1, 4);
            }
        }
        patches.put(off, b);
        return off;
    }

    private long gcdata(int[] pw) {
        int words = pw.length == 0 ? 0 : pw[pw.length - 1] + 1;
        byte[] bits = new byte[Math.max(1, (words + 7) / 8)];
        for (int w : pw) {
            bits[w / 8] |= (byte) (1 << (w % 8));
        }
        long off = reserve(bits.length);
        patches.put(off, bits);
        return off;
    }

    /** The data offset of the itab for concrete type t in interface type iface (t implements it). */
    long itab(Type t, Type iface, MethodIds ids) {
        long ti = type(t), ii = type(iface);
        for (int i = 0; i < itabKeys.size(); i++) {
            if (itabKeys.get(i)[0] == ii && itabKeys.get(i)[1] == ti) {
                return itabKeys.get(i)[2];
            }
        }
        List<Func> ms = ((Interface) iface.underlying()).allMethods();
        long off = reserve(24 + 8 * ms.size());
        itabKeys.add(new long[] {ii, ti, off});
        itabTypes.add(new Type[] {t, iface});
        byte[] b = new byte[24 + 8 * ms.size()];
        ptr(b, off, 0, ii);
        ptr(b, off, 8, ti);
        put(b, 16, fnv(typeString(t)), 4);
        for (int i = 0; i < ms.size(); i++) {
            Func m = ms.get(i);
            Lookup.Result r = Lookup.lookupFieldOrMethod(t, false, m.pkg(), m.name());
            put(b, 24 + 8 * i, ids.entry(t, (Func) r.obj(), r), 8);
        }
        patches.put(off, b);
        return off;
    }

    /** Every concrete type with a descriptor (the dynamic types an interface may hold are among them). */
    List<Type> concreteTypes() {
        List<Type> out = new ArrayList<>();
        for (Type t : types) {
            if (!(t.underlying() instanceof Interface)) {
                out.add(t);
            }
        }
        return out;
    }

    List<Type> interfaceTypes() {
        List<Type> out = new ArrayList<>();
        for (Type t : types) {
            if (t.underlying() instanceof Interface i && !i.allMethods().isEmpty()) {
                out.add(t);
            }
        }
        return out;
    }

    /**
     * Appends the itab table ({inter, type, itab} triples) and the relocation table; returns their offsets and
     * counts {itabs, nItabs, relocs, nRelocs}. Must be the last thing written to the data block.
     */
    long[] tables() {
        long itabs = reserve(24 * Math.max(1, itabKeys.size()));
        byte[] ib = new byte[24 * itabKeys.size()];
        for (int i = 0; i < itabKeys.size(); i++) {
            for (int k = 0; k < 3; k++) {
                ptr(ib, itabs, 24 * i + 8 * k, itabKeys.get(i)[k]);
            }
        }
        patches.put(itabs, ib);
        long rel = reserve(8 * Math.max(1, relocs.size()));
        byte[] rb = new byte[8 * relocs.size()];
        for (int i = 0; i < relocs.size(); i++) {
            put(rb, 8 * i, relocs.get(i), 8);
        }
        patches.put(rel, rb);
        return new long[] {itabs, itabKeys.size(), rel, relocs.size()};
    }

    /** The data block with every descriptor's bytes in place. */
    byte[] apply(byte[] raw) {
        for (var e : patches.entrySet()) {
            System.arraycopy(e.getValue(), 0, raw, (int) (long) e.getKey(), e.getValue().length);
        }
        return raw;
    }

    private static long fnv(String s) {
        int h = 0x811c9dc5;
        for (byte c : s.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (c & 0xff)) * 0x01000193;
        }
        return h & 0xffffffffL;
    }

    /** reflect.Kind numbering. */
    static int kind(Type t) {
        Type u = t.underlying();
        return switch (u) {
            case Basic b -> switch (b.kind()) {
                case BOOL, UNTYPED_BOOL -> 1;
                case INT, UNTYPED_INT -> 2;
                case INT8 -> 3;
                case INT16 -> 4;
                case INT32, UNTYPED_RUNE -> 5;
                case INT64 -> 6;
                case UINT -> 7;
                case UINT8 -> 8;
                case UINT16 -> 9;
                case UINT32 -> 10;
                case UINT64 -> 11;
                case UINTPTR -> 12;
                case FLOAT32 -> 13;
                case FLOAT64, UNTYPED_FLOAT -> 14;
                case COMPLEX64 -> 15;
                case COMPLEX128, UNTYPED_COMPLEX -> 16;
                case STRING, UNTYPED_STRING -> 24;
                case UNSAFE_POINTER -> 26;
                default -> 0;
            };
            case Array a -> 17;
            case Chan c -> 18;
            case Signature s -> 19;
            case Interface i -> 20;
            case glassgo.compiler.types.Map m -> 21;
            case Pointer p -> 22;
            case Slice s -> 23;
            case Struct s -> 25;
            default -> 0;
        };
    }

    /** The method set of t (names, sorted), with promoted methods: what its uncommonType lists. */
    List<String[]> methodSet(Type t) {
        java.util.TreeSet<String> cands = new java.util.TreeSet<>();
        collectNames(t, cands, new java.util.HashSet<>());
        List<String[]> out = new ArrayList<>();
        if (t.underlying() instanceof Interface) {
            return out;
        }
        for (String n : cands) {
            Lookup.Result r = Lookup.lookupFieldOrMethod(t, false, pkg, n);
            if (r.obj() instanceof Func) {
                out.add(new String[] {n});
            }
        }
        return out;
    }

    private static void collectNames(Type t, java.util.Set<String> out, java.util.Set<Type> seen) {
        if (t instanceof Pointer p) {
            t = p.elem();
        }
        if (!seen.add(t)) {
            return;
        }
        if (t instanceof Named n) {
            for (Func m : n.methods()) {
                out.add(m.name());
            }
        }
        if (t.underlying() instanceof Struct s) {
            for (Var f : s.fields()) {
                if (f.embedded()) {
                    collectNames(f.type(), out, seen);
                }
            }
        } else if (t.underlying() instanceof Interface i) {
            for (Func m : i.allMethods()) {
                out.add(m.name());
            }
        }
    }

    /** The type's name as Go's runtime prints it ({@code main.T}, {@code *main.T}, {@code []int}, {@code interface {}}). */
    static String typeString(Type t) {
        if (t instanceof Named n) {
            if (n.obj().name().equals("error") && n.obj().pkg() == null) {
                return "error";
            }
            String base = n.obj().pkg() != null ? n.obj().pkg().name() + "." + n.obj().name() : n.obj().name();
            if (!n.typeArgs().isEmpty()) {
                StringBuilder sb = new StringBuilder(base).append('[');
                for (int i = 0; i < n.typeArgs().size(); i++) {
                    sb.append(i > 0 ? "," : "").append(typeString(n.typeArgs().get(i)));
                }
                return sb.append(']').toString();
            }
            return base;
        }
        return switch (t) {
            case Basic b -> switch (b.kind()) {
                case UNSAFE_POINTER -> "unsafe.Pointer";
                case UNTYPED_BOOL -> "bool";
                case UNTYPED_INT -> "int";
                case UNTYPED_RUNE -> "int32";
                case UNTYPED_FLOAT -> "float64";
                case UNTYPED_COMPLEX -> "complex128";
                case UNTYPED_STRING -> "string";
                default -> b.kind().name().toLowerCase();
            };
            case Pointer p -> "*" + typeString(p.elem());
            case Slice s -> "[]" + typeString(s.elem());
            case Array a -> "[" + a.len() + "]" + typeString(a.elem());
            case glassgo.compiler.types.Map m -> "map[" + typeString(m.key()) + "]" + typeString(m.elem());
            case Chan c -> switch (c.dir()) {
                case RECV_ONLY -> "<-chan " + typeString(c.elem());
                case SEND_ONLY -> "chan<- " + typeString(c.elem());
                default -> c.elem() instanceof Chan ec && ec.dir() == Chan.Dir.RECV_ONLY
                        ? "chan (" + typeString(c.elem()) + ")" : "chan " + typeString(c.elem());
            };
            case Signature s -> "func" + sigString(s);
            case Struct s -> {
                if (s.numFields() == 0) {
                    yield "struct {}";
                }
                StringBuilder sb = new StringBuilder("struct { ");
                for (int i = 0; i < s.numFields(); i++) {
                    Var f = s.field(i);
                    sb.append(i > 0 ? "; " : "");
                    if (!f.embedded()) {
                        sb.append(f.name()).append(' ');
                    }
                    sb.append(typeString(f.type()));
                    String tag = s.tag(i);
                    if (tag != null && !tag.isEmpty()) {
                        sb.append(' ').append(quote(tag));
                    }
                }
                yield sb.append(" }").toString();
            }
            case Interface in -> {
                if (in.allMethods().isEmpty()) {
                    yield "interface {}";
                }
                StringBuilder sb = new StringBuilder("interface { ");
                List<Func> ms = in.allMethods();
                for (int i = 0; i < ms.size(); i++) {
                    sb.append(i > 0 ? "; " : "").append(ms.get(i).name()).append(sigString((Signature) ms.get(i).type()));
                }
                yield sb.append(" }").toString();
            }
            default -> t.toString();
        };
    }

    private static String sigString(Signature s) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < s.params().len(); i++) {
            sb.append(i > 0 ? ", " : "");
            Type pt = s.params().at(i).type();
            if (s.variadic() && i == s.params().len() - 1 && pt instanceof Slice sl) {
                sb.append("...").append(typeString(sl.elem()));
            } else {
                sb.append(typeString(pt));
            }
        }
        sb.append(')');
        int n = s.results().len();
        if (n == 1) {
            sb.append(' ').append(typeString(s.results().at(0).type()));
        } else if (n > 1) {
            sb.append(" (");
            for (int i = 0; i < n; i++) {
                sb.append(i > 0 ? ", " : "").append(typeString(s.results().at(i).type()));
            }
            sb.append(')');
        }
        return sb.toString();
    }

    private static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.append('"').toString();
    }
}
