package glassgo.compiler.ast;

import java.util.List;

/** A field in a struct, a parameter or result, a method or embedded element of an interface, or a type parameter (go/ast Field). */
public final class Field implements Node {
    /** null if none */
    public final CommentGroup doc;
    /** empty for an anonymous or embedded field */
    public final List<Ident> names;
    /** null only in malformed input */
    public final Expr type;
    /** struct tag; null if none */
    public final BasicLit tag;
    /** line comment; null if none */
    public final CommentGroup comment;

    /** Computed once: pos() and end() never recurse, however deep the tree (e.g. a+b+...+z). */
    private final int pos;
    private final int end;

    public Field(CommentGroup doc, List<Ident> names, Expr type, BasicLit tag, CommentGroup comment) {
        this.doc = doc;
        this.names = List.copyOf(names);
        this.type = type;
        this.tag = tag;
        this.comment = comment;
        this.pos = !names.isEmpty() ? names.get(0).pos() : type != null ? type.pos() : 0;
        this.end = tag != null ? tag.end() : type != null ? type.end() : !names.isEmpty() ? names.get(names.size() - 1).end() : 0;
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
