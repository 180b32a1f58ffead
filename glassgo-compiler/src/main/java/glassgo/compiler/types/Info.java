package glassgo.compiler.types;

import glassgo.compiler.ast.Expr;
import glassgo.compiler.ast.Ident;
import glassgo.compiler.ast.ParenExpr;
import glassgo.compiler.constant.Value;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the checker records about a package's syntax for the phases after it (go/types {@code Info}):
 * the type, mode and constant value of every checked expression, the object each identifier declares
 * or denotes, and, for each use of a generic function or type, the type arguments it was instantiated
 * with. The lowering reads nothing else of the checker; the tables are filled as checking goes and are
 * complete once {@link Checker#checkFiles()} returns.
 */
public final class Info {
    /** An expression's mode, type, constant value (constants only) and builtin (builtins only); go/types TypeAndValue. */
    public record TypeAndValue(OperandMode mode, Type type, Value value, Builtin.Id builtin) {
        public boolean isType() {
            return mode == OperandMode.TYPEXPR;
        }

        public boolean isBuiltin() {
            return mode == OperandMode.BUILTIN;
        }

        /** The constant value, or null when the expression is not a constant. */
        public Value constant() {
            return mode == OperandMode.CONSTANT ? value : null;
        }
    }

    /**
     * The instantiation at an identifier denoting a generic function or type (go/types Instance):
     * its type arguments, explicit or inferred, and the instantiated signature or named type.
     */
    public record Instance(List<Type> typeArgs, Type type) {}

    public final Map<Expr, TypeAndValue> types = new IdentityHashMap<>();
    public final Map<Ident, Obj> defs = new IdentityHashMap<>();
    public final Map<Ident, Obj> uses = new IdentityHashMap<>();
    public final Map<Ident, Instance> instances = new IdentityHashMap<>();

    /** The recorded type and value of e, looking through parentheses the checker did not record. */
    public TypeAndValue typeAndValue(Expr e) {
        TypeAndValue tv = types.get(e);
        while (tv == null && e instanceof ParenExpr p) {
            e = p.x;
            tv = types.get(e);
        }
        return tv;
    }

    /** The type of e, or null if the checker recorded none (go/types Info.TypeOf, for expressions). */
    public Type typeOf(Expr e) {
        TypeAndValue tv = typeAndValue(e);
        return tv == null ? null : tv.type();
    }

    /** The object id denotes, or the one it declares (go/types Info.ObjectOf). */
    public Obj objectOf(Ident id) {
        Obj o = uses.get(id);
        return o != null ? o : defs.get(id);
    }
}
