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

    public TypeSpec(CommentGroup doc, Ident name, FieldList typeParams, int assign, Expr type, CommentGroup comment) {
        this.doc = doc;
        this.name = name;
        this.typeParams = typeParams;
        this.assign = assign;
        this.type = type;
        this.comment = comment;
    }

    @Override
    public int pos() {
        return name.pos();
    }

    @Override
    public int end() {
        return type.end();
    }
}
