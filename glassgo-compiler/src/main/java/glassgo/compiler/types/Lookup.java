package glassgo.compiler.types;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;

/**
 * Field and method lookup with embedding and promotion (go/types {@code lookup.go}): a breadth-first
 * search through embedded fields, depth by depth, where a name found twice at the shallowest depth
 * is ambiguous. Also {@link #missingMethod}, the test behind interface satisfaction.
 */
public final class Lookup {
    private Lookup() {}

    /**
     * Result of a lookup. obj is null when nothing was found; then, if index is non-null, the name
     * was ambiguous. When obj is null and indirect is set, a method with a pointer receiver was
     * found but the operand is neither a pointer nor addressable.
     */
    public record Result(Obj obj, int[] index, boolean indirect) {
        public boolean ambiguous() {
            return obj == null && index != null;
        }
    }

    private record Embedded(Type typ, int[] index, boolean indirect, boolean multiples) {}

    public static Result lookupFieldOrMethod(Type t, boolean addressable, Package pkg, String name) {
        if (name.equals("_")) {
            return new Result(null, null, false);
        }
        return lookup(t, addressable, pkg, name);
    }

    private static Result lookup(Type t, boolean addressable, Package pkg, String name) {
        // A named pointer type has no methods, but its base type's fields are reachable.
        if (t instanceof Named n && n.underlying() instanceof Pointer p) {
            Result r = lookup(p, false, pkg, name);
            return r.obj() instanceof Func ? new Result(null, null, false) : r;
        }
        Type typ = t;
        boolean isPtr = false;
        if (t instanceof Pointer p) {
            Type base = p.elem();
            if (base.underlying() instanceof Interface) {
                return new Result(null, null, false); // *I has no methods or fields
            }
            typ = base;
            isPtr = true;
        }
        List<Embedded> current = new ArrayList<>();
        current.add(new Embedded(typ, null, isPtr, false));
        IdentityHashMap<Named, Boolean> seen = new IdentityHashMap<>();
        while (!current.isEmpty()) {
            List<Embedded> next = new ArrayList<>();
            Obj found = null;
            int[] foundIndex = null;
            boolean foundIndirect = false;
            int count = 0;
            for (Embedded e : current) {
                Type et = e.typ;
                if (et instanceof Named n) {
                    if (seen.put(n, true) != null) {
                        continue;
                    }
                    List<Func> ms = n.methods();
                    boolean hit = false;
                    for (int i = 0; i < ms.size(); i++) {
                        Func m = ms.get(i);
                        if (m.sameId(pkg, name)) {
                            count += e.multiples ? 2 : 1;
                            found = m;
                            foundIndex = concat(e.index, i);
                            foundIndirect = e.indirect;
                            hit = true;
                            break;
                        }
                    }
                    if (hit) {
                        continue; // a type cannot have a field and a method of the same name
                    }
                }
                Type u = et instanceof TypeParam ? null : et.underlying();
                if (u instanceof Struct s) {
                    for (int i = 0; i < s.numFields(); i++) {
                        Var f = s.field(i);
                        if (f.sameId(pkg, name)) {
                            count += e.multiples ? 2 : 1;
                            found = f;
                            foundIndex = concat(e.index, i);
                            foundIndirect = e.indirect;
                            continue;
                        }
                        if (count == 0 && f.embedded()) {
                            Type ft = f.type();
                            boolean ind = e.indirect;
                            if (ft instanceof Pointer fp) {
                                ft = fp.elem();
                                ind = true;
                            }
                            next.add(new Embedded(ft, concat(e.index, i), ind, e.multiples));
                        }
                    }
                } else if (u instanceof Interface iface) {
                    Func m = iface.lookupMethod(pkg, name);
                    if (m != null) {
                        count += e.multiples ? 2 : 1;
                        found = m;
                        foundIndex = concat(e.index, 0);
                        foundIndirect = e.indirect;
                    }
                } else if (et instanceof TypeParam tp) {
                    Func m = tp.iface().lookupMethod(pkg, name);
                    if (m != null) {
                        count += e.multiples ? 2 : 1;
                        found = m;
                        foundIndex = concat(e.index, 0);
                        foundIndirect = e.indirect;
                    }
                }
            }
            if (count > 1) {
                return new Result(null, foundIndex, false);
            }
            if (count == 1) {
                if (found instanceof Func f && f.hasPtrRecv() && !foundIndirect && !addressable) {
                    return new Result(null, null, true);
                }
                return new Result(found, foundIndex, foundIndirect);
            }
            current = consolidate(next);
        }
        return new Result(null, null, false);
    }

