package glassgo.compiler.ast;

/** An expression followed by a selector: {@code x.sel} (go/ast SelectorExpr). */
public final class SelectorExpr implements Expr {
    public final Expr x;
    public final Ident sel;

    /** Computed once: pos() and end() never recurse, however deep the tree (e.g. a+b+...+z). */
    private final int pos;
    private final int end;

    public SelectorExpr(Expr x, Ident sel) {
        this.x = x;
        this.sel = sel;
        this.pos = x.pos();
        this.end = sel.end();
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
