package glassgo.compiler.ast;

/** A select statement (go/ast SelectStmt). */
public final class SelectStmt implements Stmt {
    public final int select;
    /** CommClauses only */
    public final BlockStmt body;

    public SelectStmt(int select, BlockStmt body) {
        this.select = select;
        this.body = body;
    }

    @Override
    public int pos() {
        return select;
    }

    @Override
    public int end() {
        return body.end();
    }
}
