package glassgo.compiler.types;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;

/**
 * Substitution of type arguments for type parameters (go/types {@code subst.go}), and the cache of
 * instances that makes {@code List[int]} written twice the same {@link Named} (go/types
 * {@code Context}). The cache lives on the generic type itself, so it lives exactly as long as the
 * type: a static cache kept every generic type of every checked package alive for the life of the
 * JVM, which the front-end fuzzer's long run found as an OutOfMemoryError.
 */
public final class Subst {
    private Subst() {}

    public static java.util.Map<TypeParam, Type> map(List<TypeParam> tps, List<? extends Type> targs) {
        java.util.Map<TypeParam, Type> m = new IdentityHashMap<>();
        for (int i = 0; i < tps.size() && i < targs.size(); i++) {
            m.put(tps.get(i), targs.get(i));
        }
        return m;
    }

    /** The instance of the generic type orig with targs, shared for identical arguments. */
    public static Named instantiate(Named orig, List<Type> targs) {
        return orig.origin().instance(instanceKey(targs), targs);
    }

    /**
     * A string equal for identical type argument lists and different otherwise, even for distinct types
     * that print alike (two local types T): the key of an instance, for a compiler keeping one copy of
     * a generic function per instance.
     */
    public static String instanceKey(List<Type> targs) {
        StringBuilder sb = new StringBuilder();
        for (Type t : targs) {
            sb.append(typeKey(t)).append(';');
        }
        return sb.toString();
    }

    /** A string that is equal for identical types (type parameters and unnamed interfaces by identity). */
    private static String typeKey(Type t) {
        return TypeString.of(t, p -> p.path() + "#" + System.identityHashCode(p))
                + "@" + identityOfParams(t);
    }

    private static String identityOfParams(Type t) {
        StringBuilder sb = new StringBuilder();
        collectParams(t, sb, new IdentityHashMap<>());
        return sb.toString();
    }

    private static void collectParams(Type t, StringBuilder sb, IdentityHashMap<Type, Boolean> seen) {
        if (t == null || seen.put(t, true) != null) {
            return;
        }
        switch (t) {
            case TypeParam tp -> sb.append('#').append(tp.id()).append(',');
            case Pointer p -> collectParams(p.elem(), sb, seen);
            case Slice s -> collectParams(s.elem(), sb, seen);
            case Array a -> collectParams(a.elem(), sb, seen);
            case Map m -> {
                collectParams(m.key(), sb, seen);
                collectParams(m.elem(), sb, seen);
            }
            case Chan c -> collectParams(c.elem(), sb, seen);
            case Named n -> {
                sb.append(System.identityHashCode(n.origin())).append(',');
                for (Type a : n.typeArgs()) {
                    collectParams(a, sb, seen);
                }
            }
            case Struct s -> s.fields().forEach(f -> collectParams(f.type(), sb, seen));
            case Signature s -> {
                s.params().vars().forEach(v -> collectParams(v.type(), sb, seen));
                s.results().vars().forEach(v -> collectParams(v.type(), sb, seen));
            }
            case Interface i -> sb.append(System.identityHashCode(i)).append(',');
            default -> { }
        }
    }

    public static Type subst(Type t, java.util.Map<TypeParam, Type> m) {
        if (m.isEmpty() || t == null) {
            return t;
        }
        return new Substituter(m).typ(t);
    }

    /**
     * s with m applied to its receiver, parameters and results, and without type parameters: the
     * signature of one instance of a generic function or method.
     */
    public static Signature substSignature(Signature s, java.util.Map<TypeParam, Type> m) {
        if (m.isEmpty() && s.typeParams().isEmpty()) {
            return s;
        }
        Substituter sb = new Substituter(m);
        Var recv = s.recv();
        Var nr = recv == null ? null : new Var(recv.pos(), recv.pkg(), recv.name(), sb.typ(recv.type()));
        return new Signature(nr, List.of(), sb.tuple(s.params()), sb.tuple(s.results()), s.variadic());
    }

    /** A method signature of an instance: receiver type becomes the instance, params substituted. */
    static Signature substSignatureForRecv(Signature sig, java.util.Map<TypeParam, Type> m, Named inst) {
        Substituter s = new Substituter(m);
        java.util.Map<TypeParam, Type> rm = new IdentityHashMap<>(m);
        // The method's receiver type parameters are its own (func (l *List[U]) ...): map them too.
        List<TypeParam> rtp = sig.recvTypeParams();
        for (int i = 0; i < rtp.size() && i < inst.typeArgs().size(); i++) {
            rm.put(rtp.get(i), inst.typeArgs().get(i));
        }
        s = new Substituter(rm);
        Var recv = sig.recv();
        Var nr = recv == null ? null : new Var(recv.pos(), recv.pkg(), recv.name(), s.typ(recv.type()));
        Signature out = new Signature(nr, List.of(), s.tuple(sig.params()), s.tuple(sig.results()), sig.variadic());
        return out;
    }

