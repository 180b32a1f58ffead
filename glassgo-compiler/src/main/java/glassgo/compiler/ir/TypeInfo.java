// TypeInfo: the checker's Info (types.Info, go/types Info) as lowering reads it, seen through the type
// arguments of the generic function instance being lowered (cmd/compile's stenciling substitutes the same way).
package glassgo.compiler.ir;

import glassgo.compiler.ast.Expr;
import glassgo.compiler.ast.Ident;
import glassgo.compiler.constant.Value;
import glassgo.compiler.types.Builtin;
import glassgo.compiler.types.Info;
import glassgo.compiler.types.Obj;
import glassgo.compiler.types.Signature;
import glassgo.compiler.types.Subst;
import glassgo.compiler.types.Type;
import glassgo.compiler.types.TypeParam;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every type lowering asks about goes through here, so a generic body is lowered once per instance by
 * lowering it with a TypeInfo that {@link #substituting substitutes} the instance's type arguments for
 * its type parameters: the rest of the lowering never sees a type parameter.
 */
public final class TypeInfo {
    private final Info info;
    private final Map<TypeParam, Type> targs;

    public TypeInfo(Info info) {
        this(info, Map.of());
    }

    private TypeInfo(Info info, Map<TypeParam, Type> targs) {
        this.info = info;
        this.targs = targs;
    }

    /** This view with tps bound to args (in addition to the bindings it already has). */
    TypeInfo substituting(Map<TypeParam, Type> m) {
        Map<TypeParam, Type> all = new IdentityHashMap<>(targs);
        all.putAll(m);
        return new TypeInfo(info, all);
    }

    /** The type arguments in effect (empty outside generic code). */
    Map<TypeParam, Type> typeArgs() {
        return targs;
    }

    /** t with the type arguments in effect substituted for their type parameters. */
    Type subst(Type t) {
        return Subst.subst(t, targs);
    }

    Signature subst(Signature s) {
        return Subst.substSignature(s, targs);
    }

    /** The type of {@code e}, or null if the checker recorded none. */
    public Type typeOf(Expr e) {
        return subst(info.typeOf(e));
    }

    /** The constant value of {@code e}, or null if it is not a constant. */
    public Value constant(Expr e) {
        Info.TypeAndValue tv = info.typeAndValue(e);
        return tv == null ? null : tv.constant();
    }

    public boolean isType(Expr e) {
        Info.TypeAndValue tv = info.typeAndValue(e);
        return tv != null && tv.isType();
    }

    /** The builtin {@code e} denotes (e.g. the {@code len} in {@code len(x)}), or null. */
    public Builtin.Id builtin(Expr e) {
        Info.TypeAndValue tv = info.typeAndValue(e);
        return tv != null && tv.isBuiltin() ? tv.builtin() : null;
    }

    /** The object {@code id} denotes or declares. */
    public Obj obj(Ident id) {
        return info.objectOf(id);
    }

    public Obj def(Ident id) {
        return info.defs.get(id);
    }

    /** The type arguments of the generic function or type {@code id} instantiates, substituted; null if none. */
    public List<Type> instanceArgs(Ident id) {
        Info.Instance in = info.instances.get(id);
        if (in == null) {
            return null;
        }
        List<Type> out = new ArrayList<>();
        for (Type t : in.typeArgs()) {
            out.add(subst(t));
        }
        return out;
    }
}
