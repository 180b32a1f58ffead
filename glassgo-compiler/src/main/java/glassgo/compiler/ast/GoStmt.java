package glassgo.compiler.ast;

/** A go statement (go/ast GoStmt). */
public final class GoStmt implements Stmt {
    public final int go;
    public final CallExpr call;

    public GoStmt(int go, CallExpr call) {
        this.go = go;
        this.call = call;
    }

    @Override
    public int pos() {
        return go;
    }

    @Override
    public int end() {
        return call.end();
    }
}