    /** Merges duplicate embedded types at one depth, marking them as multiples (ambiguity source). */
    private static List<Embedded> consolidate(List<Embedded> list) {
        List<Embedded> out = new ArrayList<>();
        IdentityHashMap<Type, Integer> where = new IdentityHashMap<>();
        for (Embedded e : list) {
            Type key = e.typ instanceof Named n ? n : e.typ;
            Integer i = where.get(key);
            if (i != null) {
                Embedded prev = out.get(i);
                out.set(i, new Embedded(prev.typ, prev.index, prev.indirect, true));
                continue;
            }
            where.put(key, out.size());
            out.add(e);
        }
        return out;
    }

    private static int[] concat(int[] a, int i) {
        if (a == null) {
            return new int[] {i};
        }
        int[] r = java.util.Arrays.copyOf(a, a.length + 1);
        r[a.length] = i;
        return r;
    }

    /** Why a type does not implement an interface: the missing method, and whether it exists with the wrong type. */
    public record Missing(Func method, Obj alt, boolean wrongType, boolean ptrRecv) {}

    /**
     * The first method of interface t that v lacks (go/types {@code missingMethod}), or null if v has
     * them all. For an interface v, static=false only requires methods that v has to match.
     */
    public static Missing missingMethod(Type v, Interface t, boolean isStatic) {
        List<Func> tms = t.allMethods();
        if (tms.isEmpty()) {
            return null;
        }
        if (v.underlying() instanceof Interface vi && !(v instanceof TypeParam)) {
            for (Func m : tms) {
                Func f = vi.lookupMethod(m.pkg(), m.name());
                if (f == null) {
                    if (!isStatic) {
                        continue;
                    }
                    return new Missing(m, null, false, false);
                }
                if (!Predicates.identical(f.type(), m.type())) {
                    return new Missing(m, f, true, false);
                }
            }
            return null;
        }
        for (Func m : tms) {
            Result r = lookupFieldOrMethod(v, false, m.pkg(), m.name());
            if (!(r.obj() instanceof Func f)) {
                if (r.obj() == null && r.indirect()) {
                    return new Missing(m, null, false, true);
                }
                // gc mentions a method whose name differs only in the case of its first letter
                String n = m.name();
                String other = Character.isUpperCase(n.charAt(0))
                        ? Character.toLowerCase(n.charAt(0)) + n.substring(1)
                        : Character.toUpperCase(n.charAt(0)) + n.substring(1);
                Result alt = lookupFieldOrMethod(v, false, m.pkg(), other);
                if (alt.obj() instanceof Func af) {
                    return new Missing(m, af, false, false);
                }
                // A method with a different-case name, or a field, is worth mentioning.
                return new Missing(m, r.obj(), false, false);
            }
            if (!Predicates.identical(methodType(f), methodType(m))) {
                return new Missing(m, f, true, false);
            }
        }
        return null;
    }

    /** A method's signature without its receiver, for comparison. */
    private static Type methodType(Func f) {
        if (f.type() instanceof Signature s) {
            if (s.recv() == null && s.typeParams().isEmpty()) {
                return s;
            }
            return new Signature(null, List.of(), s.params(), s.results(), s.variadic());
        }
        return f.type();
    }
}
