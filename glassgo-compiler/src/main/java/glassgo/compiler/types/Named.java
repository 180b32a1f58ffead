package glassgo.compiler.types;

import java.util.ArrayList;
import java.util.List;

/**
 * A defined type (go/types {@code Named}): its type name, underlying type, declared methods and
 * type parameters. An instance of a generic type ({@code List[int]}) points at its origin and holds
 * the type arguments; its underlying type and methods are substituted lazily, on first use, because
 * the origin may still be under construction when the instance is formed (recursive generic types).
 */
public final class Named implements Type {
    final TypeName obj;
    Type underlying;
    final List<Func> methods = new ArrayList<>();
    List<TypeParam> typeParams = List.of();
    final Named orig;
    final List<Type> targs;
    private List<Func> instMethods;
    /** For a generic type: its instances by {@link Subst}'s key of their type arguments. */
    private java.util.Map<String, Named> instances;

    public Named(TypeName obj, Type underlying) {
        this.obj = obj;
        this.underlying = underlying;
        this.orig = null;
        this.targs = List.of();
        if (obj != null && obj.type == null) {
            obj.type = this;
        }
    }

    /** An instance of orig with type arguments targs. */
    Named(Named orig, List<Type> targs) {
        this.obj = orig.obj;
        this.orig = orig;
        this.targs = List.copyOf(targs);
    }

    /** The instance of this generic type (an origin) for targs, whose key is key; made on first request. */
    synchronized Named instance(String key, List<Type> targs) {
        if (instances == null) {
            instances = new java.util.HashMap<>();
        }
        return instances.computeIfAbsent(key, k -> new Named(this, targs));
    }

    public TypeName obj() {
        return obj;
    }

    public Named origin() {
        return orig == null ? this : orig;
    }

    public List<Type> typeArgs() {
        return targs;
    }

    public List<TypeParam> typeParams() {
        return origin().typeParams;
    }

    public void setTypeParams(List<TypeParam> tps) {
        this.typeParams = List.copyOf(tps);
    }

    public void setUnderlying(Type u) {
        this.underlying = u;
    }

    /** The underlying type as declared so far, without forcing substitution (null while unresolved). */
    Type rawUnderlying() {
        return underlying;
    }

    @Override
    public Type underlying() {
        if (underlying == null && orig != null) {
            Type ou = orig.underlying;
            if (ou == null) {
                return Universe.INVALID; // origin still being declared: resolved on a later call
            }
            underlying = Subst.subst(ou, Subst.map(orig.typeParams, targs)).underlying();
        }
        if (underlying instanceof Named) {
            // type T2 T1 declared while T1 was still being declared: resolve the chain now, or
            // answer invalid (uncached) until T1 is complete.
            Type u = resolveChain();
            if (u == null) {
                return Universe.INVALID;
            }
            underlying = u;
        }
        return underlying == null ? Universe.INVALID : underlying;
    }

    /** Follows a chain of defined types to a type literal; null while unresolved or if it loops. */
    Type resolveChain() {
        java.util.Set<Named> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        Type t = this.underlying;
        while (t instanceof Named n) {
            if (!seen.add(n)) {
                return null;
            }
            if (n.orig != null) {
                return n.underlying();
            }
            t = n.underlying;
        }
        return t;
    }

    /** Whether this type's underlying type is a chain of defined types that loops back. */
    boolean chainLoops() {
        java.util.Set<Named> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        seen.add(this);
        Type t = this.underlying;
        while (t instanceof Named n && n.orig == null) {
            if (!seen.add(n)) {
                return true;
            }
            t = n.underlying;
        }
        return false;
    }

    public void addMethod(Func m) {
        methods.add(m);
    }

    public int numMethods() {
        return origin().methods.size();
    }

    /** The declared methods; for an instance, with signatures substituted by the type arguments. */
    public List<Func> methods() {
        if (orig == null) {
            return methods;
        }
        List<Func> om = orig.methods;
        if (instMethods == null || instMethods.size() != om.size()) {
            List<Func> ms = new ArrayList<>(om.size());
            java.util.Map<TypeParam, Type> m = Subst.map(orig.typeParams, targs);
            for (Func f : om) {
                if (!(f.type instanceof Signature sig)) {
                    return om; // not yet checked: the caller sees origin methods, as go/types' lazy expansion
                }
                Func inst = new Func(f.pos, f.pkg, f.name, Subst.substSignatureForRecv(sig, m, this));
                inst.origin = f;
                ms.add(inst);
            }
            instMethods = ms;
        }
        return instMethods;
    }

    public Func method(int i) {
        return methods().get(i);
    }

    @Override
    public String toString() {
        return TypeString.of(this, null);
    }
}
