package glassgo.compiler.ast;

import glassgo.compiler.syntax.Token;
import java.util.List;

/** An assignment or short variable declaration (go/ast AssignStmt). */
public final class AssignStmt implements Stmt {
    public final List<Expr> lhs;
    public final int tokPos;
    /** ASSIGN, DEFINE or an op-assign such as ADD_ASSIGN */
    public final Token tok;
    public final List<Expr> rhs;

    /** Computed once: pos() and end() never recurse, however deep the tree (e.g. a+b+...+z). */
    private final int pos;
    private final int end;

    public AssignStmt(List<Expr> lhs, int tokPos, Token tok, List<Expr> rhs) {
        this.lhs = List.copyOf(lhs);
        this.tokPos = tokPos;
        this.tok = tok;
        this.rhs = List.copyOf(rhs);
        this.pos = lhs.get(0).pos();
        this.end = rhs.get(rhs.size() - 1).end();
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
