package glassgo.compiler.types;

/** A declared type name, alias, or type parameter name (go/types {@code TypeName}). */
public final class TypeName extends Obj {
    boolean alias;

    public TypeName(int pos, Package pkg, String name, Type type) {
        super(pos, pkg, name, type);
    }

    public boolean isAlias() {
        return alias;
    }

    public void setAlias(boolean alias) {
        this.alias = alias;
    }
}
