package glassgo.compiler.ast;

import java.util.List;

/** A case of a select statement (go/ast CommClause); Go's field {@code Case} is {@code casePos}. */
public final class CommClause implements Stmt {
    /** position of "case" or "default" */
    public final int casePos;
    /** send or receive statement; null for default */
    public final Stmt comm;
    public final int colon;
    public final List<Stmt> body;

    /** Computed once: pos() and end() never recurse, however deep the tree (e.g. a+b+...+z). */
    private final int pos;
    private final int end;

    public CommClause(int casePos, Stmt comm, int colon, List<Stmt> body) {
        this.casePos = casePos;
        this.comm = comm;
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
