package glassgo.compiler.ast;

/** A declaration in a statement list (go/ast DeclStmt). */
public final class DeclStmt implements Stmt {
    public final GenDecl decl;

    /** Computed once: pos() and end() never recurse, however deep the tree (e.g. a+b+...+z). */
    private final int pos;
    private final int end;

    public DeclStmt(GenDecl decl) {
        this.decl = decl;
        this.pos = decl.pos();
        this.end = decl.end();
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
