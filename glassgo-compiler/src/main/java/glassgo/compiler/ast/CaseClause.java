package glassgo.compiler.ast;

import java.util.List;

/** A case of an expression or type switch (go/ast CaseClause); Go's field {@code Case} is {@code casePos}. */
public final class CaseClause implements Stmt {
    /** position of "case" or "default" */
    public final int casePos;
    /** expressions or types; empty for default */
    public final List<Expr> list;
    public final int colon;
    public final List<Stmt> body;

    /** Computed once: pos() and end() never recurse, however deep the tree (e.g. a+b+...+z). */
    private final int pos;
    private final int end;

    public CaseClause(int casePos, List<Expr> list, int colon, List<Stmt> body) {
        this.casePos = casePos;
        this.list = List.copyOf(list);
        this.colon = colon;
        this.body = List.copyOf(body);
        this.pos = casePos;
        this.end = body.isEmpty() ? colon + 1 : body.get(body.size() - 1).end();
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
