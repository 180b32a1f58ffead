package glassgo.compiler.ast;

/** A select statement (go/ast SelectStmt). */
public final class SelectStmt implements Stmt {
    public final int select;
    /** CommClauses only */
    public final BlockStmt body;

    /** Computed once: pos() and end() never recurse, however deep the tree (e.g. a+b+...+z). */
    private final int pos;
    private final int end;

    public SelectStmt(int select, BlockStmt body) {
        this.select = select;
        this.body = body;
        this.pos = select;
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
