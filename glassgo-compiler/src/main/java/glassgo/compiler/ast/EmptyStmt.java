package glassgo.compiler.ast;

/** An empty statement; implicit when the semicolon was inserted (go/ast EmptyStmt). */
public final class EmptyStmt implements Stmt {
    public final int semicolon;
    public final boolean implicit;

    public EmptyStmt(int semicolon, boolean implicit) {
        this.semicolon = semicolon;
        this.implicit = implicit;
    }

    @Override
    public int pos() {
        return semicolon;
    }

    @Override
    public int end() {
        return semicolon + (implicit ? 0 : 1);
    }
}
