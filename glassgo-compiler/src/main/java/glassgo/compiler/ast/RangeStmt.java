package glassgo.compiler.ast;

import glassgo.compiler.syntax.Token;

/** A for statement with a range clause (go/ast RangeStmt); Go's field {@code For} is {@code forPos}. */
public final class RangeStmt implements Stmt {
    public final int forPos;
    /** null if none */
    public final Expr key;
    /** null if none */
    public final Expr value;
    /** position of tok, 0 if key is null */
    public final int tokPos;
    /** ILLEGAL if key is null, else ASSIGN or DEFINE */
    public final Token tok;
    /** position of "range" */
    public final int range;
    /** value to range over */
    public final Expr x;
    public final BlockStmt body;

    /** Computed once: pos() and end() never recurse, however deep the tree (e.g. a+b+...+z). */
    private final int pos;
    private final int end;

    public RangeStmt(int forPos, Expr key, Expr value, int tokPos, Token tok, int range, Expr x, BlockStmt body) {
        this.forPos = forPos;
        this.key = key;
        this.value = value;
        this.tokPos = tokPos;
        this.tok = tok;
        this.range = range;
        this.x = x;
        this.body = body;
        this.pos = forPos;
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
