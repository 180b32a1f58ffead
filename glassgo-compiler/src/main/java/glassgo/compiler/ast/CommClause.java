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

    public CommClause(int casePos, Stmt comm, int colon, List<Stmt> body) {
        this.casePos = casePos;
        this.comm = comm;
        this.colon = colon;
        this.body = List.copyOf(body);
    }

    @Override
    public int pos() {
        return casePos;
    }

    @Override
    public int end() {
        return body.isEmpty() ? colon + 1 : body.get(body.size() - 1).end();
    }
}
