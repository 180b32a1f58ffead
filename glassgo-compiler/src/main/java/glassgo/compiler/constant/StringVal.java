// go/constant's stringVal: a string constant, concatenated lazily.
package glassgo.compiler.constant;

import java.io.ByteArrayOutputStream;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/**
 * A Go string constant: a sequence of bytes (not necessarily valid UTF-8, e.g. {@code "\xff"}).
 * A sum {@code a + b + c ...} is kept as a tree and flattened once on first use, as go/constant
 * does (golang.org/issue/23348) so that long chains of {@code +} cost linear, not quadratic, time.
 */
final class StringVal implements Value {
    private byte[] bytes; // null while this is an unflattened sum
    private StringVal left;
    private StringVal right;

    StringVal(byte[] bytes) {
        this.bytes = bytes.clone();
    }

    private StringVal(StringVal left, StringVal right) {
        this.left = left;
        this.right = right;
    }

    static StringVal concat(StringVal a, StringVal b) {
        return new StringVal(a, b);
    }

    /** The bytes (shared: callers must not modify them). */
    synchronized byte[] bytes() {
        if (bytes == null) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            // Iterative in-order walk: left-leaning chains can be deep.
            Deque<StringVal> stack = new ArrayDeque<>();
            stack.push(right);
            stack.push(left);
            while (!stack.isEmpty()) {
                Object[] piece = stack.pop().snapshot();
                if (piece[0] != null) {
                    out.writeBytes((byte[]) piece[0]);
                } else {
                    stack.push((StringVal) piece[2]);
                    stack.push((StringVal) piece[1]);
                }
            }
            bytes = out.toByteArray();
            left = null;
            right = null;
        }
        return bytes;
    }

    /** {bytes, left, right} read atomically: another thread may be flattening this piece. */
    private synchronized Object[] snapshot() {
        return new Object[] {bytes, left, right};
    }

    @Override
    public Kind kind() {
        return Kind.STRING;
    }

    /** strconv.Quote of the string, cut to 72 runes with "..." as go/constant's String. */
    @Override
    public String toString() {
        final int maxLen = 72;
        String q = GoStrings.quote(bytes());
        if (q.codePointCount(0, q.length()) > maxLen) {
            q = q.substring(0, q.offsetByCodePoints(0, maxLen - 3)) + "...";
        }
        return q;
    }

    @Override
    public String exactString() {
        return GoStrings.quote(bytes());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StringVal s && Arrays.equals(bytes(), s.bytes());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes());
    }
}
