package glassgo.compiler.ast;

/** A send statement {@code chan <- value} (go/ast SendStmt). */
public final class SendStmt implements Stmt {
    public final Expr chan;
    public final int arrow;
    public final Expr value;

    public SendStmt(Expr chan, int arrow, Expr value) {
        this.chan = chan;
        this.arrow = arrow;
        this.value = value;
    }

    @Override
    public int pos() {
        return chan.pos();
    }

    @Override
    public int end() {
        return value.end();
    }
}
