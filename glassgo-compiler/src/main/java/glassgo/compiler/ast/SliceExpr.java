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

    /** Computed once: pos() and end() never recurse, however deep the tree (e.g. a+b+...+z). */
    private final int pos;
    private final int end;

    public SliceExpr(Expr x, int lbrack, Expr low, Expr high, Expr max, boolean slice3, int rbrack) {
        this.x = x;
        this.lbrack = lbrack;
        this.low = low;
        this.high = high;
        this.max = max;
        this.slice3 = slice3;
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
