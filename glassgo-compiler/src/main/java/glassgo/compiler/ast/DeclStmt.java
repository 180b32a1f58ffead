package glassgo.compiler.ast;

/** A declaration in a statement list (go/ast DeclStmt). */
public final class DeclStmt implements Stmt {
    public final GenDecl decl;

    public DeclStmt(GenDecl decl) {
        this.decl = decl;
    }

    @Override
    public int pos() {
        return decl.pos();
    }

    @Override
    public int end() {
        return decl.end();
    }
}
