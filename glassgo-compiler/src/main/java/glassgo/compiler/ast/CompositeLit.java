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

    public CompositeLit(Expr type, int lbrace, List<Expr> elts, int rbrace, boolean incomplete) {
        this.type = type;
        this.lbrace = lbrace;
        this.elts = List.copyOf(elts);
        this.rbrace = rbrace;
        this.incomplete = incomplete;
    }

    @Override
    public int pos() {
        return type != null ? type.pos() : lbrace;
    }

    @Override
    public int end() {
        return rbrace + 1;
    }
}
