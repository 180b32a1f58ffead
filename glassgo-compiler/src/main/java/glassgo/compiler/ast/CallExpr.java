package glassgo.compiler.ast;

import java.util.List;

/** A call or conversion {@code fun(args)} (go/ast CallExpr). */
public final class CallExpr implements Expr {
    public final Expr fun;
    public final int lparen;
    public final List<Expr> args;
    /** position of "..." after the last argument, 0 if none */
    public final int ellipsis;
    public final int rparen;

    /** Computed once: pos() and end() never recurse, however deep the tree (e.g. a+b+...+z). */
    private final int pos;
    private final int end;

    public CallExpr(Expr fun, int lparen, List<Expr> args, int ellipsis, int rparen) {
        this.fun = fun;
        this.lparen = lparen;
        this.args = List.copyOf(args);
        this.ellipsis = ellipsis;
        this.rparen = rparen;
        this.pos = fun.pos();
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
