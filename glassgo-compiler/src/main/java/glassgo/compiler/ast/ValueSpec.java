package glassgo.compiler.ast;

import java.util.List;

/** A constant or variable declaration spec (go/ast ValueSpec). */
public final class ValueSpec implements Spec {
    /** null if none */
    public final CommentGroup doc;
    public final List<Ident> names;
    /** null if none */
    public final Expr type;
    public final List<Expr> values;
    /** line comment; null if none */
    public final CommentGroup comment;

    /** Computed once: pos() and end() never recurse, however deep the tree (e.g. a+b+...+z). */
    private final int pos;
    private final int end;

    public ValueSpec(CommentGroup doc, List<Ident> names, Expr type, List<Expr> values, CommentGroup comment) {
        this.doc = doc;
        this.names = List.copyOf(names);
        this.type = type;
        this.values = List.copyOf(values);
        this.comment = comment;
        this.pos = names.get(0).pos();
        this.end = !values.isEmpty() ? values.get(values.size() - 1).end() : type != null ? type.end() : names.get(names.size() - 1).end();
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
