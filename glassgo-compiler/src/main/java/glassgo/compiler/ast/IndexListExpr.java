package glassgo.compiler.ast;

import java.util.List;

/** A generic instantiation with two or more type arguments: {@code x[A, B]} (go/ast IndexListExpr). */
public final class IndexListExpr implements Expr {
    public final Expr x;
    public final int lbrack;
    public final List<Expr> indices;
    public final int rbrack;

    /** Computed once: pos() and end() never recurse, however deep the tree (e.g. a+b+...+z). */
    private final int pos;
    private final int end;

    public IndexListExpr(Expr x, int lbrack, List<Expr> indices, int rbrack) {
        this.x = x;
        this.lbrack = lbrack;
        this.indices = List.copyOf(indices);
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
