package glassgo.compiler.ast;

/** A placeholder for an expression containing syntax errors (go/ast BadExpr). */
public final class BadExpr implements Expr {
    public final int from;
    public final int to;

    public BadExpr(int from, int to) {
        this.from = from;
        this.to = to;
    }

    @Override
    public int pos() {
        return from;
    }

    @Override
    public int end() {
        return to;
    }
}
