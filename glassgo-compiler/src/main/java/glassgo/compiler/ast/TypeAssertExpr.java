package glassgo.compiler.ast;

/** A type assertion {@code x.(T)}, or {@code x.(type)} in a type switch where {@code type} is null (go/ast TypeAssertExpr). */
public final class TypeAssertExpr implements Expr {
    public final Expr x;
    public final int lparen;
    /** asserted type; null means x.(type) */
    public final Expr type;
    public final int rparen;

    /** Computed once: pos() and end() never recurse, however deep the tree (e.g. a+b+...+z). */
    private final int pos;
    private final int end;

    public TypeAssertExpr(Expr x, int lparen, Expr type, int rparen) {
        this.x = x;
        this.lparen = lparen;
        this.type = type;
        this.rparen = rparen;
        this.pos = x.pos();
        this.end = rparen + 1;
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
