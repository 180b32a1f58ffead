package glassgo.compiler.ast;

/** An array type {@code [len]elt} or a slice type {@code []elt} (go/ast ArrayType). */
public final class ArrayType implements Expr {
    public final int lbrack;
    /** null for slice types, Ellipsis for [...]T */
    public final Expr len;
    public final Expr elt;

    /** Computed once: pos() and end() never recurse, however deep the tree (e.g. a+b+...+z). */
    private final int pos;
    private final int end;

    public ArrayType(int lbrack, Expr len, Expr elt) {
        this.lbrack = lbrack;
        this.len = len;
        this.elt = elt;
        this.pos = lbrack;
        this.end = elt.end();
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
