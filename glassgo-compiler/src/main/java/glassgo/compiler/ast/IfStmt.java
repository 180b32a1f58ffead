package glassgo.compiler.ast;

/** An if statement (go/ast IfStmt); Go's fields {@code If} and {@code Else} are {@code ifPos} and {@code elseStmt}. */
public final class IfStmt implements Stmt {
    public final int ifPos;
    /** null if none */
    public final Stmt init;
    public final Expr cond;
    public final BlockStmt body;
    /** an IfStmt or BlockStmt; null if none */
    public final Stmt elseStmt;

    public IfStmt(int ifPos, Stmt init, Expr cond, BlockStmt body, Stmt elseStmt) {
        this.ifPos = ifPos;
        this.init = init;
        this.cond = cond;
        this.body = body;
        this.elseStmt = elseStmt;
    }

    @Override
    public int pos() {
        return ifPos;
    }

    @Override
    public int end() {
        return elseStmt != null ? elseStmt.end() : body.end();
    }
}
