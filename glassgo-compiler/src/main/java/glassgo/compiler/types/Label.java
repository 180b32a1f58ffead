package glassgo.compiler.types;

/** A statement label (go/types {@code Label}). */
public final class Label extends Obj {
    boolean used;

    public Label(int pos, Package pkg, String name) {
        super(pos, pkg, name, Universe.INVALID);
    }
}
