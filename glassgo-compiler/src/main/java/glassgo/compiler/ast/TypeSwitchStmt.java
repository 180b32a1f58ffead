package glassgo.compiler.ast;

/** A type switch (go/ast TypeSwitchStmt); Go's field {@code Switch} is {@code switchPos}. */
public final class TypeSwitchStmt implements Stmt {
    public final int switchPos;
    /** null if none */
    public final Stmt init;
    /** x := y.(type) or y.(type), as AssignStmt or ExprStmt */
    public final Stmt assign;
    /** CaseClauses only */
    public final BlockStmt body;

    public TypeSwitchStmt(int switchPos, Stmt init, Stmt assign, BlockStmt body) {
        this.switchPos = switchPos;
        this.init = init;
        this.assign = assign;
        this.body = body;
    }

    @Override
    public int pos() {
        return switchPos;
    }

    @Override
    public int end() {
        return body.end();
    }
}
