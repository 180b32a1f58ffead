package glassgo.compiler.ast;

/** A pointer type or an indirection {@code *x} (go/ast StarExpr). */
public final class StarExpr implements Expr {
    public final int star;
    public final Expr x;

    public StarExpr(int star, Expr x) {
        this.star = star;
        this.x = x;
    }

    @Override
    public int pos() {
        return star;
    }

    @Override
    public int end() {
        return x.end();
    }
}
