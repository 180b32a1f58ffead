package glassgo.compiler.ast;

/** A labeled statement (go/ast LabeledStmt). */
public final class LabeledStmt implements Stmt {
    public final Ident label;
    public final int colon;
    public final Stmt stmt;

    public LabeledStmt(Ident label, int colon, Stmt stmt) {
        this.label = label;
        this.colon = colon;
        this.stmt = stmt;
    }

    @Override
    public int pos() {
        return label.pos();
    }

    @Override
    public int end() {
        return stmt.end();
    }
}