    private static final class Substituter {
        final java.util.Map<TypeParam, Type> m;
        final IdentityHashMap<Interface, Interface> ifaces = new IdentityHashMap<>();

        Substituter(java.util.Map<TypeParam, Type> m) {
            this.m = m;
        }

        Type typ(Type t) {
            if (t == null) {
                return null;
            }
            return switch (t) {
                case Basic b -> b;
                case TypeParam tp -> m.getOrDefault(tp, tp);
                case Pointer p -> {
                    Type e = typ(p.elem());
                    yield e == p.elem() ? p : new Pointer(e);
                }
                case Slice s -> {
                    Type e = typ(s.elem());
                    yield e == s.elem() ? s : new Slice(e);
                }
                case Array a -> {
                    Type e = typ(a.elem());
                    yield e == a.elem() ? a : new Array(a.len(), e);
                }
                case Map mp -> {
                    Type k = typ(mp.key());
                    Type e = typ(mp.elem());
                    yield k == mp.key() && e == mp.elem() ? mp : new Map(k, e);
                }
                case Chan c -> {
                    Type e = typ(c.elem());
                    yield e == c.elem() ? c : new Chan(c.dir(), e);
                }
                case Struct s -> {
                    boolean changed = false;
                    List<Var> fs = new ArrayList<>();
                    for (Var f : s.fields()) {
                        Type ft = typ(f.type());
                        changed |= ft != f.type();
                        fs.add(ft == f.type() ? f : Var.field(f.pos(), f.pkg(), f.name(), ft, f.embedded()));
                    }
                    if (!changed) {
                        yield s;
                    }
                    List<String> tags = new ArrayList<>();
                    for (int i = 0; i < s.numFields(); i++) {
                        tags.add(s.tag(i));
                    }
                    yield new Struct(fs, tags);
                }
                case Tuple tu -> tuple(tu);
                case Signature s -> {
                    Tuple p = tuple(s.params());
                    Tuple r = tuple(s.results());
                    if (p == s.params() && r == s.results()) {
                        yield s;
                    }
                    Signature ns = new Signature(s.recv(), s.typeParams(), p, r, s.variadic());
                    yield ns;
                }
                case Union u -> {
                    boolean changed = false;
                    List<Term> ts = new ArrayList<>();
                    for (Term term : u.terms()) {
                        Type tt = typ(term.type());
                        changed |= tt != term.type();
                        ts.add(new Term(term.tilde(), tt));
                    }
                    yield changed ? new Union(ts) : u;
                }
                case Interface i -> iface(i);
                case Named n -> {
                    if (n.typeArgs().isEmpty()) {
                        yield n;
                    }
                    boolean changed = false;
                    List<Type> args = new ArrayList<>();
                    for (Type a : n.typeArgs()) {
                        Type na = typ(a);
                        changed |= na != a;
                        args.add(na);
                    }
                    yield changed ? instantiate(n.origin(), args) : n;
                }
            };
        }

        Interface iface(Interface i) {
            Interface done = ifaces.get(i);
            if (done != null) {
                return done;
            }
            if (!mentionsParams(i)) {
                return i;
            }
            Interface ni = new Interface(List.of(), List.of());
            ifaces.put(i, ni);
            for (Func f : i.methods) {
                Type ft = typ(f.type());
                Func nf = new Func(f.pos(), f.pkg(), f.name(), (Signature) ft);
                nf.origin = f.origin();
                ni.methods.add(nf);
            }
            for (Type e : i.embeddeds) {
                ni.embeddeds.add(typ(e));
            }
            ni.implicit = i.implicit;
            ni.isComparableIface = i.isComparableIface;
            return ni;
        }

        private boolean mentionsParams(Type t) {
            StringBuilder sb = new StringBuilder();
            collectParams(t instanceof Interface i ? new Struct(List.of(), List.of()) : t, sb, new IdentityHashMap<>());
            if (t instanceof Interface i) {
                for (Func f : i.methods) {
                    collectParams(f.type(), sb, new IdentityHashMap<>());
                }
                for (Type e : i.embeddeds) {
                    if (e instanceof Union u) {
                        for (Term term : u.terms()) {
                            collectParams(term.type(), sb, new IdentityHashMap<>());
                        }
                    } else {
                        collectParams(e, sb, new IdentityHashMap<>());
                    }
                }
            }
            for (TypeParam tp : m.keySet()) {
                if (sb.indexOf("#" + tp.id() + ",") >= 0) {
                    return true;
                }
            }
            return false;
        }

        Tuple tuple(Tuple t) {
            if (t == null) {
                return null;
            }
            boolean changed = false;
            List<Var> vs = new ArrayList<>();
            for (Var v : t.vars()) {
                Type vt = typ(v.type());
                changed |= vt != v.type();
                vs.add(vt == v.type() ? v : new Var(v.pos(), v.pkg(), v.name(), vt));
            }
            return changed ? new Tuple(vs) : t;
        }
    }
}
