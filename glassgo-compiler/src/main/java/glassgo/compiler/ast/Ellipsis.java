package glassgo.compiler.ast;

/** The {@code ...} of a variadic parameter type or of an array literal's length {@code [...]T} (go/ast Ellipsis). */
public final class Ellipsis implements Expr {
    /** position of the "..." */
    public final int ellipsis;
    /** element type of a variadic parameter; null for [...]T */
    public final Expr elt;

    /** Computed once: pos() and end() never recurse, however deep the tree (e.g. a+b+...+z). */
    private final int pos;
    private final int end;

    public Ellipsis(int ellipsis, Expr elt) {
        this.ellipsis = ellipsis;
        this.elt = elt;
        this.pos = ellipsis;
        this.end = elt != null ? elt.end() : ellipsis + 3;
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
