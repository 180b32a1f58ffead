package glassgo.compiler.ast;

/** A labeled statement (go/ast LabeledStmt). */
public final class LabeledStmt implements Stmt {
    public final Ident label;
    public final int colon;
    public final Stmt stmt;

    /** Computed once: pos() and end() never recurse, however deep the tree (e.g. a+b+...+z). */
    private final int pos;
    private final int end;

    public LabeledStmt(Ident label, int colon, Stmt stmt) {
        this.label = label;
        this.colon = colon;
        this.stmt = stmt;
        this.pos = label.pos();
        this.end = stmt.end();
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
