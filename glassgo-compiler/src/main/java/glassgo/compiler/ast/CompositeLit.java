package glassgo.compiler.ast;

import java.util.List;

/** A composite literal (go/ast CompositeLit). */
public final class CompositeLit implements Expr {
    /** literal type; null when elided inside an outer literal */
    public final Expr type;
    public final int lbrace;
    public final List<Expr> elts;
    public final int rbrace;
    /** true if source expressions are missing in the elts list */
    public final boolean incomplete;

    /** Computed once: pos() and end() never recurse, however deep the tree (e.g. a+b+...+z). */
    private final int pos;
    private final int end;

    public CompositeLit(Expr type, int lbrace, List<Expr> elts, int rbrace, boolean incomplete) {
        this.type = type;
        this.lbrace = lbrace;
        this.elts = List.copyOf(elts);
        this.rbrace = rbrace;
        this.incomplete = incomplete;
        this.pos = type != null ? type.pos() : lbrace;
        this.end = rbrace + 1;
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
