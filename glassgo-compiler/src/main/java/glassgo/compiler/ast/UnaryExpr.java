package glassgo.compiler.ast;

import glassgo.compiler.syntax.Token;

/** A unary expression {@code op x}; unary {@code *} is a StarExpr instead; {@code ~T} in constraints is a UnaryExpr with TILDE (go/ast UnaryExpr). */
public final class UnaryExpr implements Expr {
    public final int opPos;
    public final Token op;
    public final Expr x;

    /** Computed once: pos() and end() never recurse, however deep the tree (e.g. a+b+...+z). */
    private final int pos;
    private final int end;

    public UnaryExpr(int opPos, Token op, Expr x) {
        this.opPos = opPos;
        this.op = op;
        this.x = x;
        this.pos = opPos;
        this.end = x.end();
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
