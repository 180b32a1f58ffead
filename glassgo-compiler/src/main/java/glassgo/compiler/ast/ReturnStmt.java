package glassgo.compiler.ast;

import java.util.List;

/** A return statement (go/ast ReturnStmt); Go's field {@code Return} is {@code returnPos}. */
public final class ReturnStmt implements Stmt {
    public final int returnPos;
    public final List<Expr> results;

    /** Computed once: pos() and end() never recurse, however deep the tree (e.g. a+b+...+z). */
    private final int pos;
    private final int end;

    public ReturnStmt(int returnPos, List<Expr> results) {
        this.returnPos = returnPos;
        this.results = List.copyOf(results);
        this.pos = returnPos;
        this.end = results.isEmpty() ? returnPos + 6 : results.get(results.size() - 1).end();
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
