// Iface: the run-time half of Go's interfaces — the itab table, assertions and conversions (runtime/iface.go),
// TypeAssertionError's texts (runtime/error.go), and equality and hashing of dynamic values (runtime/alg.go).
package glassgo.runtime.iface;

import glassgo.runtime.mutator.Abi;
import glassgo.runtime.mutator.GoPanic;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Go builds an itab at compile time when a conversion's (interface, concrete type) pair is known statically and
 * at run time, cached in itabTable, for an assertion to an interface. glassgo compiles a whole program at
 * once, so the compiler builds every itab an assertion can need (each concrete type with a descriptor against
 * each interface type that asserts or converts) and lists them; {@link #init} loads that list into the table
 * the assertions search, as Go's itabsinit adds the modules' itabs to itabTable. A pair not in the table
 * does not implement the interface; the reason (the first missing method) is read from the descriptors.
 *
 * <p>{@link #efaceeq}, {@link #typeEqual}, {@link #nilinterhash} and {@link #typehash} are what map code calls
 * for keys of interface type (or containing interfaces): Go's efaceeq/ifaceeq, nilinterhash/interhash and
 * typehash. They panic with Go's texts for uncomparable dynamic types.
 */
public final class Iface {
    private record Pair(long inter, long typ) {}

    private static final ConcurrentHashMap<Long, RType> TYPES = new ConcurrentHashMap<>();
    private static final ConcurrentHashMap<Pair, Long> ITABS = new ConcurrentHashMap<>();

    private Iface() {}

    /**
     * Start-up (go$entry's first call): adds the data block's base to every descriptor word listed in the
     * relocation table, then loads the itab table ({inter, type, itab} triples).
     */
    public static synchronized void init(long itabs, long nItabs, long relocs, long nRelocs) {
        TYPES.clear();
        ITABS.clear();
        long base = Abi.data();
        for (long i = 0; i < nRelocs; i++) {
            long at = base + Abi.ld64(relocs + 8 * i);
            Abi.st64(at, Abi.ld64(at) + base);
        }
        for (long i = 0; i < nItabs; i++) {
            long e = itabs + 24 * i;
            ITABS.put(new Pair(Abi.ld64(e), Abi.ld64(e + 8)), Abi.ld64(e + 16));
        }
    }

    /** The descriptor at {@code addr}, decoded once. */
    public static RType rtype(long addr) {
        RType t = TYPES.get(addr);
        if (t == null) {
            t = new RType(addr);
            TYPES.put(addr, t);
        }
        return t;
    }

    public static String typeString(long typ) {
        return rtype(typ).name;
    }

    // --- conversions and assertions (iface.go) --------------------------------------------------------

    /** The itab of (inter, typ), or 0 if typ does not implement inter. */
    private static long getitab(long inter, long typ) {
        Long tab = ITABS.get(new Pair(inter, typ));
        return tab == null ? 0 : tab;
    }

    /** A value of one interface type converted to another it is known to satisfy: nil stays nil. */
    public static long convI2I(long inter, long typ) {
        if (typ == 0) {
            return 0;
        }
        long tab = getitab(inter, typ);
        if (tab == 0) {
            throw typeAssertionError(0, typ, inter);
        }
        return tab;
    }

    /** x.(I) for a non-empty interface I: its itab, or Go's TypeAssertionError. */
    public static long assertE2I(long inter, long typ) {
        if (typ == 0) {
            throw new GoPanic("interface conversion: interface is nil, not " + typeString(inter), true);
        }
        long tab = getitab(inter, typ);
        if (tab == 0) {
            throw typeAssertionError(0, typ, inter);
        }
        return tab;
    }

    /** v, ok := x.(I): the itab, or 0. */
    public static long assertE2I2(long inter, long typ) {
        return typ == 0 ? 0 : getitab(inter, typ);
    }

    /** Whether a value of dynamic type typ (0 for nil) satisfies inter (a type switch's interface case). */
    public static long implements_(long inter, long typ) {
        return typ != 0 && getitab(inter, typ) != 0 ? 1 : 0;
    }

    /** x.(T) failed: Go's TypeAssertionError for a concrete T; {@code iface} is x's static type. */
    public static RuntimeException panicdottype(long have, long want, long iface) {
        String inter = typeString(iface);
        if (have == 0) {
            throw new GoPanic("interface conversion: " + inter + " is nil, not " + typeString(want), true);
        }
        String cs = typeString(have), as = typeString(want);
        String msg = "interface conversion: " + inter + " is " + cs + ", not " + as;
        if (cs.equals(as)) {
            msg += " (types from different scopes)";
        }
        throw new GoPanic(msg, true);
    }

    private static GoPanic typeAssertionError(long iface, long typ, long inter) {
        String[] want = rtype(inter).imethods();
        java.util.Set<String> have = java.util.Set.of(rtype(typ).methods());
        String missing = "";
        for (String m : want) {
            if (!have.contains(m)) {
                missing = m;
                break;
            }
        }
        return new GoPanic("interface conversion: " + typeString(typ) + " is not " + typeString(inter)
                + ": missing method " + missing, true);
    }

    // --- equality (alg.go) ----------------------------------------------------------------------------

    /** Two interface values with the same dynamic type typ (non-nil) and data words x, y: equal? */
    public static long efaceeq(long typ, long x, long y) {
        if (typ == 0) {
            return 1;
        }
        RType t = rtype(typ);
        if (!t.comparable) {
            throw GoPanic.errorString("comparing uncomparable type " + t.name);
        }
        if (t.direct) {
            return x == y ? 1 : 0;
        }
        return typeEqual(t, x, y) ? 1 : 0;
    }

    /** Two non-empty interface values with the same itab tab: equal? */
    public static long ifaceeq(long tab, long x, long y) {
        return tab == 0 ? 1 : efaceeq(Abi.ld64(tab + 8), x, y);
    }

    /** Equality of two values of type t in memory at p and q (Go's t.equal). */
    public static boolean typeEqual(RType t, long p, long q) {
        switch (t.kind) {
            case RType.FLOAT32:
                return Abi.ldf32(p) == Abi.ldf32(q);
            case RType.FLOAT64:
                return Abi.ldf64(p) == Abi.ldf64(q);
            case RType.COMPLEX64:
                return Abi.ldf32(p) == Abi.ldf32(q) && Abi.ldf32(p + 4) == Abi.ldf32(q + 4);
            case RType.COMPLEX128:
                return Abi.ldf64(p) == Abi.ldf64(q) && Abi.ldf64(p + 8) == Abi.ldf64(q + 8);
            case RType.STRING:
                return Abi.eqstring(Abi.ld64(p), Abi.ld64(p + 8), Abi.ld64(q), Abi.ld64(q + 8)) != 0;
            case RType.INTERFACE: {
                long a = Abi.ld64(p), b = Abi.ld64(q);
                if (a != b) {
                    return false;
                }
                boolean empty = rtype(t.addr).imethods().length == 0;
                return empty ? efaceeq(a, Abi.ld64(p + 8), Abi.ld64(q + 8)) != 0
                        : ifaceeq(a, Abi.ld64(p + 8), Abi.ld64(q + 8)) != 0;
            }
            case RType.ARRAY: {
                RType e = t.elem();
                for (long i = 0; i < t.arrayLen(); i++) {
                    if (!typeEqual(e, p + i * e.size, q + i * e.size)) {
                        return false;
                    }
                }
                return true;
            }
            case RType.STRUCT: {
                for (int i = 0; i < t.numFields(); i++) {
                    if (t.fieldName(i).equals("_")) {
                        continue;
                    }
                    long off = t.fieldOffset(i);
                    if (!typeEqual(t.fieldType(i), p + off, q + off)) {
                        return false;
                    }
                }
                return true;
            }
            case RType.SLICE, RType.MAP, RType.FUNC:
                throw GoPanic.errorString("comparing uncomparable type " + t.name);
            default:
                for (long i = 0; i < t.size; i++) {
                    if (Abi.ld8u(p + i) != Abi.ld8u(q + i)) {
                        return false;
                    }
                }
                return true;
        }
    }

    // --- hashing (alg.go), for map keys -----------------------------------------------------------------

    /** Hash of an empty interface value {typ, data} (Go's nilinterhash). */
    public static long nilinterhash(long typ, long data, long seed) {
        if (typ == 0) {
            return seed;
        }
        RType t = rtype(typ);
        if (!t.comparable) {
            throw GoPanic.errorString("hash of unhashable type " + t.name);
        }
        if (t.direct) {
            return mix(t.hash ^ seed, data);
        }
        return typehash(t, data, seed ^ t.hash);
    }

    /** Hash of a non-empty interface value {tab, data} (Go's interhash). */
    public static long interhash(long tab, long data, long seed) {
        return tab == 0 ? seed : nilinterhash(Abi.ld64(tab + 8), data, seed);
    }

    /** Hash of a value of type t at p, consistent with {@link #typeEqual} (+0 and -0 hash alike). */
    public static long typehash(RType t, long p, long seed) {
        switch (t.kind) {
            case RType.FLOAT32:
                return floathash(Abi.ldf32(p), seed);
            case RType.FLOAT64:
                return floathash(Abi.ldf64(p), seed);
            case RType.COMPLEX64:
                return floathash(Abi.ldf32(p + 4), floathash(Abi.ldf32(p), seed));
            case RType.COMPLEX128:
                return floathash(Abi.ldf64(p + 8), floathash(Abi.ldf64(p), seed));
            case RType.STRING: {
                long h = seed;
                long s = Abi.ld64(p), n = Abi.ld64(p + 8);
                for (long i = 0; i < n; i++) {
                    h = mix(h, Abi.ld8u(s + i));
                }
                return mix(h, n);
            }
            case RType.INTERFACE:
                return rtype(t.addr).imethods().length == 0 ? nilinterhash(Abi.ld64(p), Abi.ld64(p + 8), seed)
                        : interhash(Abi.ld64(p), Abi.ld64(p + 8), seed);
            case RType.ARRAY: {
                RType e = t.elem();
                long h = seed;
                for (long i = 0; i < t.arrayLen(); i++) {
                    h = typehash(e, p + i * e.size, h);
                }
                return h;
            }
            case RType.STRUCT: {
                long h = seed;
                for (int i = 0; i < t.numFields(); i++) {
                    if (!t.fieldName(i).equals("_")) {
                        h = typehash(t.fieldType(i), p + t.fieldOffset(i), h);
                    }
                }
                return h;
            }
            case RType.SLICE, RType.MAP, RType.FUNC:
                throw GoPanic.errorString("hash of unhashable type " + t.name);
            default: {
                long h = seed;
                for (long i = 0; i < t.size; i++) {
                    h = mix(h, Abi.ld8u(p + i));
                }
                return h;
            }
        }
    }

    private static long floathash(double f, long seed) {
        if (f == 0) {
            return mix(seed, 0);
        }
        if (f != f) {
            return mix(seed, java.util.concurrent.ThreadLocalRandom.current().nextLong());
        }
        return mix(seed, Double.doubleToRawLongBits(f));
    }

    private static long mix(long h, long v) {
        long x = (h ^ v) * 0x9E3779B97F4A7C15L;
        return x ^ (x >>> 29);
    }
    // --- print, panic and recover (print.go, panic.go) --------------------------------------------------

    /** println of an interface value: Go's printeface/printiface, {@code (0x...,0x...)}. */
    public static void printeface(long w0, long data) {
        glassgo.runtime.mutator.Print.printjava("(");
        glassgo.runtime.mutator.Print.printpointer(w0);
        glassgo.runtime.mutator.Print.printjava(",");
        glassgo.runtime.mutator.Print.printpointer(data);
        glassgo.runtime.mutator.Print.printjava(")");
    }

    /**
     * panic(v) with v as {typ, data}; {@code msg} is v.Error() or v.String() when {@code hasMsg} (called by the
     * compiled code first, as Go's preprintpanics does), else the value is printed as Go's printpanicval does.
     */
    public static RuntimeException gopanic(glassgo.runtime.stack.Stack s, long typ, long data, long msgPtr, long msgLen, long hasMsg) {
        String text = hasMsg != 0 ? goString(msgPtr, msgLen) : printpanicval(typ, data);
        throw new GoPanic(text, typ, data, s);
    }

    private static String goString(long p, long n) {
        byte[] b = new byte[(int) n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) Abi.ld8u(p + i);
        }
        return new String(b, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Go's printpanicval: predeclared types as print prints them, named ones as {@code main.T(5)}, others {@code (main.T) 0x...}. */
    static String printpanicval(long typ, long data) {
        if (typ == 0) {
            return "nil";
        }
        RType t = rtype(typ);
        String v;
        switch (t.kind) {
            case RType.BOOL -> v = Abi.ld8u(data) != 0 ? "true" : "false";
            case RType.INT, RType.INT64 -> v = Long.toString(Abi.ld64(data));
            case RType.INT8 -> v = Long.toString(Abi.ld8s(data));
            case RType.INT16 -> v = Long.toString(Abi.ld16s(data));
            case RType.INT32 -> v = Long.toString(Abi.ld32s(data));
            case RType.UINT, RType.UINT64, RType.UINTPTR -> v = Long.toUnsignedString(Abi.ld64(data));
            case RType.UINT8 -> v = Long.toString(Abi.ld8u(data));
            case RType.UINT16 -> v = Long.toString(Abi.ld16u(data));
            case RType.UINT32 -> v = Long.toString(Abi.ld32u(data));
            case RType.FLOAT32 -> v = glassgo.runtime.mutator.Print.formatFloat(Abi.ldf32(data));
            case RType.FLOAT64 -> v = glassgo.runtime.mutator.Print.formatFloat(Abi.ldf64(data));
            case RType.COMPLEX64 -> v = "(" + glassgo.runtime.mutator.Print.formatFloat(Abi.ldf32(data))
                    + glassgo.runtime.mutator.Print.formatFloat(Abi.ldf32(data + 4)) + "i)";
            case RType.COMPLEX128 -> v = "(" + glassgo.runtime.mutator.Print.formatFloat(Abi.ldf64(data))
                    + glassgo.runtime.mutator.Print.formatFloat(Abi.ldf64(data + 8)) + "i)";
            case RType.STRING -> {
                String str = goString(Abi.ld64(data), Abi.ld64(data + 8));
                return t.name.contains(".") ? t.name + "(\"" + str + "\")" : str;
            }
            default -> {
                return "(" + t.name + ") 0x" + Long.toHexString(data);
            }
        }
        return t.name.contains(".") ? t.name + "(" + v + ")" : v;
    }

    /**
     * recover(): while a panic is being handled, stops it and writes its value to {@code dst} as an empty
     * interface: panic(v)'s v, or for a run-time error a runtime.errorString holding Go's text (Error() gives
     * it); otherwise nil. {@code errType}/{@code strType} are those descriptors, {@code strGo} the string's
     * allocation type.
     */
    public static void recover(glassgo.runtime.stack.Stack s, long dst, long errType, long strType, glassgo.runtime.malloc.GoType strGo) {
        // only the deferred function the panic called may recover (Go: recover's argp check; see Abi.deferCall)
        if (s.panic == null || s.recovered || s.depth != s.deferDepth) {
            Abi.st64(dst, 0);
            Abi.st64(dst + 8, 0);
            return;
        }
        s.recovered = true;
        if (s.panic instanceof GoPanic gp && gp.hasValue()) {
            Abi.st64(dst, gp.valueType());
            Abi.st64(dst + 8, gp.takeValueData());
            return;
        }
        String text = s.panic instanceof GoPanic gp ? gp.text() : String.valueOf(s.panic.getMessage());
        boolean rtErr = s.panic instanceof GoPanic gp && gp.runtimeError();
        // dst is a frame slot the collector scans: the box is rooted there before the bytes are allocated
        long box = Abi.newobject(strGo);
        Abi.st64(dst, rtErr ? errType : strType);
        Abi.st64(dst + 8, box);
        byte[] b = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        long bytes = b.length == 0 ? 0 : Abi.newbytes(b.length);
        for (int i = 0; i < b.length; i++) {
            Abi.st8(bytes + i, b[i]);
        }
        Abi.writePointer(box, bytes);
        Abi.st64(box + 8, b.length);
    }
}
