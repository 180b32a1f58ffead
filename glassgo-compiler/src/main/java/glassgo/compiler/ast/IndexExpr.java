package glassgo.compiler.ast;

/** An expression followed by one index: {@code x[index]}; also a generic instantiation with one type argument (go/ast IndexExpr). */
public final class IndexExpr implements Expr {
    public final Expr x;
    public final int lbrack;
    public final Expr index;
    public final int rbrack;

    /** Computed once: pos() and end() never recurse, however deep the tree (e.g. a+b+...+z). */
    private final int pos;
    private final int end;

    public IndexExpr(Expr x, int lbrack, Expr index, int rbrack) {
        this.x = x;
        this.lbrack = lbrack;
        this.index = index;
        this.rbrack = rbrack;
        this.pos = x.pos();
        this.end = rbrack + 1;
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
