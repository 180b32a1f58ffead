package glassgo.compiler.types;

/** A variable: local, global, parameter, result, or struct field (go/types {@code Var}). */
public final class Var extends Obj {
    final boolean isField;
    final boolean embedded;
    boolean used;

    public Var(int pos, Package pkg, String name, Type type) {
        this(pos, pkg, name, type, false, false);
    }

    private Var(int pos, Package pkg, String name, Type type, boolean isField, boolean embedded) {
        super(pos, pkg, name, type);
        this.isField = isField;
        this.embedded = embedded;
    }

    public static Var field(int pos, Package pkg, String name, Type type, boolean embedded) {
        return new Var(pos, pkg, name, type, true, embedded);
    }

    public boolean isField() {
        return isField;
    }

    public boolean embedded() {
        return embedded;
    }

    public boolean used() {
        return used;
    }

    public void markUsed() {
        used = true;
    }
}
