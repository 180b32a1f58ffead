package glassgo.compiler.ast;

/** A map type (go/ast MapType). */
public final class MapType implements Expr {
    public final int map;
    public final Expr key;
    public final Expr value;

    public MapType(int map, Expr key, Expr value) {
        this.map = map;
        this.key = key;
        this.value = value;
    }

    @Override
    public int pos() {
        return map;
    }

    @Override
    public int end() {
        return value.end();
    }
}
