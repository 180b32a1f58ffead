package glassgo.compiler.ast;

/** An empty statement; implicit when the semicolon was inserted (go/ast EmptyStmt). */
public final class EmptyStmt implements Stmt {
    public final int semicolon;
    public final boolean implicit;

    /** Computed once: pos() and end() never recurse, however deep the tree (e.g. a+b+...+z). */
    private final int pos;
    private final int end;

    public EmptyStmt(int semicolon, boolean implicit) {
        this.semicolon = semicolon;
        this.implicit = implicit;
        this.pos = semicolon;
        this.end = semicolon + (implicit ? 0 : 1);
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
