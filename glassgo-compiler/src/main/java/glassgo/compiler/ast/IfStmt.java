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

    /** Computed once: pos() and end() never recurse, however deep the tree (e.g. a+b+...+z). */
    private final int pos;
    private final int end;

    public IfStmt(int ifPos, Stmt init, Expr cond, BlockStmt body, Stmt elseStmt) {
        this.ifPos = ifPos;
        this.init = init;
        this.cond = cond;
        this.body = body;
        this.elseStmt = elseStmt;
        this.pos = ifPos;
        this.end = elseStmt != null ? elseStmt.end() : body.end();
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
