package glassgo.compiler.ast;

/** A defer statement (go/ast DeferStmt). */
public final class DeferStmt implements Stmt {
    public final int defer;
    public final CallExpr call;

    public DeferStmt(int defer, CallExpr call) {
        this.defer = defer;
        this.call = call;
    }

    @Override
    public int pos() {
        return defer;
    }

    @Override
    public int end() {
        return call.end();
    }
}
