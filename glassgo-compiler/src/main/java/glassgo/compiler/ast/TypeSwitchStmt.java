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

    /** Computed once: pos() and end() never recurse, however deep the tree (e.g. a+b+...+z). */
    private final int pos;
    private final int end;

    public TypeSwitchStmt(int switchPos, Stmt init, Stmt assign, BlockStmt body) {
        this.switchPos = switchPos;
        this.init = init;
        this.assign = assign;
        this.body = body;
        this.pos = switchPos;
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
