package glassgo.compiler.ast;

/** A {@code key: value} pair in a composite literal (go/ast KeyValueExpr). */
public final class KeyValueExpr implements Expr {
    public final Expr key;
    public final int colon;
    public final Expr value;

    /** Computed once: pos() and end() never recurse, however deep the tree (e.g. a+b+...+z). */
    private final int pos;
    private final int end;

    public KeyValueExpr(Expr key, int colon, Expr value) {
        this.key = key;
        this.colon = colon;
        this.value = value;
        this.pos = key.pos();
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
