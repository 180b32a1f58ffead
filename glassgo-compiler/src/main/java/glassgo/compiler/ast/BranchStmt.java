package glassgo.compiler.ast;

import glassgo.compiler.syntax.Token;

/** A break, continue, goto or fallthrough statement (go/ast BranchStmt). */
public final class BranchStmt implements Stmt {
    public final int tokPos;
    public final Token tok;
    /** null if none */
    public final Ident label;

    public BranchStmt(int tokPos, Token tok, Ident label) {
        this.tokPos = tokPos;
        this.tok = tok;
        this.label = label;
    }

    @Override
    public int pos() {
        return tokPos;
    }

    @Override
    public int end() {
        return label != null ? label.end() : tokPos + tok.text().length();
    }
}
