package glassgo.compiler.ast;

/** A send statement {@code chan <- value} (go/ast SendStmt). */
public final class SendStmt implements Stmt {
    public final Expr chan;
    public final int arrow;
    public final Expr value;

    /** Computed once: pos() and end() never recurse, however deep the tree (e.g. a+b+...+z). */
    private final int pos;
    private final int end;

    public SendStmt(Expr chan, int arrow, Expr value) {
        this.chan = chan;
        this.arrow = arrow;
        this.value = value;
        this.pos = chan.pos();
        this.end = value.end();
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
