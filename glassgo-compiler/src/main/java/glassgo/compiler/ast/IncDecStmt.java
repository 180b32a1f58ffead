package glassgo.compiler.ast;

import glassgo.compiler.syntax.Token;

/** An increment or decrement statement (go/ast IncDecStmt). */
public final class IncDecStmt implements Stmt {
    public final Expr x;
    public final int tokPos;
    /** INC or DEC */
    public final Token tok;

    /** Computed once: pos() and end() never recurse, however deep the tree (e.g. a+b+...+z). */
    private final int pos;
    private final int end;

    public IncDecStmt(Expr x, int tokPos, Token tok) {
        this.x = x;
        this.tokPos = tokPos;
        this.tok = tok;
        this.pos = x.pos();
        this.end = tokPos + 2;
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
