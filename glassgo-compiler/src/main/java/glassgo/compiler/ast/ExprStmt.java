package glassgo.compiler.ast;

/** An expression standing alone as a statement (go/ast ExprStmt). */
public final class ExprStmt implements Stmt {
    public final Expr x;

    /** Computed once: pos() and end() never recurse, however deep the tree (e.g. a+b+...+z). */
    private final int pos;
    private final int end;

    public ExprStmt(Expr x) {
        this.x = x;
        this.pos = x.pos();
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
