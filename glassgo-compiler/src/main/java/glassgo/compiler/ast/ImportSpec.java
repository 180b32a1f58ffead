package glassgo.compiler.ast;

/** A single package import (go/ast ImportSpec). */
public final class ImportSpec implements Spec {
    /** null if none */
    public final CommentGroup doc;
    /** local name, "." or "_"; null if none */
    public final Ident name;
    public final BasicLit path;
    /** line comment; null if none */
    public final CommentGroup comment;
    /** end of the spec, overriding path.end() if non-zero */
    public final int endPos;

    /** Computed once: pos() and end() never recurse, however deep the tree (e.g. a+b+...+z). */
    private final int pos;
    private final int end;

    public ImportSpec(CommentGroup doc, Ident name, BasicLit path, CommentGroup comment, int endPos) {
        this.doc = doc;
        this.name = name;
        this.path = path;
        this.comment = comment;
        this.endPos = endPos;
        this.pos = name != null ? name.pos() : path.pos();
        this.end = endPos != 0 ? endPos : path.end();
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
