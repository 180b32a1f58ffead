// SpanClass: size class plus the noscan bit, Go's spanClass (runtime/mheap.go).
package glassgo.runtime.malloc;

/** {@code spanClass = sizeclass << 1 | noscan}: 136 values; classes 0/1 hold large objects. */
public final class SpanClass {
    public static final int NUM_SPAN_CLASSES = SizeClasses.NUM_SIZE_CLASSES << 1;
    /** The span class of tiny blocks: class 2 (16 bytes), noscan. */
    public static final int TINY_SPAN_CLASS = make(SizeClasses.TINY_SIZE_CLASS, true);

    private SpanClass() {}

    public static int make(int sizeclass, boolean noscan) {
        return sizeclass << 1 | (noscan ? 1 : 0);
    }

    public static int sizeclass(int spc) {
        return spc >>> 1;
    }

    public static boolean noscan(int spc) {
        return (spc & 1) != 0;
    }
}
