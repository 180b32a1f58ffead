// go/constant's complexVal.
package glassgo.compiler.constant;

/** A complex constant; re and im are Int or Float values (never Unknown). */
record ComplexVal(Value re, Value im) implements Value {

    @Override
    public Kind kind() {
        return Kind.COMPLEX;
    }

    @Override
    public String toString() {
        return "(" + re + " + " + im + "i)";
    }

    @Override
    public String exactString() {
        return "(" + re.exactString() + " + " + im.exactString() + "i)";
    }
}
