package glassgo.compiler.ast;

/** A parenthesized expression (go/ast ParenExpr). */
public final class ParenExpr implements Expr {
    public final int lparen;
    public final Expr x;
    public final int rparen;

    public ParenExpr(int lparen, Expr x, int rparen) {
        this.lparen = lparen;
        this.x = x;
        this.rparen = rparen;
    }

    @Override
    public int pos() {
        return lparen;
    }

    @Override
    public int end() {
        return rparen + 1;
    }
}
