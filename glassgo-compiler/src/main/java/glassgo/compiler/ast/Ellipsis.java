package glassgo.compiler.ast;

/** The {@code ...} of a variadic parameter type or of an array literal's length {@code [...]T} (go/ast Ellipsis). */
public final class Ellipsis implements Expr {
    /** position of the "..." */
    public final int ellipsis;
    /** element type of a variadic parameter; null for [...]T */
    public final Expr elt;

    public Ellipsis(int ellipsis, Expr elt) {
        this.ellipsis = ellipsis;
        this.elt = elt;
    }

    @Override
    public int pos() {
        return ellipsis;
    }

    @Override
    public int end() {
        return elt != null ? elt.end() : ellipsis + 3;
    }
}
