package glassgo.compiler.ast;

/** A channel type (go/ast ChanType). */
public final class ChanType implements Expr {
    /** position of "chan" or of "<-", whichever comes first */
    public final int begin;
    /** position of "<-", 0 if none */
    public final int arrow;
    public final ChanDir dir;
    /** element type */
    public final Expr value;

    public ChanType(int begin, int arrow, ChanDir dir, Expr value) {
        this.begin = begin;
        this.arrow = arrow;
        this.dir = dir;
        this.value = value;
    }

    @Override
    public int pos() {
        return begin;
    }

    @Override
    public int end() {
        return value.end();
    }
}
