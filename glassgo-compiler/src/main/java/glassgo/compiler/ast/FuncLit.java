package glassgo.compiler.ast;

/** A function literal (go/ast FuncLit). */
public final class FuncLit implements Expr {
    public final FuncType type;
    public final BlockStmt body;

    /** Computed once: pos() and end() never recurse, however deep the tree (e.g. a+b+...+z). */
    private final int pos;
    private final int end;

    public FuncLit(FuncType type, BlockStmt body) {
        this.type = type;
        this.body = body;
        this.pos = type.pos();
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
