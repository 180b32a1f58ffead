package glassgo.compiler.ast;

/** A function literal (go/ast FuncLit). */
public final class FuncLit implements Expr {
    public final FuncType type;
    public final BlockStmt body;

    public FuncLit(FuncType type, BlockStmt body) {
        this.type = type;
        this.body = body;
    }

    @Override
    public int pos() {
        return type.pos();
    }

    @Override
    public int end() {
        return body.end();
    }
}
