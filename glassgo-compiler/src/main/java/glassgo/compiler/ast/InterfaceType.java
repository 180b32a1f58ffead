package glassgo.compiler.ast;

/** An interface type (go/ast InterfaceType). Go's field {@code Interface} is {@code interfacePos} here, {@code interface} being a Java keyword. */
public final class InterfaceType implements Expr {
    /** position of "interface" */
    public final int interfacePos;
    /** methods, embedded interfaces and type-set terms */
    public final FieldList methods;
    public final boolean incomplete;

    /** Computed once: pos() and end() never recurse, however deep the tree (e.g. a+b+...+z). */
    private final int pos;
    private final int end;

    public InterfaceType(int interfacePos, FieldList methods, boolean incomplete) {
        this.interfacePos = interfacePos;
        this.methods = methods;
        this.incomplete = incomplete;
        this.pos = interfacePos;
        this.end = methods.end();
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
