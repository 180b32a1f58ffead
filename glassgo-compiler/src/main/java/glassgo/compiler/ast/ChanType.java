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

    /** Computed once: pos() and end() never recurse, however deep the tree (e.g. a+b+...+z). */
    private final int pos;
    private final int end;

    public ChanType(int begin, int arrow, ChanDir dir, Expr value) {
        this.begin = begin;
        this.arrow = arrow;
        this.dir = dir;
        this.value = value;
        this.pos = begin;
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
