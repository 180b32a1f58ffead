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

    public SwitchStmt(int switchPos, Stmt init, Expr tag, BlockStmt body) {
        this.switchPos = switchPos;
        this.init = init;
        this.tag = tag;
        this.body = body;
    }

    @Override
    public int pos() {
        return switchPos;
    }

    @Override
    public int end() {
        return body.end();
    }
}
