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

    public ValueSpec(CommentGroup doc, List<Ident> names, Expr type, List<Expr> values, CommentGroup comment) {
        this.doc = doc;
        this.names = List.copyOf(names);
        this.type = type;
        this.values = List.copyOf(values);
        this.comment = comment;
    }

    @Override
    public int pos() {
        return names.get(0).pos();
    }

    @Override
    public int end() {
        return !values.isEmpty() ? values.get(values.size() - 1).end() : type != null ? type.end() : names.get(names.size() - 1).end();
    }
}
