package glassgo.compiler.ast;

/** An expression followed by a selector: {@code x.sel} (go/ast SelectorExpr). */
public final class SelectorExpr implements Expr {
    public final Expr x;
    public final Ident sel;

    public SelectorExpr(Expr x, Ident sel) {
        this.x = x;
        this.sel = sel;
    }

    @Override
    public int pos() {
        return x.pos();
    }

    @Override
    public int end() {
        return sel.end();
    }
}
