package glassgo.compiler.types;

/**
 * A type parameter (go/types {@code TypeParam}): its type name, index in its list, and constraint.
 * Its underlying type is the constraint's underlying interface, as in go/types.
 */
public final class TypeParam implements Type {
    private static int nextId = 0;

    private final int id;
    final TypeName obj;
    int index;
    Type bound;

    public TypeParam(TypeName obj, Type bound) {
        synchronized (TypeParam.class) {
            this.id = ++nextId;
        }
        this.obj = obj;
        this.bound = bound;
        if (obj != null && obj.type == null) {
            obj.type = this;
        }
    }

    public TypeName obj() {
        return obj;
    }

    public int index() {
        return index;
    }

    public Type constraint() {
        return bound;
    }

    public void setConstraint(Type bound) {
        this.bound = bound;
    }

    /** The constraint as an interface (a non-interface constraint was already an error). */
    public Interface iface() {
        if (bound != null && bound.underlying() instanceof Interface i) {
            return i;
        }
        return Interface.EMPTY;
    }

    public int id() {
        return id;
    }

    @Override
    public Type underlying() {
        return iface();
    }

    @Override
    public String toString() {
        return obj.name();
    }
}
