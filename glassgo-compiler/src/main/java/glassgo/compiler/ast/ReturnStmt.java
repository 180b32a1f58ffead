package glassgo.compiler.ast;

import java.util.List;

/** A return statement (go/ast ReturnStmt); Go's field {@code Return} is {@code returnPos}. */
public final class ReturnStmt implements Stmt {
    public final int returnPos;
    public final List<Expr> results;

    public ReturnStmt(int returnPos, List<Expr> results) {
        this.returnPos = returnPos;
        this.results = List.copyOf(results);
    }

    @Override
    public int pos() {
        return returnPos;
    }

    @Override
    public int end() {
        return results.isEmpty() ? returnPos + 6 : results.get(results.size() - 1).end();
    }
}
