package glassgo.compiler.ast;

/** A function type: a signature, with type parameters for generic functions (go/ast FuncType). */
public final class FuncType implements Expr {
    /** position of "func", 0 in a method of an interface or in a FuncDecl without "func" */
    public final int func;
    /** null if not generic */
    public final FieldList typeParams;
    public final FieldList params;
    /** null if none */
    public final FieldList results;

    /** Computed once: pos() and end() never recurse, however deep the tree (e.g. a+b+...+z). */
    private final int pos;
    private final int end;

    public FuncType(int func, FieldList typeParams, FieldList params, FieldList results) {
        this.func = func;
        this.typeParams = typeParams;
        this.params = params;
        this.results = results;
        this.pos = func != 0 ? func : typeParams != null ? typeParams.pos() : params.pos();
        this.end = results != null ? results.end() : params.end();
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
