package glassgo.compiler.types;

/** An imported package's name in a file scope (go/types {@code PkgName}). */
public final class PkgName extends Obj {
    final Package imported;
    boolean used;

    public PkgName(int pos, Package pkg, String name, Package imported) {
        super(pos, pkg, name, Universe.INVALID);
        this.imported = imported;
    }

    public Package imported() {
        return imported;
    }

    public boolean used() {
        return used;
    }
}
