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

    public FuncType(int func, FieldList typeParams, FieldList params, FieldList results) {
        this.func = func;
        this.typeParams = typeParams;
        this.params = params;
        this.results = results;
    }

    @Override
    public int pos() {
        return func != 0 ? func : typeParams != null ? typeParams.pos() : params.pos();
    }

    @Override
    public int end() {
        return results != null ? results.end() : params.end();
    }
}
