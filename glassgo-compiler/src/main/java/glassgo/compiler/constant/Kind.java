// The kinds of constant values, as go/constant.Kind.
package glassgo.compiler.constant;

/** What a {@link Value} holds; the numeric kinds are ordered INT &lt; FLOAT &lt; COMPLEX as in Go. */
public enum Kind {
    UNKNOWN, BOOL, STRING, INT, FLOAT, COMPLEX;

    public boolean isNumeric() {
        return this == INT || this == FLOAT || this == COMPLEX;
    }
}
