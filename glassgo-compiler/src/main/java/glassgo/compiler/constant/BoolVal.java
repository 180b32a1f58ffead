// go/constant's boolVal.
package glassgo.compiler.constant;

/** A boolean constant. */
record BoolVal(boolean value) implements Value {
    static final BoolVal TRUE = new BoolVal(true);
    static final BoolVal FALSE = new BoolVal(false);

    static BoolVal of(boolean b) {
        return b ? TRUE : FALSE;
    }

    @Override
    public Kind kind() {
        return Kind.BOOL;
    }

    @Override
    public String toString() {
        return Boolean.toString(value);
    }

    @Override
    public String exactString() {
        return toString();
    }
}
