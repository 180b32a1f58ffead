package glassgo.compiler.ast;

/** A function or method declaration (go/ast FuncDecl). */
public final class FuncDecl implements Decl {
    /** null if none */
    public final CommentGroup doc;
    /** receiver of a method; null for functions */
    public final FieldList recv;
    public final Ident name;
    /** signature, with type parameters */
    public final FuncType type;
    /** null for an external (assembly or linkname) function */
    public final BlockStmt body;

    /** Computed once: pos() and end() never recurse, however deep the tree (e.g. a+b+...+z). */
    private final int pos;
    private final int end;

    public FuncDecl(CommentGroup doc, FieldList recv, Ident name, FuncType type, BlockStmt body) {
        this.doc = doc;
        this.recv = recv;
        this.name = name;
        this.type = type;
        this.body = body;
        this.pos = type.pos();
        this.end = body != null ? body.end() : type.end();
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
