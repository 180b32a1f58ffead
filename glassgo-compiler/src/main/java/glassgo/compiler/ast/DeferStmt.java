package glassgo.compiler.ast;

/** A defer statement (go/ast DeferStmt). */
public final class DeferStmt implements Stmt {
    public final int defer;
    public final CallExpr call;

    /** Computed once: pos() and end() never recurse, however deep the tree (e.g. a+b+...+z). */
    private final int pos;
    private final int end;

    public DeferStmt(int defer, CallExpr call) {
        this.defer = defer;
        this.call = call;
        this.pos = defer;
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
