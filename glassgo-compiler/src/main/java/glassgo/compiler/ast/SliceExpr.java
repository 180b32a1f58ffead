package glassgo.compiler.ast;

/** A slice expression {@code x[low:high]} or {@code x[low:high:max]} (go/ast SliceExpr). */
public final class SliceExpr implements Expr {
    public final Expr x;
    public final int lbrack;
    /** null if absent */
    public final Expr low;
    /** null if absent */
    public final Expr high;
    /** null if absent */
    public final Expr max;
    /** true for the 3-index form */
    public final boolean slice3;
    public final int rbrack;

    public SliceExpr(Expr x, int lbrack, Expr low, Expr high, Expr max, boolean slice3, int rbrack) {
        this.x = x;
        this.lbrack = lbrack;
        this.low = low;
        this.high = high;
        this.max = max;
        this.slice3 = slice3;
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
