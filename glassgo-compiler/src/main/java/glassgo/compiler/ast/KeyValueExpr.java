package glassgo.compiler.ast;

/** A {@code key: value} pair in a composite literal (go/ast KeyValueExpr). */
public final class KeyValueExpr implements Expr {
    public final Expr key;
    public final int colon;
    public final Expr value;

    public KeyValueExpr(Expr key, int colon, Expr value) {
        this.key = key;
        this.colon = colon;
        this.value = value;
    }

    @Override
    public int pos() {
        return key.pos();
    }

    @Override
    public int end() {
        return value.end();
    }
}
