// TypeInfo: what the checker recorded about each expression and identifier (go/types Info.Types, Defs, Uses),
// read by lowering. Mirrors go/types.Info.
package glassgo.compiler.ir;

import glassgo.compiler.ast.Expr;
import glassgo.compiler.ast.Ident;
import glassgo.compiler.constant.Value;
import glassgo.compiler.types.Builtin;
import glassgo.compiler.types.Checker;
import glassgo.compiler.types.Obj;
import glassgo.compiler.types.Type;

import java.lang.reflect.Field;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The checker keeps these tables package-private and exposes no {@code Info} yet (the types package belongs to
 * another line of work this session), so this adapter reads them reflectively from a finished {@link Checker}.
 * It is the only place that does; when types publishes an Info, this class becomes a thin wrapper over it.
 */
public final class TypeInfo {
    private final Map<Expr, Object> types;
    private final Map<Ident, Obj> uses;
    private final Map<Ident, Obj> defs;
    private static final Field MODE, TYPE, VAL, BUILTIN;

    static {
        try {
            Class<?> op = Class.forName("glassgo.compiler.types.Operand");
            MODE = open(op.getDeclaredField("mode"));
            TYPE = open(op.getDeclaredField("type"));
            VAL = open(op.getDeclaredField("val"));
            BUILTIN = open(op.getDeclaredField("builtin"));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("ir: the checker's Operand no longer has mode/type/val/builtin", e);
        }
    }

    private static Field open(Field f) {
        f.setAccessible(true);
        return f;
    }

    @SuppressWarnings("unchecked")
    public TypeInfo(Checker c) {
        try {
            Class<?> base = Class.forName("glassgo.compiler.types.CheckerBase");
            this.types = (Map<Expr, Object>) open(base.getDeclaredField("types")).get(c);
            this.uses = (Map<Ident, Obj>) open(base.getDeclaredField("uses")).get(c);
            this.defs = (Map<Ident, Obj>) open(base.getDeclaredField("defs")).get(c);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("ir: the checker no longer records types/uses/defs", e);
        }
    }

    private Object operand(Expr e) {
        Object o = types.get(e);
        if (o == null && e instanceof glassgo.compiler.ast.ParenExpr p) {
            return operand(p.x);
        }
        return o;
    }

    private Object get(Field f, Object o) {
        try {
            return o == null ? null : f.get(o);
        } catch (IllegalAccessException ex) {
            throw new IllegalStateException("ir: cannot read the checker's operand", ex);
        }
    }

    /** The type of {@code e}, or null if the checker recorded none. */
    public Type typeOf(Expr e) {
        return (Type) get(TYPE, operand(e));
    }

    /** The constant value of {@code e}, or null if it is not a constant. */
    public Value constant(Expr e) {
        Object o = operand(e);
        return "CONSTANT".equals(String.valueOf(get(MODE, o))) ? (Value) get(VAL, o) : null;
    }

    public boolean isType(Expr e) {
        return "TYPEXPR".equals(String.valueOf(get(MODE, operand(e))));
    }

    /** The builtin {@code e} denotes (e.g. the {@code len} in {@code len(x)}), or null. */
    public Builtin.Id builtin(Expr e) {
        Object o = operand(e);
        return "BUILTIN".equals(String.valueOf(get(MODE, o))) ? (Builtin.Id) get(BUILTIN, o) : null;
    }

    /** The object {@code id} denotes or declares. */
    public Obj obj(Ident id) {
        Obj o = uses.get(id);
        return o != null ? o : defs.get(id);
    }

    public Obj def(Ident id) {
        return defs.get(id);
    }

    /** Every identifier with the object it denotes (uses and definitions). */
    public Map<Ident, Obj> allIdents() {
        IdentityHashMap<Ident, Obj> m = new IdentityHashMap<>(defs);
        m.putAll(uses);
        return m;
    }
}
