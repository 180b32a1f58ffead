package glassgo.compiler.ast;

/** A pointer type or an indirection {@code *x} (go/ast StarExpr). */
public final class StarExpr implements Expr {
    public final int star;
    public final Expr x;

    /** Computed once: pos() and end() never recurse, however deep the tree (e.g. a+b+...+z). */
    private final int pos;
    private final int end;

    public StarExpr(int star, Expr x) {
        this.star = star;
        this.x = x;
        this.pos = star;
        this.end = x.end();
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
