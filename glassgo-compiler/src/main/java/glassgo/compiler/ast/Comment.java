package glassgo.compiler.ast;

/** A single {@code //} or {@code /*} comment (go/ast Comment). */
public final class Comment implements Node {
    /** position of the '/' starting the comment */
    public final int slash;
    /** comment text including the markers, without a trailing newline */
    public final String text;

    /** Computed once: pos() and end() never recurse, however deep the tree (e.g. a+b+...+z). */
    private final int pos;
    private final int end;

    public Comment(int slash, String text) {
        this.slash = slash;
        this.text = text;
        this.pos = slash;
        this.end = slash + Ident.utf8Length(text);
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
