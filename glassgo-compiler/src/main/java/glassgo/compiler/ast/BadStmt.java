package glassgo.compiler.ast;

/** A placeholder for statements containing syntax errors (go/ast BadStmt). */
public final class BadStmt implements Stmt {
    public final int from;
    public final int to;

    public BadStmt(int from, int to) {
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
