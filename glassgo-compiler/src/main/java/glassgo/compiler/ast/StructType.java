package glassgo.compiler.ast;

/** A struct type (go/ast StructType). */
public final class StructType implements Expr {
    /** position of "struct" */
    public final int struct;
    public final FieldList fields;
    /** true if fields are missing */
    public final boolean incomplete;

    /** Computed once: pos() and end() never recurse, however deep the tree (e.g. a+b+...+z). */
    private final int pos;
    private final int end;

    public StructType(int struct, FieldList fields, boolean incomplete) {
        this.struct = struct;
        this.fields = fields;
        this.incomplete = incomplete;
        this.pos = struct;
        this.end = fields.end();
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
