package glassgo.compiler.ast;

import glassgo.compiler.syntax.Token;

/** A binary expression {@code x op y}; also {@code A | B} in constraints (go/ast BinaryExpr). */
public final class BinaryExpr implements Expr {
    public final Expr x;
    public final int opPos;
    public final Token op;
    public final Expr y;

    /** Computed once: pos() and end() never recurse, however deep the tree (e.g. a+b+...+z). */
    private final int pos;
    private final int end;

    public BinaryExpr(Expr x, int opPos, Token op, Expr y) {
        this.x = x;
        this.opPos = opPos;
        this.op = op;
        this.y = y;
        this.pos = x.pos();
        this.end = y.end();
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
