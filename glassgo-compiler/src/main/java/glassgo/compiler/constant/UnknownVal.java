// go/constant's unknownVal: the value of an erroneous constant expression.
package glassgo.compiler.constant;

/** The Unknown value: what an invalid or overflowing operation yields, so one error is reported once. */
record UnknownVal() implements Value {
    static final UnknownVal INSTANCE = new UnknownVal();

    @Override
    public Kind kind() {
        return Kind.UNKNOWN;
    }

    @Override
    public String toString() {
        return "unknown";
    }

    @Override
    public String exactString() {
        return toString();
    }
}
