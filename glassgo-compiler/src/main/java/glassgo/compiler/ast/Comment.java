package glassgo.compiler.ast;

/** A single {@code //} or {@code /*} comment (go/ast Comment). */
public final class Comment implements Node {
    /** position of the '/' starting the comment */
    public final int slash;
    /** comment text including the markers, without a trailing newline */
    public final String text;

    public Comment(int slash, String text) {
        this.slash = slash;
        this.text = text;
    }

    @Override
    public int pos() {
        return slash;
    }

    @Override
    public int end() {
        return slash + Ident.utf8Length(text);
    }
}
