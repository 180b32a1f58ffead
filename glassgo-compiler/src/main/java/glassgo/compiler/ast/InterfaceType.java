package glassgo.compiler.ast;

/** An interface type (go/ast InterfaceType). Go's field {@code Interface} is {@code interfacePos} here, {@code interface} being a Java keyword. */
public final class InterfaceType implements Expr {
    /** position of "interface" */
    public final int interfacePos;
    /** methods, embedded interfaces and type-set terms */
    public final FieldList methods;
    public final boolean incomplete;

    public InterfaceType(int interfacePos, FieldList methods, boolean incomplete) {
        this.interfacePos = interfacePos;
        this.methods = methods;
        this.incomplete = incomplete;
    }

    @Override
    public int pos() {
        return interfacePos;
    }

    @Override
    public int end() {
        return methods.end();
    }
}
