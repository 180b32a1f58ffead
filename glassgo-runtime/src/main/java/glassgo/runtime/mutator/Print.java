// Print: the print and println builtins. Mirrors runtime/print.go (printint, printuint, printfloat,
// printbool, printstring, printpointer, printsp, printnl): the same formats, written to standard error.
package glassgo.runtime.mutator;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;

/**
 * Go writes each print call straight to fd 2. glassgo buffers it (a program printing in a loop would
 * otherwise spend its time in write(2)) and flushes when the program ends, before any panic report, and
 * whenever the buffer fills; {@link #flush} is called by the runner.
 */
public final class Print {
    private static final MemorySegment NATIVE = MemorySegment.NULL.reinterpret(Long.MAX_VALUE);
    private static final byte[] buf = new byte[8192];
    private static int n;
    private static OutputStream out = new FileOutputStream(FileDescriptor.err);

    private Print() {}

    /** Redirects print output (tests); flushes what was printed before. */
    public static synchronized void setOutput(OutputStream o) {
        flush();
        out = o;
    }

    public static synchronized void flush() {
        if (n > 0) {
            try {
                out.write(buf, 0, n);
                out.flush();
            } catch (IOException e) {
                // Go ignores write errors on fd 2 too.
            }
            n = 0;
        }
    }

    private static void put(byte b) {
        if (n == buf.length) {
            flush();
        }
        buf[n++] = b;
    }

    private static void put(String s) {
        for (int i = 0; i < s.length(); i++) {
            put((byte) s.charAt(i));
        }
    }

    public static synchronized void printint(long v) {
        put(Long.toString(v));
    }

    public static synchronized void printuint(long v) {
        put(Long.toUnsignedString(v));
    }

    public static synchronized void printbool(long v) {
        put(v != 0 ? "true" : "false");
    }

    public static synchronized void printpointer(long v) {
        put("0x" + Long.toHexString(v));
    }

    public static synchronized void printstring(long ptr, long len) {
        for (long i = 0; i < len; i++) {
            put(NATIVE.get(ValueLayout.JAVA_BYTE, ptr + i));
        }
    }

    /** A Java string's bytes as print writes them (for runtime messages). */
    public static synchronized void printjava(String s) {
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            put(b);
        }
    }

    public static synchronized void printsp() {
        put((byte) ' ');
    }

    public static synchronized void printnl() {
        put((byte) '\n');
    }

    /** {@code [len/cap]0xptr}, as print formats a slice. */
    public static synchronized void printslice(long ptr, long len, long cap) {
        put("[" + len + "/" + cap + "]0x" + Long.toHexString(ptr));
    }

    public static synchronized void printcomplex(double re, double im) {
        put((byte) '(');
        put(formatFloat(re));
        put(formatFloat(im));
        put("i)");
    }

    public static synchronized void printfloat(double v) {
        put(formatFloat(v));
    }

    /**
     * Go's printfloat: {@code [+-]d.dddddde[+-]ddd}, seven significant digits found by repeated scaling
     * (not correctly rounded, exactly as Go's runtime does it), {@code NaN}, {@code +Inf}, {@code -Inf}.
     */
    public static String formatFloat(double v) {
        if (v != v) {
            return "NaN";
        }
        if (v + v == v && v > 0) {
            return "+Inf";
        }
        if (v + v == v && v < 0) {
            return "-Inf";
        }
        final int digits = 7;
        byte[] b = new byte[digits + 7];
        b[0] = '+';
        int e = 0;
        if (v == 0) {
            if (1 / v < 0) {
                b[0] = '-';
            }
        } else {
            if (v < 0) {
                v = -v;
                b[0] = '-';
            }
            while (v >= 10) {
                e++;
                v /= 10;
            }
            while (v < 1) {
                e--;
                v *= 10;
            }
            double h = 5.0;
            for (int i = 0; i < digits; i++) {
                h /= 10;
            }
            v += h;
            if (v >= 10) {
                e++;
                v /= 10;
            }
        }
        for (int i = 0; i < digits; i++) {
            int s = (int) v;
            b[i + 2] = (byte) (s + '0');
            v -= s;
            v *= 10;
        }
        b[1] = b[2];
        b[2] = '.';
        b[digits + 2] = 'e';
        b[digits + 3] = '+';
        if (e < 0) {
            e = -e;
            b[digits + 3] = '-';
        }
        b[digits + 4] = (byte) (e / 100 + '0');
        b[digits + 5] = (byte) (e / 10 % 10 + '0');
        b[digits + 6] = (byte) (e % 10 + '0');
        return new String(b, StandardCharsets.ISO_8859_1);
    }
}
