package glassgo.compiler.ast;

/** A map type (go/ast MapType). */
public final class MapType implements Expr {
    public final int map;
    public final Expr key;
    public final Expr value;

    /** Computed once: pos() and end() never recurse, however deep the tree (e.g. a+b+...+z). */
    private final int pos;
    private final int end;

    public MapType(int map, Expr key, Expr value) {
        this.map = map;
        this.key = key;
        this.value = value;
        this.pos = map;
        this.end = value.end();
    }

    @Override
    public int pos() {
        return pos;
    }

    @Override
    public int end() {
        return end;
    }
}
