package glassgo.compiler.ast;

import glassgo.compiler.syntax.Token;

/** A break, continue, goto or fallthrough statement (go/ast BranchStmt). */
public final class BranchStmt implements Stmt {
    public final int tokPos;
    public final Token tok;
    /** null if none */
    public final Ident label;

    /** Computed once: pos() and end() never recurse, however deep the tree (e.g. a+b+...+z). */
    private final int pos;
    private final int end;

    public BranchStmt(int tokPos, Token tok, Ident label) {
        this.tokPos = tokPos;
        this.tok = tok;
        this.label = label;
        this.pos = tokPos;
        this.end = label != null ? label.end() : tokPos + tok.text().length();
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
