package glassgo.compiler.ast;

/** An array type {@code [len]elt} or a slice type {@code []elt} (go/ast ArrayType). */
public final class ArrayType implements Expr {
    public final int lbrack;
    /** null for slice types, Ellipsis for [...]T */
    public final Expr len;
    public final Expr elt;

    public ArrayType(int lbrack, Expr len, Expr elt) {
        this.lbrack = lbrack;
        this.len = len;
        this.elt = elt;
    }

    @Override
    public int pos() {
        return lbrack;
    }

    @Override
    public int end() {
        return elt.end();
    }
}
