package glassgo.compiler.ast;

import java.util.List;

/** A braced statement list (go/ast BlockStmt). */
public final class BlockStmt implements Stmt {
    public final int lbrace;
    public final List<Stmt> list;
    /** 0 if missing */
    public final int rbrace;

    /** Computed once: pos() and end() never recurse, however deep the tree (e.g. a+b+...+z). */
    private final int pos;
    private final int end;

    public BlockStmt(int lbrace, List<Stmt> list, int rbrace) {
        this.lbrace = lbrace;
        this.list = List.copyOf(list);
        this.rbrace = rbrace;
        this.pos = lbrace;
        this.end = rbrace != 0 ? rbrace + 1 : !list.isEmpty() ? list.get(list.size() - 1).end() : lbrace + 1;
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
