package glassgo.compiler.ast;

/** A for statement without range (go/ast ForStmt); Go's field {@code For} is {@code forPos}. */
public final class ForStmt implements Stmt {
    public final int forPos;
    /** null if none */
    public final Stmt init;
    /** null if none */
    public final Expr cond;
    /** null if none */
    public final Stmt post;
    public final BlockStmt body;

    /** Computed once: pos() and end() never recurse, however deep the tree (e.g. a+b+...+z). */
    private final int pos;
    private final int end;

    public ForStmt(int forPos, Stmt init, Expr cond, Stmt post, BlockStmt body) {
        this.forPos = forPos;
        this.init = init;
        this.cond = cond;
        this.post = post;
        this.body = body;
        this.pos = forPos;
        this.end = body.end();
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
