// Unsupported: a Go feature the compiler cannot lower yet. Reported to the user as
// "glassgo: unsupported: <feature> at file:line:col" with exit status 2, never as a stack trace.
package glassgo.compiler.ir;

public final class Unsupported extends RuntimeException {
    /** The source position (a FileSet pos), or -1 until the lowering of the enclosing node fills it in. */
    public int pos = -1;

    public Unsupported(String feature) {
        super(feature, null, false, false);
    }

    public Unsupported(String feature, int pos) {
        super(feature, null, false, false);
        this.pos = pos;
    }
}
