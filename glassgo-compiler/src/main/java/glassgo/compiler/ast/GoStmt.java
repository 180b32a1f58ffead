package glassgo.compiler.ast;

/** A go statement (go/ast GoStmt). */
public final class GoStmt implements Stmt {
    public final int go;
    public final CallExpr call;

    /** Computed once: pos() and end() never recurse, however deep the tree (e.g. a+b+...+z). */
    private final int pos;
    private final int end;

    public GoStmt(int go, CallExpr call) {
        this.go = go;
        this.call = call;
        this.pos = go;
        this.end = call.end();
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
