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

    public ImportSpec(CommentGroup doc, Ident name, BasicLit path, CommentGroup comment, int endPos) {
        this.doc = doc;
        this.name = name;
        this.path = path;
        this.comment = comment;
        this.endPos = endPos;
    }

    @Override
    public int pos() {
        return name != null ? name.pos() : path.pos();
    }

    @Override
    public int end() {
        return endPos != 0 ? endPos : path.end();
    }
}
