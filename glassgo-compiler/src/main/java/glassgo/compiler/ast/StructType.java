package glassgo.compiler.ast;

/** A struct type (go/ast StructType). */
public final class StructType implements Expr {
    /** position of "struct" */
    public final int struct;
    public final FieldList fields;
    /** true if fields are missing */
    public final boolean incomplete;

    public StructType(int struct, FieldList fields, boolean incomplete) {
        this.struct = struct;
        this.fields = fields;
        this.incomplete = incomplete;
    }

    @Override
    public int pos() {
        return struct;
    }

    @Override
    public int end() {
        return fields.end();
    }
}
