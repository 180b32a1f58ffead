package glassgo.compiler.ast;

/** An expression followed by one index: {@code x[index]}; also a generic instantiation with one type argument (go/ast IndexExpr). */
public final class IndexExpr implements Expr {
    public final Expr x;
    public final int lbrack;
    public final Expr index;
    public final int rbrack;

    public IndexExpr(Expr x, int lbrack, Expr index, int rbrack) {
        this.x = x;
        this.lbrack = lbrack;
        this.index = index;
        this.rbrack = rbrack;
    }

    @Override
    public int pos() {
        return x.pos();
    }

    @Override
    public int end() {
        return rbrack + 1;
    }
}
