package glassgo.compiler.ast;

import glassgo.compiler.syntax.Token;

/** An increment or decrement statement (go/ast IncDecStmt). */
public final class IncDecStmt implements Stmt {
    public final Expr x;
    public final int tokPos;
    /** INC or DEC */
    public final Token tok;

    public IncDecStmt(Expr x, int tokPos, Token tok) {
        this.x = x;
        this.tokPos = tokPos;
        this.tok = tok;
    }

    @Override
    public int pos() {
        return x.pos();
    }

    @Override
    public int end() {
        return tokPos + 2;
    }
}
