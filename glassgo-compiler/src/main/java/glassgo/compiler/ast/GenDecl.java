package glassgo.compiler.ast;

import glassgo.compiler.syntax.Token;
import java.util.List;

/** An import, const, type or var declaration (go/ast GenDecl). */
public final class GenDecl implements Decl {
    /** null if none */
    public final CommentGroup doc;
    public final int tokPos;
    /** IMPORT, CONST, TYPE or VAR */
    public final Token tok;
    /** 0 if not parenthesized */
    public final int lparen;
    public final List<Spec> specs;
    /** 0 if not parenthesized */
    public final int rparen;

    /** Computed once: pos() and end() never recurse, however deep the tree (e.g. a+b+...+z). */
    private final int pos;
    private final int end;

    public GenDecl(CommentGroup doc, int tokPos, Token tok, int lparen, List<Spec> specs, int rparen) {
        this.doc = doc;
        this.tokPos = tokPos;
        this.tok = tok;
        this.lparen = lparen;
        this.specs = List.copyOf(specs);
        this.rparen = rparen;
        this.pos = tokPos;
        this.end = rparen != 0 ? rparen + 1 : !specs.isEmpty() ? specs.get(0).end() : tokPos + tok.text().length();
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
