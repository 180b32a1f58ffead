package glassgo.compiler.ast;

import java.util.List;

/** A braced statement list (go/ast BlockStmt). */
public final class BlockStmt implements Stmt {
    public final int lbrace;
    public final List<Stmt> list;
    /** 0 if missing */
    public final int rbrace;

    public BlockStmt(int lbrace, List<Stmt> list, int rbrace) {
        this.lbrace = lbrace;
        this.list = List.copyOf(list);
        this.rbrace = rbrace;
    }

    @Override
    public int pos() {
        return lbrace;
    }

    @Override
    public int end() {
        return rbrace != 0 ? rbrace + 1 : !list.isEmpty() ? list.get(list.size() - 1).end() : lbrace + 1;
    }
}
