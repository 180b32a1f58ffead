package glassgo.compiler.ast;

/** An expression switch (go/ast SwitchStmt); Go's field {@code Switch} is {@code switchPos}. */
public final class SwitchStmt implements Stmt {
    public final int switchPos;
    /** null if none */
    public final Stmt init;
    /** null if none */
    public final Expr tag;
    /** CaseClauses only */
    public final BlockStmt body;

    /** Computed once: pos() and end() never recurse, however deep the tree (e.g. a+b+...+z). */
    private final int pos;
    private final int end;

    public SwitchStmt(int switchPos, Stmt init, Expr tag, BlockStmt body) {
        this.switchPos = switchPos;
        this.init = init;
        this.tag = tag;
        this.body = body;
        this.pos = switchPos;
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
