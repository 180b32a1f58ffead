package glassgo.compiler.ast;

/** A type assertion {@code x.(T)}, or {@code x.(type)} in a type switch where {@code type} is null (go/ast TypeAssertExpr). */
public final class TypeAssertExpr implements Expr {
    public final Expr x;
    public final int lparen;
    /** asserted type; null means x.(type) */
    public final Expr type;
    public final int rparen;

    public TypeAssertExpr(Expr x, int lparen, Expr type, int rparen) {
        this.x = x;
        this.lparen = lparen;
        this.type = type;
        this.rparen = rparen;
    }

    @Override
    public int pos() {
        return x.pos();
    }

    @Override
    public int end() {
        return rparen + 1;
    }
}
