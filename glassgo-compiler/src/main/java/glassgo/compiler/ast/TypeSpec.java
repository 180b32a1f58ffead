package glassgo.compiler.ast;

/** A type declaration spec, or an alias when {@code assign} is set (go/ast TypeSpec). */
public final class TypeSpec implements Spec {
    /** null if none */
    public final CommentGroup doc;
    public final Ident name;
    /** null if not generic */
    public final FieldList typeParams;
    /** position of '=' of an alias, 0 otherwise */
    public final int assign;
    public final Expr type;
    /** line comment; null if none */
    public final CommentGroup comment;

    /** Computed once: pos() and end() never recurse, however deep the tree (e.g. a+b+...+z). */
    private final int pos;
    private final int end;

    public TypeSpec(CommentGroup doc, Ident name, FieldList typeParams, int assign, Expr type, CommentGroup comment) {
        this.doc = doc;
        this.name = name;
        this.typeParams = typeParams;
        this.assign = assign;
        this.type = type;
        this.comment = comment;
        this.pos = name.pos();
        this.end = type.end();
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
