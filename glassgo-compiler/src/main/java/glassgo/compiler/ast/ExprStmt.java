package glassgo.compiler.ast;

/** An expression standing alone as a statement (go/ast ExprStmt). */
public final class ExprStmt implements Stmt {
    public final Expr x;

    public ExprStmt(Expr x) {
        this.x = x;
    }

    @Override
    public int pos() {
        return x.pos();
    }

    @Override
    public int end() {
        return x.end();
    }
}
